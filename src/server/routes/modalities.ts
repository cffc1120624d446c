/**
 * Section 3's modalities A and B: start a process (A for a priority area of the catalogue, B
 * on a topic), record each step by whom it belongs to, open and break a silence procedure,
 * set by when the current steps are due; list and read processes with where they stand and
 * what is due from whom.
 */
import type { z } from 'zod';
import { ModalityStepBody, ProcessList, ProcessParams, ProcessView, SetDeadlineBody, StartProcessBody } from '../../protocol/modalities.ts';
import type { Context, ZodApp } from '../context.ts';
import { findProcess, modalityAccess, presentProcess, recordModalityStep, setProcessDeadline, startModalityProcess, type ModalityAccess } from '../services/modalities.ts';
import { catalogueProblems as problems, OrgParams } from './catalogue.ts';

const tags = ['modalities'];

export function registerModalityRoutes(app: ZodApp, context: Context): void {
  async function present(access: ModalityAccess, processId: string) {
    return presentProcess(await findProcess(context, access.organisationId, processId), access, context.now());
  }

  app.get(
    '/api/organisations/:organisationId/modalities',
    {
      config: { access: 'modality.read' },
      schema: { tags, summary: 'The processes of modalities A and B: where each stands, what is due from whom and by when', params: OrgParams, response: { 200: ProcessList, ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const access = modalityAccess(request.principal, organisationId, 'modality.read');
      const { state, version } = await context.modalities.read(organisationId);
      const now = context.now();
      const processes = [...state.processes.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map((entry) => presentProcess(entry, access, now));
      return { processes, version };
    },
  );

  app.post(
    '/api/organisations/:organisationId/modalities',
    {
      config: { access: 'modality.manage' },
      schema: { tags, summary: 'Start a process: modality A for a priority area of the catalogue, modality B on a topic', params: OrgParams, body: StartProcessBody, response: { 201: ProcessView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const access = modalityAccess(request.principal, organisationId, 'modality.manage');
      const processId = await startModalityProcess(context, access, request.body as z.infer<typeof StartProcessBody>);
      return reply.code(201).send(await present(access, processId));
    },
  );

  app.get(
    '/api/organisations/:organisationId/modalities/:processId',
    {
      config: { access: 'modality.read' },
      schema: { tags, summary: 'One process: its stage, the steps taken, what is due from whom and by when, the silence procedure', params: ProcessParams, response: { 200: ProcessView, ...problems } },
    },
    async (request) => {
      const { organisationId, processId } = request.params as z.infer<typeof ProcessParams>;
      return present(modalityAccess(request.principal, organisationId, 'modality.read'), processId);
    },
  );

  app.post(
    '/api/organisations/:organisationId/modalities/:processId/steps',
    {
      config: { access: 'modality.act' },
      schema: {
        tags,
        summary: 'Record a step, as the actor section 3 names for it (a state, the Chairman, the Secretariat; the SWG, SOC and experts recorded by the secretariat or the chair)',
        params: ProcessParams,
        body: ModalityStepBody,
        response: { 201: ProcessView, ...problems },
      },
    },
    async (request, reply) => {
      const { organisationId, processId } = request.params as z.infer<typeof ProcessParams>;
      const access = modalityAccess(request.principal, organisationId, 'modality.act');
      await recordModalityStep(context, access, processId, request.body as z.infer<typeof ModalityStepBody>);
      return reply.code(201).send(await present(access, processId));
    },
  );

  app.post(
    '/api/organisations/:organisationId/modalities/:processId/deadline',
    {
      config: { access: 'modality.manage' },
      schema: { tags, summary: 'Set by when the steps due at the current stage are to be taken (reminders go out before it)', params: ProcessParams, body: SetDeadlineBody, response: { 201: ProcessView, ...problems } },
    },
    async (request, reply) => {
      const { organisationId, processId } = request.params as z.infer<typeof ProcessParams>;
      const access = modalityAccess(request.principal, organisationId, 'modality.manage');
      const body = request.body as z.infer<typeof SetDeadlineBody>;
      await setProcessDeadline(context, access, processId, body.stage, body.dueBy);
      return reply.code(201).send(await present(access, processId));
    },
  );
}
