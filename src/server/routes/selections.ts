/**
 * The measures each state chooses to implement (seed 1.3, 3), bilaterally with named partners
 * or multilaterally, its withdrawals, and its implementation reports per measure and period.
 * Choices and reports are read by every member: the regular review (1.8) is a common one.
 */
import { z } from 'zod';
import { ReportBody, SelectionsView, SelectMeasureBody, WithdrawMeasureBody } from '../../protocol/catalogue.ts';
import { actingDelegation } from '../auth/policy.ts';
import type { Context, ZodApp } from '../context.ts';
import { catalogueFor, recordCatalogueEvent } from '../services/catalogue.ts';
import { catalogueProblems, OrgParams } from './catalogue.ts';

const MeasureParams = OrgParams.extend({ measureId: z.string().min(1).max(200) });
const tags = ['selections'];

export function registerSelectionRoutes(app: ZodApp, context: Context): void {
  async function present(organisationId: string) {
    const { state, version } = await context.catalogue.read(organisationId);
    return {
      version,
      selections: [...state.selections.values()].flatMap((byMeasure) => [...byMeasure.values()]),
      reports: [...state.reports.values()].map(({ measureId, state: member, period, status, text, at, actor }) => ({ measureId, state: member, period, status, text, at, actor })),
    };
  }

  app.get(
    '/api/organisations/:organisationId/selections',
    {
      config: { access: 'catalogue.read' },
      schema: { tags, summary: "Every state's chosen measures (with their history) and implementation reports", params: OrgParams, response: { 200: SelectionsView, ...catalogueProblems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      await catalogueFor(context, request.principal, organisationId, 'catalogue.read');
      return present(organisationId);
    },
  );

  app.put(
    '/api/organisations/:organisationId/selections/:measureId',
    {
      config: { access: 'catalogue.act' },
      schema: { tags, summary: 'Choose a measure for your state, bilaterally (with partners) or multilaterally; choosing again changes the terms', params: MeasureParams, body: SelectMeasureBody, response: { 200: SelectionsView, ...catalogueProblems } },
    },
    async (request) => {
      const { organisationId, measureId } = request.params as z.infer<typeof MeasureParams>;
      const body = request.body as z.infer<typeof SelectMeasureBody>;
      const access = await catalogueFor(context, request.principal, organisationId, 'catalogue.act');
      const actor = actingDelegation(access.principal, access.list, body.state);
      await recordCatalogueEvent(context, access, {
        type: 'measure.selected',
        at: context.now().toISOString(),
        actor,
        data: { measureId, state: actor.delegation!, mode: body.mode, partners: [...new Set(body.partners)].sort() },
      });
      return present(organisationId);
    },
  );

  app.post(
    '/api/organisations/:organisationId/selections/:measureId/withdraw',
    {
      config: { access: 'catalogue.act' },
      schema: { tags, summary: "Withdraw your state's choice of a measure (its history stays)", params: MeasureParams, body: WithdrawMeasureBody, response: { 200: SelectionsView, ...catalogueProblems } },
    },
    async (request) => {
      const { organisationId, measureId } = request.params as z.infer<typeof MeasureParams>;
      const body = request.body as z.infer<typeof WithdrawMeasureBody>;
      const access = await catalogueFor(context, request.principal, organisationId, 'catalogue.act');
      const actor = actingDelegation(access.principal, access.list, body?.state);
      await recordCatalogueEvent(context, access, { type: 'measure.withdrawn', at: context.now().toISOString(), actor, data: { measureId, state: actor.delegation! } });
      return present(organisationId);
    },
  );

  app.post(
    '/api/organisations/:organisationId/selections/:measureId/reports',
    {
      config: { access: 'catalogue.act' },
      schema: { tags, summary: "Report on your state's implementation of a measure for a period (a later report for the same period replaces it)", params: MeasureParams, body: ReportBody, response: { 201: SelectionsView, ...catalogueProblems } },
    },
    async (request, reply) => {
      const { organisationId, measureId } = request.params as z.infer<typeof MeasureParams>;
      const body = request.body as z.infer<typeof ReportBody>;
      const access = await catalogueFor(context, request.principal, organisationId, 'catalogue.act');
      const actor = actingDelegation(access.principal, access.list, body.state);
      await recordCatalogueEvent(context, access, {
        type: 'implementation.reported',
        at: context.now().toISOString(),
        actor,
        data: { measureId, state: actor.delegation!, period: body.period, status: body.status, text: body.text },
      });
      return reply.code(201).send(await present(organisationId));
    },
  );
}
