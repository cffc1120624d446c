/**
 * `applyExchangeEvent` folds one event into an exchange state; `foldExchange` folds a log.
 *
 * Each event is validated completely before anything changes, so a rejected event leaves the
 * state exactly as it was. Time-dependent checks (is a grant still live, is a body past its
 * retention) use the event's own `at`, so a log folds the same way whenever it is folded.
 */
import type { ExchangeEvent } from './events.ts';
import { EXCHANGE_EVENT_TYPES } from './events.ts';
import { ExchangeRejected, reject, type ExchangeRejection } from './rejection.ts';
import { emptyExchangeState, latestKey, type ExchangeState, type GrantRecord } from './state.ts';
import { isInstant, ms } from './time.ts';
import { validateContactCheck, validateContactConfirmation } from './validate-contact.ts';
import {
  validateDissemination,
  validateGrant,
  validateRead,
  validateRefusal,
  validateRequest,
  validateRevocation,
} from './validate-consent.ts';
import { validatePermission, validatePermissionWithdrawal } from './validate-permission.ts';
import { validateSubmission } from './validate-submission.ts';
import { envelopeOf } from './submission.ts';
import { partyOf, type Viewer } from './viewer.ts';
import { ENVELOPE_GRANT } from './widening.ts';

export type ExchangeApplyResult =
  | { readonly ok: true; readonly state: ExchangeState }
  | { readonly ok: false; readonly rejection: ExchangeRejection };

/** Applies `event` to `state` in place; returns the rejection instead when it does not apply. */
export function tryApplyExchangeEvent(state: ExchangeState, event: ExchangeEvent): ExchangeApplyResult {
  const rejection = checkExchangeEvent(state, event);
  if (rejection) return { ok: false, rejection };
  mutate(state, event);
  state.version += 1;
  return { ok: true, state };
}

/** Applies `event` to `state` in place, throwing {@link ExchangeRejected} when it does not apply. */
export function applyExchangeEvent(state: ExchangeState, event: ExchangeEvent): ExchangeState {
  const result = tryApplyExchangeEvent(state, event);
  if (!result.ok) throw new ExchangeRejected(result.rejection);
  return result.state;
}

/** Why `event` would not apply to `state`, or null when it would; the state is left untouched. */
export function checkExchangeEvent(state: ExchangeState, event: ExchangeEvent): ExchangeRejection | null {
  const envelope = checkEventEnvelope(event);
  if (envelope) return envelope;
  switch (event.type) {
    case 'submission.sent':
      return validateSubmission(state, event);
    case 'submission.read':
      return validateRead(state, event);
    case 'consent.requested':
      return validateRequest(state, event);
    case 'consent.granted':
      return validateGrant(state, event);
    case 'consent.refused':
      return validateRefusal(state, event);
    case 'consent.revoked':
      return validateRevocation(state, event);
    case 'contingent.permission.recorded':
      return validatePermission(state, event);
    case 'contingent.permission.withdrawn':
      return validatePermissionWithdrawal(state, event);
    case 'submission.disseminated':
      return validateDissemination(state, event);
    case 'contact.check.sent':
      return validateContactCheck(state, event);
    case 'contact.confirmed':
      return validateContactConfirmation(state, event);
  }
}

/** The exchange a log describes. The same log always gives the same state. */
export function foldExchange(events: readonly ExchangeEvent[]): ExchangeState {
  const state = emptyExchangeState();
  for (const event of events) applyExchangeEvent(state, event);
  return state;
}

const ROLES: ReadonlySet<string> = new Set(['delegate', 'chair', 'secretariat', 'observer']);

function checkEventEnvelope(event: ExchangeEvent): ExchangeRejection | null {
  if (typeof event !== 'object' || event === null) return reject('BAD_EVENT', 'An event is an object with type, at, actor and data.');
  if (!EXCHANGE_EVENT_TYPES.includes(event.type)) return reject('BAD_EVENT', `"${String(event.type)}" is no exchange event.`);
  if (!isInstant(event.at)) return reject('BAD_EVENT', `${event.type}: "${String(event.at)}" is not an ISO 8601 instant.`);
  const actor = event.actor as Partial<Viewer> | undefined;
  if (typeof actor?.user !== 'string' || actor.user === '' || !ROLES.has(String(actor.role))) {
    return reject('BAD_EVENT', `${event.type}: the actor needs a user and a role (delegate, chair, secretariat or observer).`);
  }
  if (actor.delegation !== null && typeof actor.delegation !== 'string') {
    return reject('BAD_EVENT', `${event.type}: the actor's delegation is a code, or null.`);
  }
  if (actor.role === 'delegate' && typeof actor.delegation !== 'string') {
    return reject('BAD_EVENT', `${event.type}: a delegate acts for a delegation; give its code.`);
  }
  if (typeof event.data !== 'object' || event.data === null) return reject('BAD_EVENT', `${event.type} carries no data.`);
  return null;
}

// ---------------------------------------------------------------------------------------
// Mutation: only after validation passed.

function mutate(state: ExchangeState, event: ExchangeEvent): void {
  const { actor, at } = event;
  switch (event.type) {
    case 'submission.sent': {
      const input = event.data.submission;
      const submission = { ...input, sentAt: at };
      const grants: GrantRecord[] = [];
      if (input.dissemination.kind === 'secretariat') {
        grants.push({
          id: ENVELOPE_GRANT,
          submissionId: input.id,
          widening: { kind: 'secretariat', disseminateTo: input.dissemination.disseminateTo },
          by: actor,
          at,
          until: null,
          untilMs: Number.POSITIVE_INFINITY,
          inAnswerTo: null,
          revoked: null,
        });
      }
      state.submissions.set(input.id, {
        submission,
        envelope: envelopeOf(submission),
        sentBy: actor,
        sentMs: ms(at),
        retainUntilMs: input.retainUntil === null ? Number.POSITIVE_INFINITY : ms(input.retainUntil),
        grants,
        disseminations: [],
        reads: [],
      });
      state.registryNumbers.add(input.registryNumber);
      state.latest.set(latestKey(input.from, input.category), input.id);
      return;
    }
    case 'submission.read':
      state.submissions.get(event.data.submissionId)!.reads.push({ reader: actor, at, basis: event.data.basis });
      return;
    case 'consent.requested':
      state.requests.set(event.data.requestId, {
        id: event.data.requestId,
        submissionId: event.data.submissionId,
        by: actor,
        party: partyOf(actor)!,
        widening: event.data.widening,
        reason: event.data.reason,
        at,
        answer: null,
      });
      return;
    case 'consent.granted': {
      const { grantId, submissionId, widening, inAnswerTo, until } = event.data;
      const request = inAnswerTo === null ? undefined : state.requests.get(inAnswerTo)!;
      const grant: GrantRecord = {
        id: grantId,
        submissionId,
        widening,
        by: actor,
        at,
        until,
        untilMs: until === null ? Number.POSITIVE_INFINITY : ms(until),
        inAnswerTo: request === undefined ? null : { requestId: request.id, requestedBy: request.party },
        revoked: null,
      };
      state.submissions.get(submissionId)!.grants.push(grant);
      state.grants.set(grantId, grant);
      if (request !== undefined) request.answer = { outcome: 'granted', at, grantId, reason: null };
      return;
    }
    case 'consent.refused':
      state.requests.get(event.data.requestId)!.answer = { outcome: 'refused', at, grantId: null, reason: event.data.reason };
      return;
    case 'consent.revoked': {
      const grant = state.submissions.get(event.data.submissionId)!.grants.find((g) => g.id === event.data.grantId)!;
      grant.revoked = { at, by: actor, reason: event.data.reason };
      return;
    }
    case 'contingent.permission.recorded':
      state.permissions.set(event.data.permissionId, {
        id: event.data.permissionId,
        deployingState: event.data.deployingState,
        hostState: event.data.hostState,
        releaseTo: event.data.releaseTo,
        by: actor,
        at,
        withdrawn: null,
      });
      return;
    case 'contingent.permission.withdrawn':
      // Only counts from now on: what the host already released under it stays released (a
      // release cannot be unsent) — unlike consent.revoked, which narrows who may still read.
      state.permissions.get(event.data.permissionId)!.withdrawn = { at, by: actor, reason: event.data.reason };
      return;
    case 'submission.disseminated': {
      const record = { id: event.data.disseminationId, submissionId: event.data.submissionId, to: event.data.to, by: actor, at };
      state.submissions.get(event.data.submissionId)!.disseminations.push(record);
      state.disseminations.set(record.id, record);
      return;
    }
    case 'contact.check.sent':
      state.checks.set(event.data.checkId, {
        id: event.data.checkId,
        submissionId: event.data.submissionId,
        by: actor,
        party: partyOf(actor)!,
        at,
        atMs: ms(at),
        confirmed: null,
      });
      return;
    case 'contact.confirmed':
      state.checks.get(event.data.checkId)!.confirmed = { at, by: actor };
      return;
  }
}
