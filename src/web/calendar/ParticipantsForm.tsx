/** A delegate names who attends for their own delegation (one name per line; empty withdraws the list). */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { calendarApi, type MeetingView } from './calendar-api.ts';

export function ParticipantsForm({ organisationId, meeting, delegation, onChange }: { readonly organisationId: string; readonly meeting: MeetingView; readonly delegation: string; readonly onChange: (meeting: MeetingView) => void }) {
  const t = useT();
  const current = meeting.participants.find((group) => group.delegation === delegation)?.names ?? [];
  const [names, setNames] = useState(current.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setError(null);
    const list = names.split('\n').map((name) => name.trim()).filter(Boolean);
    calendarApi.participants(organisationId, meeting.id, delegation, list).then(onChange, (caught: unknown) => setError(caught instanceof ApiError ? caught.message : String(caught)));
  };
  return (
    <form onSubmit={submit}>
      <label>
        {t('calendar.ourParticipants', { delegation })} <textarea value={names} onChange={(e) => setNames(e.target.value)} rows={3} cols={40} />
      </label>
      <button type="submit">{t('calendar.saveParticipants')}</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
