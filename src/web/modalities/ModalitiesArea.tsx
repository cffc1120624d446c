/**
 * The modalities of section 3, loaded on demand (React.lazy in App): the processes with their
 * stage and what is due from whom by when; one process with the steps the user may take.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t.ts';
import './modalities.css';
import { messageOf } from '../api.ts';
import { modalitiesApi, type ProcessBody, type StepBody } from './modalities-api.ts';
import { ProcessDetail } from './ProcessDetail.tsx';

interface Props {
  readonly organisationId: string;
  readonly processId: string | null;
  readonly delegation: string | null;
  readonly isSecretariat: boolean;
  readonly isChair: boolean;
  readonly onOpen: (processId: string | null) => void;
}

export default function ModalitiesArea({ organisationId, processId, delegation, isSecretariat, isChair, onOpen }: Props) {
  const t = useT();
  const [processes, setProcesses] = useState<ProcessBody[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [topic, setTopic] = useState('');
  const [areaId, setAreaId] = useState('');
  const reload = () => modalitiesApi.list(organisationId).then((list) => setProcesses(list.processes), (error: unknown) => setMessage(messageOf(error)));
  useEffect(() => {
    void reload();
  }, [organisationId]);
  const act = async (work: () => Promise<ProcessBody>) => {
    try {
      const done = await work();
      setMessage(t('modalities.recorded'));
      await reload();
      onOpen(done.id);
    } catch (error) {
      setMessage(messageOf(error));
    }
  };
  const start = (event: FormEvent, modality: 'A' | 'B') => {
    event.preventDefault();
    void act(() => modalitiesApi.start(organisationId, modality === 'A' ? { modality, areaId: areaId.trim() } : { modality, topic: topic.trim() }));
  };
  const open = processes?.find((p) => p.id === processId) ?? null;
  return (
    <main id="content" className="modalities">
      <h1>{t('modalities.heading')}</h1>
      {message ? <p role="status">{message}</p> : null}
      {processes === null ? <p role="status">{t('modalities.loading')}</p> : null}
      {open ? (
        <>
          <button type="button" onClick={() => onOpen(null)}>
            {t('modalities.back')}
          </button>
          <ProcessDetail process={open} delegation={delegation} isSecretariat={isSecretariat} onStep={(body: StepBody) => act(() => modalitiesApi.step(organisationId, open.id, body))} />
        </>
      ) : (
        <section aria-label={t('modalities.list')}>
          {processes?.length === 0 ? <p>{t('modalities.none')}</p> : null}
          <ul>
            {processes?.map((p) => (
              <li key={p.id}>
                <a href={`/modalities/${encodeURIComponent(p.id)}`} onClick={(e) => {
                    e.preventDefault();
                    onOpen(p.id);
                  }}>
                  {p.title}
                </a>{' '}
                — {t('modalities.modality', { modality: p.modality })}, {t('modalities.stage', { stage: t(`stage.${p.stage}`) })}
                {p.due.some((d) => d.yours) ? <strong> ({t('modalities.yours')})</strong> : null}
              </li>
            ))}
          </ul>
          {isSecretariat || isChair ? (
            <details>
              <summary>{t('modalities.start')}</summary>
              <form onSubmit={(e) => start(e, 'B')}>
                <label>
                  {t('modalities.topic')} <input required value={topic} onChange={(e) => setTopic(e.target.value)} />
                </label>
                <button type="submit">{t('modalities.startB')}</button>
              </form>
              <form onSubmit={(e) => start(e, 'A')}>
                <label>
                  {t('modalities.area')} <input required value={areaId} onChange={(e) => setAreaId(e.target.value)} />
                </label>
                <button type="submit">{t('modalities.startA')}</button>
              </form>
            </details>
          ) : null}
        </section>
      )}
    </main>
  );
}
