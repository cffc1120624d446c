import { isBodyId, type BodyId } from './bodies.ts';
import { localToInstant, toInstantText } from './zoned-time.ts';

/** Where a meeting happens: online at a link, or in a room somewhere. */
export type MeetingFormat =
  | { readonly kind: 'online'; readonly link: string }
  | { readonly kind: 'venue'; readonly venue: string };

export interface MeetingDocument {
  readonly id: string;
  readonly title: string;
}

/** Who attends for one delegation (a state code such as "KAZ", or "SECRETARIAT"). */
export interface DelegationParticipants {
  readonly delegation: string;
  readonly names: readonly string[];
}

export interface MeetingChair {
  readonly name: string;
  readonly delegation?: string;
}

/**
 * A sitting of a body. The start is kept twice on purpose: as the seat's wall clock and
 * zone the secretariat announced (what the note verbale says), and as the UTC instant that
 * follows from it by the tz database (what calendars and other zones are computed from).
 */
export interface Meeting {
  readonly id: string;
  readonly body: BodyId;
  readonly title: string;
  readonly format: MeetingFormat;
  readonly seatZone: string;
  /** "YYYY-MM-DDTHH:mm" on the seat's clock. */
  readonly localStart: string;
  /** "YYYY-MM-DDTHH:mm:ssZ" */
  readonly start: string;
  readonly durationMinutes: number;
  readonly documents: readonly MeetingDocument[];
  readonly participants: readonly DelegationParticipants[];
  readonly chair?: MeetingChair;
}

export type MeetingInput = Omit<Meeting, 'start'>;

/**
 * A meeting from what the secretariat entered, its UTC start computed. Throws a RangeError
 * naming the first thing that is wrong; nothing is half-made.
 */
export function createMeeting(input: MeetingInput): Meeting {
  const problem = meetingInputProblem(input);
  if (problem) throw new RangeError(problem);
  return { ...input, start: localToInstant(input.localStart, input.seatZone) };
}

/** What is wrong with a meeting's input, or undefined when nothing is. Never throws. */
export function meetingInputProblem(input: MeetingInput): string | undefined {
  if (!input.id.trim()) return 'A meeting needs an id.';
  if (!isBodyId(input.body)) return `"${String(input.body)}" is not a body; use swg, soc, ministerial or experts.`;
  if (!input.title.trim()) return 'A meeting needs a title.';
  if (input.format.kind === 'online' && !isWebLink(input.format.link)) {
    return `"${input.format.link}" is not a web link; an online meeting needs an https:// or http:// link.`;
  }
  if (input.format.kind === 'venue' && !input.format.venue.trim()) return 'A meeting in person needs a venue.';
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0 || input.durationMinutes > 7 * 24 * 60) {
    return `The duration must be a whole number of minutes between 1 and ${7 * 24 * 60}; got ${input.durationMinutes}.`;
  }
  try {
    localToInstant(input.localStart, input.seatZone);
  } catch (error) {
    return (error as Error).message;
  }
  const delegations = new Set<string>();
  for (const group of input.participants) {
    if (delegations.has(group.delegation)) return `Delegation ${group.delegation} is listed twice; list its participants once.`;
    delegations.add(group.delegation);
  }
  const documentIds = new Set<string>();
  for (const document of input.documents) {
    if (documentIds.has(document.id)) return `Document ${document.id} is listed twice.`;
    documentIds.add(document.id);
  }
  if (input.chair && !input.chair.name.trim()) return 'The chair needs a name.';
  return undefined;
}

/** The UTC instant at which the meeting is planned to end. */
export function meetingEnd(meeting: Meeting): string {
  return toInstantText(Date.parse(meeting.start) + meeting.durationMinutes * 60_000);
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
