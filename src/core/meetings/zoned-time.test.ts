import { describe, expect, it } from 'vitest';
import { instantInZone, localToInstant } from './zoned-time.ts';

describe('localToInstant', () => {
  it("reads the seed's 14:00 on 2 June 2021 in Nur-Sultan (then UTC+6) as 08:00 UTC", () => {
    expect(localToInstant('2021-06-02T14:00', 'Asia/Almaty')).toBe('2021-06-02T08:00:00Z');
  });

  it("follows Kazakhstan's move to UTC+5 on 1 March 2024", () => {
    expect(localToInstant('2024-02-29T14:00', 'Asia/Almaty')).toBe('2024-02-29T08:00:00Z');
    expect(localToInstant('2024-03-01T14:00', 'Asia/Almaty')).toBe('2024-03-01T09:00:00Z');
    expect(localToInstant('2026-06-02T14:00', 'Asia/Almaty')).toBe('2026-06-02T09:00:00Z');
  });

  it('follows summer time in Berlin on each side of the March 2021 change', () => {
    expect(localToInstant('2021-03-27T10:00', 'Europe/Berlin')).toBe('2021-03-27T09:00:00Z');
    expect(localToInstant('2021-03-28T10:00', 'Europe/Berlin')).toBe('2021-03-28T08:00:00Z');
  });

  it('refuses a time the clocks skipped', () => {
    expect(() => localToInstant('2021-03-28T02:30', 'Europe/Berlin')).toThrow(/does not exist in Europe\/Berlin/);
  });

  it('takes the first of a time that occurs twice', () => {
    // 02:30 on 31 October 2021 happens at +02:00 and again at +01:00.
    expect(localToInstant('2021-10-31T02:30', 'Europe/Berlin')).toBe('2021-10-31T00:30:00Z');
  });

  it('says what is wrong with an unknown zone or a malformed time', () => {
    expect(() => localToInstant('2021-06-02T14:00', 'Asia/Nur-Sultan')).toThrow(/not a time zone of the tz database/);
    expect(() => localToInstant('2 June 2021 14:00', 'Asia/Almaty')).toThrow(/YYYY-MM-DDTHH:mm/);
    expect(() => localToInstant('2021-02-30T14:00', 'Asia/Almaty')).toThrow(/not a valid date/);
  });
});

describe('instantInZone', () => {
  it('shows the seed meeting on the seat clock and on a Berlin reader clock with the offsets of that date', () => {
    expect(instantInZone('2021-06-02T08:00:00Z', 'Asia/Almaty')).toEqual({
      zone: 'Asia/Almaty',
      local: '2021-06-02T14:00',
      offset: '+06:00',
      offsetLabel: 'UTC+6',
    });
    expect(instantInZone('2021-06-02T08:00:00Z', 'Europe/Berlin')).toMatchObject({ local: '2021-06-02T10:00', offset: '+02:00' });
  });

  it('shows the same UTC hour differently after the 2024 change and in Berlin winter', () => {
    expect(instantInZone('2025-01-15T08:00:00Z', 'Asia/Almaty')).toMatchObject({ local: '2025-01-15T13:00', offsetLabel: 'UTC+5' });
    expect(instantInZone('2025-01-15T08:00:00Z', 'Europe/Berlin')).toMatchObject({ local: '2025-01-15T09:00', offset: '+01:00' });
    expect(instantInZone('2021-06-02T08:00:00Z', 'Asia/Kolkata')).toMatchObject({ local: '2021-06-02T13:30', offsetLabel: 'UTC+5:30' });
  });

  it('round-trips every half hour across the Berlin autumn change', () => {
    for (let minutes = 0; minutes < 6 * 60; minutes += 30) {
      const instant = new Date(Date.UTC(2021, 9, 30, 22, minutes)).toISOString().replace('.000Z', 'Z');
      const shown = instantInZone(instant, 'Europe/Berlin');
      const back = localToInstant(shown.local, 'Europe/Berlin');
      // The repeated hour reads back as its first occurrence; every other time exactly.
      if (shown.local.startsWith('2021-10-31T02:')) expect(back <= instant).toBe(true);
      else expect(back).toBe(instant);
    }
  });

  it('refuses an instant without Z', () => {
    expect(() => instantInZone('2021-06-02T08:00:00', 'Asia/Almaty')).toThrow(/not a UTC instant/);
  });
});
