/**
 * `tryApplyCalendarEvent` folds one calendar event into a state; `foldCalendar` folds a log.
 *
 * Each event is validated completely before anything changes, so a rejected event leaves the
 * state as it was. A new event is also checked against a scope — today's member states and
 * documents, and the tz database (the start must be what the seat's wall clock gives) — while a
 * stored log is replayed without one (`null`): a state that left the organisation, a document
 * since deleted or a later tz database must not make yesterday's log unreadable.
 *
 * Who may record what is the server's business (every route has an access rule); the domain
 * keeps the rules that hold whoever records: a delegation never convenes, drafts or adopts, and
 * names participants for itself only.
 */
import { agendaItemProblem, type AgendaItem } from './agenda.ts';
import type { CalendarEvent, MeetingDetails } from './calendar-event.ts';
import { emptyCalendarState, type Agenda, type AgendaStep, type CalendarEntry, type CalendarState } from './calendar-state.ts';
import { meetingInputProblem } from './meeting.ts';
import { localToInstant } from './zoned-time.ts';

export interface CalendarScope {
  /** The member states (ISO 3166-1 alpha-3). */
  readonly members: ReadonlySet<string>;
  /** The organisation's documents that a meeting or an item may name. */
  readonly documents: ReadonlySet<string>;
}

export type CalendarRejectionCode =
  | 'BAD_VALUE'
  | 'UNKNOWN_MEETING'
  | 'DUPLICATE_MEETING'
  | 'CANCELLED'
  | 'NOT_A_DELEGATE_STEP'
  | 'NOT_OWN_DELEGATION'
  | 'NOT_A_MEMBER'
  | 'UNKNOWN_DOCUMENT'
  | 'UNKNOWN_ITEM'
  | 'DUPLICATE_ITEM'
  | 'AGENDA_ADOPTED'
  | 'AGENDA_NOT_ADOPTED'
  | 'AGENDA_EMPTY'
  | 'BAD_ORDER'
  | 'START_MISMATCH';

export interface CalendarRejection {
  readonly code: CalendarRejectionCode;
  readonly message: string;
}

export class CalendarEventRejected extends RangeError {
  readonly code: CalendarRejectionCode;
  constructor(rejection: CalendarRejection) {
    super(rejection.message);
    this.name = 'CalendarEventRejected';
    this.code = rejection.code;
  }
}

export type CalendarApplyResult = { readonly ok: true; readonly state: CalendarState } | { readonly ok: false; readonly rejection: CalendarRejection };

function reject(code: CalendarRejectionCode, message: string): CalendarRejection {
  return { code, message };
}

/** Applies `event` in place, or returns why it does not apply (the state is then untouched). */
export function tryApplyCalendarEvent(state: CalendarState, event: CalendarEvent, scope: CalendarScope | null): CalendarApplyResult {
  const rejection = checkCalendarEvent(state, event, scope);
  if (rejection) return { ok: false, rejection };
  mutate(state, event);
  state.version += 1;
  return { ok: true, state };
}

/** The state a log describes. @throws CalendarEventRejected if the log breaks its own rules. */
export function foldCalendar(events: readonly CalendarEvent[], scope: CalendarScope | null = null): CalendarState {
  const state = emptyCalendarState();
  for (const event of events) {
    const result = tryApplyCalendarEvent(state, event, scope);
    if (!result.ok) throw new CalendarEventRejected(result.rejection);
  }
  return state;
}

// ---------------------------------------------------------------------------------------
// Validation: pure checks, no mutation.

/** Why `event` would not apply to `state`, or null when it would. */
export function checkCalendarEvent(state: CalendarState, event: CalendarEvent, scope: CalendarScope | null): CalendarRejection | null {
  const { data } = event;
  if (typeof data.meetingId !== 'string' || !data.meetingId.trim()) return reject('BAD_VALUE', 'The event names no meeting.');
  if (event.type === 'meeting.convened') {
    if (event.actor.role === 'delegate') return reject('NOT_A_DELEGATE_STEP', 'The secretariat convenes meetings, not a delegation.');
    if (state.meetings.has(data.meetingId)) return reject('DUPLICATE_MEETING', `Meeting ${data.meetingId} already exists.`);
    return checkDetails(event.data.meetingId, event.data.details, scope);
  }
  const entry = state.meetings.get(data.meetingId);
  if (!entry) return reject('UNKNOWN_MEETING', `There is no meeting ${data.meetingId}.`);
  if (entry.status === 'cancelled') return reject('CANCELLED', `The meeting "${entry.meeting.title}" was cancelled; nothing more is recorded for it.`);
  if (event.type !== 'meeting.participants-set' && event.actor.role === 'delegate') {
    return reject('NOT_A_DELEGATE_STEP', 'The secretariat or the chair records this, not a delegation.');
  }
  switch (event.type) {
    case 'meeting.updated':
      return checkDetails(event.data.meetingId, event.data.details, scope);
    case 'meeting.cancelled':
      return typeof event.data.reason === 'string' && event.data.reason.length <= 2000 ? null : reject('BAD_VALUE', 'A cancellation gives its reason (it may be empty) in at most 2000 characters.');
    case 'meeting.chair-set': {
      const { chair } = event.data;
      if (chair === null) return null;
      if (typeof chair.name !== 'string' || !chair.name.trim()) return reject('BAD_VALUE', 'The chair needs a name.');
      return chair.delegation === undefined || chair.delegation === null ? null : memberCheck(chair.delegation, scope);
    }
    case 'meeting.participants-set': {
      const { delegation, names } = event.data;
      if (event.actor.role === 'delegate' && event.actor.delegation !== delegation) {
        return reject('NOT_OWN_DELEGATION', `A delegate of ${event.actor.delegation ?? 'no delegation'} names participants for their own delegation, not for ${delegation}.`);
      }
      return memberCheck(delegation, scope) ?? namesCheck(names);
    }
    case 'agenda.item-added': {
      const draft = draftCheck(entry);
      if (draft) return draft;
      const { item, position } = event.data;
      if (entry.agenda.items.some((each) => each.id === item.id)) return reject('DUPLICATE_ITEM', `The agenda already has an item ${item.id}.`);
      if (position !== null && (!Number.isInteger(position) || position < 0 || position > entry.agenda.items.length)) {
        return reject('BAD_VALUE', `Position ${position} is outside the agenda (0 to ${entry.agenda.items.length}).`);
      }
      return itemCheck(item, scope);
    }
    case 'agenda.item-amended': {
      const draft = draftCheck(entry);
      if (draft) return draft;
      if (!entry.agenda.items.some((each) => each.id === event.data.item.id)) return unknownItem(event.data.item.id);
      return itemCheck(event.data.item, scope);
    }
    case 'agenda.item-removed':
      return draftCheck(entry) ?? (entry.agenda.items.some((each) => each.id === event.data.itemId) ? null : unknownItem(event.data.itemId));
    case 'agenda.reordered': {
      const draft = draftCheck(entry);
      if (draft) return draft;
      const order: unknown = event.data.order;
      const ids: readonly string[] = entry.agenda.items.map((item) => item.id);
      const same = Array.isArray(order) && order.length === ids.length && new Set(order).size === order.length && order.every((id: unknown) => ids.includes(id as string));
      return same ? null : reject('BAD_ORDER', `A new order lists every item of the agenda once (${ids.join(', ')}).`);
    }
    case 'agenda.adopted':
      return draftCheck(entry) ?? (entry.agenda.items.length === 0 ? reject('AGENDA_EMPTY', 'An agenda without items cannot be adopted; draft its items first.') : null);
    case 'attendance.recorded': {
      const { delegation, present, names } = event.data;
      if (typeof present !== 'boolean') return reject('BAD_VALUE', 'Attendance says whether the delegation was present.');
      return memberCheck(delegation, scope) ?? namesCheck(names);
    }
    case 'item.decided': {
      const { itemId, decisionId, text, documents } = event.data;
      if (!entry.agenda.adopted) return reject('AGENDA_NOT_ADOPTED', 'The meeting decides on the items of its adopted agenda: adopt the agenda first.');
      if (!entry.agenda.adopted.items.some((item) => item.id === itemId)) return unknownItem(itemId);
      if (typeof decisionId !== 'string' || !decisionId.trim() || entry.decisions.some((each) => each.id === decisionId)) return reject('BAD_VALUE', 'Each decision needs an id of its own.');
      if (typeof text !== 'string' || !text.trim() || text.length > 20_000) return reject('BAD_VALUE', 'A decision needs its text (at most 20 000 characters).');
      return documentsCheck(documents, scope);
    }
  }
}

function checkDetails(meetingId: string, details: MeetingDetails, scope: CalendarScope | null): CalendarRejection | null {
  const problem = meetingInputProblem({ ...details, id: meetingId, participants: [] });
  if (problem) return reject('BAD_VALUE', problem);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u.test(details.start)) return reject('BAD_VALUE', `"${details.start}" is not a UTC instant such as 2021-06-02T08:00:00Z.`);
  if (scope) {
    const expected = localToInstant(details.localStart, details.seatZone);
    if (expected !== details.start) {
      return reject('START_MISMATCH', `${details.localStart} in ${details.seatZone} is ${expected}, not ${details.start}.`);
    }
  }
  if (details.invited !== null) {
    if (!Array.isArray(details.invited) || details.invited.length === 0) return reject('BAD_VALUE', 'A meeting invites every member state (null) or a list of at least one.');
    if (new Set(details.invited).size !== details.invited.length) return reject('BAD_VALUE', 'Each invited delegation is named once.');
    for (const delegation of details.invited) {
      const notMember = memberCheck(delegation, scope);
      if (notMember) return notMember;
    }
  }
  return documentsCheck(details.documents.map((document) => document.id), scope);
}

function itemCheck(item: AgendaItem, scope: CalendarScope | null): CalendarRejection | null {
  const problem = agendaItemProblem(item);
  return problem ? reject('BAD_VALUE', problem) : documentsCheck(item.documents, scope);
}

function draftCheck(entry: CalendarEntry): CalendarRejection | null {
  return entry.agenda.status === 'adopted'
    ? reject('AGENDA_ADOPTED', `The agenda of "${entry.meeting.title}" is adopted and kept as adopted; it is no longer amended or reordered.`)
    : null;
}

function unknownItem(itemId: string): CalendarRejection {
  return reject('UNKNOWN_ITEM', `The agenda has no item ${itemId}.`);
}

function memberCheck(delegation: unknown, scope: CalendarScope | null): CalendarRejection | null {
  if (typeof delegation !== 'string' || !/^[A-Z]{3}$/u.test(delegation)) return reject('BAD_VALUE', `"${String(delegation)}" is not a delegation code such as KAZ.`);
  return scope && !scope.members.has(delegation) ? reject('NOT_A_MEMBER', `${delegation} is not a member state of the organisation.`) : null;
}

function namesCheck(names: unknown): CalendarRejection | null {
  const ok = Array.isArray(names) && names.length <= 100 && names.every((name) => typeof name === 'string' && name.trim() !== '' && name.length <= 200);
  return ok ? null : reject('BAD_VALUE', 'Participants are a list of at most 100 names, none empty.');
}

function documentsCheck(documents: readonly string[], scope: CalendarScope | null): CalendarRejection | null {
  const unknown = scope ? documents.find((id) => !scope.documents.has(id)) : undefined;
  return unknown === undefined ? null : reject('UNKNOWN_DOCUMENT', `There is no document ${unknown} in the organisation.`);
}

// ---------------------------------------------------------------------------------------
// Mutation: only called once validation passed.

function mutate(state: CalendarState, event: CalendarEvent): void {
  const recorded = { at: event.at, actor: event.actor };
  const { meetingId } = event.data;
  if (event.type === 'meeting.convened') {
    const { invited, ...details } = event.data.details;
    state.meetings.set(meetingId, {
      meeting: { ...details, id: meetingId, participants: [] },
      invited,
      status: 'scheduled',
      cancellation: null,
      convened: recorded,
      sequence: 0,
      agenda: { status: 'draft', items: [], adopted: null, steps: [] },
      attendance: new Map(),
      decisions: [],
    });
    return;
  }
  const entry = state.meetings.get(meetingId)!;
  const set = (next: Partial<CalendarEntry>): void => void state.meetings.set(meetingId, { ...entry, ...next });
  const agenda = (items: readonly AgendaItem[], itemId: string | null, adopted: Agenda['adopted'] = null): Partial<CalendarEntry> => ({
    agenda: {
      status: adopted ? 'adopted' : 'draft',
      items,
      adopted,
      steps: [...entry.agenda.steps, { type: event.type as AgendaStep['type'], itemId, ...recorded }],
    },
  });
  switch (event.type) {
    case 'meeting.updated': {
      const { invited, ...details } = event.data.details;
      set({ meeting: { ...entry.meeting, ...details }, invited, sequence: entry.sequence + 1 });
      return;
    }
    case 'meeting.cancelled':
      set({ status: 'cancelled', cancellation: { ...recorded, reason: event.data.reason }, sequence: entry.sequence + 1 });
      return;
    case 'meeting.chair-set': {
      const { chair: _previous, ...rest } = entry.meeting;
      set({ meeting: event.data.chair ? { ...rest, chair: event.data.chair } : rest });
      return;
    }
    case 'meeting.participants-set': {
      const { delegation, names } = event.data;
      const others = entry.meeting.participants.filter((group) => group.delegation !== delegation);
      const participants = names.length === 0 ? others : [...others, { delegation, names: [...names] }].sort((a, b) => a.delegation.localeCompare(b.delegation));
      set({ meeting: { ...entry.meeting, participants } });
      return;
    }
    case 'agenda.item-added': {
      const items = [...entry.agenda.items];
      items.splice(event.data.position ?? items.length, 0, copyItem(event.data.item));
      set(agenda(items, event.data.item.id));
      return;
    }
    case 'agenda.item-amended':
      set(agenda(entry.agenda.items.map((item) => (item.id === event.data.item.id ? copyItem(event.data.item) : item)), event.data.item.id));
      return;
    case 'agenda.item-removed':
      set(agenda(entry.agenda.items.filter((item) => item.id !== event.data.itemId), event.data.itemId));
      return;
    case 'agenda.reordered': {
      const byId = new Map(entry.agenda.items.map((item) => [item.id, item]));
      set(agenda(event.data.order.map((id) => byId.get(id)!), null));
      return;
    }
    case 'agenda.adopted':
      set(agenda(entry.agenda.items, null, { ...recorded, items: entry.agenda.items }));
      return;
    case 'attendance.recorded': {
      const { delegation, present, names } = event.data;
      const attendance = new Map(entry.attendance);
      attendance.set(delegation, { ...recorded, delegation, present, names: [...names] });
      set({ attendance });
      return;
    }
    case 'item.decided': {
      const { decisionId, itemId, text, documents } = event.data;
      set({ decisions: [...entry.decisions, { ...recorded, id: decisionId, itemId, text, documents: [...documents] }] });
      return;
    }
  }
}

function copyItem(item: AgendaItem): AgendaItem {
  return { id: item.id, kind: item.kind, title: { ...item.title }, documents: [...item.documents] };
}
