/**
 * What the meeting did, once its agenda is adopted: who attended, what was decided on each
 * item, which revisions of its documents were issued that day (the server reads them from the
 * documents' logs). The secretariat and the chair record attendance and decisions here.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { agendaTitleIn } from '../../core/index.ts';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { calendarApi, type MeetingView, type RecordView } from './calendar-api.ts';
import { languageOf } from './language.ts';

interface Props {
  readonly organisationId: string;
  readonly meeting: MeetingView;
  readonly canRecord: boolean;
  /** The organisation's member states (codes), for recording attendance. */
  readonly members: readonly string[];
  readonly onChange: (meeting: MeetingView) => void;
}

export function MeetingRecord({ organisationId, meeting, canRecord, members, onChange }: Props) {
  const t = useT();
  const language = languageOf(useIntl().locale);
  const [record, setRecord] = useState<RecordView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [delegation, setDelegation] = useState('');
  const [present, setPresent] = useState(true);
  const [itemId, setItemId] = useState('');
  const [text, setText] = useState('');

  // The record changes with every step the meeting view reports (its steps and participants).
  useEffect(() => {
    let cancelled = false;
    if (meeting.agenda.status !== 'adopted') return undefined;
    calendarApi.record(organisationId, meeting.id).then((loaded) => !cancelled && setRecord(loaded), (caught: unknown) => !cancelled && setError(messageOf(caught)));
    return () => {
      cancelled = true;
    };
  }, [organisationId, meeting]);

  const act = (change: Promise<MeetingView>, reset: () => void): void => {
    setError(null);
    change.then((saved) => {
      reset();
      onChange(saved);
    }, (caught: unknown) => setError(messageOf(caught)));
  };
  const attendance = (e: FormEvent): void => {
    e.preventDefault();
    act(calendarApi.attendance(organisationId, meeting.id, { delegation, present }), () => setDelegation(''));
  };
  const decision = (e: FormEvent): void => {
    e.preventDefault();
    act(calendarApi.decide(organisationId, meeting.id, { itemId, text }), () => setText(''));
  };

  if (meeting.agenda.status !== 'adopted') return null;
  return (
    <section aria-labelledby="record-heading" className="meeting-record">
      <h2 id="record-heading">{t('calendar.record')}</h2>
      {record ? (
        <>
          <h3>{t('calendar.attended')}</h3>
          <p data-testid="attended">{record.attended.length === 0 ? t('calendar.nobodyRecorded') : record.attended.map((each) => each.delegation).join(', ')}</p>
          {record.absent.length > 0 ? <p>{t('calendar.absent', { delegations: record.absent.join(', ') })}</p> : null}
          <h3>{t('calendar.decisions')}</h3>
          <ol>
            {(record.agenda?.items ?? []).map(({ item, decisions }) => (
              <li key={item.id}>
                {agendaTitleIn(item.title, language)}
                <ul>
                  {decisions.length === 0 ? <li>{t('calendar.noDecision')}</li> : null}
                  {decisions.map((each) => (
                    <li key={each.id}>{each.text}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <h3>{t('calendar.revisions')}</h3>
          <p>{record.revisions.length === 0 ? t('calendar.noRevision') : record.revisions.map((each) => `${each.title}: ${each.label}`).join('; ')}</p>
        </>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {canRecord && meeting.status === 'scheduled' ? (
        <>
          <form onSubmit={attendance}>
            <h3>{t('calendar.recordAttendance')}</h3>
            <label>
              {t('calendar.delegation')}{' '}
              <select required value={delegation} onChange={(e) => setDelegation(e.target.value)}>
                <option value="">—</option>
                {members.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={present} onChange={(e) => setPresent(e.target.checked)} /> {t('calendar.present')}
            </label>
            <button type="submit">{t('calendar.recordAttendanceButton')}</button>
          </form>
          <form onSubmit={decision}>
            <h3>{t('calendar.recordDecision')}</h3>
            <label>
              {t('calendar.decisionItem')}{' '}
              <select required value={itemId} onChange={(e) => setItemId(e.target.value)}>
                <option value="">—</option>
                {meeting.agenda.items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {agendaTitleIn(item.title, language)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('calendar.decisionText')} <textarea required value={text} onChange={(e) => setText(e.target.value)} rows={3} cols={60} />
            </label>
            <button type="submit">{t('calendar.recordDecisionButton')}</button>
          </form>
        </>
      ) : null}
    </section>
  );
}

function messageOf(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : String(caught);
}
