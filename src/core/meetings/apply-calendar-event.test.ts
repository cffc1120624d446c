import { describe, expect, it } from 'vitest';
import type { Actor } from '../events/event.ts';
import { checkCalendarEvent, foldCalendar, tryApplyCalendarEvent, type CalendarScope } from './apply-calendar-event.ts';
import type { CalendarEvent, MeetingDetails } from './calendar-event.ts';
import { emptyCalendarState, type CalendarState } from './calendar-state.ts';
import { seedSwgAgenda } from './seed-agenda.ts';
import { seedSwgMeeting } from './seed-meeting.ts';

const secretariat: Actor = { user: 'sec', delegation: null, role: 'secretariat' };
const chair: Actor = { user: 'chair', delegation: null, role: 'chair' };
const kaz: Actor = { user: 'kaz', delegation: 'KAZ', role: 'delegate' };
const DOC = 'cica-catalogue-draft';
const scope: CalendarScope = { members: new Set(['IND', 'ISR', 'KAZ']), documents: new Set([DOC]) };

function details(change: Partial<MeetingDetails> = {}): MeetingDetails {
  const { id: _id, participants: _p, chair: _c, ...rest } = seedSwgMeeting();
  return { ...rest, invited: null, ...change };
}

let clock = 0;
function ev<T extends CalendarEvent['type']>(type: T, data: Extract<CalendarEvent, { type: T }>['data'], actor: Actor = secretariat): CalendarEvent {
  return { type, at: new Date(Date.UTC(2021, 4, 28, 6, 0, (clock += 1))).toISOString(), actor, data } as CalendarEvent;
}

/** The seed's meeting convened with its draft agenda. */
function convened(): CalendarState {
  const events: CalendarEvent[] = [ev('meeting.convened', { meetingId: 'm1', details: details() })];
  for (const item of seedSwgAgenda(DOC)) events.push(ev('agenda.item-added', { meetingId: 'm1', item, position: null }));
  return foldCalendar(events, scope);
}

function apply(state: CalendarState, event: CalendarEvent) {
  return tryApplyCalendarEvent(state, event, scope);
}

describe('the calendar register', () => {
  it("convenes the seed's SWG meeting with its three-item draft agenda", () => {
    const entry = convened().meetings.get('m1')!;
    expect(entry.meeting.start).toBe('2021-06-02T08:00:00Z');
    expect(entry.agenda.status).toBe('draft');
    expect(entry.agenda.items.map((item) => item.title.en)).toEqual([
      'Adoption of the agenda',
      'Discussion of the draft of the updated CICA Catalogue of Confidence Building Measures',
      'Any other business',
    ]);
    expect(entry.agenda.items[1]!.documents).toEqual([DOC]);
  });

  it('amends, reorders and inserts while the agenda is a draft, then keeps it as adopted', () => {
    const state = convened();
    expect(apply(state, ev('agenda.item-amended', { meetingId: 'm1', item: { id: 'item-3', kind: 'any-other-business', title: { en: 'Other matters' }, documents: [] } }, chair)).ok).toBe(true);
    const added = { id: 'item-x', kind: 'other', title: { ru: 'Дата следующего заседания' }, documents: [] } as const;
    expect(apply(state, ev('agenda.item-added', { meetingId: 'm1', item: added, position: 2 })).ok).toBe(true);
    expect(apply(state, ev('agenda.reordered', { meetingId: 'm1', order: ['item-1', 'item-2', 'item-3', 'item-x'] }, chair)).ok).toBe(true);
    expect(apply(state, ev('agenda.adopted', { meetingId: 'm1' }, chair)).ok).toBe(true);
    const entry = state.meetings.get('m1')!;
    expect(entry.agenda.adopted?.items.map((item) => item.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-x']);
    expect(entry.agenda.adopted?.items[2]?.title).toEqual({ en: 'Other matters' });
    expect(entry.agenda.steps.map((step) => step.type)).toEqual([
      'agenda.item-added', 'agenda.item-added', 'agenda.item-added', 'agenda.item-amended', 'agenda.item-added', 'agenda.reordered', 'agenda.adopted',
    ]);
    const after = apply(state, ev('agenda.item-removed', { meetingId: 'm1', itemId: 'item-x' }));
    expect(after.ok ? null : after.rejection.code).toBe('AGENDA_ADOPTED');
  });

  it('records attendance and decisions on items of the adopted agenda only', () => {
    const state = convened();
    const decide = ev('item.decided', { meetingId: 'm1', itemId: 'item-2', decisionId: 'd1', text: 'Rev.1 to be circulated', documents: [DOC] }, chair);
    expect(checkCalendarEvent(state, decide, scope)?.code).toBe('AGENDA_NOT_ADOPTED');
    apply(state, ev('agenda.adopted', { meetingId: 'm1' }, chair));
    expect(apply(state, decide).ok).toBe(true);
    expect(checkCalendarEvent(state, ev('item.decided', { meetingId: 'm1', itemId: 'nope', decisionId: 'd2', text: 'x', documents: [] }), scope)?.code).toBe('UNKNOWN_ITEM');
    expect(checkCalendarEvent(state, ev('item.decided', { meetingId: 'm1', itemId: 'item-2', decisionId: 'd1', text: 'again', documents: [] }), scope)?.code).toBe('BAD_VALUE');
    expect(apply(state, ev('attendance.recorded', { meetingId: 'm1', delegation: 'KAZ', present: true, names: ['A. Kazakh'] }, chair)).ok).toBe(true);
    expect(checkCalendarEvent(state, ev('attendance.recorded', { meetingId: 'm1', delegation: 'FRA', present: true, names: [] }), scope)?.code).toBe('NOT_A_MEMBER');
    expect(state.meetings.get('m1')!.decisions).toMatchObject([{ id: 'd1', itemId: 'item-2', documents: [DOC] }]);
  });

  it('lets a delegate name its own participants and nothing else', () => {
    const state = convened();
    expect(apply(state, ev('meeting.participants-set', { meetingId: 'm1', delegation: 'KAZ', names: ['A', 'B'] }, kaz)).ok).toBe(true);
    expect(checkCalendarEvent(state, ev('meeting.participants-set', { meetingId: 'm1', delegation: 'IND', names: ['C'] }, kaz), scope)?.code).toBe('NOT_OWN_DELEGATION');
    expect(checkCalendarEvent(state, ev('agenda.adopted', { meetingId: 'm1' }, kaz), scope)?.code).toBe('NOT_A_DELEGATE_STEP');
    expect(checkCalendarEvent(state, ev('meeting.convened', { meetingId: 'm2', details: details() }, kaz), scope)?.code).toBe('NOT_A_DELEGATE_STEP');
    apply(state, ev('meeting.participants-set', { meetingId: 'm1', delegation: 'KAZ', names: [] }, kaz));
    expect(state.meetings.get('m1')!.meeting.participants).toEqual([]);
  });

  it('checks a new start against the tz database but replays a stored one as announced', () => {
    const wrong = details({ localStart: '2024-06-05T14:00', start: '2024-06-05T08:00:00Z' });
    const event = ev('meeting.convened', { meetingId: 'm2', details: wrong });
    const rejection = checkCalendarEvent(emptyCalendarState(), event, scope);
    expect(rejection?.code).toBe('START_MISMATCH');
    expect(rejection?.message).toContain('2024-06-05T09:00:00Z');
    expect(checkCalendarEvent(emptyCalendarState(), event, null)).toBeNull();
  });

  it('updates and cancels, counting the sequence, and refuses anything after a cancellation', () => {
    const state = convened();
    expect(apply(state, ev('meeting.updated', { meetingId: 'm1', details: details({ localStart: '2021-06-02T15:00', start: '2021-06-02T09:00:00Z' }) })).ok).toBe(true);
    expect(apply(state, ev('meeting.cancelled', { meetingId: 'm1', reason: 'Postponed' })).ok).toBe(true);
    const entry = state.meetings.get('m1')!;
    expect([entry.status, entry.sequence, entry.meeting.start]).toEqual(['cancelled', 2, '2021-06-02T09:00:00Z']);
    expect(checkCalendarEvent(state, ev('agenda.adopted', { meetingId: 'm1' }), scope)?.code).toBe('CANCELLED');
  });

  it('refuses with the state untouched: unknown meeting or document, bad order, empty agenda', () => {
    const state = convened();
    const before = JSON.stringify([...state.meetings.get('m1')!.agenda.items]);
    const results = [
      apply(state, ev('agenda.adopted', { meetingId: 'nope' })),
      apply(state, ev('agenda.item-added', { meetingId: 'm1', item: { id: 'i9', kind: 'document', title: { en: 'X' }, documents: ['missing'] }, position: null })),
      apply(state, ev('agenda.reordered', { meetingId: 'm1', order: ['item-1', 'item-2'] })),
      apply(state, ev('agenda.item-added', { meetingId: 'm1', item: { id: 'i9', kind: 'document', title: { en: 'X' }, documents: [] }, position: null })),
    ];
    expect(results.map((result) => (result.ok ? 'ok' : result.rejection.code))).toEqual(['UNKNOWN_MEETING', 'UNKNOWN_DOCUMENT', 'BAD_ORDER', 'BAD_VALUE']);
    expect(JSON.stringify([...state.meetings.get('m1')!.agenda.items])).toBe(before);
    const empty = foldCalendar([ev('meeting.convened', { meetingId: 'm3', details: details() })], scope);
    expect(checkCalendarEvent(empty, ev('agenda.adopted', { meetingId: 'm3' }), scope)?.code).toBe('AGENDA_EMPTY');
  });
});
