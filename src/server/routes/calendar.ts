/**
 * The meetings of the organisation's bodies (issue 6, part 1): convene, change and cancel a
 * meeting, name its chair and each delegation's participants; list and read them; calendar
 * files per meeting and per user. Each change is an event of the organisation's calendar
 * register. The meeting mode on a document (chair's focus, floor) is routes/meeting.ts.
 */
import { z } from 'zod';
import { localToInstant, type MeetingDetails } from '../../core/index.ts';
import { CalendarListView, CalendarMeetingView, CancelMeetingBody, ChairBody, MeetingBody, ParticipantsBody } from '../../protocol/calendar.ts';
import { DelegationCode } from '../../protocol/schemas.ts';
import { actingDelegation } from '../auth/policy.ts';
import { announceMeeting } from '../notifications/announcements.ts';
import type { Context, ZodApp } from '../context.ts';
import { problem } from '../http/problem.ts';
import { calendarFor, calendarRecorder, entryOf, presentCalendar, presentMeeting, recordCalendarEvents, type CalendarAccess } from '../services/calendar.ts';
import { meetingIcs, userIcs } from '../services/calendar-ics.ts';
import { catalogueProblems, OrgParams } from './catalogue.ts';

export const MeetingParams = OrgParams.extend({ meetingId: z.string().min(1).max(100) });
const ParticipantsParams = MeetingParams.extend({ delegation: DelegationCode });
const IcsQuery = z.object({ zone: z.string().max(100).optional().describe("The reader's IANA time zone, for \"your time\" in the description") });
const tags = ['meetings'];
const problems = catalogueProblems;
const ICS_TYPE = 'text/calendar; charset=utf-8';

/** The particulars a body gives, the start computed by the tz database (a time the clocks skip is refused). */
function detailsOf(access: CalendarAccess, body: z.infer<typeof MeetingBody>): MeetingDetails {
  const seatZone = body.seatZone ?? access.seatZone;
  let start: string;
  try {
    start = localToInstant(body.localStart, seatZone);
  } catch (error) {
    throw problem('ERR_CALENDAR_CHANGE_REFUSED', { message: (error as Error).message });
  }
  const documents = body.documents.map((id) => ({ id, title: access.documents.get(id)?.title ?? id }));
  return { body: body.body, title: body.title, format: body.format, seatZone, localStart: body.localStart, start, durationMinutes: body.durationMinutes, documents, invited: body.invited ?? null };
}

export function registerCalendarRoutes(app: ZodApp, context: Context): void {
  const base = '/api/organisations/:organisationId/meetings';

  /** The meeting as it stands after a change, for the caller. */
  async function current(access: CalendarAccess, meetingId: string) {
    const { state } = await context.calendar.read(access.organisationId);
    return presentMeeting(access, entryOf(state, meetingId));
  }

  app.get(base, { config: { access: 'calendar.read' }, schema: { tags, summary: "The organisation's meetings, soonest first, cancelled ones included", params: OrgParams, response: { 200: CalendarListView, ...problems } } }, async (request) => {
    const { organisationId } = request.params as z.infer<typeof OrgParams>;
    const access = await calendarFor(context, request.principal, organisationId, 'calendar.read');
    const { state, version } = await context.calendar.read(organisationId);
    return { version, meetings: presentCalendar(access, state) };
  });

  app.post(base, { config: { access: 'calendar.manage' }, schema: { tags, summary: "Convene a meeting of a body: its start on the seat's wall clock, stored as a UTC instant", params: OrgParams, body: MeetingBody, response: { 201: CalendarMeetingView, ...problems } } }, async (request, reply) => {
    const { organisationId } = request.params as z.infer<typeof OrgParams>;
    const access = await calendarFor(context, request.principal, organisationId, 'calendar.manage');
    const meetingId = context.newId();
    const details = detailsOf(access, request.body as z.infer<typeof MeetingBody>);
    await recordCalendarEvents(context, access, () => [{ type: 'meeting.convened', at: context.now().toISOString(), actor: calendarRecorder(access), data: { meetingId, details } }]);
    // The invitation goes out after the commit; a failure to announce is logged, the meeting stands.
    void announceMeeting(context, organisationId, meetingId).catch((error: unknown) => request.log.error({ err: error }, 'announcing a meeting failed'));
    return reply.code(201).send(await current(access, meetingId));
  });

  app.get(`${base}/:meetingId`, { config: { access: 'calendar.read' }, schema: { tags, summary: 'One meeting with its agenda', params: MeetingParams, response: { 200: CalendarMeetingView, ...problems } } }, async (request) => {
    const { organisationId, meetingId } = request.params as z.infer<typeof MeetingParams>;
    return current(await calendarFor(context, request.principal, organisationId, 'calendar.read'), meetingId);
  });

  app.put(`${base}/:meetingId`, { config: { access: 'calendar.manage' }, schema: { tags, summary: "Change a meeting's particulars (its invitation's sequence goes up)", params: MeetingParams, body: MeetingBody, response: { 200: CalendarMeetingView, ...problems } } }, async (request) => {
    const { organisationId, meetingId } = request.params as z.infer<typeof MeetingParams>;
    const access = await calendarFor(context, request.principal, organisationId, 'calendar.manage');
    const details = detailsOf(access, request.body as z.infer<typeof MeetingBody>);
    await recordCalendarEvents(context, access, () => [{ type: 'meeting.updated', at: context.now().toISOString(), actor: calendarRecorder(access), data: { meetingId, details } }]);
    return current(access, meetingId);
  });

  app.post(`${base}/:meetingId/cancellation`, { config: { access: 'calendar.manage' }, schema: { tags, summary: 'Cancel a meeting (it stays listed, marked cancelled)', params: MeetingParams, body: CancelMeetingBody, response: { 201: CalendarMeetingView, ...problems } } }, async (request, reply) => {
    const { organisationId, meetingId } = request.params as z.infer<typeof MeetingParams>;
    const { reason } = request.body as z.infer<typeof CancelMeetingBody>;
    const access = await calendarFor(context, request.principal, organisationId, 'calendar.manage');
    await recordCalendarEvents(context, access, () => [{ type: 'meeting.cancelled', at: context.now().toISOString(), actor: calendarRecorder(access), data: { meetingId, reason } }]);
    return reply.code(201).send(await current(access, meetingId));
  });

  app.put(`${base}/:meetingId/chair`, { config: { access: 'calendar.manage' }, schema: { tags, summary: "Name the meeting's chair (null: none yet)", params: MeetingParams, body: ChairBody, response: { 200: CalendarMeetingView, ...problems } } }, async (request) => {
    const { organisationId, meetingId } = request.params as z.infer<typeof MeetingParams>;
    const { chair } = request.body as z.infer<typeof ChairBody>;
    const access = await calendarFor(context, request.principal, organisationId, 'calendar.manage');
    const named = chair && { name: chair.name, ...(chair.delegation ? { delegation: chair.delegation } : {}) };
    await recordCalendarEvents(context, access, () => [{ type: 'meeting.chair-set', at: context.now().toISOString(), actor: calendarRecorder(access), data: { meetingId, chair: named } }]);
    return current(access, meetingId);
  });

  app.put(
    `${base}/:meetingId/participants/:delegation`,
    { config: { access: 'calendar.participants' }, schema: { tags, summary: "Who attends for a delegation (a delegate names their own; an empty list withdraws it)", params: ParticipantsParams, body: ParticipantsBody, response: { 200: CalendarMeetingView, ...problems } } },
    async (request) => {
      const { organisationId, meetingId, delegation } = request.params as z.infer<typeof ParticipantsParams>;
      const { names } = request.body as z.infer<typeof ParticipantsBody>;
      const access = await calendarFor(context, request.principal, organisationId, 'calendar.participants');
      const actor = actingDelegation(access.principal, access.list, delegation);
      await recordCalendarEvents(context, access, () => [{ type: 'meeting.participants-set', at: context.now().toISOString(), actor, data: { meetingId, delegation, names } }]);
      return current(access, meetingId);
    },
  );

  app.get(`${base}/:meetingId/invitation.ics`, { config: { access: 'calendar.read' }, schema: { tags, summary: "The meeting's calendar file (RFC 5545, times in UTC)", params: MeetingParams, querystring: IcsQuery, response: { 200: z.string(), ...problems } } }, async (request, reply) => {
    const { organisationId, meetingId } = request.params as z.infer<typeof MeetingParams>;
    const { zone } = request.query as z.infer<typeof IcsQuery>;
    const access = await calendarFor(context, request.principal, organisationId, 'calendar.read');
    const { state } = await context.calendar.read(organisationId);
    const text = meetingIcs(access, entryOf(state, meetingId), context.now(), zone);
    return reply.type(ICS_TYPE).header('content-disposition', `attachment; filename="meeting-${encodeURIComponent(meetingId)}.ics"`).header('cache-control', 'private, no-cache').send(text);
  });

  app.get('/api/organisations/:organisationId/meetings.ics', { config: { access: 'calendar.read' }, schema: { tags, summary: "The caller's calendar: every meeting their delegation is invited to (all, for the secretariat, the chair and observers)", params: OrgParams, querystring: IcsQuery, response: { 200: z.string(), ...problems } } }, async (request, reply) => {
    const { organisationId } = request.params as z.infer<typeof OrgParams>;
    const { zone } = request.query as z.infer<typeof IcsQuery>;
    const access = await calendarFor(context, request.principal, organisationId, 'calendar.read');
    const { state } = await context.calendar.read(organisationId);
    const text = userIcs(access, state, context.now(), `Meetings — ${access.principal.displayName}`, zone);
    return reply.type(ICS_TYPE).header('content-disposition', 'attachment; filename="meetings.ics"').header('cache-control', 'private, no-cache').send(text);
  });
}
