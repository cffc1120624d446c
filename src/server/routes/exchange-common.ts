/**
 * What the exchange's routes share: the caller as a viewer of one organisation's exchange,
 * appending an exchange command with the domain's refusals as the catalogue's errors, and
 * the one "not found" answer a hidden submission and a never-used id both get.
 */
import { z } from 'zod';
import { checkExchangeEvent, type ExchangeEvent, type ExchangeState, type Viewer } from '../../core/index.ts';
import { ProblemSchema } from '../../protocol/schemas.ts';
import { requireRule, type AccessRule } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { Context } from '../context.ts';
import type { Db } from '../db/database.ts';
import { problem, type ProblemError } from '../http/problem.ts';
import { viewerOf } from '../services/exchange-viewer.ts';
import type { RegisterResult } from '../store/register-store.ts';
import { principalOf } from './access.ts';

export const OrgParams = z.object({ organisationId: z.string().min(1).max(100) });
export const SubmissionParams = OrgParams.extend({ submissionId: z.string().min(1).max(200) });
export const exchangeProblems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
export const exchangeTags = ['exchange'];
/** Exchanged information is kept off shared caches and out of the browser's disk cache. */
export const PRIVATE = 'private, no-store';

export function exchangeCaller(principal: Principal | null, organisationId: string, rule: AccessRule): { viewer: Viewer; principal: Principal } {
  const who = principalOf(principal);
  const { viewer, list } = viewerOf(who, organisationId);
  requireRule(list, rule);
  return { viewer, principal: who };
}

/** The answer for a submission the caller may not see — word for word the answer for an id never used. */
export function submissionNotFound(submissionId: string): ProblemError {
  return problem('ERR_EXCHANGE_SUBMISSION_NOT_FOUND', { submissionId });
}

/** The answer for a contingent permission of two other states — word for word the answer for an id never used. */
export function permissionNotFound(permissionId: string): ProblemError {
  return problem('ERR_EXCHANGE_PERMISSION_NOT_FOUND', { permissionId });
}

/**
 * Refuses, as the catalogue's error, an event the domain would refuse. The domain's NOT_FOUND
 * (no such thing, or one the caller may not see) answers `notFound()`: the unknown submission,
 * or permission, the route is about.
 */
export function requireApplies(state: ExchangeState, event: ExchangeEvent, notFound: () => ProblemError): void {
  const rejection = checkExchangeEvent(state, event);
  if (rejection === null) return;
  if (rejection.code === 'NOT_FOUND') throw notFound();
  throw problem('ERR_EXCHANGE_CHANGE_REFUSED', { message: rejection.message }, { extra: { rejection: rejection.code } });
}

/** Appends the events `build` makes (checked one by one against the state they would follow). */
export async function appendExchange(
  context: Context,
  organisationId: string,
  build: (state: ExchangeState) => readonly ExchangeEvent[],
  alongside?: (tx: Db, result: RegisterResult<ExchangeEvent>) => Promise<void>,
): Promise<RegisterResult<ExchangeEvent>> {
  return context.exchange.append(organisationId, { build, ...(alongside ? { alongside } : {}) });
}
