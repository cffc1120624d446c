/** The form for one step the user may take: only the fields that step needs. */
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t.ts';
import type { ProcessBody, StepBody } from './modalities-api.ts';

interface Props {
  readonly process: ProcessBody;
  readonly type: StepBody['type'];
  readonly needsState: boolean;
  readonly onSubmit: (body: StepBody) => Promise<void>;
}

export function StepForm({ process, type, needsState, onSubmit }: Props) {
  const t = useT();
  const [state, setState] = useState(process.members[0] ?? '');
  const [value, setValue] = useState('');
  const [outcome, setOutcome] = useState<'agreed' | 'not-agreed'>('agreed');
  const [host, setHost] = useState(process.members[0] ?? '');
  const [note, setNote] = useState('');
  const id = `step-${process.id}-${type}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = { ...(note.trim() ? { note: note.trim() } : {}), ...(needsState ? { state } : {}) };
    const list = value.split(/[\n,]/u).map((s) => s.trim()).filter(Boolean);
    const body = ((): StepBody => {
      switch (type) {
        case 'coordinator.appointed':
          return { type, states: list, ...common };
        case 'concept-paper.drafted':
        case 'working-paper.produced':
          return { type, documentId: value.trim(), ...common };
        case 'experts.nominated':
          return { type, experts: list, ...common };
        case 'specialized-meeting.organised':
          return { type, meetingId: value.trim(), hostState: host, ...common };
        case 'swg.considered':
          return { type, outcome, ...common };
        case 'silence.opened':
          return { type, deadline: new Date(value).toISOString(), ...common };
        case 'silence.broken':
          return { type, objection: value, ...common };
        default:
          return { type, ...common };
      }
    })();
    void onSubmit(body);
  };
  const field: Partial<Record<StepBody['type'], { label: string; multiline?: boolean; input?: string }>> = {
    'coordinator.appointed': { label: t('modalities.states') },
    'concept-paper.drafted': { label: t('modalities.documentId') },
    'working-paper.produced': { label: t('modalities.documentId') },
    'experts.nominated': { label: t('modalities.experts'), multiline: true },
    'specialized-meeting.organised': { label: t('modalities.meetingId') },
    'silence.opened': { label: t('modalities.deadline'), input: 'datetime-local' },
    'silence.broken': { label: t('modalities.objection'), multiline: true },
  };
  const main = field[type];
  return (
    <form className="step-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('modalities.take', { step: t(`step.${type}`) })}</h4>
      {needsState ? (
        <label>
          {t('modalities.state')}{' '}
          <select value={state} onChange={(e) => setState(e.target.value)}>
            {process.members.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
      ) : null}
      {main ? (
        <label>
          {main.label}{' '}
          {main.multiline ? (
            <textarea required value={value} onChange={(e) => setValue(e.target.value)} />
          ) : (
            <input required type={main.input ?? 'text'} value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </label>
      ) : null}
      {type === 'specialized-meeting.organised' ? (
        <label>
          {t('modalities.hostState')}{' '}
          <select value={host} onChange={(e) => setHost(e.target.value)}>
            {process.members.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
      ) : null}
      {type === 'swg.considered' ? (
        <label>
          {t('modalities.outcome')}{' '}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as 'agreed' | 'not-agreed')}>
            <option value="agreed">{t('modalities.agreed')}</option>
            <option value="not-agreed">{t('modalities.notAgreed')}</option>
          </select>
        </label>
      ) : null}
      <label>
        {t('modalities.note')} <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit">{t('modalities.submit')}</button>
    </form>
  );
}
