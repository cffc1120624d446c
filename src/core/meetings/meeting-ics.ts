import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import { BODIES } from './bodies.ts';
import { meetingEnd, type Meeting } from './meeting.ts';
import { instantInZone } from './zoned-time.ts';

/**
 * iCalendar (RFC 5545) invitations. ical-generator writes the text (escaping, CRLF, folding
 * at 75 octets); we choose what goes in. Times are written in UTC ("…Z") rather than with a
 * VTIMEZONE block: every client converts a UTC instant correctly, while a VTIMEZONE we wrote
 * would be a second, possibly stale, copy of the tz database. The seat's and the reader's
 * wall-clock times go into the description, as the note verbale states them.
 */
export interface IcsEventOptions {
  /** A stable, globally unique id for this meeting's event (RFC 5545 UID); core has no randomness. */
  readonly uid: string;
  /** When the file is made (DTSTAMP), a UTC instant; core has no clock. */
  readonly stamp: string;
  /** The reader's zone, to add "your time" to the description. */
  readonly readerZone?: string;
}

/** One meeting of a calendar file. */
export interface IcsEntry {
  readonly meeting: Meeting;
  readonly uid: string;
  /** How often the particulars changed since the first invitation (RFC 5545 SEQUENCE): clients replace the older copy. */
  readonly sequence?: number;
  /** A cancelled meeting stays in the file with STATUS:CANCELLED, so calendars that had it remove it. */
  readonly cancelled?: boolean;
}

export interface IcsCalendarOptions {
  readonly stamp: string;
  /** The calendar's name (X-WR-CALNAME), e.g. "CICA meetings — Kazakhstan". */
  readonly name?: string;
  readonly readerZone?: string;
}

const PRODUCT = { company: 'Parley', product: 'Parley', language: 'EN' };

/** One meeting as a calendar file of one event. */
export function meetingToIcs(meeting: Meeting, options: IcsEventOptions & Omit<IcsEntry, 'meeting' | 'uid'>): string {
  return meetingsToIcs([{ meeting, uid: options.uid, ...(options.sequence === undefined ? {} : { sequence: options.sequence }), ...(options.cancelled ? { cancelled: true } : {}) }], options);
}

/** Several meetings in one calendar file, e.g. everything one user is invited to. */
export function meetingsToIcs(entries: readonly IcsEntry[], options: IcsCalendarOptions): string {
  const stamp = parseInstant(options.stamp, 'stamp');
  const uids = new Set<string>();
  for (const { uid } of entries) {
    if (!uid.trim()) throw new RangeError('Every event needs a UID.');
    if (uids.has(uid)) throw new RangeError(`UID ${uid} is used twice; each meeting needs its own.`);
    uids.add(uid);
  }
  const calendar = ical({
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    ...(options.name ? { name: options.name } : {}),
  });
  for (const entry of entries) calendar.createEvent(eventData(entry, stamp, options.readerZone));
  return calendar.toString();
}

function eventData({ meeting, uid, sequence, cancelled }: IcsEntry, stamp: Date, readerZone: string | undefined): ICalEventData {
  const online = meeting.format.kind === 'online';
  return {
    id: uid,
    stamp,
    sequence: sequence ?? 0,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    start: parseInstant(meeting.start, 'start'),
    end: parseInstant(meetingEnd(meeting), 'end'),
    summary: meeting.title,
    description: describe(meeting, readerZone),
    location: meeting.format.kind === 'online' ? meeting.format.link : meeting.format.venue,
    ...(online ? { url: meeting.format.link } : {}),
  };
}

function describe(meeting: Meeting, readerZone: string | undefined): string {
  const seat = instantInZone(meeting.start, meeting.seatZone);
  const lines = [
    `${BODIES[meeting.body].name.en} (${BODIES[meeting.body].abbreviation.en})`,
    `Starts ${spaced(seat.local)} ${seat.zone} (${seat.offsetLabel})`,
  ];
  if (readerZone && readerZone !== meeting.seatZone) {
    const reader = instantInZone(meeting.start, readerZone);
    lines.push(`Your time: ${spaced(reader.local)} ${reader.zone} (${reader.offsetLabel})`);
  }
  if (meeting.format.kind === 'online') lines.push(`Online: ${meeting.format.link}`);
  if (meeting.documents.length > 0) lines.push('Documents:', ...meeting.documents.map((document) => `- ${document.title}`));
  if (meeting.chair) lines.push(`Chair: ${meeting.chair.name}`);
  return lines.join('\n');
}

function spaced(local: string): string {
  return local.replace('T', ' ');
}

function parseInstant(text: string, what: string): Date {
  const millis = Date.parse(text);
  if (!text.endsWith('Z') || Number.isNaN(millis)) throw new RangeError(`The ${what} "${text}" is not a UTC instant such as 2021-06-02T08:00:00Z.`);
  return new Date(millis);
}
