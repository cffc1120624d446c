import { DateTime, IANAZone } from 'luxon';

/**
 * Seat-local wall time ⇄ UTC instant, by the tz database that the platform's Intl carries
 * (luxon reads it through Intl.DateTimeFormat, in Node and in browsers). A fixed offset would
 * be wrong: Nur-Sultan was UTC+6 when the seed was written and Kazakhstan moved to UTC+5 on
 * 1 March 2024.
 */

/** "YYYY-MM-DDTHH:mm" — a wall-clock time with no zone, as a secretariat types it. */
const LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The UTC instant ("…Z") at which the wall clock in `zone` shows `local`. Throws a RangeError
 * when the zone is unknown, the text is not a local date-time, or the time does not exist in
 * that zone (skipped by a clock change). When a clock change makes it occur twice, the earlier
 * occurrence is meant: a meeting called for 02:30 starts the first time the clock shows it.
 */
export function localToInstant(local: string, zone: string): string {
  if (!isKnownZone(zone)) throw new RangeError(`"${zone}" is not a time zone of the tz database (e.g. "Asia/Almaty").`);
  if (!LOCAL_PATTERN.test(local)) throw new RangeError(`"${local}" is not a local date and time; write it as YYYY-MM-DDTHH:mm, e.g. 2021-06-02T14:00.`);
  const dateTime = DateTime.fromISO(local, { zone });
  if (!dateTime.isValid) throw new RangeError(`"${local}" is not a valid date and time.`);
  // Luxon moves a skipped time forward silently; a meeting must not start an hour off.
  if (dateTime.toFormat(LOCAL_FORMAT) !== local) {
    throw new RangeError(`${local} does not exist in ${zone}: the clocks were changed then. Choose another time.`);
  }
  const earliest = dateTime.getPossibleOffsets().reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a), dateTime);
  return toInstantText(earliest.toMillis());
}

/** How an instant reads in one zone, with the offset that applied on that date. */
export interface ZonedTime {
  readonly zone: string;
  /** "YYYY-MM-DDTHH:mm" on the wall clock of `zone`. */
  readonly local: string;
  /** "+06:00" */
  readonly offset: string;
  /** "UTC+6", "UTC+5:30" — the short form delegates read in an invitation. */
  readonly offsetLabel: string;
}

export function instantInZone(instant: string, zone: string): ZonedTime {
  if (!isKnownZone(zone)) throw new RangeError(`"${zone}" is not a time zone of the tz database (e.g. "Europe/Berlin").`);
  const dateTime = DateTime.fromISO(instant, { setZone: false }).setZone(zone);
  if (!dateTime.isValid || !instant.endsWith('Z')) throw new RangeError(`"${instant}" is not a UTC instant such as 2021-06-02T08:00:00Z.`);
  return {
    zone,
    local: dateTime.toFormat(LOCAL_FORMAT),
    offset: dateTime.toFormat('ZZ'),
    offsetLabel: `UTC${dateTime.toFormat('Z')}`,
  };
}

/** The instant as "YYYY-MM-DDTHH:mm:ssZ": whole seconds, so stored values compare as text. */
export function toInstantText(millis: number): string {
  return DateTime.fromMillis(millis, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
