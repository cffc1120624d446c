/**
 * What the rest of the server announces through notify(): a note verbale circulated to its
 * addressees, a meeting convened for the states invited. Both after their change committed;
 * a failure to notify is logged and never undoes them (notifySafely).
 */
import type { SomeLocalized } from '../../core/index.ts';
import type { Context } from '../context.ts';
import { meetingInvitation } from '../services/calendar-ics.ts';
import type { NoteCirculation } from '../services/note-circulation.ts';

/** A localized text as one string for a notification's parameters: English where there is one (the organisation's first working language), else the first written. */
function oneLanguage(text: SomeLocalized): string {
  return text.en ?? Object.values(text).find((value) => typeof value === 'string' && value.length > 0) ?? '';
}

/** Tells the delegates of each addressee that a note verbale was circulated to them. */
export function announceNoteCirculations(context: Pick<Context, 'noteCirculation' | 'notesVerbales' | 'notifications'>): () => void {
  const announce = async (circulation: NoteCirculation): Promise<void> => {
    const { state } = await context.notesVerbales.read(circulation.organisationId);
    const note = state.notes.get(circulation.noteId);
    if (!note) return;
    await context.notifications.notifySafely({
      organisationId: circulation.organisationId,
      kind: 'note-verbale',
      params: { number: circulation.number, subject: oneLanguage(note.content.subject), sender: oneLanguage(note.config.senderShort) },
      audience: { delegations: circulation.delegations },
      link: `/notes-verbales/${encodeURIComponent(circulation.noteId)}`,
      dedupeKey: `note-verbale:${circulation.noteId}`,
    });
  };
  // Not awaited: the other listeners of the signal need not wait for the notifications to be written.
  return context.noteCirculation.on((circulation) => {
    void announce(circulation).catch((error: unknown) => context.notifications.reportError(error, `announcing note verbale ${circulation.number}`));
  });
}

/** Tells the delegates of the states invited that a meeting was convened (once per meeting). */
export async function announceMeeting(context: Pick<Context, 'database' | 'calendar' | 'now' | 'notifications'>, organisationId: string, meetingId: string): Promise<void> {
  const invitation = await meetingInvitation(context, organisationId, meetingId);
  const { state } = await context.calendar.read(organisationId);
  const format = state.meetings.get(meetingId)?.meeting.format;
  await context.notifications.notifySafely({
    organisationId,
    kind: 'meeting-invitation',
    params: { meeting: invitation.title, startsAt: invitation.start, place: format?.kind === 'venue' ? format.venue : format?.kind === 'online' ? format.link : '' },
    audience: { delegations: invitation.delegations },
    link: `/meetings/${encodeURIComponent(meetingId)}`,
    dedupeKey: `meeting-invitation:${meetingId}`,
  });
}
