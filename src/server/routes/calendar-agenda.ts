/**
 * A meeting's agenda and record (issue 6, part 2): the secretariat drafts the items, the
 * meeting amends, reorders and adopts them (recorded by the chair or the secretariat), and
 * attendance and the decision on each item are recorded; the record is produced from these
 * events and from the logs of the meeting's documents (revisions issued).
 */
import { z } from 'zod';
import type { AgendaItem, CalendarEvent } from '../../core/index.ts';
import { AgendaItemAmendBody, AgendaItemBody, AgendaOrderBody, AttendanceBody, CalendarMeetingView, DecisionBody, MeetingRecordView } from '../../protocol/calendar.ts';
import type { Context, ZodApp } from '../context.ts';
import { calendarFor, calendarRecorder, entryOf, presentMeeting, presentRecord, recordCalendarEvents, type CalendarAccess } from '../services/calendar.ts';
import { catalogueProblems } from './catalogue.ts';
import { MeetingParams } from './calendar.ts';

const ItemParams = MeetingParams.extend({ itemId: z.string().min(1).max(100) });
const tags = ['meetings'];
const problems = catalogueProblems;

function itemOf(id: string, body: z.infer<typeof AgendaItemAmendBody>): AgendaItem {
  const title = Object.fromEntries(Object.entries(body.title).filter(([, text]) => text?.trim()).map(([language, text]) => [language, text.trim()]));
  return { id, kind: body.kind, title, documents: body.documents };
}

export function registerCalendarAgendaRoutes(app: ZodApp, context: Context): void {
  const base = '/api/organisations/:organisationId/meetings/:meetingId';

  async function current(access: CalendarAccess, meetingId: string) {
    const { state } = await context.calendar.read(access.organisationId);
    return presentMeeting(access, entryOf(state, meetingId));
  }

  /** Authorizes for calendar.record, records one event built from the access, and answers with the meeting. */
  function recording<P extends z.infer<typeof MeetingParams>, B>(build: (access: CalendarAccess, params: P, body: B, at: string) => CalendarEvent) {
    return async (request: { params: unknown; body: unknown; principal: Parameters<typeof calendarFor>[1] }) => {
      const params = request.params as P;
      const access = await calendarFor(context, request.principal, params.organisationId, 'calendar.record');
      const event = build(access, params, request.body as B, context.now().toISOString());
      await recordCalendarEvents(context, access, () => [event]);
      return current(access, params.meetingId);
    };
  }

  app.post(
    `${base}/agenda/items`,
    { config: { access: 'calendar.record' }, schema: { tags, summary: 'Add an item to the draft agenda (adoption of the agenda, discussion of a document, any other business …)', params: MeetingParams, body: AgendaItemBody, response: { 201: CalendarMeetingView, ...problems } } },
    async (request, reply) => {
      const handler = recording<z.infer<typeof MeetingParams>, z.infer<typeof AgendaItemBody>>((access, { meetingId }, body, at) => ({
        type: 'agenda.item-added',
        at,
        actor: calendarRecorder(access),
        data: { meetingId, item: itemOf(context.newId(), body), position: body.position ?? null },
      }));
      return reply.code(201).send(await handler(request));
    },
  );

  app.put(
    `${base}/agenda/items/:itemId`,
    { config: { access: 'calendar.record' }, schema: { tags, summary: 'Amend an item of the draft agenda', params: ItemParams, body: AgendaItemAmendBody, response: { 200: CalendarMeetingView, ...problems } } },
    recording<z.infer<typeof ItemParams>, z.infer<typeof AgendaItemAmendBody>>((access, { meetingId, itemId }, body, at) => ({
      type: 'agenda.item-amended',
      at,
      actor: calendarRecorder(access),
      data: { meetingId, item: itemOf(itemId, body) },
    })),
  );

  app.delete(
    `${base}/agenda/items/:itemId`,
    { config: { access: 'calendar.record' }, schema: { tags, summary: 'Remove an item from the draft agenda', params: ItemParams, response: { 200: CalendarMeetingView, ...problems } } },
    recording<z.infer<typeof ItemParams>, unknown>((access, { meetingId, itemId }, _body, at) => ({ type: 'agenda.item-removed', at, actor: calendarRecorder(access), data: { meetingId, itemId } })),
  );

  app.put(
    `${base}/agenda/order`,
    { config: { access: 'calendar.record' }, schema: { tags, summary: 'Reorder the draft agenda: every item once, in the new order', params: MeetingParams, body: AgendaOrderBody, response: { 200: CalendarMeetingView, ...problems } } },
    recording<z.infer<typeof MeetingParams>, z.infer<typeof AgendaOrderBody>>((access, { meetingId }, { order }, at) => ({ type: 'agenda.reordered', at, actor: calendarRecorder(access), data: { meetingId, order } })),
  );

  app.post(
    `${base}/agenda/adoption`,
    { config: { access: 'calendar.record' }, schema: { tags, summary: 'Record that the meeting adopted its agenda as it stands; it is kept as adopted', params: MeetingParams, response: { 201: CalendarMeetingView, ...problems } } },
    async (request, reply) => {
      const handler = recording<z.infer<typeof MeetingParams>, unknown>((access, { meetingId }, _body, at) => ({ type: 'agenda.adopted', at, actor: calendarRecorder(access), data: { meetingId } }));
      return reply.code(201).send(await handler(request));
    },
  );

  app.post(
    `${base}/attendance`,
    { config: { access: 'calendar.record' }, schema: { tags, summary: 'Record whether a delegation attended, and who sat for it', params: MeetingParams, body: AttendanceBody, response: { 201: CalendarMeetingView, ...problems } } },
    async (request, reply) => {
      const handler = recording<z.infer<typeof MeetingParams>, z.infer<typeof AttendanceBody>>((access, { meetingId }, body, at) => ({
        type: 'attendance.recorded',
        at,
        actor: calendarRecorder(access),
        data: { meetingId, delegation: body.delegation, present: body.present, names: body.names },
      }));
      return reply.code(201).send(await handler(request));
    },
  );

  app.post(
    `${base}/decisions`,
    { config: { access: 'calendar.record' }, schema: { tags, summary: 'Record what the meeting decided on an item of its adopted agenda', params: MeetingParams, body: DecisionBody, response: { 201: CalendarMeetingView, ...problems } } },
    async (request, reply) => {
      const handler = recording<z.infer<typeof MeetingParams>, z.infer<typeof DecisionBody>>((access, { meetingId }, body, at) => ({
        type: 'item.decided',
        at,
        actor: calendarRecorder(access),
        data: { meetingId, itemId: body.itemId, decisionId: context.newId(), text: body.text, documents: body.documents },
      }));
      return reply.code(201).send(await handler(request));
    },
  );

  app.get(
    `${base}/record`,
    { config: { access: 'calendar.read' }, schema: { tags, summary: "The meeting's record: who attended, what was decided on each item, which revisions were issued", params: MeetingParams, response: { 200: MeetingRecordView, ...problems } } },
    async (request) => {
      const { organisationId, meetingId } = request.params as z.infer<typeof MeetingParams>;
      const access = await calendarFor(context, request.principal, organisationId, 'calendar.read');
      const { state } = await context.calendar.read(organisationId);
      return presentRecord(context, access, entryOf(state, meetingId));
    },
  );
}
