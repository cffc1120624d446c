import { describe, expect, it } from 'vitest';
import { fillFormula } from './fill-formula.ts';
import { formatNoteDate } from './note-date.ts';
import { CICA_REGISTRY_FORMAT, createRegistry, nextNumber, type Registry } from './registry-number.ts';

describe('nextNumber', () => {
  it("gives the seed's 17-1/298 after 297 notes in 2021, and restarts in 2022", () => {
    const registry = createRegistry(CICA_REGISTRY_FORMAT, { '2021': 297 });
    const issued = nextNumber(registry, '17-1', 2021);
    expect(issued.formatted).toBe('17-1/298');
    expect(nextNumber(issued.registry, '05-3', 2021).formatted).toBe('05-3/299');
    expect(nextNumber(issued.registry, '17-1', 2022).formatted).toBe('17-1/1');
    // The registry passed in is a value: it has not moved.
    expect(nextNumber(registry, '17-1', 2021).number).toBe(298);
  });

  it('counts per file index when the organisation does, with the year in the number', () => {
    let registry: Registry = createRegistry({ pattern: '{year}-{index}/{number}', counter: 'per-index-and-year' });
    const numbers: string[] = [];
    for (const index of ['A', 'B', 'A', 'A', 'B']) {
      const issued = nextNumber(registry, index, 2025);
      registry = issued.registry;
      numbers.push(issued.formatted);
    }
    expect(numbers).toEqual(['2025-A/1', '2025-B/1', '2025-A/2', '2025-A/3', '2025-B/2']);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses patterns and inputs that would make numbers collide or unreadable', () => {
    expect(() => createRegistry({ pattern: '{index}', counter: 'per-year' })).toThrow(/must contain \{number\}/);
    expect(() => createRegistry({ pattern: '{number}', counter: 'per-index-and-year' })).toThrow(/needs \{index\}/);
    expect(() => createRegistry({ pattern: '{index}/{num}', counter: 'per-year' })).toThrow(/unknown slots \{num\}/);
    const registry = createRegistry(CICA_REGISTRY_FORMAT);
    expect(() => nextNumber(registry, '17 1/', 2021)).toThrow(/not a file index/);
    expect(() => nextNumber(registry, '17-1', 21.5)).toThrow(/not a year/);
  });
});

describe('fillFormula and formatNoteDate', () => {
  it('refuses a missing value and an unused one', () => {
    expect(() => fillFormula('{a} and {b}', { a: 'x' })).toThrow(/needs a value for \{b\}/);
    expect(() => fillFormula('{a}', { a: 'x', c: 'y' })).toThrow(/no slot for \{c\}/);
  });

  it('writes dates as the seed does in each language', () => {
    expect(formatNoteDate('2021-05-28', 'en')).toBe('28 May 2021');
    expect(formatNoteDate('2021-05-28', 'ru')).toBe('28 мая 2021 г.');
    expect(formatNoteDate('2021-05-28', 'kk')).toBe('2021 жылғы 28 мамыр');
  });
});
