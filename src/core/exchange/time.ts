/** Instants as the exchange takes them: ISO 8601 strings in, milliseconds to compare. */

const HOUR_MS = 3_600_000;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/u;

// The same instant is parsed again and again (an event's `at` for every viewer it notifies, a
// query's `now` for every submission): remembering the last one halves the cost of a search.
let lastInstant = '';
let lastMs = Number.NaN;

/** Milliseconds since the epoch, or NaN when `instant` is not an ISO 8601 date or instant. */
export function ms(instant: string): number {
  if (instant === lastInstant) return lastMs;
  // Date.parse also takes forms such as "June 2, 2021"; the log holds ISO 8601 only.
  const value = typeof instant === 'string' && ISO_8601.test(instant) ? Date.parse(instant) : Number.NaN;
  lastInstant = instant;
  lastMs = value;
  return value;
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(ms(value));
}

export function plusHours(instantMs: number, hours: number): number {
  return instantMs + hours * HOUR_MS;
}

export function iso(instantMs: number): string {
  return new Date(instantMs).toISOString();
}

/** A time given to a query (its `now`, a search bound), checked: a malformed one is the caller's bug, said plainly. */
export function requireInstant(value: string, name: string): number {
  const parsed = ms(value);
  if (Number.isNaN(parsed)) throw new RangeError(`${name} "${value}" is not an ISO 8601 instant, such as ${new Date(0).toISOString()}.`);
  return parsed;
}
