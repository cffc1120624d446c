import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantInZone, localToInstant, toInstantText } from './zoned-time.ts';

// Zones with the kinds of history that break fixed-offset code: Kazakhstan's 2024 change,
// European and American DST, a 30-minute DST shift (Lord Howe), a :45 offset (Kathmandu).
const ZONES = ['Asia/Almaty', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

describe('seat time ⇄ UTC, for any minute from 2000 to 2035', () => {
  it('shows an instant on a wall clock that reads back to the same instant, or to the first of a repeated time', () => {
    const minute = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 });
    fc.assert(
      fc.property(minute, fc.constantFrom(...ZONES), (minutes, zone) => {
        const instant = toInstantText(minutes * 60_000);
        const shown = instantInZone(instant, zone);
        const back = localToInstant(shown.local, zone);
        // Whatever instant comes back shows the same wall-clock time…
        expect(instantInZone(back, zone).local).toBe(shown.local);
        // …and it is this one unless the time occurs twice, when it is the earlier occurrence.
        expect(Date.parse(back)).toBeLessThanOrEqual(Date.parse(instant));
        expect(Date.parse(instant) - Date.parse(back)).toBeLessThanOrEqual(60 * 60_000);
        // The offset shown is the one that makes local − offset = UTC.
        const [sign, hours, mins] = [shown.offset[0] === '-' ? -1 : 1, Number(shown.offset.slice(1, 3)), Number(shown.offset.slice(4, 6))];
        expect(Date.parse(`${shown.local}:00Z`) - sign * (hours * 60 + mins) * 60_000).toBe(Date.parse(instant));
      }),
      { numRuns: 2000, seed: 20210602 },
    );
  });
});
