// @vitest-environment happy-dom
/**
 * A meeting's time on screen, at the seat and for the reader (the test process runs in UTC),
 * with the offset of that date: the same 14:00 in Astana is UTC+6 on 29 February 2024 and UTC+5
 * from 1 March 2024; a seat with summer time (Vienna) on each side of the March 2021 change.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localToInstant } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { MeetingTime } from './MeetingTime.tsx';

afterEach(cleanup);

function shown(local: string, seatZone: string, place: string): { seat: string; reader: string } {
  render(
    <LocaleProvider initial="en">
      <MeetingTime start={localToInstant(local, seatZone)} seatZone={seatZone} place={place} />
    </LocaleProvider>,
  );
  const result = { seat: screen.getByTestId('seat-time').textContent ?? '', reader: screen.getByTestId('reader-time').textContent ?? '' };
  cleanup();
  return result;
}

describe('MeetingTime', () => {
  it.each([
    ['2024-02-29T14:00', 'Thursday, February 29, 2024 at 14:00 at the seat (Astana, Asia/Almaty, UTC+6)', 'Your time: Thursday, February 29, 2024 at 08:00 (UTC, UTC+0)'],
    ['2024-03-01T14:00', 'Friday, March 1, 2024 at 14:00 at the seat (Astana, Asia/Almaty, UTC+5)', 'Your time: Friday, March 1, 2024 at 09:00 (UTC, UTC+0)'],
  ])("shows Astana's %s with the offset of that date, and the reader's time", (local, seat, reader) => {
    expect(shown(local, 'Asia/Almaty', 'Astana')).toEqual({ seat, reader });
  });

  it.each([
    ['2021-03-27T10:00', 'UTC+1', '09:00'],
    ['2021-03-28T10:00', 'UTC+2', '08:00'],
  ])('shows a seat with summer time: Vienna %s is %s, %s for the reader', (local, offset, readerClock) => {
    const { seat, reader } = shown(local, 'Europe/Vienna', 'Vienna');
    expect(seat).toContain(`at 10:00 at the seat (Vienna, Europe/Vienna, ${offset})`);
    expect(reader).toContain(`at ${readerClock} (UTC, UTC+0)`);
  });
});
