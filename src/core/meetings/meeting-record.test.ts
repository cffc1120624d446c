import { describe, expect, it } from 'vitest';
import type { Actor } from '../events/event.ts';
import { foldCalendar } from './apply-calendar-event.ts';
import type { CalendarEvent } from './calendar-event.ts';
import { meetingRecord, meetingWindow } from './meeting-record.ts';
import { seedSwgAgenda } from './seed-agenda.ts';
import { seedSwgMeeting } from './seed-meeting.ts';

const chair: Actor = { user: 'chair', delegation: null, role: 'chair' };
const DOC = 'cat';
const { id: _id, participants: _p, chair: _c, ...seed } = seedSwgMeeting();

function events(): CalendarEvent[] {
  const at = '2021-05-28T06:00:00.000Z';
  return [
    { type: 'meeting.convened', at, actor: chair, data: { meetingId: 'm1', details: { ...seed, invited: ['IND', 'ISR', 'KAZ'] } } },
    ...seedSwgAgenda(DOC).map((item): CalendarEvent => ({ type: 'agenda.item-added', at, actor: chair, data: { meetingId: 'm1', item, position: null } })),
    { type: 'agenda.adopted', at: '2021-06-02T08:05:00.000Z', actor: chair, data: { meetingId: 'm1' } },
    { type: 'attendance.recorded', at: '2021-06-02T08:06:00.000Z', actor: chair, data: { meetingId: 'm1', delegation: 'KAZ', present: true, names: ['K'] } },
    { type: 'attendance.recorded', at: '2021-06-02T08:06:00.000Z', actor: chair, data: { meetingId: 'm1', delegation: 'IND', present: true, names: ['I'] } },
    { type: 'item.decided', at: '2021-06-02T10:00:00.000Z', actor: chair, data: { meetingId: 'm1', itemId: 'item-2', decisionId: 'd1', text: 'Rev.1 issued', documents: [DOC] } },
  ];
}

describe('a meeting record', () => {
  it('says who attended, who did not, what was decided per item and which revision was issued that day at the seat', () => {
    const entry = foldCalendar(events()).meetings.get('m1')!;
    const record = meetingRecord(entry, ['CHN', 'IND', 'ISR', 'KAZ'], [
      {
        documentId: DOC,
        title: 'Catalogue',
        revisions: [
          { number: 1, label: 'Rev.1', at: '2021-06-02T10:30:00.000Z' },
          // 23:30 in Nur-Sultan (UTC+6) on 2 June: still the meeting's day at the seat.
          { number: 2, label: 'Rev.2', at: '2021-06-02T17:30:00.000Z' },
          // 00:30 on 3 June at the seat: not this meeting's.
          { number: 3, label: 'Rev.3', at: '2021-06-02T18:30:00.000Z' },
        ],
      },
    ]);
    expect(record.held).toBe(true);
    expect(record.attended.map((each) => each.delegation)).toEqual(['IND', 'KAZ']);
    // Invited were IND, ISR, KAZ only: CHN was not invited, so it is not absent.
    expect(record.absent).toEqual(['ISR']);
    expect(record.agenda?.items.map((each) => [each.item.id, each.decisions.map((decision) => decision.text)])).toEqual([
      ['item-1', []],
      ['item-2', ['Rev.1 issued']],
      ['item-3', []],
    ]);
    expect(record.revisions.map((revision) => revision.label)).toEqual(['Rev.1', 'Rev.2']);
  });

  it("ends the window at the end of the seat's day, after the 2024 change too", () => {
    const later = events().map((event) =>
      event.type === 'meeting.convened' ? { ...event, data: { ...event.data, details: { ...event.data.details, localStart: '2024-06-05T14:00', start: '2024-06-05T09:00:00Z' } } } : event,
    );
    expect(meetingWindow(foldCalendar(later).meetings.get('m1')!)).toEqual(['2024-06-05T09:00:00.000Z', '2024-06-05T18:59:59.999Z']);
  });
});
