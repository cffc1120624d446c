/**
 * Reporting periods: a year ("2021"), a half ("2021-H1") or a quarter ("2021-Q3"). An
 * organisation reports at whichever of these it agreed; the review compares them by the days
 * they cover, so a yearly review also takes in the halves and quarters of that year.
 */

export interface Period {
  readonly label: string;
  /** First day, YYYY-MM-DD. */
  readonly start: string;
  /** The day after the last, YYYY-MM-DD: periods are half-open. */
  readonly end: string;
}

const PERIOD = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/u;

/** The period `label` names, or null when it is none of "YYYY", "YYYY-H1|H2", "YYYY-Q1…Q4". */
export function parsePeriod(label: string): Period | null {
  const match = PERIOD.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2];
  const [firstMonth, months] = part === undefined ? [1, 12] : part.startsWith('H') ? [part === 'H1' ? 1 : 7, 6] : [(Number(part.slice(1)) - 1) * 3 + 1, 3];
  return { label, start: day(year, firstMonth), end: day(year, firstMonth + months) };
}

function day(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** Earlier periods first; of two starting together, the longer (the year before its first half). */
export function comparePeriods(a: Period, b: Period): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.end > b.end ? -1 : a.end < b.end ? 1 : 0;
}

/** Whether `inner` lies within `outer` (a period lies within itself). */
export function isWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Whether a stretch of time from `from` to `to` (ISO 8601 instants or days, UTC; `to` null = still running) touches `period`. */
export function overlaps(from: string, to: string | null, period: Period): boolean {
  return from.slice(0, 10) < period.end && (to === null || to.slice(0, 10) >= period.start);
}

/** A calendar date YYYY-MM-DD that exists (no 2021-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return false;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || dayOfMonth < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return dayOfMonth <= days;
}
