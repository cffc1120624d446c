/**
 * Meetings of the organisation's bodies: who meets, where, when (seat time by the tz
 * database, stored as a UTC instant), and their iCalendar invitations.
 */
export { LANGUAGES, isLanguage, type Language, type Localized } from './languages.ts';
export { BODIES, BODY_IDS, isBodyId, type Body, type BodyId } from './bodies.ts';
export { instantInZone, isKnownZone, localToInstant, toInstantText, type ZonedTime } from './zoned-time.ts';
export {
  createMeeting,
  meetingEnd,
  meetingInputProblem,
  type DelegationParticipants,
  type Meeting,
  type MeetingChair,
  type MeetingDocument,
  type MeetingFormat,
  type MeetingInput,
} from './meeting.ts';
export { seedSwgMeeting } from './seed-meeting.ts';
export { meetingToIcs, meetingsToIcs, type IcsCalendarOptions, type IcsEventOptions } from './meeting-ics.ts';
