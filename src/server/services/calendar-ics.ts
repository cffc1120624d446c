/**
 * Calendar files (.ics) of the organisation's meetings — one meeting's, and a user's (every
 * meeting their delegation is invited to) — and the invitation a meeting sends. Times are UTC
 * instants in the file; the seat's and the reader's wall clocks go into the description.
 */
import { isKnownZone, meetingsToIcs, type CalendarEntry, type CalendarState, type IcsEntry } from '../../core/index.ts';
import { hasRole } from '../auth/policy.ts';
import type { Context } from '../context.ts';
import { calendarScopeOf, entryOf, type CalendarAccess } from './calendar.ts';

/** Whose eyes a file is for: which documents they may see. */
type Reader = Pick<CalendarAccess, 'organisationId' | 'documents'>;

/** A meeting's UID (RFC 5545): stable across changes, so a calendar replaces the older copy. */
export function meetingUid(organisationId: string, meetingId: string): string {
  return `${meetingId}@${organisationId}.meetings.parley`;
}

function icsEntry(access: Reader, entry: CalendarEntry): IcsEntry {
  // Document titles the reader may not see stay out of the file, as out of every view.
  const documents = entry.meeting.documents.filter((document) => access.documents.get(document.id)?.readable === true);
  return { meeting: { ...entry.meeting, documents }, uid: meetingUid(access.organisationId, entry.meeting.id), sequence: entry.sequence, cancelled: entry.status === 'cancelled' };
}

function readerZoneOption(zone: string | undefined): { readerZone?: string } {
  return zone !== undefined && isKnownZone(zone) ? { readerZone: zone } : {};
}

export function meetingIcs(access: Reader, entry: CalendarEntry, stamp: Date, readerZone?: string): string {
  return meetingsToIcs([icsEntry(access, entry)], { stamp: utc(stamp), ...readerZoneOption(readerZone) });
}

/**
 * Whether the reader is invited to the meeting: a delegate when their delegation is (every
 * member state when the meeting names none); the secretariat, the chair and observers follow
 * every meeting of the organisation.
 */
export function isInvited(access: CalendarAccess, entry: CalendarEntry): boolean {
  const delegations = access.list.filter((m) => m.role === 'delegate' && m.delegation !== null).map((m) => m.delegation!);
  if (delegations.length === 0 || hasRole(access.list, 'secretariat') || hasRole(access.list, 'chair')) return true;
  return entry.invited === null || delegations.some((code) => entry.invited!.includes(code));
}

/** The user's calendar: every meeting they are invited to, cancelled ones marked so. */
export function userIcs(access: CalendarAccess, state: CalendarState, stamp: Date, name: string, readerZone?: string): string {
  const entries = [...state.meetings.values()].filter((entry) => isInvited(access, entry)).sort((a, b) => a.meeting.start.localeCompare(b.meeting.start));
  return meetingsToIcs(
    entries.map((entry) => icsEntry(access, entry)),
    { stamp: utc(stamp), name, ...readerZoneOption(readerZone) },
  );
}

/**
 * What inviting to a meeting means, for whoever sends invitations (notifications and e-mail are
 * another part's, to be wired to this): the delegations invited and the calendar file to attach,
 * as a delegate may see it. Nothing here sends anything.
 */
export async function meetingInvitation(
  context: Pick<Context, 'database' | 'calendar' | 'now'>,
  organisationId: string,
  meetingId: string,
): Promise<{ readonly delegations: readonly string[]; readonly title: string; readonly start: string; readonly ics: string }> {
  // A delegate's membership: what the addressees may see (never what only the secretariat sees).
  const reader = await calendarScopeOf(context, organisationId, [{ organisationId, role: 'delegate', delegation: null, isHead: false }]);
  const { state } = await context.calendar.read(organisationId);
  const entry = entryOf(state, meetingId);
  return { delegations: entry.invited ?? reader.members, title: entry.meeting.title, start: entry.meeting.start, ics: meetingIcs(reader, entry, context.now()) };
}

function utc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/u, 'Z');
}
