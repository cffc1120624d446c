/**
 * The organisation's meetings, loaded on demand (React.lazy in App): the list with each
 * meeting's time at the seat and the reader's, the reader's calendar file, and one meeting;
 * the secretariat convenes from here.
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { BODIES } from '../../core/index.ts';
import { api, ApiError, type DocumentSummaryBody } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { pathOf } from '../routes.ts';
import { calendarApi, type MeetingView } from './calendar-api.ts';
import { languageOf } from './language.ts';
import { MeetingDetail } from './MeetingDetail.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { MeetingTime } from './MeetingTime.tsx';
import './calendar.css';

interface Props {
  readonly organisationId: string;
  readonly meetingId: string | null;
  readonly isSecretariat: boolean;
  readonly isChair: boolean;
  readonly delegation: string | null;
  readonly onOpen: (meetingId: string | null) => void;
  readonly onOpenDocument: (documentId: string) => void;
}

interface Seat {
  readonly place: string;
  readonly zone: string;
}

export default function CalendarArea({ organisationId, meetingId, isSecretariat, isChair, delegation, onOpen, onOpenDocument }: Props) {
  const t = useT();
  const language = languageOf(useIntl().locale);
  const [meetings, setMeetings] = useState<readonly MeetingView[] | null>(null);
  const [seat, setSeat] = useState<Seat | null>(null);
  const [documents, setDocuments] = useState<readonly DocumentSummaryBody[]>([]);
  const [members, setMembers] = useState<readonly string[]>([]);
  const [convening, setConvening] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const recorder = isSecretariat || isChair;
    Promise.all([calendarApi.list(organisationId), api.organisation(organisationId), recorder ? api.documents(organisationId) : Promise.resolve([]), recorder ? api.delegations(organisationId) : Promise.resolve([])]).then(
      ([list, org, docs, delegations]) => {
        if (cancelled) return;
        setMeetings(list.meetings);
        setSeat({ place: org.seat, zone: org.seatTimeZone });
        setDocuments(docs);
        setMembers(delegations.map((each) => each.code));
      },
      (caught: unknown) => !cancelled && setError(caught instanceof ApiError ? caught.message : String(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [organisationId, isSecretariat, isChair]);

  const replace = (meeting: MeetingView): void => setMeetings((before) => [...(before ?? []).filter((each) => each.id !== meeting.id), meeting].sort((a, b) => a.start.localeCompare(b.start)));
  const open = meetingId === null ? null : meetings?.find((each) => each.id === meetingId);

  return (
    <main id="content" className="calendar">
      {error ? <p role="alert">{error}</p> : null}
      {!meetings || !seat ? (
        error ? null : <p role="status">{t('calendar.loading')}</p>
      ) : open ? (
        <>
          <p>
            <a
              href={pathOf({ name: 'meetings', meetingId: null })}
              onClick={(e) => {
                e.preventDefault();
                onOpen(null);
              }}
            >
              {t('calendar.back')}
            </a>
          </p>
          <MeetingDetail organisationId={organisationId} meeting={open} place={seat.place} isSecretariat={isSecretariat} isChair={isChair} delegation={delegation} members={members} documents={documents} onChange={replace} onOpenDocument={onOpenDocument} />
        </>
      ) : (
        <>
          <h1>{t('calendar.heading')}</h1>
          <p>
            <a href={calendarApi.userIcsHref(organisationId)} download="meetings.ics">
              {t('calendar.myCalendar')}
            </a>
          </p>
          {isSecretariat ? (
            <section>
              <button type="button" aria-expanded={convening} onClick={() => setConvening((now) => !now)}>
                {convening ? t('calendar.close') : t('calendar.convene')}
              </button>
              {convening ? (
                <MeetingForm
                  organisationId={organisationId}
                  seatZone={seat.zone}
                  documents={documents}
                  initial={null}
                  onSaved={(meeting) => {
                    replace(meeting);
                    setConvening(false);
                    onOpen(meeting.id);
                  }}
                />
              ) : null}
            </section>
          ) : null}
          {meetings.length === 0 ? <p>{t('calendar.none')}</p> : null}
          <ul className="meeting-list">
            {meetings.map((meeting) => (
              <li key={meeting.id} className={meeting.status}>
                <a
                  href={pathOf({ name: 'meetings', meetingId: meeting.id })}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(meeting.id);
                  }}
                >
                  {meeting.title}
                </a>{' '}
                <span className="meta">
                  {BODIES[meeting.body].abbreviation[language]} · {meeting.status === 'scheduled' ? t('calendar.statusScheduled') : t('calendar.statusCancelled')} ·{' '}
                  {meeting.agenda.status === 'adopted' ? t('calendar.agendaAdopted') : t('calendar.agendaDraft')}
                </span>
                <MeetingTime start={meeting.start} seatZone={meeting.seatZone} place={seat.place} />
              </li>
            ))}
          </ul>
        </>
      )}
      {meetingId !== null && meetings && seat && !open ? <p role="alert">{t('calendar.notFound')}</p> : null}
    </main>
  );
}
