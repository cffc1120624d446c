/**
 * A delegation's private drafts of proposals: write, share with partner delegations, table,
 * discard. Drafts are rows of their own, never events — the document's stream is read by
 * everyone — and to anyone outside a draft's audience it does not exist: 404 like an unknown
 * id, absent from lists, silent on the live stream. Tabling makes the ordinary proposal
 * through the same code path as POST …/proposals and marks the draft tabled in the same
 * transaction, so a draft is tabled once or not at all.
 *
 * Only the owning delegation's delegates change a draft. Partners read it: what is tabled
 * goes into the record under the owner's name, so only the owner may decide its words.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkEvent, type Actor, type DocumentState } from '../../core/index.ts';
import {
  DelegationCode,
  DraftActionBody,
  DraftListQuery,
  DraftPatchBody,
  DraftView,
  NewDraftBody,
  ProblemSchema,
  TabledDraft,
  type DraftProposal,
} from '../../protocol/schemas.ts';
import { actingDelegation } from '../auth/policy.ts';
import type { Context, ZodApp } from '../context.ts';
import type { Db } from '../db/database.ts';
import { drafts } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { anchorContext, containerText, whyMoved } from '../services/draft-anchor.ts';
import {
  draftingDelegation,
  presentDraft,
  presentDrafts,
  requireOwnOpenDraft,
  requireRevision,
  visibleDraft,
  visibleDrafts,
  type DraftRow,
} from '../services/drafts.ts';
import { makeProposal, proposalInput, requireDelegation } from '../services/proposals.ts';
import { documentFor } from './access.ts';
import { DocParams } from './documents.ts';

const DraftParams = DocParams.extend({ draftId: z.string().min(1).max(100) });
const ShareParams = DraftParams.extend({ delegation: DelegationCode });
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const tags = ['drafts'];
/** A draft is kept off shared caches and out of the browser's disk cache. */
const PRIVATE = 'private, no-store';

function isGiven<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

export function registerDraftRoutes(app: ZodApp, context: Context): void {
  const db = context.database.db;
  const { now, newId } = context;

  async function stateOf(documentId: string): Promise<DocumentState> {
    const state = await context.store.read(documentId);
    if (!state) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
    return state;
  }

  /** Refuses a proposal the engine would refuse now, so a draft is sound when saved; returns its container's words. */
  function anchoredTextFor(state: DocumentState, proposal: DraftProposal, actor: Actor, id: string): string | null {
    const rejection = checkEvent(state, { type: 'proposal.made', at: now().toISOString(), actor, data: { proposal: proposalInput(proposal, id, actor.delegation, newId) } });
    if (rejection) throw problem('ERR_DOCUMENT_EVENT_REJECTED', { message: rejection.message }, { extra: { rejection: rejection.code } });
    return proposal.anchor ? (containerText(state, proposal.anchor) ?? null) : null;
  }

  async function partners(organisationId: string, owner: string, codes: readonly string[]): Promise<string[]> {
    for (const code of codes) {
      if (code === owner) throw problem('ERR_DRAFT_SHARED_WITH_OWNER', { delegation: owner });
      await requireDelegation(context, organisationId, code);
    }
    return [...new Set(codes)].sort();
  }

  /** Why a guarded update of the draft touched no row: it was closed, or changed, meanwhile. */
  async function refusal(tx: Db, id: string, revision: number): Promise<never> {
    const [row] = await tx.select({ status: drafts.status, revision: drafts.revision }).from(drafts).where(eq(drafts.id, id));
    if (!row || row.status !== 'draft') throw problem('ERR_DRAFT_CLOSED', { status: row?.status ?? 'discarded' });
    requireRevision(row, revision);
    throw new Error(`Draft ${id} refused a change that its status and revision allow.`);
  }

  /** Sets `changes` on an open draft at `revision`; the guard makes concurrent changes lose cleanly. */
  async function update(tx: Db, row: DraftRow, changes: Partial<typeof drafts.$inferInsert>, userId: string): Promise<DraftRow> {
    const [updated] = await tx
      .update(drafts)
      .set({ ...changes, updatedBy: userId, updatedAt: now() })
      .where(and(eq(drafts.id, row.id), eq(drafts.status, 'draft'), eq(drafts.revision, row.revision)))
      .returning();
    return updated ?? refusal(tx, row.id, row.revision);
  }

  app.get(
    '/api/documents/:documentId/drafts',
    {
      config: { access: 'draft.read' },
      schema: { tags, summary: "Your delegation's drafts and those shared with it", params: DocParams, querystring: DraftListQuery, response: { 200: z.array(DraftView), ...problems } },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const { status } = request.query as z.infer<typeof DraftListQuery>;
      void reply.header('cache-control', PRIVATE);
      const { list } = await documentFor(context, request.principal, documentId, 'draft.read');
      const rows = await visibleDrafts(db, documentId, draftingDelegation(list), status);
      return presentDrafts(db, rows, rows.length === 0 ? undefined : await stateOf(documentId));
    },
  );

  app.post(
    '/api/documents/:documentId/drafts',
    {
      config: { access: 'draft.create' },
      schema: { tags, summary: 'Save a private draft of a proposal for your delegation', params: DocParams, body: NewDraftBody, response: { 201: DraftView, ...problems } },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof NewDraftBody>;
      const { doc, list, principal } = await documentFor(context, request.principal, documentId, 'draft.create');
      const actor = actingDelegation(principal, list, draftingDelegation(list));
      const owner = actor.delegation!;
      const state = await stateOf(documentId);
      const id = newId();
      const anchoredText = anchoredTextFor(state, body.proposal, actor, id);
      const sharedWith = await partners(doc.organisationId, owner, body.sharedWith ?? []);
      const at = now();
      const [row] = await db
        .insert(drafts)
        .values({
          id,
          documentId,
          delegation: owner,
          proposal: body.proposal,
          anchoredText,
          note: body.note ?? '',
          sharedWith,
          status: 'draft',
          revision: 1,
          createdBy: principal.userId,
          createdAt: at,
          updatedBy: principal.userId,
          updatedAt: at,
        })
        .returning();
      return reply.code(201).send(await presentDraft(db, row!, state));
    },
  );

  app.get(
    '/api/documents/:documentId/drafts/:draftId',
    { config: { access: 'draft.read' }, schema: { tags, summary: 'One draft your delegation can see', params: DraftParams, response: { 200: DraftView, ...problems } } },
    async (request, reply) => {
      const { documentId, draftId } = request.params as z.infer<typeof DraftParams>;
      void reply.header('cache-control', PRIVATE);
      const { list } = await documentFor(context, request.principal, documentId, 'draft.read');
      const row = await visibleDraft(db, documentId, draftId, draftingDelegation(list));
      return presentDraft(db, row, await stateOf(documentId));
    },
  );

  app.patch(
    '/api/documents/:documentId/drafts/:draftId',
    {
      config: { access: 'draft.act' },
      schema: { tags, summary: "Edit your delegation's draft: its words, reason or note, or the whole proposal", params: DraftParams, body: DraftPatchBody, response: { 200: DraftView, ...problems } },
    },
    async (request) => {
      const { documentId, draftId } = request.params as z.infer<typeof DraftParams>;
      const body = request.body as z.infer<typeof DraftPatchBody>;
      const { list, principal } = await documentFor(context, request.principal, documentId, 'draft.act');
      const mine = draftingDelegation(list);
      const row = await visibleDraft(db, documentId, draftId, mine);
      requireOwnOpenDraft(row, mine, 'edit');
      requireRevision(row, body.expectedRevision);
      const actor = actingDelegation(principal, list, mine);
      const state = await stateOf(documentId);
      let proposal = row.proposal;
      let anchoredText = row.anchoredText;
      if (body.proposal) {
        proposal = body.proposal;
        anchoredText = anchoredTextFor(state, proposal, actor, row.id);
      } else if (isGiven(body.text) || isGiven(body.reason)) {
        proposal = {
          ...row.proposal,
          ...(isGiven(body.text) ? { text: body.text } : {}),
          ...(isGiven(body.reason) ? { reason: body.reason === '' ? null : body.reason } : {}),
        };
        // A draft whose text has moved is refused at tabling anyway; its words and note may still be edited.
        if (whyMoved(state, row.proposal, row.anchoredText) === null) anchoredTextFor(state, proposal, actor, row.id);
      }
      const updated = await update(db, row, { proposal, anchoredText, note: body.note ?? row.note, revision: row.revision + 1 }, principal.userId);
      return presentDraft(db, updated, state);
    },
  );

  app.put(
    '/api/documents/:documentId/drafts/:draftId/shares/:delegation',
    {
      config: { access: 'draft.act' },
      schema: { tags, summary: "Share your delegation's draft with a partner delegation (its delegates may read it)", params: ShareParams, response: { 200: DraftView, ...problems } },
    },
    async (request) => {
      const { documentId, draftId, delegation } = request.params as z.infer<typeof ShareParams>;
      const { doc, list, principal } = await documentFor(context, request.principal, documentId, 'draft.act');
      const mine = draftingDelegation(list);
      const row = await visibleDraft(db, documentId, draftId, mine);
      requireOwnOpenDraft(row, mine, 'share');
      await partners(doc.organisationId, row.delegation, [delegation]);
      const added = JSON.stringify([delegation]);
      const [updated] = await db
        .update(drafts)
        .set({
          sharedWith: sql`case when ${drafts.sharedWith} @> ${added}::jsonb then ${drafts.sharedWith} else ${drafts.sharedWith} || ${added}::jsonb end`,
          updatedBy: principal.userId,
          updatedAt: now(),
        })
        .where(and(eq(drafts.id, row.id), eq(drafts.status, 'draft')))
        .returning();
      return presentDraft(db, updated ?? (await refusal(db, row.id, row.revision)), await stateOf(documentId));
    },
  );

  app.delete(
    '/api/documents/:documentId/drafts/:draftId/shares/:delegation',
    {
      config: { access: 'draft.act' },
      schema: { tags, summary: 'Stop sharing the draft with a delegation (at once: it no longer exists for them)', params: ShareParams, response: { 200: DraftView, ...problems } },
    },
    async (request) => {
      const { documentId, draftId, delegation } = request.params as z.infer<typeof ShareParams>;
      const { list, principal } = await documentFor(context, request.principal, documentId, 'draft.act');
      const mine = draftingDelegation(list);
      const row = await visibleDraft(db, documentId, draftId, mine);
      requireOwnOpenDraft(row, mine, 'share');
      const [updated] = await db
        .update(drafts)
        .set({ sharedWith: sql`${drafts.sharedWith} - ${delegation}::text`, updatedBy: principal.userId, updatedAt: now() })
        .where(and(eq(drafts.id, row.id), eq(drafts.status, 'draft')))
        .returning();
      return presentDraft(db, updated ?? (await refusal(db, row.id, row.revision)), await stateOf(documentId));
    },
  );

  app.post(
    '/api/documents/:documentId/drafts/:draftId/table',
    {
      config: { access: 'draft.act' },
      schema: {
        tags,
        summary: "Table the draft: your delegation's proposal is made (proposal.made) and the draft is marked tabled, together or not at all",
        params: DraftParams,
        body: DraftActionBody,
        response: { 201: TabledDraft, ...problems },
      },
    },
    async (request, reply) => {
      const { documentId, draftId } = request.params as z.infer<typeof DraftParams>;
      const body = request.body as z.infer<typeof DraftActionBody>;
      const { doc, list, principal } = await documentFor(context, request.principal, documentId, 'draft.act');
      const mine = draftingDelegation(list);
      const row = await visibleDraft(db, documentId, draftId, mine);
      requireOwnOpenDraft(row, mine, 'table');
      requireRevision(row, body?.expectedRevision);
      const { id, result } = await makeProposal(context, {
        documentId,
        organisationId: doc.organisationId,
        actor: actingDelegation(principal, list, row.delegation),
        body: row.proposal,
        expectedVersion: null,
        // Against the state at commit time: the text may move between this request and its turn.
        check: (state) => {
          const why = whyMoved(state, row.proposal, row.anchoredText);
          if (why === null) return;
          const where = anchorContext(row.proposal, row.anchoredText);
          const words = where === null ? '' : where.words || `${where.before.slice(-30)} ‸ ${where.after.slice(0, 30)}`.trim();
          throw problem('ERR_DRAFT_ANCHOR_MOVED', { words, why });
        },
        alongside: async (tx, proposalId) => {
          await update(tx, row, { status: 'tabled', proposalId }, principal.userId);
        },
      });
      const tabled = await visibleDraft(db, documentId, draftId, mine);
      return reply.code(201).send({
        draft: await presentDraft(db, tabled, await stateOf(documentId)),
        proposal: { documentId, version: result.version, id, events: result.events.map((e) => ({ version: e.version, type: e.event.type })) },
      });
    },
  );

  app.post(
    '/api/documents/:documentId/drafts/:draftId/discard',
    {
      config: { access: 'draft.act' },
      schema: { tags, summary: "Discard your delegation's draft (it is kept, marked discarded, and can no longer be tabled)", params: DraftParams, body: DraftActionBody, response: { 200: DraftView, ...problems } },
    },
    async (request) => {
      const { documentId, draftId } = request.params as z.infer<typeof DraftParams>;
      const body = request.body as z.infer<typeof DraftActionBody>;
      const { list, principal } = await documentFor(context, request.principal, documentId, 'draft.act');
      const mine = draftingDelegation(list);
      const row = await visibleDraft(db, documentId, draftId, mine);
      requireOwnOpenDraft(row, mine, 'discard');
      requireRevision(row, body?.expectedRevision);
      const updated = await update(db, row, { status: 'discarded' }, principal.userId);
      return presentDraft(db, updated, await stateOf(documentId));
    },
  );
}
