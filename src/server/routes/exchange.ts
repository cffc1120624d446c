/**
 * The information exchange: send a submission, list and search what the caller may see,
 * read one (every read is logged with its basis), the provider's read log, "why can I see
 * this?", and the export. Everything goes through the consent rule of src/core/exchange; a
 * submission the caller may not see is answered exactly as an id never used (same status,
 * body, headers, and the same path through the code).
 */
import type { z } from 'zod';
import {
  accessOf,
  countSubmissions,
  partyOf,
  readLog,
  readSubmission,
  retentionLimit,
  searchSubmissions,
  whyCanISee,
  type ExchangeEvent,
  type SubmissionHit,
  type SubmissionInput,
} from '../../core/index.ts';
import { ConsentView, EnvelopeView, ExchangeCountsView, NewSubmissionBody, ReadLogView, SubmissionListView, SubmissionQuerySchema, SubmissionView, WhyView } from '../../protocol/exchange.ts';
import type { Context, ZodApp } from '../context.ts';
import { problem } from '../http/problem.ts';
import { eraseExpiredBodies, loadBodies, loadBody, storeBody } from '../services/exchange-bodies.ts';
import { bodyDigest, sealedBody } from '../services/exchange-domain.ts';
import { exchangeOrganisation, nextRegistryNumber, requireDelegate } from '../services/exchange-viewer.ts';
import { appendExchange, exchangeCaller, exchangeProblems as problems, exchangeTags as tags, OrgParams, PRIVATE, requireApplies, SubmissionParams, submissionNotFound } from './exchange-common.ts';

type Query = z.infer<typeof SubmissionQuerySchema>;

/** Every string in a body, for a search over its words. */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

export function registerExchangeRoutes(app: ZodApp, context: Context): void {
  const db = context.database.db;
  const { now, newId } = context;

  /** The search: the domain filters by what the caller may see; words are matched here, since bodies live outside the log. */
  async function search(organisationId: string, viewer: Parameters<typeof searchSubmissions>[1], query: Query): Promise<SubmissionHit[]> {
    // Bodies past their retention are erased whenever the exchange is listed, as well as on read.
    await eraseExpiredBodies(db, now());
    const { state } = await context.exchange.read(organisationId);
    const at = now().toISOString();
    const { text, ...filters } = query;
    const hits = searchSubmissions(state, viewer, filters, at);
    const words = (text ?? '').toLowerCase().split(/\s+/u).filter((w) => w !== '');
    if (words.length === 0) return hits;
    const bodies = await loadBodies(db, hits.filter((h) => !h.expired).map((h) => h.envelope.id));
    return hits.filter(({ envelope }) => {
      const haystack = [envelope.subject, envelope.registryNumber, ...stringsOf(bodies.get(envelope.id))].join('\n').toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }

  app.post(
    '/api/organisations/:organisationId/exchange/submissions',
    {
      config: { access: 'exchange.send' },
      schema: { tags, summary: 'Send a submission on behalf of your state (a report, a nil or a no-change report)', params: OrgParams, body: NewSubmissionBody, response: { 201: EnvelopeView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.send');
      const from = requireDelegate(viewer);
      const input = request.body as NewSubmissionBody;
      const organisation = await exchangeOrganisation(db, organisationId);
      const id = newId();
      const sentAt = now();
      const at = sentAt.toISOString();
      const digest = input.body === null ? null : bodyDigest(input.body);
      const retainUntil = retentionLimit(organisation.settings, input.category, at);
      let sent: SubmissionInput | undefined;
      await appendExchange(
        context,
        organisationId,
        (state) => {
          const submission = {
            ...input,
            id,
            registryNumber: nextRegistryNumber(state, organisation, sentAt),
            from,
            retainUntil,
            body: input.body === null ? null : sealedBody(input.category, input.body, digest!),
          } as unknown as SubmissionInput;
          const event: ExchangeEvent = { type: 'submission.sent', at, actor: viewer, data: { submission } };
          requireApplies(state, event, () => submissionNotFound(input.replyTo ?? 'named'));
          sent = submission;
          return [event];
        },
        async (tx) => {
          if (input.body === null) return;
          await storeBody(tx, { submissionId: id, organisationId, body: input.body, digest: digest!, retainUntil: retainUntil === null ? null : new Date(retainUntil) });
        },
      );
      const { body: _sealed, ...envelope } = sent!;
      return reply.code(201).send({ ...envelope, sentAt: at });
    },
  );

  app.get(
    '/api/organisations/:organisationId/exchange/submissions',
    {
      config: { access: 'exchange.read' },
      schema: { tags, summary: 'The submissions you may see, newest first, with their count (search: text, category, from, to, kind, urgent, sent…)', params: OrgParams, querystring: SubmissionQuerySchema, response: { 200: SubmissionListView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      const hits = await search(organisationId, viewer, request.query as Query);
      return { submissions: hits, count: hits.length };
    },
  );

  app.get(
    '/api/organisations/:organisationId/exchange/counts',
    {
      config: { access: 'exchange.read' },
      schema: { tags, summary: 'How many submissions you may see: sent by your state, received, and in all', params: OrgParams, response: { 200: ExchangeCountsView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      const { state } = await context.exchange.read(organisationId);
      const at = now().toISOString();
      const party = viewer.role === 'delegate' ? viewer.delegation : null;
      return {
        all: countSubmissions(state, viewer, {}, at),
        sent: party === null ? 0 : countSubmissions(state, viewer, { from: party }, at),
        received: party === null ? 0 : countSubmissions(state, viewer, { to: party }, at),
        urgent: countSubmissions(state, viewer, { urgent: true }, at),
      };
    },
  );

  app.get(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId',
    {
      config: { access: 'exchange.read' },
      schema: { tags, summary: 'Read a submission (the read is logged with its basis); past its retention: `expired`, without the body', params: SubmissionParams, response: { 200: SubmissionView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId, submissionId } = request.params as z.infer<typeof SubmissionParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      const at = now();
      let result: ReturnType<typeof readSubmission> = { outcome: 'not-found' };
      // Hidden and never-used ids take the same path: the domain answers not-found for both, inside the same transaction.
      await appendExchange(context, organisationId, (state) => {
        result = readSubmission(state, viewer, submissionId, at.toISOString());
        if (result.outcome === 'not-found') throw submissionNotFound(submissionId);
        if (result.outcome === 'expired') return [];
        const event: ExchangeEvent = { type: 'submission.read', at: at.toISOString(), actor: viewer, data: { submissionId, basis: result.basis } };
        requireApplies(state, event, () => submissionNotFound(submissionId));
        return [event];
      });
      const read = result as unknown as Exclude<ReturnType<typeof readSubmission>, { outcome: 'not-found' }>;
      if (read.outcome === 'expired') return { outcome: 'expired', envelope: read.envelope, basis: read.basis };
      const { body: sealed, ...envelope } = read.submission;
      if (sealed === null) return { outcome: 'ok', submission: { ...envelope, body: null }, basis: read.basis };
      const stored = await loadBody(db, submissionId, at);
      if (stored === null) return { outcome: 'expired', envelope, basis: read.basis };
      return { outcome: 'ok', submission: { ...envelope, body: stored.body }, basis: read.basis };
    },
  );

  app.get(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId/reads',
    {
      config: { access: 'exchange.read' },
      schema: { tags, summary: 'Who read your submission, when, and under which grant (the provider only)', params: SubmissionParams, response: { 200: ReadLogView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId, submissionId } = request.params as z.infer<typeof SubmissionParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      const { state } = await context.exchange.read(organisationId);
      const log = readLog(state, viewer, submissionId, now().toISOString());
      if (log.outcome === 'not-found') throw submissionNotFound(submissionId);
      if (log.outcome === 'provider-only') {
        const { from, registryNumber } = state.submissions.get(submissionId)!.submission;
        throw problem('ERR_EXCHANGE_READ_LOG_PROVIDER_ONLY', { from, registryNumber });
      }
      return { entries: log.entries };
    },
  );

  app.get(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId/why',
    {
      config: { access: 'exchange.read' },
      schema: { tags, summary: 'Why can I see this? Each basis you have, with its chain of grants from the provider', params: SubmissionParams, response: { 200: WhyView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId, submissionId } = request.params as z.infer<typeof SubmissionParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      const { state } = await context.exchange.read(organisationId);
      const why = whyCanISee(state, viewer, submissionId, now().toISOString());
      if (why.outcome === 'not-found') throw submissionNotFound(submissionId);
      return { chains: why.chains };
    },
  );

  app.get(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId/consent',
    {
      config: { access: 'exchange.read' },
      schema: { tags, summary: "A submission's consent requests and grants: all for its provider; your state's own requests for anyone else who sees it", params: SubmissionParams, response: { 200: ConsentView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId, submissionId } = request.params as z.infer<typeof SubmissionParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      const { state } = await context.exchange.read(organisationId);
      const access = accessOf(state, viewer, submissionId, now().toISOString());
      if (!access.visible) throw submissionNotFound(submissionId);
      const provider = access.basis.via === 'provider';
      const party = partyOf(viewer);
      const requests = [...state.requests.values()]
        .filter((r) => r.submissionId === submissionId && (provider || r.party === party))
        .map((r) => ({ id: r.id, party: r.party, widening: r.widening, reason: r.reason, at: r.at, answer: r.answer }));
      const grants = provider
        ? state.submissions.get(submissionId)!.grants.map((g) => ({ id: g.id, widening: g.widening, at: g.at, until: g.until, revokedAt: g.revoked?.at ?? null }))
        : [];
      return { requests, grants };
    },
  );
}
