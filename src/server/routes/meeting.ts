/**
 * The meeting on a document: every reader may read it; only the chair starts and ends it,
 * moves the discussion to a provision and gives the floor. Each change answers with the new
 * state and reaches every live client through the document's stream (routes/live.ts).
 * Recording an oral proposal is a change to the document, so it is in commands.ts.
 */
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { MeetingFloorBody, MeetingFocusBody, MeetingStartBody, MeetingState, ProblemSchema } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import { delegations } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { endMeeting, focusMeeting, giveFloor, readMeeting, startMeeting, type Chair } from '../services/meetings.ts';
import { documentFor, type DocumentRow } from './access.ts';
import { DocParams } from './documents.ts';

const read = { 200: MeetingState, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const changed = { ...read, 409: ProblemSchema, 422: ProblemSchema };

export function registerMeetingRoutes(app: ZodApp, context: Context): void {
  const db = context.database.db;

  function chairOf(principal: Principal, request: FastifyRequest): Chair {
    return { userId: principal.userId, username: principal.username, ip: request.ip };
  }

  async function requireProvision(doc: DocumentRow, provisionId: string | null): Promise<void> {
    if (provisionId === null) return;
    const state = await context.store.read(doc.id);
    if (!state?.provisions.has(provisionId)) throw problem('ERR_DOCUMENT_PART_NOT_FOUND', { documentId: doc.id, what: 'provision', id: provisionId });
  }

  async function requireDelegation(doc: DocumentRow, code: string | null): Promise<void> {
    if (code === null) return;
    const codes = await context.delegationCodes.get(doc.organisationId, async () => {
      const rows = await db.select({ code: delegations.code }).from(delegations).where(eq(delegations.organisationId, doc.organisationId));
      return new Set(rows.map((row) => row.code));
    });
    if (!codes?.has(code)) throw problem('ERR_DELEGATION_UNKNOWN', { delegation: code });
  }

  function running<T>(result: T | 'not-active', documentId: string): T {
    if (result === 'not-active') throw problem('ERR_MEETING_NOT_ACTIVE', { documentId });
    return result;
  }

  app.get(
    '/api/documents/:documentId/meeting',
    {
      config: { access: 'document.read' },
      schema: { tags: ['meeting'], summary: 'The meeting on this document: running or not, the provision under discussion, who has the floor', params: DocParams, response: read },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const { doc } = await documentFor(context, request.principal, documentId, 'document.read');
      return readMeeting(db, doc);
    },
  );

  app.post(
    '/api/documents/:documentId/meeting/start',
    {
      config: { access: 'meeting.chair' },
      schema: { tags: ['meeting'], summary: 'Start the meeting, or take over a running one: your view then drives everyone’s', params: DocParams, body: MeetingStartBody, response: changed },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof MeetingStartBody>;
      const { doc, principal } = await documentFor(context, request.principal, documentId, 'meeting.chair');
      const provisionId = body?.provisionId ?? null;
      await requireProvision(doc, provisionId);
      return startMeeting(db, doc, chairOf(principal, request), context.now(), provisionId);
    },
  );

  app.post(
    '/api/documents/:documentId/meeting/end',
    {
      config: { access: 'meeting.chair' },
      schema: { tags: ['meeting'], summary: 'End the meeting (ending one that is not running changes nothing)', params: DocParams, response: changed },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const { doc, principal } = await documentFor(context, request.principal, documentId, 'meeting.chair');
      return endMeeting(db, doc, chairOf(principal, request), context.now());
    },
  );

  app.put(
    '/api/documents/:documentId/meeting/focus',
    {
      config: { access: 'meeting.chair' },
      schema: { tags: ['meeting'], summary: 'Move the discussion to a provision: every follower’s view scrolls to it', params: DocParams, body: MeetingFocusBody, response: changed },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof MeetingFocusBody>;
      const { doc, principal } = await documentFor(context, request.principal, documentId, 'meeting.chair');
      await requireProvision(doc, body.provisionId);
      return running(await focusMeeting(db, doc, chairOf(principal, request), context.now(), body.provisionId), documentId);
    },
  );

  app.put(
    '/api/documents/:documentId/meeting/floor',
    {
      config: { access: 'meeting.chair' },
      schema: { tags: ['meeting'], summary: 'Give the floor to a delegation (or to no one)', params: DocParams, body: MeetingFloorBody, response: changed },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof MeetingFloorBody>;
      const { doc, principal } = await documentFor(context, request.principal, documentId, 'meeting.chair');
      await requireDelegation(doc, body.delegation);
      return running(await giveFloor(db, doc, chairOf(principal, request), context.now(), body.delegation), documentId);
    },
  );
}
