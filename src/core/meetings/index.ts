/**
 * Meetings of the organisation's bodies: who meets, where, when (seat time by the tz
 * database, stored as a UTC instant), and their iCalendar invitations; the calendar register
 * (convene, agenda from draft to adopted, attendance, decisions) and a meeting's record.
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
export { meetingToIcs, meetingsToIcs, type IcsCalendarOptions, type IcsEntry, type IcsEventOptions } from './meeting-ics.ts';
export { AGENDA_ITEM_KINDS, agendaItemProblem, agendaTitleIn, type AgendaItem, type AgendaItemKind, type AgendaStatus, type AgendaTitle } from './agenda.ts';
export { seedSwgAgenda } from './seed-agenda.ts';
export { CALENDAR_EVENT_TYPES, type CalendarEvent, type CalendarEventType, type MeetingDetails } from './calendar-event.ts';
export {
  emptyCalendarState,
  type Agenda,
  type AgendaStep,
  type Attendance,
  type CalendarEntry,
  type CalendarEntryStatus,
  type CalendarState,
  type Decision,
  type Recorded,
} from './calendar-state.ts';
export {
  CalendarEventRejected,
  checkCalendarEvent,
  foldCalendar,
  tryApplyCalendarEvent,
  type CalendarApplyResult,
  type CalendarRejection,
  type CalendarRejectionCode,
  type CalendarScope,
} from './apply-calendar-event.ts';
export { meetingRecord, meetingWindow, type DocumentRevisions, type IssuedRevision, type MeetingRecord } from './meeting-record.ts';
