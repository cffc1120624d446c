/** The organisation's meetings over HTTP (types from protocol/calendar.ts). */
import type { z } from 'zod';
import type { AgendaItemBody, CalendarListView, CalendarMeetingView, MeetingBody, MeetingRecordView } from '../../protocol/calendar.ts';
import { request } from '../api.ts';

export type MeetingView = z.infer<typeof CalendarMeetingView>;
export type MeetingInputBody = z.input<typeof MeetingBody>;
export type AgendaItemInput = z.input<typeof AgendaItemBody>;
export type AgendaItemView = MeetingView['agenda']['items'][number];
export type RecordView = z.infer<typeof MeetingRecordView>;

const meetings = (organisationId: string): string => `/api/organisations/${encodeURIComponent(organisationId)}/meetings`;
const meeting = (organisationId: string, meetingId: string): string => `${meetings(organisationId)}/${encodeURIComponent(meetingId)}`;

/** The reader's zone, so that a calendar file's description also gives "your time". */
function readerZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export const calendarApi = {
  list: (organisationId: string): Promise<z.infer<typeof CalendarListView>> => request('GET', meetings(organisationId)),
  get: (organisationId: string, meetingId: string): Promise<MeetingView> => request('GET', meeting(organisationId, meetingId)),
  convene: (organisationId: string, body: MeetingInputBody): Promise<MeetingView> => request('POST', meetings(organisationId), body),
  update: (organisationId: string, meetingId: string, body: MeetingInputBody): Promise<MeetingView> => request('PUT', meeting(organisationId, meetingId), body),
  cancel: (organisationId: string, meetingId: string, reason: string): Promise<MeetingView> => request('POST', `${meeting(organisationId, meetingId)}/cancellation`, { reason }),
  addItem: (organisationId: string, meetingId: string, item: AgendaItemInput): Promise<MeetingView> => request('POST', `${meeting(organisationId, meetingId)}/agenda/items`, item),
  removeItem: (organisationId: string, meetingId: string, itemId: string): Promise<MeetingView> => request('DELETE', `${meeting(organisationId, meetingId)}/agenda/items/${encodeURIComponent(itemId)}`),
  reorder: (organisationId: string, meetingId: string, order: readonly string[]): Promise<MeetingView> => request('PUT', `${meeting(organisationId, meetingId)}/agenda/order`, { order }),
  adopt: (organisationId: string, meetingId: string): Promise<MeetingView> => request('POST', `${meeting(organisationId, meetingId)}/agenda/adoption`),
  participants: (organisationId: string, meetingId: string, delegation: string, names: readonly string[]): Promise<MeetingView> =>
    request('PUT', `${meeting(organisationId, meetingId)}/participants/${encodeURIComponent(delegation)}`, { names }),
  attendance: (organisationId: string, meetingId: string, body: { delegation: string; present: boolean }): Promise<MeetingView> => request('POST', `${meeting(organisationId, meetingId)}/attendance`, body),
  decide: (organisationId: string, meetingId: string, body: { itemId: string; text: string }): Promise<MeetingView> => request('POST', `${meeting(organisationId, meetingId)}/decisions`, body),
  record: (organisationId: string, meetingId: string): Promise<RecordView> => request('GET', `${meeting(organisationId, meetingId)}/record`),
  meetingIcsHref: (organisationId: string, meetingId: string): string => `${meeting(organisationId, meetingId)}/invitation.ics?zone=${encodeURIComponent(readerZone())}`,
  userIcsHref: (organisationId: string): string => `/api/organisations/${encodeURIComponent(organisationId)}/meetings.ics?zone=${encodeURIComponent(readerZone())}`,
};
