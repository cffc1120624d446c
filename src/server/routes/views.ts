/**
 * Views of a document, all rendered from its folded state: compiled, agreed, as:ISO3, a
 * comparison of two revisions, and the counts. Rendered text is cached per version, so a
 * view is rendered once per change however many delegations read it; ETags are the version.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  compareRevisions,
  countState,
  createDelegationRegistry,
  parseViewSpec,
  renderText,
  toTransfer,
  type DelegationRegistry,
  type DocumentState,
} from '../../core/index.ts';
import { Comparison, CompareQuery, ProblemSchema, ViewQuery } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { notModified } from '../http/etag.ts';
import { organisations } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { documentFor, type DocumentRow } from './access.ts';
import { DocParams } from './documents.ts';

const ViewParams = DocParams.extend({ view: z.string().min(1).max(40).describe('compiled, agreed or as:ISO3') });
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** A small least-recently-used cache. */
class Lru<V> {
  readonly #max: number;
  readonly #map = new Map<string, V>();
  constructor(max: number) {
    this.#max = max;
  }
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value as string);
  }
}

export function registerViewRoutes(app: ZodApp, context: Context): void {
  const rendered = new Lru<string>(256);
  const pastStates = new Lru<DocumentState>(32);
  const transfers = new Lru<string>(16);
  const registries = new Map<string, DelegationRegistry>();

  async function registryOf(organisationId: string): Promise<DelegationRegistry> {
    const known = registries.get(organisationId);
    if (known) return known;
    const [org] = await context.database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId));
    const registry = createDelegationRegistry({ aliases: org?.settings.aliases ?? {} });
    registries.set(organisationId, registry);
    return registry;
  }

  async function currentState(doc: DocumentRow): Promise<DocumentState> {
    const state = await context.store.read(doc.id);
    if (!state) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId: doc.id });
    return state;
  }

  /** The state at revision `number` (0 = as created), folded from the log and cached. */
  async function stateAtRevision(doc: DocumentRow, current: DocumentState, number: number): Promise<DocumentState> {
    const version = number === 0 ? doc.initialVersion : current.revisions.find((r) => r.number === number)?.version;
    if (version === undefined) {
      throw problem('ERR_REVISION_NOT_FOUND', {
        documentId: doc.id,
        revision: number,
        known: current.revisions.length === 0 ? 'none yet (0 is the document as created)' : current.revisions.map((r) => `${r.number} (${r.label})`).join(', '),
      });
    }
    const key = `${doc.id}|${version}`;
    let state = pastStates.get(key);
    if (!state) {
      state = await context.store.readAt(doc.id, version);
      pastStates.set(key, state);
    }
    return state;
  }

  function render(state: DocumentState, view: string, notation: string | undefined, registry: DelegationRegistry): string {
    const key = `${state.id}|${state.version}|${view}|${notation ?? ''}`;
    let text = rendered.get(key);
    if (text === undefined) {
      text = renderText(state, { view, ...(notation ? { notation } : {}), registry });
      rendered.set(key, text);
    }
    return text;
  }

  app.get(
    '/api/documents/:documentId/views/:view',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['views'],
        summary: 'The document as text: compiled (bracketed), agreed, or as:ISO3 (as that delegation wants it), in a notation',
        params: ViewParams,
        querystring: ViewQuery,
        response: { 200: z.string(), 304: z.null(), 400: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { documentId, view } = request.params as z.infer<typeof ViewParams>;
      const query = request.query as z.infer<typeof ViewQuery>;
      if (parseViewSpec(view) === null) throw problem('ERR_REQUEST_UNSUPPORTED_VIEW', { view });
      const { doc } = await documentFor(context, request.principal, documentId, 'document.read');
      const current = await currentState(doc);
      const state = query.revision === undefined ? current : await stateAtRevision(doc, current, query.revision);
      const etag = `"${doc.id}.${state.version}.${view}.${query.notation ?? state.notation}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache').type('text/plain; charset=utf-8');
      if (notModified(request, reply, etag)) return reply.send();
      return reply.send(render(state, view, query.notation, await registryOf(doc.organisationId)));
    },
  );

  app.get(
    '/api/documents/:documentId/state',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['views'],
        summary: 'The folded state as JSON (a StateTransfer of src/core): the workspace starts from it, then follows the log from its version',
        params: DocParams,
        response: { 200: z.record(z.string(), z.unknown()), 304: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const { doc } = await documentFor(context, request.principal, documentId, 'document.read');
      const state = await currentState(doc);
      const etag = `"${doc.id}.${state.version}.state"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache').type('application/json; charset=utf-8');
      if (notModified(request, reply, etag)) return reply.send();
      // Serialised once per version, synchronously: the store updates its state in place.
      const key = `${doc.id}|${state.version}`;
      let body = transfers.get(key);
      if (body === undefined) {
        body = JSON.stringify(toTransfer(state));
        transfers.set(key, body);
      }
      return reply.send(body);
    },
  );

  app.get(
    '/api/documents/:documentId/compare',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['views'],
        summary: 'Word-level comparison between two revisions (0 = as created; no `to` = the current text)',
        params: DocParams,
        querystring: CompareQuery,
        response: { 200: Comparison, 400: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const query = request.query as z.infer<typeof CompareQuery>;
      const view = query.view ?? 'compiled';
      if (parseViewSpec(view) === null) throw problem('ERR_REQUEST_UNSUPPORTED_VIEW', { view });
      const { doc } = await documentFor(context, request.principal, documentId, 'document.read');
      const current = await currentState(doc);
      const before = await stateAtRevision(doc, current, query.from);
      const after = query.to === undefined ? current : await stateAtRevision(doc, current, query.to);
      const registry = await registryOf(doc.organisationId);
      const comparison = compareRevisions(before, after, { view, ...(query.notation ? { notation: query.notation } : {}), registry });
      return { from: query.from, to: query.to ?? null, parts: comparison.parts.map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) })) };
    },
  );

  app.get(
    '/api/documents/:documentId/counts',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['views'],
        summary: 'Open brackets, option sets, provisions agreed, and positions per delegation',
        params: DocParams,
        response: { 200: z.record(z.string(), z.unknown()), ...problems },
      },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const { doc } = await documentFor(context, request.principal, documentId, 'document.read');
      const state = await currentState(doc);
      return { version: state.version, ...(countState(state) as unknown as Record<string, unknown>) };
    },
  );
}
