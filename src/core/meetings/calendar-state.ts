/**
 * The organisation's calendar as the fold of its events: each meeting with its particulars,
 * chair and participants, its agenda (the draft as it stands, and the adopted one kept as it
 * was adopted), attendance and decisions.
 */
import type { Actor } from '../events/event.ts';
import type { AgendaItem, AgendaStatus } from './agenda.ts';
import type { CalendarEventType } from './calendar-event.ts';
import type { Meeting } from './meeting.ts';

export interface Recorded {
  readonly at: string;
  readonly actor: Actor;
}

/** One step of an agenda's life: drafted, amended, reordered, adopted. */
export interface AgendaStep extends Recorded {
  readonly type: Extract<CalendarEventType, `agenda.${string}`>;
  readonly itemId: string | null;
}

export interface Agenda {
  readonly status: AgendaStatus;
  /** The items as they stand (the adopted ones once adopted). */
  readonly items: readonly AgendaItem[];
  readonly adopted: (Recorded & { readonly items: readonly AgendaItem[] }) | null;
  readonly steps: readonly AgendaStep[];
}

export interface Attendance extends Recorded {
  readonly delegation: string;
  readonly present: boolean;
  readonly names: readonly string[];
}

export interface Decision extends Recorded {
  readonly id: string;
  readonly itemId: string;
  readonly text: string;
  readonly documents: readonly string[];
}

export type CalendarEntryStatus = 'scheduled' | 'cancelled';

export interface CalendarEntry {
  readonly meeting: Meeting;
  readonly invited: readonly string[] | null;
  readonly status: CalendarEntryStatus;
  readonly cancellation: (Recorded & { readonly reason: string }) | null;
  readonly convened: Recorded;
  /** Changes of particulars since convened, cancellation included: an invitation's SEQUENCE (RFC 5545). */
  readonly sequence: number;
  readonly agenda: Agenda;
  /** By delegation, in the order first recorded. */
  readonly attendance: ReadonlyMap<string, Attendance>;
  readonly decisions: readonly Decision[];
}

export interface CalendarState {
  readonly meetings: Map<string, CalendarEntry>;
  version: number;
}

export function emptyCalendarState(): CalendarState {
  return { meetings: new Map(), version: 0 };
}
