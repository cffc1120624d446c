import { formulaSlots, fillFormula } from './fill-formula.ts';

/**
 * The organisation's own numbering of outgoing notes, as data. The seed's "17-1/298" is a
 * file index ("17-1", the case file in the secretariat's nomenclature) and a running number
 * that restarts each year. Other organisations put the year in or count per file: the
 * pattern and the counter's scope say which.
 */
export interface RegistryFormat {
  /** Slots: {index}, {number} (required), {year}. The seed: "{index}/{number}". */
  readonly pattern: string;
  /** Whether the running number counts across all file indexes in a year, or per file index. */
  readonly counter: 'per-year' | 'per-index-and-year';
}

/** How far each counter has run: the last number given, by counter key. */
export interface Registry {
  readonly format: RegistryFormat;
  readonly last: Readonly<Record<string, number>>;
}

export interface IssuedNumber {
  readonly registry: Registry;
  readonly number: number;
  /** The number as it is printed after "№": "17-1/298". */
  readonly formatted: string;
}

const SLOTS = new Set(['index', 'number', 'year']);

export const CICA_REGISTRY_FORMAT: RegistryFormat = { pattern: '{index}/{number}', counter: 'per-year' };

export function createRegistry(format: RegistryFormat, last: Readonly<Record<string, number>> = {}): Registry {
  const slots = formulaSlots(format.pattern);
  const unknown = slots.filter((slot) => !SLOTS.has(slot));
  if (unknown.length > 0) throw new RangeError(`The registry pattern "${format.pattern}" has unknown slots ${unknown.map((slot) => `{${slot}}`).join(', ')}; use {index}, {number} and {year}.`);
  if (!slots.includes('number')) throw new RangeError(`The registry pattern "${format.pattern}" must contain {number}, or two notes would share a number.`);
  if (format.counter === 'per-index-and-year' && !slots.includes('index')) {
    throw new RangeError(`Counting per file index needs {index} in the pattern "${format.pattern}", or numbers of different files would collide.`);
  }
  return { format, last };
}

/**
 * The next number for a note in file `fileIndex` in `year`, and the registry after it. Pure:
 * the caller stores the new registry in the same transaction as the note, so numbers never
 * repeat.
 */
export function nextNumber(registry: Registry, fileIndex: string, year: number): IssuedNumber {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u.test(fileIndex)) {
    throw new RangeError(`"${fileIndex}" is not a file index; use letters, digits, dots and hyphens, e.g. 17-1.`);
  }
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`${year} is not a year.`);
  const key = counterKey(registry.format, fileIndex, year);
  const number = (registry.last[key] ?? 0) + 1;
  return {
    registry: { ...registry, last: { ...registry.last, [key]: number } },
    number,
    formatted: formatRegistryNumber(registry.format, { index: fileIndex, number, year }),
  };
}

export function formatRegistryNumber(format: RegistryFormat, parts: { index: string; number: number; year: number }): string {
  const slots = new Set(formulaSlots(format.pattern));
  const values: Record<string, string> = {};
  if (slots.has('index')) values.index = parts.index;
  if (slots.has('number')) values.number = String(parts.number);
  if (slots.has('year')) values.year = String(parts.year);
  return fillFormula(format.pattern, values);
}

function counterKey(format: RegistryFormat, fileIndex: string, year: number): string {
  return format.counter === 'per-year' ? String(year) : `${year}|${fileIndex}`;
}
