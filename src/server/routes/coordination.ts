/**
 * Coordinators of the priority areas (seed, list of coordinators; section 3, modality A): a
 * state volunteers → the SWG recommends → the SOC approves or rejects; a state withdraws. Each
 * step is an event of the catalogue register with the day it was taken. Areas without a
 * coordinator in office are gaps.
 */
import { z } from 'zod';
import { coordinationOf, type Actor, type CatalogueEvent } from '../../core/index.ts';
import { CoordinationResult, CoordinatorStepBody, SeedCoordinatorsBody, SeedCoordinatorsResult, VolunteerBody, WithdrawCandidacyBody } from '../../protocol/catalogue.ts';
import { actingDelegation, hasRole } from '../auth/policy.ts';
import type { Context, ZodApp } from '../context.ts';
import { problem } from '../http/problem.ts';
import { catalogueFor, recordCatalogueEvent, seedCatalogueCoordinators, type CatalogueAccess } from '../services/catalogue.ts';
import { catalogueProblems, OrgParams } from './catalogue.ts';

const AreaParams = OrgParams.extend({ areaId: z.string().min(1).max(200) });
const tags = ['coordination'];
const DECISIONS = {
  recommend: { type: 'coordinator.recommended', summary: "Record the SWG's recommendation of a volunteer" },
  approve: { type: 'coordinator.approved', summary: "Record the SOC's approval of a recommended volunteer: the state takes the role" },
  reject: { type: 'coordinator.rejected', summary: "Record that the SOC did not approve a recommended volunteer" },
} as const;

/** The secretariat's or the chair's hand on a decision of the SWG or the SOC. */
function recorder(access: CatalogueAccess): Actor {
  return { user: access.principal.userId, delegation: null, role: hasRole(access.list, 'secretariat') ? 'secretariat' : 'chair' };
}

export function registerCoordinationRoutes(app: ZodApp, context: Context): void {
  async function present(access: CatalogueAccess) {
    const { state, version } = await context.catalogue.read(access.organisationId);
    return { ...coordinationOf(access.catalogue, state), version };
  }

  app.get(
    '/api/organisations/:organisationId/coordination',
    {
      config: { access: 'catalogue.read' },
      schema: { tags, summary: 'Coordinators and co-coordinators in office, volunteers awaiting the SWG or the SOC, and the gaps', params: OrgParams, response: { 200: CoordinationResult, ...catalogueProblems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      return present(await catalogueFor(context, request.principal, organisationId, 'catalogue.read'));
    },
  );

  app.post(
    '/api/organisations/:organisationId/coordination/seed',
    {
      config: { access: 'catalogue.seed' },
      schema: { tags, summary: "Record a document's list of coordinators as the start of the register (an empty register only)", params: OrgParams, body: SeedCoordinatorsBody, response: { 201: SeedCoordinatorsResult, ...catalogueProblems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const body = request.body as z.infer<typeof SeedCoordinatorsBody>;
      const access = await catalogueFor(context, request.principal, organisationId, 'catalogue.seed');
      const seeded = await seedCatalogueCoordinators(context, {
        organisationId,
        documentId: body.documentId ?? access.catalogue.documentId,
        actor: recorder(access),
        date: body.date,
        ...(body.note ? { note: body.note } : {}),
      });
      return reply.code(201).send(seeded);
    },
  );

  app.post(
    '/api/organisations/:organisationId/coordination/areas/:areaId/volunteer',
    {
      config: { access: 'catalogue.act' },
      schema: { tags, summary: 'Volunteer your state as coordinator or co-coordinator of a priority area', params: AreaParams, body: VolunteerBody, response: { 201: CoordinationResult, ...catalogueProblems } },
    },
    async (request, reply) => {
      const { organisationId, areaId } = request.params as z.infer<typeof AreaParams>;
      const body = request.body as z.infer<typeof VolunteerBody>;
      const access = await catalogueFor(context, request.principal, organisationId, 'catalogue.act');
      const actor = actingDelegation(access.principal, access.list, body.state);
      await recordCatalogueEvent(context, access, {
        type: 'coordinator.volunteered',
        at: context.now().toISOString(),
        actor,
        data: { areaId, state: actor.delegation!, role: body.role, date: body.date, note: body.note ?? null },
      });
      return reply.code(201).send(await present(access));
    },
  );

  app.post(
    '/api/organisations/:organisationId/coordination/areas/:areaId/withdraw',
    {
      config: { access: 'catalogue.act' },
      schema: { tags, summary: "Withdraw your state's candidacy, or leave the role it holds", params: AreaParams, body: WithdrawCandidacyBody, response: { 201: CoordinationResult, ...catalogueProblems } },
    },
    async (request, reply) => {
      const { organisationId, areaId } = request.params as z.infer<typeof AreaParams>;
      const body = request.body as z.infer<typeof WithdrawCandidacyBody>;
      const access = await catalogueFor(context, request.principal, organisationId, 'catalogue.act');
      const actor = actingDelegation(access.principal, access.list, body.state);
      await recordCatalogueEvent(context, access, {
        type: 'coordinator.withdrawn',
        at: context.now().toISOString(),
        actor,
        data: { areaId, state: actor.delegation!, date: body.date, note: body.note ?? null },
      });
      return reply.code(201).send(await present(access));
    },
  );

  for (const [action, { type, summary }] of Object.entries(DECISIONS)) {
    app.post(
      `/api/organisations/:organisationId/coordination/areas/:areaId/${action}`,
      {
        config: { access: 'catalogue.record' },
        schema: { tags, summary, params: AreaParams, body: CoordinatorStepBody, response: { 201: CoordinationResult, ...catalogueProblems } },
      },
      async (request, reply) => {
        const { organisationId, areaId } = request.params as z.infer<typeof AreaParams>;
        const body = request.body as z.infer<typeof CoordinatorStepBody>;
        const access = await catalogueFor(context, request.principal, organisationId, 'catalogue.record');
        if (!access.members.includes(body.state)) throw problem('ERR_DELEGATION_UNKNOWN', { delegation: body.state });
        const event = { type, at: context.now().toISOString(), actor: recorder(access), data: { areaId, state: body.state, date: body.date, note: body.note ?? null } } as CatalogueEvent;
        await recordCatalogueEvent(context, access, event);
        return reply.code(201).send(await present(access));
      },
    );
  }
}
