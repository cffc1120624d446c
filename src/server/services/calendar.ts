/**
 * The organisation's meetings as a request sees them: who may read or record (the route's
 * access rule, then membership), the scope a new event is checked against (member states, the
 * organisation's documents, the tz database), the one path by which calendar events are
 * appended, and the views — with the documents the reader may not see left out, so that an
 * observer does not learn of a document not circulated to observers.
 */
import { asc, eq } from 'drizzle-orm';
import {
  meetingEnd,
  meetingRecord,
  type Actor,
  type AgendaItem,
  type CalendarEntry,
  type CalendarEvent,
  type CalendarScope,
  type CalendarState,
  tryApplyCalendarEvent,
} from '../../core/index.ts';
import type { z } from 'zod';
import type { CalendarMeetingView, MeetingRecordView } from '../../protocol/calendar.ts';
import { canReadDocument, hasRole, requireMember, requireRule, type AccessRule } from '../auth/policy.ts';
import type { Membership, Principal } from '../auth/principal.ts';
import type { Context } from '../context.ts';
import { documents, organisations } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { memberStates } from './catalogue.ts';

type CalendarContext = Pick<Context, 'database'>;

export interface CalendarAccess {
  readonly organisationId: string;
  readonly principal: Principal;
  readonly list: readonly Membership[];
  readonly seatZone: string;
  readonly members: readonly string[];
  /** Every document of the organisation (what new events may name), with whether this reader may see it. */
  readonly documents: ReadonlyMap<string, { readonly title: string; readonly readable: boolean }>;
}

/** Authorizes the caller for `rule` in the organisation (outsiders: 404) and loads what the calendar is checked against. */
export async function calendarFor(context: CalendarContext, principal: Principal | null, organisationId: string, rule: AccessRule): Promise<CalendarAccess> {
  if (!principal) throw problem('ERR_AUTH_REQUIRED');
  const list = requireMember(principal, organisationId);
  requireRule(list, rule);
  const scope = await calendarScopeOf(context, organisationId, list);
  return { ...scope, principal, list };
}

/** What a new calendar event of the organisation is checked against: members, documents, the seat's zone. */
export async function calendarScopeOf(context: Pick<Context, 'database'>, organisationId: string, list: readonly Membership[]): Promise<CalendarTarget & { readonly seatZone: string }> {
  const db = context.database.db;
  const [org] = await db.select({ seatZone: organisations.seatTimeZone }).from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId });
  const rows = await db
    .select({ id: documents.id, title: documents.title, circulated: documents.circulatedToObservers })
    .from(documents)
    .where(eq(documents.organisationId, organisationId))
    .orderBy(asc(documents.createdAt));
  return {
    organisationId,
    seatZone: org.seatZone,
    members: await memberStates(context, organisationId),
    documents: new Map(rows.map((row) => [row.id, { title: row.title, readable: canReadDocument(list, row.circulated) }])),
  };
}

/** The organisation whose calendar a command changes, and what its events are checked against. */
export type CalendarTarget = Pick<CalendarAccess, 'organisationId' | 'members' | 'documents'>;

/** The secretariat's or the chair's hand on a calendar step. */
export function calendarRecorder(access: CalendarAccess): Actor {
  return { user: access.principal.userId, delegation: null, role: hasRole(access.list, 'secretariat') ? 'secretariat' : 'chair' };
}

/** The meeting, or the one 404 an unknown id gets. */
export function entryOf(state: CalendarState, meetingId: string): CalendarEntry {
  const entry = state.meetings.get(meetingId);
  if (!entry) throw problem('ERR_CALENDAR_MEETING_NOT_FOUND', { meetingId });
  return entry;
}

/**
 * Checks the events `build` gives against today's scope and the register, then appends them in
 * one transaction. A meeting or an item that does not exist is a 404; any other refusal a 422
 * with the domain's sentence.
 */
export async function recordCalendarEvents(context: Pick<Context, 'calendar'>, access: CalendarTarget, build: (state: CalendarState) => readonly CalendarEvent[]): Promise<void> {
  const scope: CalendarScope = { members: new Set(access.members), documents: new Set(access.documents.keys()) };
  await context.calendar.append(access.organisationId, {
    build(state) {
      const built = build(state);
      // Each event is checked against the state the earlier ones make, on a copy: the fold replaces
      // a meeting's entry rather than changing it, so a copy of the map is a copy of the state.
      const probe: CalendarState = { meetings: new Map(state.meetings), version: state.version };
      for (const event of built) {
        const result = tryApplyCalendarEvent(probe, event, scope);
        if (result.ok) continue;
        const { rejection } = result;
        if (rejection.code === 'UNKNOWN_MEETING') throw problem('ERR_CALENDAR_MEETING_NOT_FOUND', { meetingId: event.data.meetingId });
        if (rejection.code === 'UNKNOWN_ITEM') throw problem('ERR_CALENDAR_ITEM_NOT_FOUND', { message: rejection.message });
        throw problem('ERR_CALENDAR_CHANGE_REFUSED', { message: rejection.message }, { extra: { rejection: rejection.code } });
      }
      return built;
    },
  });
}

type DocumentRef = { id: string; title: string };

function visibleDocuments(access: CalendarAccess, ids: readonly string[], known: ReadonlyMap<string, string> = new Map()): DocumentRef[] {
  return ids.flatMap((id) => {
    const document = access.documents.get(id);
    if (document) return document.readable ? [{ id, title: document.title }] : [];
    // A document since deleted: its title as the meeting recorded it, if any (readers never saw more).
    const title = known.get(id);
    return title === undefined || !access.list.some((m) => m.role !== 'observer') ? [] : [{ id, title }];
  });
}

function itemView(access: CalendarAccess, item: AgendaItem) {
  return { id: item.id, kind: item.kind, title: { ...item.title }, documents: visibleDocuments(access, item.documents) };
}

export function presentMeeting(access: CalendarAccess, entry: CalendarEntry): z.infer<typeof CalendarMeetingView> {
  const { meeting } = entry;
  const titles = new Map(meeting.documents.map((document) => [document.id, document.title]));
  return {
    id: meeting.id,
    body: meeting.body,
    title: meeting.title,
    format: meeting.format,
    seatZone: meeting.seatZone,
    localStart: meeting.localStart,
    start: meeting.start,
    end: meetingEnd(meeting),
    durationMinutes: meeting.durationMinutes,
    documents: visibleDocuments(access, meeting.documents.map((document) => document.id), titles),
    participants: meeting.participants.map((group) => ({ delegation: group.delegation, names: [...group.names] })),
    chair: meeting.chair ?? null,
    invited: entry.invited === null ? null : [...entry.invited],
    status: entry.status,
    cancellation: entry.cancellation,
    sequence: entry.sequence,
    agenda: {
      status: entry.agenda.status,
      items: entry.agenda.items.map((item) => itemView(access, item)),
      adopted: entry.agenda.adopted && { at: entry.agenda.adopted.at, actor: entry.agenda.adopted.actor },
      steps: entry.agenda.steps.map((step) => ({ ...step })),
    },
  };
}

/** Meetings soonest first (cancelled ones too: they say what no longer happens). */
export function presentCalendar(access: CalendarAccess, state: CalendarState): z.infer<typeof CalendarMeetingView>[] {
  return [...state.meetings.values()].sort((a, b) => a.meeting.start.localeCompare(b.meeting.start) || a.meeting.id.localeCompare(b.meeting.id)).map((entry) => presentMeeting(access, entry));
}

/**
 * The record of a meeting: attendance and decisions from the calendar's events, the revisions
 * issued during it from the logs of its documents (those the reader may see).
 */
export async function presentRecord(context: Pick<Context, 'store'>, access: CalendarAccess, entry: CalendarEntry): Promise<z.infer<typeof MeetingRecordView>> {
  const ids = [...new Set([...entry.meeting.documents.map((document) => document.id), ...entry.decisions.flatMap((decision) => decision.documents)])];
  const readable = ids.filter((id) => access.documents.get(id)?.readable === true);
  const revisions = await Promise.all(
    readable.map(async (id) => {
      const state = await context.store.read(id);
      return { documentId: id, title: access.documents.get(id)!.title, revisions: state?.revisions ?? [] };
    }),
  );
  const record = meetingRecord(entry, access.members, revisions);
  return {
    meetingId: record.meetingId,
    held: record.held,
    attended: record.attended.map(({ delegation, names, at, actor }) => ({ delegation, names: [...names], at, actor })),
    absent: [...record.absent],
    agenda: record.agenda && {
      at: record.agenda.at,
      actor: record.agenda.actor,
      items: record.agenda.items.map(({ item, decisions }) => ({
        item: itemView(access, item),
        decisions: decisions.map((decision) => ({ id: decision.id, text: decision.text, documents: visibleDocuments(access, decision.documents), at: decision.at, actor: decision.actor })),
      })),
    },
    revisions: record.revisions.map(({ documentId, title, label, number, at }) => ({ documentId, title, label, number, at })),
  };
}
