/** Documents: list, import (or preview an import), read, circulate; their provisions, proposals, statements, revisions and log. */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  DocumentDetail,
  DocumentPatchBody,
  DocumentSummary,
  DraftPreview,
  DraftPreviewBody,
  EventPage,
  EventPageQuery,
  NewDocument,
  NewDocumentBody,
  ProblemSchema,
} from '../../protocol/schemas.ts';
import { countState } from '../../core/index.ts';
import type { Context, ZodApp } from '../context.ts';
import { canReadDocument, requireMember, requireRule } from '../auth/policy.ts';
import { documents } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { importDocument } from '../services/documents.ts';
import { previewDraft } from '../services/draft-preview.ts';
import { documentFor, presentDocument, principalOf } from './access.ts';

const OrgParams = z.object({ organisationId: z.string().min(1).max(100) });
export const DocParams = z.object({ documentId: z.string().min(1).max(100) });
const ProvisionParams = DocParams.extend({ provisionId: z.string().min(1).max(100) });
const ProposalQuery = z.object({ status: z.enum(['open', 'accepted', 'dropped', 'withdrawn']).optional(), provisionId: z.string().optional() });
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const Records = z.array(z.record(z.string(), z.unknown()));

export function registerDocumentRoutes(app: ZodApp, context: Context): void {
  const db = context.database.db;

  async function stateOf(documentId: string) {
    const state = await context.store.read(documentId);
    if (!state) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
    return state;
  }

  app.get(
    '/api/organisations/:organisationId/documents',
    {
      config: { access: 'organisation.read' },
      schema: { tags: ['documents'], summary: 'Documents you can see', params: OrgParams, response: { 200: z.array(DocumentSummary), ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const list = requireMember(principalOf(request.principal), organisationId);
      const rows = await db.select().from(documents).where(eq(documents.organisationId, organisationId)).orderBy(asc(documents.createdAt), asc(documents.id));
      return rows.filter((doc) => canReadDocument(list, doc.circulatedToObservers)).map(presentDocument);
    },
  );

  app.post(
    '/api/organisations/:organisationId/documents',
    {
      config: { access: 'document.create' },
      schema: {
        tags: ['documents'],
        summary: 'Create a document by importing a draft; returns the import warnings to review',
        params: OrgParams,
        body: NewDocumentBody,
        response: { 201: NewDocument, 422: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = principalOf(request.principal);
      requireRule(requireMember(principal, organisationId), 'document.create');
      const body = request.body as z.infer<typeof NewDocumentBody>;
      const { doc, warnings } = await importDocument(context, {
        organisationId,
        text: body.text,
        title: body.title ?? null,
        notation: body.notation ?? null,
        actor: { user: principal.userId, delegation: null, role: 'secretariat' },
        circulatedToObservers: body.circulatedToObservers ?? false,
      });
      reply.header('location', `/api/documents/${doc.id}`);
      return reply.code(201).send({ document: presentDocument(doc), warnings: warnings.map(({ code, line, column, message }) => ({ code, line, column, message })) });
    },
  );

  app.post(
    '/api/organisations/:organisationId/documents/preview',
    {
      config: { access: 'document.create' },
      schema: {
        tags: ['documents'],
        summary: 'Read a draft as an import would, without saving it: the counts, and the warnings with their source lines',
        params: OrgParams,
        body: DraftPreviewBody,
        response: { 200: DraftPreview, 422: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = principalOf(request.principal);
      requireRule(requireMember(principal, organisationId), 'document.create');
      const body = request.body as z.infer<typeof DraftPreviewBody>;
      return previewDraft(context, {
        organisationId,
        text: body.text,
        title: body.title ?? null,
        notation: body.notation ?? null,
        actor: { user: principal.userId, delegation: null, role: 'secretariat' },
      });
    },
  );

  app.get(
    '/api/documents/:documentId',
    { config: { access: 'document.read' }, schema: { tags: ['documents'], params: DocParams, response: { 200: DocumentDetail, ...problems } } },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      await documentFor(context, request.principal, documentId, 'document.read');
      const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
      if (!doc) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
      const state = await stateOf(documentId);
      return { ...presentDocument(doc), version: state.version, revisions: [...state.revisions], counts: countState(state) as unknown as Record<string, unknown> };
    },
  );

  app.patch(
    '/api/documents/:documentId',
    {
      config: { access: 'document.manage' },
      schema: { tags: ['documents'], summary: 'Circulate a document to observers (or stop)', params: DocParams, body: DocumentPatchBody, response: { 200: DocumentSummary, ...problems } },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      await documentFor(context, request.principal, documentId, 'document.manage');
      const body = request.body as z.infer<typeof DocumentPatchBody>;
      const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
      if (!doc) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
      if (body.circulatedToObservers === undefined || body.circulatedToObservers === null) return presentDocument(doc);
      const [updated] = await db
        .update(documents)
        .set({ circulatedToObservers: body.circulatedToObservers })
        .where(eq(documents.id, documentId))
        .returning();
      await context.caches.invalidate(db, { kind: 'document', documentId });
      return presentDocument(updated ?? doc);
    },
  );

  app.get(
    '/api/documents/:documentId/provisions',
    { config: { access: 'document.read' }, schema: { tags: ['documents'], summary: 'Provisions in document order', params: DocParams, response: { 200: Records, ...problems } } },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      await documentFor(context, request.principal, documentId, 'document.read');
      const state = await stateOf(documentId);
      return state.order.flatMap((id) => {
        const provision = state.provisions.get(id);
        return provision ? [provision as unknown] : [];
      });
    },
  );

  app.get(
    '/api/documents/:documentId/provisions/:provisionId',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['documents'],
        summary: 'One provision with the proposals, positions and statements on it',
        params: ProvisionParams,
        response: { 200: z.object({ provision: z.record(z.string(), z.unknown()), proposals: Records, positions: Records, statements: Records }), ...problems },
      },
    },
    async (request) => {
      const { documentId, provisionId } = request.params as z.infer<typeof ProvisionParams>;
      await documentFor(context, request.principal, documentId, 'document.read');
      const state = await stateOf(documentId);
      const provision = state.provisions.get(provisionId);
      if (!provision) throw problem('ERR_DOCUMENT_PART_NOT_FOUND', { documentId, what: 'provision', id: provisionId });
      const on = [...state.proposals.values()].filter(
        (p) => p.anchor?.provisionId === provisionId || p.about === provisionId || p.provisionIds.includes(provisionId),
      );
      const ids = new Set(on.map((p) => p.id));
      return {
        provision: provision as unknown as Record<string, unknown>,
        proposals: on as unknown as Record<string, unknown>[],
        positions: on.flatMap((p) => [...(state.positions.get(p.id)?.values() ?? [])]) as unknown as Record<string, unknown>[],
        statements: [...state.statements.values()].filter(
          (s) => s.anchor.provisionId === provisionId || (s.anchor.proposalId !== undefined && ids.has(s.anchor.proposalId)),
        ) as unknown as Record<string, unknown>[],
      };
    },
  );

  app.get(
    '/api/documents/:documentId/proposals',
    {
      config: { access: 'document.read' },
      schema: { tags: ['documents'], summary: 'Proposals with their positions', params: DocParams, querystring: ProposalQuery, response: { 200: Records, ...problems } },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const query = request.query as z.infer<typeof ProposalQuery>;
      await documentFor(context, request.principal, documentId, 'document.read');
      const state = await stateOf(documentId);
      return [...state.proposals.values()]
        .filter((p) => (query.status === undefined || p.status === query.status) && (query.provisionId === undefined || p.anchor?.provisionId === query.provisionId))
        .map((p) => ({ ...p, positions: [...(state.positions.get(p.id)?.values() ?? [])] }));
    },
  );

  app.get(
    '/api/documents/:documentId/statements',
    { config: { access: 'document.read' }, schema: { tags: ['documents'], params: DocParams, response: { 200: Records, ...problems } } },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      await documentFor(context, request.principal, documentId, 'document.read');
      return [...(await stateOf(documentId)).statements.values()] as unknown;
    },
  );

  app.get(
    '/api/documents/:documentId/revisions',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['documents'],
        params: DocParams,
        response: { 200: z.array(z.object({ number: z.number(), label: z.string(), version: z.number(), at: z.string() })), ...problems },
      },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      await documentFor(context, request.principal, documentId, 'document.read');
      return [...(await stateOf(documentId)).revisions];
    },
  );

  app.get(
    '/api/documents/:documentId/events',
    {
      config: { access: 'document.read' },
      schema: { tags: ['documents'], summary: 'The event log of the document, oldest first, paged', params: DocParams, querystring: EventPageQuery, response: { 200: EventPage, ...problems } },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const { after, limit } = request.query as z.infer<typeof EventPageQuery>;
      await documentFor(context, request.principal, documentId, 'document.read');
      const page = await context.store.page(documentId, after, limit);
      const last = page.at(-1);
      return {
        documentId,
        events: page.map((e) => ({ version: e.version, seq: e.seq, hash: e.hash, event: e.event as unknown as Record<string, unknown> })),
        next: page.length === limit && last ? last.version : null,
      };
    },
  );
}

