/**
 * What the secretariat, the chair and the delegations do with the organisation's meetings, as
 * plain values appended to one register per organisation (its calendar): convening, changing
 * and cancelling a meeting, its chair and participants, the agenda from draft to adopted, and
 * what the meeting recorded — who attended, what was decided on each item.
 *
 * Like every logged event they carry who recorded them (`actor`) and when (`at`, an instant
 * from the caller: core has no clock). Ids of meetings, items and decisions come from the
 * caller too.
 */
import type { Actor } from '../events/event.ts';
import type { AgendaItem } from './agenda.ts';
import type { Meeting, MeetingChair } from './meeting.ts';

/**
 * A meeting's particulars as the secretariat sets them. `start` is the UTC instant the
 * tz database gave for `localStart` in `seatZone` when the event was recorded: that instant is
 * what the invitations announced, so a replay keeps it rather than recomputing it.
 */
export type MeetingDetails = Pick<Meeting, 'body' | 'title' | 'format' | 'seatZone' | 'localStart' | 'start' | 'durationMinutes' | 'documents'> & {
  /** The delegations invited (ISO 3166-1 alpha-3), or null for every member state. */
  readonly invited: readonly string[] | null;
};

interface CalendarEventBase<T extends string, D> {
  readonly type: T;
  readonly at: string;
  readonly actor: Actor;
  readonly data: D;
}

type OfMeeting<D = unknown> = { readonly meetingId: string } & D;

export type MeetingConvened = CalendarEventBase<'meeting.convened', OfMeeting<{ readonly details: MeetingDetails }>>;
export type MeetingUpdated = CalendarEventBase<'meeting.updated', OfMeeting<{ readonly details: MeetingDetails }>>;
export type MeetingCancelled = CalendarEventBase<'meeting.cancelled', OfMeeting<{ readonly reason: string }>>;
export type MeetingChairSet = CalendarEventBase<'meeting.chair-set', OfMeeting<{ readonly chair: MeetingChair | null }>>;
/** Who will attend for one delegation (replaces the delegation's earlier list; an empty list withdraws it). */
export type MeetingParticipantsSet = CalendarEventBase<'meeting.participants-set', OfMeeting<{ readonly delegation: string; readonly names: readonly string[] }>>;

/** A draft agenda item, at `position` (0-based) or at the end when null. */
export type AgendaItemAdded = CalendarEventBase<'agenda.item-added', OfMeeting<{ readonly item: AgendaItem; readonly position: number | null }>>;
/** The item's kind, wording or documents changed (same id). */
export type AgendaItemAmended = CalendarEventBase<'agenda.item-amended', OfMeeting<{ readonly item: AgendaItem }>>;
export type AgendaItemRemoved = CalendarEventBase<'agenda.item-removed', OfMeeting<{ readonly itemId: string }>>;
/** The items in a new order: every item once. */
export type AgendaReordered = CalendarEventBase<'agenda.reordered', OfMeeting<{ readonly order: readonly string[] }>>;
/** The meeting adopts the agenda as it now stands; from then on it is kept as adopted. */
export type AgendaAdopted = CalendarEventBase<'agenda.adopted', OfMeeting>;

/** Whether a delegation attended, and who sat for it. */
export type AttendanceRecorded = CalendarEventBase<'attendance.recorded', OfMeeting<{ readonly delegation: string; readonly present: boolean; readonly names: readonly string[] }>>;
/** What the meeting decided on an item of its adopted agenda, with the documents the decision concerns. */
export type ItemDecided = CalendarEventBase<
  'item.decided',
  OfMeeting<{ readonly itemId: string; readonly decisionId: string; readonly text: string; readonly documents: readonly string[] }>
>;

export type CalendarEvent =
  | MeetingConvened
  | MeetingUpdated
  | MeetingCancelled
  | MeetingChairSet
  | MeetingParticipantsSet
  | AgendaItemAdded
  | AgendaItemAmended
  | AgendaItemRemoved
  | AgendaReordered
  | AgendaAdopted
  | AttendanceRecorded
  | ItemDecided;

export type CalendarEventType = CalendarEvent['type'];

export const CALENDAR_EVENT_TYPES: readonly CalendarEventType[] = [
  'meeting.convened',
  'meeting.updated',
  'meeting.cancelled',
  'meeting.chair-set',
  'meeting.participants-set',
  'agenda.item-added',
  'agenda.item-amended',
  'agenda.item-removed',
  'agenda.reordered',
  'agenda.adopted',
  'attendance.recorded',
  'item.decided',
];
