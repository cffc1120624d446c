import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createMeeting } from './meeting.ts';
import { meetingToIcs, meetingsToIcs } from './meeting-ics.ts';
import { seedSwgMeeting } from './seed-meeting.ts';

const stamp = '2021-05-28T06:00:00Z';

function parseEvents(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe('meetingToIcs', () => {
  const text = meetingToIcs(seedSwgMeeting(), { uid: 'swg-2021-06-02@parley.example', stamp, readerZone: 'Europe/Berlin' });

  it("puts the seed's 14:00 Nur-Sultan time at 20210602T080000Z, read back by a standard parser", () => {
    expect(text).toMatch(/\r\nDTSTART:20210602T080000Z\r\n/);
    const [event] = parseEvents(text);
    expect(event?.startDate.toUnixTime()).toBe(Date.UTC(2021, 5, 2, 8) / 1000);
    expect(event?.endDate.toUnixTime()).toBe(Date.UTC(2021, 5, 2, 11) / 1000);
    expect(event?.uid).toBe('swg-2021-06-02@parley.example');
    expect(event?.summary).toBe('Online meeting of the CICA Special Working Group (SWG)');
  });

  it('stamps with the time passed in and states seat and reader times in the description', () => {
    expect(text).toMatch(/\r\nDTSTAMP:20210528T060000Z\r\n/);
    const [event] = parseEvents(text);
    expect(event?.description).toContain('Starts 2021-06-02 14:00 Asia/Almaty (UTC+6)');
    expect(event?.description).toContain('Your time: 2021-06-02 10:00 Europe/Berlin (UTC+2)');
  });

  it('folds every line at 75 octets and escapes text, including Cyrillic titles', () => {
    const meeting = createMeeting({
      ...seedSwgMeeting(),
      title: 'Заседание Специальной рабочей группы (СРГ); обсуждение проекта, обновленного Каталога мер доверия СВМДА',
    });
    const folded = meetingToIcs(meeting, { uid: 'u1', stamp });
    const encoder = new TextEncoder();
    for (const line of folded.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(folded).toContain('\\;');
    expect(parseEvents(folded)[0]?.summary).toBe(meeting.title);
  });
});

describe('meetingsToIcs', () => {
  it("makes one user's calendar of several meetings, each instant by the tz database of its date", () => {
    const later = createMeeting({
      ...seedSwgMeeting(),
      id: 'swg-2024-06-05',
      localStart: '2024-06-05T14:00',
    });
    const text = meetingsToIcs(
      [
        { meeting: seedSwgMeeting(), uid: 'a@parley' },
        { meeting: later, uid: 'b@parley' },
      ],
      { stamp, name: 'CICA meetings' },
    );
    const starts = parseEvents(text).map((event) => event.startDate.toString());
    expect(starts).toEqual(['2021-06-02T08:00:00Z', '2024-06-05T09:00:00Z']);
    expect(text).toContain('X-WR-CALNAME:CICA meetings');
  });

  it('refuses a repeated UID or a stamp that is not UTC', () => {
    const meeting = seedSwgMeeting();
    expect(() => meetingsToIcs([{ meeting, uid: 'x' }, { meeting, uid: 'x' }], { stamp })).toThrow(/UID x is used twice/);
    expect(() => meetingToIcs(meeting, { uid: 'x', stamp: '2021-05-28 06:00' })).toThrow(/not a UTC instant/);
  });
});

describe('calendar files across clock changes, read back by ical.js', () => {
  const at = (seatZone: string, localStart: string) => createMeeting({ ...seedSwgMeeting(), id: `${seatZone}-${localStart}`, seatZone, localStart });

  it.each([
    // Kazakhstan moved from UTC+6 to UTC+5 on 1 March 2024: the same 14:00 is an hour later in UTC.
    ['Asia/Almaty', '2024-02-29T14:00', '2024-02-29T08:00:00Z'],
    ['Asia/Almaty', '2024-03-01T14:00', '2024-03-01T09:00:00Z'],
    // A seat with summer time: Vienna on each side of the March 2021 change.
    ['Europe/Vienna', '2021-03-27T10:00', '2021-03-27T09:00:00Z'],
    ['Europe/Vienna', '2021-03-28T10:00', '2021-03-28T08:00:00Z'],
  ])('%s %s is %s', (zone, local, instant) => {
    const [event] = parseEvents(meetingToIcs(at(zone, local), { uid: 'x', stamp }));
    expect(event?.startDate.toString()).toBe(instant);
  });

  it('marks a changed meeting by its sequence and a cancelled one as CANCELLED', () => {
    const text = meetingToIcs(seedSwgMeeting(), { uid: 'x', stamp, sequence: 2, cancelled: true });
    const [event] = parseEvents(text);
    expect(event?.sequence).toBe(2);
    expect(event?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
