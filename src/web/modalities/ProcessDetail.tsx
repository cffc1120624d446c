/** One process: its stage, what is due from whom and by when, the silence procedure, the steps taken, and forms for the steps that are yours. */
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t.ts';
import { pathOf } from '../routes.ts';
import type { ProcessBody, StepBody } from './modalities-api.ts';
import { StepForm } from './StepForm.tsx';

interface Props {
  readonly process: ProcessBody;
  readonly delegation: string | null;
  readonly isSecretariat: boolean;
  readonly onStep: (body: StepBody) => Promise<void>;
}

export function ProcessDetail({ process, delegation, isSecretariat, onStep }: Props) {
  const t = useT();
  const intl = useIntl();
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeStyle: 'short' });
  const silence = process.silence;
  return (
    <article className="process" aria-labelledby={`process-${process.id}`}>
      <h2 id={`process-${process.id}`}>
        {process.title} — {t('modalities.modality', { modality: process.modality })}
      </h2>
      <p>{t('modalities.stage', { stage: t(`stage.${process.stage}`) })}</p>
      {process.dueBy ? <p>{t('modalities.dueBy', { date: when(process.dueBy) })}</p> : null}
      {process.paperId ? <a href={pathOf({ name: 'document', documentId: process.paperId })}>{t('modalities.paper')}</a> : null}
      {silence.status !== 'none' ? (
        <section aria-label={t('modalities.silence')}>
          <h3>{t('modalities.silence')}</h3>
          <p role="status">
            {silence.status === 'running'
              ? t('modalities.silenceRunning', { date: when(silence.deadline) })
              : silence.status === 'broken'
                ? t('modalities.silenceBroken', { state: silence.by, date: when(silence.at), objection: silence.objection })
                : t('modalities.silenceEnded', { date: when(silence.deadline) })}
          </p>
        </section>
      ) : null}
      <h3>{t('modalities.due')}</h3>
      {process.due.length === 0 ? <p>{t('modalities.nothingDue')}</p> : null}
      <ul>
        {process.due.map((step) => (
          <li key={step.type}>
            {t(`step.${step.type}`)} — {t('modalities.from', { actors: step.states?.join(', ') ?? step.actors.map((a) => t(`actor.${a}`)).join(', ') })}
            {step.yours ? <strong> ({t('modalities.yours')})</strong> : null}
            {step.yours ? <StepForm process={process} type={step.type} needsState={step.actors.includes('state') && isSecretariat && delegation === null} onSubmit={onStep} /> : null}
          </li>
        ))}
      </ul>
      <h3>{t('modalities.steps')}</h3>
      <ol>
        {process.steps.map((step, index) => (
          <li key={index}>
            {t(`step.${step.type}`)}: {t('modalities.recordedBy', { actor: step.actor.state ?? t(`actor.${step.actor.role}`), date: when(step.at) })}
            {step.note ? ` — ${step.note}` : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
