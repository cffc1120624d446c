/**
 * The consent rule's actions (Catalogue 1.7, 2.1.1 c): ask the provider to let a submission
 * go further, grant, refuse, revoke; the secretariat's dissemination; a deploying state's
 * permission; contact checks and confirmations. Who may do each is the domain's rule
 * (src/core/exchange/validate-*.ts); what the caller may not see answers 404, like an id never used.
 */
import { z } from 'zod';
import type { ExchangeEvent, ExchangeState, Viewer } from '../../core/index.ts';
import {
  ConsentGrantBody,
  ConsentRefusalBody,
  ConsentRequestBody,
  ConsentRevocationBody,
  ContingentPermissionBody,
  ContingentPermissionWithdrawalBody,
  DisseminationBody,
} from '../../protocol/exchange.ts';
import type { Context, ZodApp } from '../context.ts';
import { requireDelegate } from '../services/exchange-viewer.ts';
import type { ProblemError } from '../http/problem.ts';
import {
  appendExchange,
  exchangeCaller,
  exchangeProblems as problems,
  exchangeTags as tags,
  OrgParams,
  permissionNotFound,
  PRIVATE,
  requireApplies,
  SubmissionParams,
  submissionNotFound,
} from './exchange-common.ts';

const Created = z.object({ id: z.string(), version: z.number().int() });
const RequestParams = OrgParams.extend({ requestId: z.string().min(1).max(200) });
const GrantParams = SubmissionParams.extend({ grantId: z.string().min(1).max(200) });
const CheckParams = OrgParams.extend({ checkId: z.string().min(1).max(200) });
const PermissionParams = OrgParams.extend({ permissionId: z.string().min(1).max(200) });

export function registerExchangeConsentRoutes(app: ZodApp, context: Context): void {
  const { now, newId } = context;

  /** One event made from the state, checked, appended; answers its id and the register's version. */
  async function act(
    organisationId: string,
    notFound: (state: ExchangeState) => ProblemError,
    make: (at: string, state: ExchangeState) => ExchangeEvent,
    id: string,
  ): Promise<{ id: string; version: number }> {
    const at = now().toISOString();
    const result = await appendExchange(context, organisationId, (state) => {
      const event = make(at, state);
      requireApplies(state, event, () => notFound(state));
      return [event];
    });
    return { id, version: result.version };
  }

  function caller(request: { principal: Parameters<typeof exchangeCaller>[0] }, organisationId: string): Viewer {
    return exchangeCaller(request.principal, organisationId, 'exchange.act').viewer;
  }

  app.post(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId/consent-requests',
    { config: { access: 'exchange.act' }, schema: { tags, summary: 'Ask the provider to let a submission you see go further', params: SubmissionParams, body: ConsentRequestBody, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId, submissionId } = request.params as z.infer<typeof SubmissionParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      const { widening, reason } = request.body as z.infer<typeof ConsentRequestBody>;
      const requestId = newId();
      const created = await act(organisationId, () => submissionNotFound(submissionId), (at) => ({ type: 'consent.requested', at, actor, data: { requestId, submissionId, widening, reason } }), requestId);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId/grants',
    { config: { access: 'exchange.act' }, schema: { tags, summary: 'Widen access to a submission your state provided (answering a request, or unasked)', params: SubmissionParams, body: ConsentGrantBody, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId, submissionId } = request.params as z.infer<typeof SubmissionParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      const { widening, inAnswerTo, until } = request.body as z.infer<typeof ConsentGrantBody>;
      const grantId = newId();
      const created = await act(organisationId, () => submissionNotFound(submissionId), (at) => ({ type: 'consent.granted', at, actor, data: { grantId, submissionId, widening, inAnswerTo, until } }), grantId);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisations/:organisationId/exchange/consent-requests/:requestId/refusal',
    { config: { access: 'exchange.act' }, schema: { tags, summary: 'Refuse a consent request about a submission your state provided', params: RequestParams, body: ConsentRefusalBody, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId, requestId } = request.params as z.infer<typeof RequestParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      const { reason } = request.body as z.infer<typeof ConsentRefusalBody>;
      // A request about a submission the caller may not see is as unknown as the submission: the domain says NOT_FOUND.
      const created = await act(
        organisationId,
        (state) => submissionNotFound(state.requests.get(requestId)?.submissionId ?? requestId),
        (at, state) => ({ type: 'consent.refused', at, actor, data: { requestId, submissionId: state.requests.get(requestId)?.submissionId ?? requestId, reason } }),
        requestId,
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId/grants/:grantId/revocation',
    { config: { access: 'exchange.act' }, schema: { tags, summary: 'Revoke a grant (or the envelope’s secretariat policy, grant "envelope"): access narrows from now on', params: GrantParams, body: ConsentRevocationBody, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId, submissionId, grantId } = request.params as z.infer<typeof GrantParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      const reason = (request.body as z.infer<typeof ConsentRevocationBody>)?.reason ?? null;
      const created = await act(organisationId, () => submissionNotFound(submissionId), (at) => ({ type: 'consent.revoked', at, actor, data: { grantId, submissionId, reason } }), grantId);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId/disseminations',
    { config: { access: 'exchange.act' }, schema: { tags, summary: 'The secretariat passes a submission on to states, within what the provider allowed', params: SubmissionParams, body: DisseminationBody, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId, submissionId } = request.params as z.infer<typeof SubmissionParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      const { to } = request.body as z.infer<typeof DisseminationBody>;
      const disseminationId = newId();
      const created = await act(organisationId, () => submissionNotFound(submissionId), (at) => ({ type: 'submission.disseminated', at, actor, data: { disseminationId, submissionId, to } }), disseminationId);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisations/:organisationId/exchange/contingent-permissions',
    { config: { access: 'exchange.act' }, schema: { tags, summary: '2.1.1 c: permit a host state to release information on your state’s contingent', params: OrgParams, body: ContingentPermissionBody, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      const deployingState = requireDelegate(actor);
      const { hostState, releaseTo } = request.body as z.infer<typeof ContingentPermissionBody>;
      const permissionId = newId();
      const created = await act(organisationId, () => submissionNotFound('named'), (at) => ({ type: 'contingent.permission.recorded', at, actor, data: { permissionId, deployingState, hostState, releaseTo } }), permissionId);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisations/:organisationId/exchange/contingent-permissions/:permissionId/withdraw',
    { config: { access: 'exchange.act' }, schema: { tags, summary: '2.1.1 c: withdraw a permission your state gave; what the host already released stays released', params: PermissionParams, body: ContingentPermissionWithdrawalBody, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId, permissionId } = request.params as z.infer<typeof PermissionParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      requireDelegate(actor);
      const reason = (request.body as z.infer<typeof ContingentPermissionWithdrawalBody>)?.reason ?? null;
      // A permission of two other states answers NOT_FOUND in the domain, and so exactly like an id never used.
      const created = await act(organisationId, () => permissionNotFound(permissionId), (at) => ({ type: 'contingent.permission.withdrawn', at, actor, data: { permissionId, reason } }), permissionId);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisations/:organisationId/exchange/submissions/:submissionId/contact-checks',
    { config: { access: 'exchange.act' }, schema: { tags, summary: 'Ask the provider of points of contact you hold to confirm they still answer', params: SubmissionParams, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId, submissionId } = request.params as z.infer<typeof SubmissionParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      const checkId = newId();
      const created = await act(organisationId, () => submissionNotFound(submissionId), (at) => ({ type: 'contact.check.sent', at, actor, data: { checkId, submissionId } }), checkId);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/organisations/:organisationId/exchange/contact-checks/:checkId/confirmation',
    { config: { access: 'exchange.act' }, schema: { tags, summary: 'Confirm that your state’s points of contact still answer', params: CheckParams, response: { 201: Created, ...problems } } },
    async (request, reply) => {
      const { organisationId, checkId } = request.params as z.infer<typeof CheckParams>;
      void reply.header('cache-control', PRIVATE);
      const actor = caller(request, organisationId);
      const created = await act(
        organisationId,
        (state) => submissionNotFound(state.checks.get(checkId)?.submissionId ?? checkId),
        (at) => ({ type: 'contact.confirmed', at, actor, data: { checkId } }),
        checkId,
      );
      return reply.code(201).send(created);
    },
  );

}
