/**
 * Everything that changes a document: proposals, positions, statements and the chair's
 * actions. Each route authorizes, then hands the event store a command that builds its
 * event from the state current at commit time; the store appends it or refuses it (409 on
 * a stale expectedVersion, 422 when the engine rejects it).
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor, ParleyEvent } from '../../core/index.ts';
import {
  AgreementBody,
  ChairProposalBody,
  CommandAccepted,
  ConsensusBody,
  DelegationCode,
  OralProposalBody,
  PositionBody,
  ProblemSchema,
  ProposalBody,
  RevisionBody,
  StatementBody,
  WithdrawBody,
} from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { actingDelegation, chairActor, chairForFloor, hasRole } from '../auth/policy.ts';
import { problem } from '../http/problem.ts';
import { readMeeting } from '../services/meetings.ts';
import { makeProposal, proposalEvents, proposalInput, requireAlternativeKind, requireDelegation } from '../services/proposals.ts';
import { notifyFollowers, provisionsOfProposal } from '../notifications/follows.ts';
import type { CommandResult } from '../store/event-store.ts';
import { documentFor } from './access.ts';
import { DocParams } from './documents.ts';

const ProposalParams = DocParams.extend({ proposalId: z.string().min(1).max(100) });
const PositionParams = ProposalParams.extend({ delegation: DelegationCode });
const ProvisionParams = DocParams.extend({ provisionId: z.string().min(1).max(100) });
const ExpectedVersionQuery = z.object({ expectedVersion: z.coerce.number().int().min(0).optional() });
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const accepted = { 201: CommandAccepted, ...problems };

export function registerCommandRoutes(app: ZodApp, context: Context): void {
  const { store, now, newId } = context;

  function event<T extends ParleyEvent['type']>(type: T, actor: Actor, data: Extract<ParleyEvent, { type: T }>['data']): ParleyEvent {
    return { type, at: now().toISOString(), actor, data } as ParleyEvent;
  }

  async function send(reply: FastifyReply, documentId: string, result: CommandResult, id: string | null): Promise<FastifyReply> {
    return reply.code(201).send({ documentId, version: result.version, id, events: result.events.map((e) => ({ version: e.version, type: e.event.type })) });
  }

  app.post(
    '/api/documents/:documentId/proposals',
    {
      config: { access: 'delegation.act' },
      schema: { tags: ['negotiation'], summary: 'Make a proposal for your delegation', params: DocParams, body: ProposalBody, response: accepted },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof ProposalBody>;
      const { doc, list, principal } = await documentFor(context, request.principal, documentId, 'delegation.act');
      const actor = actingDelegation(principal, list, body.delegation);
      const { id, result } = await makeProposal(context, { documentId, organisationId: doc.organisationId, actor, body, expectedVersion: body.expectedVersion ?? null });
      return send(reply, documentId, result, id);
    },
  );

  app.post(
    '/api/documents/:documentId/meeting/proposals',
    {
      config: { access: 'meeting.chair' },
      schema: {
        tags: ['meeting'],
        summary: 'Record an oral proposal for the delegation that has the floor: the proposal is theirs, the event shows the chair recorded it',
        params: DocParams,
        body: OralProposalBody,
        response: accepted,
      },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof OralProposalBody>;
      const { doc, principal } = await documentFor(context, request.principal, documentId, 'meeting.chair');
      const meeting = await readMeeting(context.database.db, doc);
      if (!meeting.active) throw problem('ERR_MEETING_NOT_ACTIVE', { documentId });
      if (meeting.floor === null) throw problem('ERR_MEETING_NO_FLOOR');
      // The body names the delegation the chair heard, so a floor given meanwhile to another is not credited with it.
      if (meeting.floor !== body.delegation) throw problem('ERR_MEETING_FLOOR_CHANGED', { floor: meeting.floor, delegation: body.delegation }, { extra: { floor: meeting.floor } });
      const actor = chairForFloor(principal, meeting.floor);
      const { id, result } = await makeProposal(context, { documentId, organisationId: doc.organisationId, actor, body, expectedVersion: body.expectedVersion ?? null });
      return send(reply, documentId, result, id);
    },
  );

  app.post(
    '/api/documents/:documentId/proposals/:proposalId/withdraw',
    {
      config: { access: 'delegation.act' },
      schema: { tags: ['negotiation'], summary: "Withdraw your delegation's proposal", params: ProposalParams, body: WithdrawBody, response: accepted },
    },
    async (request, reply) => {
      const { documentId, proposalId } = request.params as z.infer<typeof ProposalParams>;
      const body = request.body as z.infer<typeof WithdrawBody>;
      const { list, principal } = await documentFor(context, request.principal, documentId, 'delegation.act');
      const isSecretariat = hasRole(list, 'secretariat');
      const own = list.find((m) => m.role === 'delegate')?.delegation ?? null;
      const result = await store.append(documentId, {
        expectedVersion: body?.expectedVersion ?? null,
        build: (state) => {
          const proposal = state.proposals.get(proposalId);
          if (!proposal) throw problem('ERR_DOCUMENT_PART_NOT_FOUND', { documentId, what: 'proposal', id: proposalId });
          if (proposal.byChair) throw problem('ERR_ACCESS_FORBIDDEN', { reason: "a chair's proposal is settled by the chair declaring consensus." });
          if (own !== null && proposal.proponent === own) {
            return [event('proposal.withdrawn', { user: principal.userId, delegation: own, role: 'delegate' }, { proposalId })];
          }
          if (isSecretariat) {
            return [event('proposal.withdrawn', { user: principal.userId, delegation: proposal.proponent, role: 'secretariat' }, { proposalId })];
          }
          throw problem('ERR_ACCESS_OTHER_DELEGATION', { own: own ?? 'no delegation', other: proposal.proponent ?? 'an unattributed proposal' });
        },
      });
      return send(reply, documentId, result, proposalId);
    },
  );

  app.put(
    '/api/documents/:documentId/proposals/:proposalId/positions/:delegation',
    {
      config: { access: 'delegation.act' },
      schema: { tags: ['negotiation'], summary: "Take (or change) a delegation's position on a proposal", params: PositionParams, body: PositionBody, response: accepted },
    },
    async (request, reply) => {
      const { documentId, proposalId, delegation } = request.params as z.infer<typeof PositionParams>;
      const body = request.body as z.infer<typeof PositionBody>;
      const { doc, list, principal } = await documentFor(context, request.principal, documentId, 'delegation.act');
      const actor = actingDelegation(principal, list, delegation);
      await requireDelegation(context, doc.organisationId, delegation);
      const result = await store.append(documentId, {
        expectedVersion: body.expectedVersion ?? null,
        build: () => [event('position.taken', actor, { proposalId, delegation, stance: body.stance, reason: body.reason ?? null })],
      });
      return send(reply, documentId, result, null);
    },
  );

  app.delete(
    '/api/documents/:documentId/proposals/:proposalId/positions/:delegation',
    {
      config: { access: 'delegation.act' },
      schema: { tags: ['negotiation'], summary: "Withdraw a delegation's position", params: PositionParams, querystring: ExpectedVersionQuery, response: accepted },
    },
    async (request, reply) => {
      const { documentId, proposalId, delegation } = request.params as z.infer<typeof PositionParams>;
      const { list, principal } = await documentFor(context, request.principal, documentId, 'delegation.act');
      const actor = actingDelegation(principal, list, delegation);
      const { expectedVersion } = request.query as z.infer<typeof ExpectedVersionQuery>;
      const result = await store.append(documentId, {
        expectedVersion: expectedVersion ?? null,
        build: () => [event('position.withdrawn', actor, { proposalId, delegation })],
      });
      return send(reply, documentId, result, null);
    },
  );

  app.post(
    '/api/documents/:documentId/chair/proposals',
    {
      config: { access: 'chair.act' },
      schema: { tags: ['chair'], summary: "Put forward a chair's proposal", params: DocParams, body: ChairProposalBody, response: accepted },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof ChairProposalBody>;
      const { principal, doc } = await documentFor(context, request.principal, documentId, 'chair.act');
      requireAlternativeKind(body);
      const id = newId();
      const input = proposalInput(body, id, null, newId);
      const actor = chairActor(principal);
      const result = await store.append(documentId, {
        expectedVersion: body.expectedVersion ?? null,
        build: (state) => proposalEvents(state, 'chair.proposal.made', actor, input, body.alternativeTo, context),
      });
      await notifyFollowers(context, { organisationId: doc.organisationId, documentId, proposalId: id, actor, provisionIds: provisionsOfProposal(input, body.alternativeTo) });
      return send(reply, documentId, result, id);
    },
  );

  app.post(
    '/api/documents/:documentId/proposals/:proposalId/consensus',
    {
      config: { access: 'chair.act' },
      schema: {
        tags: ['chair'],
        summary: 'Declare consensus on a proposal: accept (the brackets go, the words stay) or drop (the words go)',
        params: ProposalParams,
        body: ConsensusBody,
        response: accepted,
      },
    },
    async (request, reply) => {
      const { documentId, proposalId } = request.params as z.infer<typeof ProposalParams>;
      const body = request.body as z.infer<typeof ConsensusBody>;
      const { principal } = await documentFor(context, request.principal, documentId, 'chair.act');
      const result = await store.append(documentId, {
        expectedVersion: body.expectedVersion ?? null,
        build: () => [event('consensus.declared', chairActor(principal), { proposalId, outcome: body.outcome })],
      });
      return send(reply, documentId, result, proposalId);
    },
  );

  app.post(
    '/api/documents/:documentId/provisions/:provisionId/agreement',
    {
      config: { access: 'chair.act' },
      schema: { tags: ['chair'], summary: 'Record a provision as agreed ad referendum or adopted', params: ProvisionParams, body: AgreementBody, response: accepted },
    },
    async (request, reply) => {
      const { documentId, provisionId } = request.params as z.infer<typeof ProvisionParams>;
      const body = request.body as z.infer<typeof AgreementBody>;
      const { principal } = await documentFor(context, request.principal, documentId, 'chair.act');
      const result = await store.append(documentId, {
        expectedVersion: body.expectedVersion ?? null,
        build: () => [event('provision.agreed', chairActor(principal), { provisionId, status: body.status })],
      });
      return send(reply, documentId, result, provisionId);
    },
  );

  app.post(
    '/api/documents/:documentId/revisions',
    {
      config: { access: 'chair.act' },
      schema: { tags: ['chair'], summary: 'Issue the next revision (Rev.1, Rev.2 …)', params: DocParams, body: RevisionBody, response: accepted },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof RevisionBody>;
      const { principal } = await documentFor(context, request.principal, documentId, 'chair.act');
      let issued = 0;
      const result = await store.append(documentId, {
        expectedVersion: body?.expectedVersion ?? null,
        build: (state) => {
          issued = (state.revisions.at(-1)?.number ?? 0) + 1;
          return [event('revision.issued', chairActor(principal), { number: issued, label: body?.label ?? `Rev.${issued}` })];
        },
      });
      return send(reply, documentId, result, String(issued));
    },
  );

  app.post(
    '/api/documents/:documentId/statements',
    {
      config: { access: 'statement.add' },
      schema: { tags: ['negotiation'], summary: 'Add a statement (interpretative statement, reservation, footnote, chair’s note)', params: DocParams, body: StatementBody, response: accepted },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof StatementBody>;
      const { doc, list, principal } = await documentFor(context, request.principal, documentId, 'statement.add');
      let actor: Actor;
      let by: string | null;
      const isChair = hasRole(list, 'chair');
      if (isChair && (body.kind === 'chair-note' || body.by === 'CHAIR' || !list.some((m) => m.role !== 'chair'))) {
        actor = chairActor(principal);
        by = 'CHAIR';
      } else {
        if (body.kind === 'chair-note') throw problem('ERR_ACCESS_FORBIDDEN', { reason: "only the chair adds a chair's note." });
        actor = actingDelegation(principal, list, body.by);
        by = actor.delegation;
        await requireDelegation(context, doc.organisationId, by);
      }
      const id = newId();
      const anchor = 'proposalId' in body.anchor ? { proposalId: body.anchor.proposalId } : { provisionId: body.anchor.provisionId, at: body.anchor.at ?? ('end' as const) };
      const result = await store.append(documentId, {
        expectedVersion: body.expectedVersion ?? null,
        build: () => [event('statement.added', actor, { statement: { id, kind: body.kind, by, text: body.text, anchor } })],
      });
      return send(reply, documentId, result, id);
    },
  );
}
