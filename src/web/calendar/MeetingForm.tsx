/**
 * The secretariat's form to convene a meeting or change one: body, title, online link or
 * venue, the start on the seat's clock (the server turns it into a UTC instant by the tz
 * database and refuses a time the clocks skip), duration, documents under discussion.
 */
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { BODIES, BODY_IDS, type BodyId } from '../../core/index.ts';
import { ApiError, type DocumentSummaryBody } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { calendarApi, type MeetingView } from './calendar-api.ts';
import { languageOf } from './language.ts';

interface Props {
  readonly organisationId: string;
  readonly seatZone: string;
  readonly documents: readonly DocumentSummaryBody[];
  readonly initial: MeetingView | null;
  readonly onSaved: (meeting: MeetingView) => void;
}

export function MeetingForm({ organisationId, seatZone, documents, initial, onSaved }: Props) {
  const t = useT();
  const language = languageOf(useIntl().locale);
  const [body, setBody] = useState<BodyId>(initial?.body ?? 'swg');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [online, setOnline] = useState(initial ? initial.format.kind === 'online' : true);
  const [link, setLink] = useState(initial?.format.kind === 'online' ? initial.format.link : '');
  const [venue, setVenue] = useState(initial?.format.kind === 'venue' ? initial.format.venue : '');
  const [localStart, setLocalStart] = useState(initial?.localStart ?? '');
  const [duration, setDuration] = useState(initial?.durationMinutes ?? 180);
  const [chosen, setChosen] = useState<readonly string[]>(initial?.documents.map((d) => d.id) ?? []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = initial?.seatZone ?? seatZone;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const input = {
      body,
      title,
      format: online ? { kind: 'online' as const, link } : { kind: 'venue' as const, venue },
      localStart,
      seatZone: zone,
      durationMinutes: duration,
      documents: [...chosen],
      ...(initial ? { invited: initial.invited } : {}),
    };
    (initial ? calendarApi.update(organisationId, initial.id, input) : calendarApi.convene(organisationId, input)).then(onSaved, (caught: unknown) => {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      setBusy(false);
    });
  };

  return (
    <form className="meeting-form" onSubmit={submit}>
      <label>
        {t('calendar.body')}{' '}
        <select value={body} onChange={(e) => setBody(e.target.value as BodyId)}>
          {BODY_IDS.map((id) => (
            <option key={id} value={id}>
              {BODIES[id].name[language]} ({BODIES[id].abbreviation[language]})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('calendar.title')} <input required value={title} onChange={(e) => setTitle(e.target.value)} size={60} />
      </label>
      <fieldset>
        <legend>{t('calendar.format')}</legend>
        <label>
          <input type="radio" name="format" checked={online} onChange={() => setOnline(true)} /> {t('calendar.online')}
        </label>{' '}
        <label>
          <input type="radio" name="format" checked={!online} onChange={() => setOnline(false)} /> {t('calendar.venue')}
        </label>
        {online ? (
          <label>
            {t('calendar.link')} <input type="url" required value={link} onChange={(e) => setLink(e.target.value)} size={50} />
          </label>
        ) : (
          <label>
            {t('calendar.venueName')} <input required value={venue} onChange={(e) => setVenue(e.target.value)} size={50} />
          </label>
        )}
      </fieldset>
      <label>
        {t('calendar.localStart', { zone })} <input type="datetime-local" required value={localStart} onChange={(e) => setLocalStart(e.target.value.slice(0, 16))} />
      </label>
      <label>
        {t('calendar.durationLabel')} <input type="number" min={1} max={10080} required value={duration} onChange={(e) => setDuration(Number(e.target.value))} />
      </label>
      {documents.length > 0 ? (
        <fieldset>
          <legend>{t('calendar.documents')}</legend>
          {documents.map((document) => (
            <label key={document.id} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(document.id)}
                onChange={(e) => setChosen((before) => (e.target.checked ? [...before, document.id] : before.filter((id) => id !== document.id)))}
              />{' '}
              {document.title}
            </label>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" disabled={busy}>
        {t('calendar.save')}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
