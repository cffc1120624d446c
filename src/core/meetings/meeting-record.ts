/**
 * A meeting's record, produced from the events: who attended, the agenda as adopted with what
 * was decided on each item, and which revisions of its documents were issued during the
 * meeting (read from the documents' own logs — the chair issues a revision there, not here).
 */
import { DateTime } from 'luxon';
import type { AgendaItem } from './agenda.ts';
import type { Attendance, CalendarEntry, Decision, Recorded } from './calendar-state.ts';
import { meetingEnd } from './meeting.ts';

/** A revision as a document's log gives it (core's revision list, or the state's `revisions`). */
export interface IssuedRevision {
  readonly label: string;
  readonly number: number;
  readonly at: string;
}

export interface DocumentRevisions {
  readonly documentId: string;
  readonly title: string;
  readonly revisions: readonly IssuedRevision[];
}

export interface MeetingRecord {
  readonly meetingId: string;
  readonly held: boolean;
  readonly attended: readonly Attendance[];
  /** Recorded as absent, or invited and not recorded as present. */
  readonly absent: readonly string[];
  readonly agenda: (Recorded & { readonly items: readonly { readonly item: AgendaItem; readonly decisions: readonly Decision[] }[] }) | null;
  readonly revisions: readonly (IssuedRevision & { readonly documentId: string; readonly title: string })[];
}

/**
 * The record of `entry`. `members` are the member states (whom "invited: all" means);
 * `documents` are the revision lists of the meeting's documents, and of any document a
 * decision names. A meeting counts as held once anyone's attendance or a decision is recorded.
 */
export function meetingRecord(entry: CalendarEntry, members: readonly string[], documents: readonly DocumentRevisions[]): MeetingRecord {
  const attendance = [...entry.attendance.values()];
  const attended = attendance.filter((each) => each.present).sort((a, b) => a.delegation.localeCompare(b.delegation));
  const invited = entry.invited ?? members;
  const present = new Set(attended.map((each) => each.delegation));
  const absent = [...new Set([...invited, ...attendance.filter((each) => !each.present).map((each) => each.delegation)])].filter((code) => !present.has(code)).sort();
  const adopted = entry.agenda.adopted;
  const [from, to] = meetingWindow(entry).map((instant) => Date.parse(instant));
  const revisions = documents.flatMap((document) =>
    document.revisions.filter((revision) => Date.parse(revision.at) >= from! && Date.parse(revision.at) <= to!).map((revision) => ({ ...revision, documentId: document.documentId, title: document.title })),
  );
  return {
    meetingId: entry.meeting.id,
    held: entry.status !== 'cancelled' && (attended.length > 0 || entry.decisions.length > 0),
    attended,
    absent: attended.length === 0 ? [] : absent,
    agenda: adopted && {
      at: adopted.at,
      actor: adopted.actor,
      items: adopted.items.map((item) => ({ item, decisions: entry.decisions.filter((decision) => decision.itemId === item.id) })),
    },
    revisions: revisions.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
  };
}

/**
 * When a revision counts as issued at the meeting: from its start to the end of the seat's
 * calendar day on which it was planned to end (meetings overrun; a revision issued the next
 * day is the next meeting's business).
 */
export function meetingWindow(entry: CalendarEntry): readonly [string, string] {
  const end = meetingEnd(entry.meeting);
  const dayEnd = DateTime.fromISO(end).setZone(entry.meeting.seatZone).endOf('day').toUTC().toISO() ?? end;
  return [new Date(entry.meeting.start).toISOString(), new Date(Math.max(Date.parse(end), Date.parse(dayEnd))).toISOString()];
}
