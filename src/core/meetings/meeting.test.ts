import { describe, expect, it } from 'vitest';
import { BODIES, BODY_IDS } from './bodies.ts';
import { createMeeting, meetingEnd, meetingInputProblem, type MeetingInput } from './meeting.ts';
import { seedSwgMeeting } from './seed-meeting.ts';

const base: MeetingInput = {
  id: 'm1',
  body: 'soc',
  title: 'SOC meeting',
  format: { kind: 'venue', venue: 'Almaty, CICA Secretariat' },
  seatZone: 'Asia/Almaty',
  localStart: '2024-06-10T10:00',
  durationMinutes: 120,
  documents: [{ id: 'd1', title: 'Concept paper' }],
  participants: [{ delegation: 'KAZ', names: ['A. B.'] }],
  chair: { name: 'C. D.', delegation: 'KAZ' },
};

describe('meetings', () => {
  it('convenes the seed SWG meeting at 08:00 UTC and ends it by its duration', () => {
    const meeting = seedSwgMeeting();
    expect(meeting.start).toBe('2021-06-02T08:00:00Z');
    expect(meeting.body).toBe('swg');
    expect(BODIES[meeting.body].abbreviation).toEqual({ en: 'SWG', ru: 'СРГ', kk: 'АЖТ' });
    expect(meetingEnd(meeting)).toBe('2021-06-02T11:00:00Z');
  });

  it('knows the four bodies that meet', () => {
    expect(BODY_IDS).toEqual(['swg', 'soc', 'ministerial', 'experts']);
  });

  it('stores a start after the 2024 change with UTC+5', () => {
    expect(createMeeting(base).start).toBe('2024-06-10T05:00:00Z');
  });

  it.each([
    [{ format: { kind: 'online', link: 'javascript:alert(1)' } }, /not a web link/],
    [{ format: { kind: 'venue', venue: ' ' } }, /needs a venue/],
    [{ durationMinutes: 0 }, /duration/],
    [{ seatZone: 'Mars/Olympus' }, /tz database/],
    [{ participants: [{ delegation: 'KAZ', names: [] }, { delegation: 'KAZ', names: [] }] }, /KAZ is listed twice/],
    [{ documents: [{ id: 'd', title: 'x' }, { id: 'd', title: 'y' }] }, /Document d is listed twice/],
    [{ body: 'plenary' }, /not a body/],
  ] as const)('refuses bad input %#', (change, message) => {
    const input = { ...base, ...change } as MeetingInput;
    expect(meetingInputProblem(input)).toMatch(message);
    expect(() => createMeeting(input)).toThrow(message);
  });
});
