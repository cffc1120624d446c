/**
 * One meeting: its body, format (link or venue), time at the seat and the reader's, documents
 * (each opened in meeting mode), chair, participants, agenda, the invitation to download;
 * for the secretariat, the form to change it and the cancellation.
 */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { BODIES } from '../../core/index.ts';
import { ApiError, type DocumentSummaryBody } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { AgendaView } from './AgendaView.tsx';
import { calendarApi, type MeetingView } from './calendar-api.ts';
import { languageOf } from './language.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { MeetingRecord } from './MeetingRecord.tsx';
import { MeetingTime } from './MeetingTime.tsx';
import { ParticipantsForm } from './ParticipantsForm.tsx';

interface Props {
  readonly organisationId: string;
  readonly meeting: MeetingView;
  readonly place: string;
  readonly isSecretariat: boolean;
  readonly isChair: boolean;
  /** The reader's delegation when they are a delegate: they name its participants. */
  readonly delegation: string | null;
  readonly members: readonly string[];
  readonly documents: readonly DocumentSummaryBody[];
  readonly onChange: (meeting: MeetingView) => void;
  readonly onOpenDocument: (documentId: string) => void;
}

export function MeetingDetail({ organisationId, meeting, place, isSecretariat, isChair, delegation, members, documents, onChange, onOpenDocument }: Props) {
  const t = useT();
  const language = languageOf(useIntl().locale);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const body = BODIES[meeting.body];
  const scheduled = meeting.status === 'scheduled';

  return (
    <article className="calendar-meeting" aria-labelledby="meeting-title">
      <h1 id="meeting-title">{meeting.title}</h1>
      <p>
        <span className={`meeting-status ${meeting.status}`}>{scheduled ? t('calendar.statusScheduled') : t('calendar.statusCancelled')}</span>
        {meeting.cancellation ? <> — {t('calendar.cancelledBecause', { reason: meeting.cancellation.reason || '—' })}</> : null}
      </p>
      <dl className="calendar-facts">
        <dt>{t('calendar.body')}</dt>
        <dd>
          {body.name[language]} ({body.abbreviation[language]})
        </dd>
        <dt>{t('calendar.when')}</dt>
        <dd>
          <MeetingTime start={meeting.start} seatZone={meeting.seatZone} place={place} />
          {t('calendar.duration', { minutes: meeting.durationMinutes })}
        </dd>
        <dt>{t('calendar.format')}</dt>
        <dd>
          {meeting.format.kind === 'online' ? (
            <>
              {t('calendar.online')}: <a href={meeting.format.link} rel="noopener noreferrer" target="_blank">{meeting.format.link}</a>
            </>
          ) : (
            <>
              {t('calendar.venue')}: {meeting.format.venue}
            </>
          )}
        </dd>
        <dt>{t('calendar.documents')}</dt>
        <dd>
          {meeting.documents.length === 0 ? t('calendar.noDocuments') : null}
          <ul>
            {meeting.documents.map((document) => (
              <li key={document.id}>
                <a
                  href={`/documents/${encodeURIComponent(document.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpenDocument(document.id);
                  }}
                >
                  {t('calendar.openDocument', { title: document.title })}
                </a>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('calendar.chair')}</dt>
        <dd>{meeting.chair ? `${meeting.chair.name}${meeting.chair.delegation ? ` (${meeting.chair.delegation})` : ''}` : t('calendar.noChair')}</dd>
        <dt>{t('calendar.invited')}</dt>
        <dd>{meeting.invited === null ? t('calendar.invitedAll') : meeting.invited.join(', ')}</dd>
        <dt>{t('calendar.participants')}</dt>
        <dd>
          {meeting.participants.length === 0 ? t('calendar.noParticipants') : null}
          <ul>
            {meeting.participants.map((group) => (
              <li key={group.delegation}>
                {group.delegation}: {group.names.join(', ')}
              </li>
            ))}
          </ul>
          {delegation && scheduled ? <ParticipantsForm organisationId={organisationId} meeting={meeting} delegation={delegation} onChange={onChange} /> : null}
        </dd>
      </dl>
      <p>
        <a href={calendarApi.meetingIcsHref(organisationId, meeting.id)} download={`meeting-${meeting.id}.ics`}>
          {t('calendar.downloadIcs')}
        </a>
      </p>
      <AgendaView organisationId={organisationId} meeting={meeting} canRecord={isSecretariat || isChair} documents={documents} onChange={onChange} onOpenDocument={onOpenDocument} />
      <MeetingRecord organisationId={organisationId} meeting={meeting} canRecord={isSecretariat || isChair} members={members} onChange={onChange} />
      {isSecretariat && scheduled ? (
        <section className="meeting-admin">
          <button type="button" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
            {editing ? t('calendar.close') : t('calendar.edit')}
          </button>
          {editing ? (
            <MeetingForm
              organisationId={organisationId}
              seatZone={meeting.seatZone}
              documents={documents}
              initial={meeting}
              onSaved={(saved) => {
                setEditing(false);
                onChange(saved);
              }}
            />
          ) : null}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              calendarApi.cancel(organisationId, meeting.id, reason).then(onChange, (caught: unknown) => setError(caught instanceof ApiError ? caught.message : String(caught)));
            }}
          >
            <h2>{t('calendar.cancelMeeting')}</h2>
            <label>
              {t('calendar.cancelReason')} <input value={reason} onChange={(e) => setReason(e.target.value)} size={50} />
            </label>{' '}
            <button type="submit">{t('calendar.confirmCancel')}</button>
            {error ? <p role="alert">{error}</p> : null}
          </form>
        </section>
      ) : null}
    </article>
  );
}
