/**
 * Whether the events of the consent rule apply: reads, requests for consent, grants, refusals,
 * revocations and the secretariat's dissemination.
 *
 * The order of the checks matters. First what does not depend on the submission (ids, shapes,
 * the actor's role); then whether the actor may see the submission — if not, the answer is
 * 'NOT_FOUND', word for word the answer for an id never used; only then what does depend on it.
 */
import { allowanceFor, basesOf, canSee } from './access.ts';
import { sameBasis } from './basis.ts';
import type { ForeignContingentsBody } from './bodies.ts';
import { CATEGORIES } from './categories.ts';
import { checkWidening } from './check-widening.ts';
import type { ConsentGranted, ConsentRefused, ConsentRequested, ConsentRevoked, SubmissionDisseminated, SubmissionRead } from './events.ts';
import { deployingStates, unpermittedParty } from './permissions.ts';
import { notFound, reject, type ExchangeRejection } from './rejection.ts';
import type { ExchangeState, SubmissionRecord } from './state.ts';
import { checkStateList } from './state-codes.ts';
import { isInstant, ms } from './time.ts';
import { isDelegateOf, partyOf, type Viewer } from './viewer.ts';
import { ENVELOPE_GRANT, type Widening } from './widening.ts';

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 200;
}

function isReason(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.length <= 2000);
}

/** The submission if the actor may see it at the event's time; otherwise the one not-found answer. */
function visibleRecord(state: ExchangeState, submissionId: unknown, actor: Viewer, at: string): SubmissionRecord | ExchangeRejection {
  if (!isId(submissionId)) return reject('BAD_EVENT', 'Name the submission by its id.');
  const record = state.submissions.get(submissionId);
  if (record === undefined || !canSee(record, actor, ms(at))) return notFound(submissionId);
  return record;
}

function isRejection(value: SubmissionRecord | ExchangeRejection): value is ExchangeRejection {
  return 'code' in value;
}

function notProvider(record: SubmissionRecord, action: string): ExchangeRejection {
  const { from, registryNumber } = record.submission;
  return reject('NOT_PROVIDER', `Only ${from}, which provided ${registryNumber}, can ${action}; you may ask it for consent.`);
}

export function validateRead(state: ExchangeState, event: SubmissionRead): ExchangeRejection | null {
  const record = visibleRecord(state, event.data.submissionId, event.actor, event.at);
  if (isRejection(record)) return record;
  if (ms(event.at) >= record.retainUntilMs) {
    return reject('EXPIRED', `${record.submission.registryNumber} was kept until ${record.submission.retainUntil}; its body can no longer be read.`);
  }
  const bases = basesOf(record, event.actor, ms(event.at), false);
  return bases.some((basis) => sameBasis(basis, event.data.basis))
    ? null
    : reject('BAD_BASIS', `The read is logged under a basis the reader does not have; log the basis accessOf gives.`);
}

export function validateRequest(state: ExchangeState, event: ConsentRequested): ExchangeRejection | null {
  const { requestId, submissionId, widening, reason } = event.data;
  if (!isId(requestId)) return reject('BAD_EVENT', 'A consent request needs an id.');
  if (state.requests.has(requestId)) return reject('DUPLICATE_ID', `Consent request id ${requestId} is taken.`);
  const shape = checkWidening(widening);
  if (shape) return shape;
  if (!isReason(reason)) return reject('BAD_EVENT', 'The reason is a text of at most 2000 characters, or null.');
  if (partyOf(event.actor) === null) return reject('NOT_ALLOWED', 'Consent is asked for a state or for the secretariat; the chair as such cannot ask.');
  const record = visibleRecord(state, submissionId, event.actor, event.at);
  if (isRejection(record)) return record;
  if (isDelegateOf(event.actor, record.submission.from)) {
    return reject('NOT_ALLOWED', `${record.submission.from} provided ${record.submission.registryNumber}: it grants access itself and asks nobody.`);
  }
  return personalData(record);
}

export function validateGrant(state: ExchangeState, event: ConsentGranted): ExchangeRejection | null {
  const { grantId, submissionId, widening, inAnswerTo, until } = event.data;
  if (!isId(grantId)) return reject('BAD_EVENT', 'A grant needs an id.');
  if (grantId === ENVELOPE_GRANT || state.grants.has(grantId)) return reject('DUPLICATE_ID', `Grant id ${grantId} is taken.`);
  const shape = checkWidening(widening);
  if (shape) return shape;
  if (until !== null && (!isInstant(until) || ms(until) <= ms(event.at))) {
    return reject('BAD_EVENT', 'A grant lasts until an ISO 8601 instant after it is given, or without end (null).');
  }
  if (inAnswerTo !== null && !isId(inAnswerTo)) return reject('BAD_EVENT', 'inAnswerTo is a consent request id, or null.');
  const record = visibleRecord(state, submissionId, event.actor, event.at);
  if (isRejection(record)) return record;
  if (!isDelegateOf(event.actor, record.submission.from)) return notProvider(record, 'widen access to it');
  const rejection = personalData(record) ?? contingentLimits(state, record, widening);
  if (rejection) return rejection;
  return inAnswerTo === null ? null : openRequest(state, record, inAnswerTo);
}

export function validateRefusal(state: ExchangeState, event: ConsentRefused): ExchangeRejection | null {
  if (!isReason(event.data.reason)) return reject('BAD_EVENT', 'The reason is a text of at most 2000 characters, or null.');
  const record = visibleRecord(state, event.data.submissionId, event.actor, event.at);
  if (isRejection(record)) return record;
  if (!isDelegateOf(event.actor, record.submission.from)) return notProvider(record, 'refuse consent');
  return openRequest(state, record, event.data.requestId);
}

export function validateRevocation(state: ExchangeState, event: ConsentRevoked): ExchangeRejection | null {
  if (!isReason(event.data.reason)) return reject('BAD_EVENT', 'The reason is a text of at most 2000 characters, or null.');
  const record = visibleRecord(state, event.data.submissionId, event.actor, event.at);
  if (isRejection(record)) return record;
  if (!isDelegateOf(event.actor, record.submission.from)) return notProvider(record, 'revoke access to it');
  const grant = record.grants.find((g) => g.id === event.data.grantId);
  if (grant === undefined) return reject('BAD_EVENT', `${record.submission.registryNumber} has no grant ${String(event.data.grantId)}.`);
  return grant.revoked === null ? null : reject('NOT_OPEN', `Grant ${grant.id} was already revoked on ${grant.revoked.at}.`);
}

export function validateDissemination(state: ExchangeState, event: SubmissionDisseminated): ExchangeRejection | null {
  const { disseminationId, submissionId, to } = event.data;
  if (!isId(disseminationId)) return reject('BAD_EVENT', 'A dissemination needs an id.');
  if (state.disseminations.has(disseminationId)) return reject('DUPLICATE_ID', `Dissemination id ${disseminationId} is taken.`);
  const list = checkStateList(to, 'The states to disseminate to', { nonEmpty: true });
  if (list) return list;
  if (event.actor.role !== 'secretariat') {
    return reject('NOT_ALLOWED', 'Only the secretariat disseminates; a state that holds a submission may ask its provider for consent instead.');
  }
  const record = visibleRecord(state, submissionId, event.actor, event.at);
  if (isRejection(record)) return record;
  const { from, registryNumber } = record.submission;
  if (to.includes(from)) return reject('BAD_EVENT', `${from} provided ${registryNumber}; there is nothing to disseminate to it.`);
  const beyond = to.filter((code) => allowanceFor(record, code, ms(event.at)) === undefined);
  return beyond.length === 0
    ? null
    : reject('BEYOND_CONSENT', `${from} has not allowed the secretariat to pass ${registryNumber} on to ${beyond.join(', ')}: ask ${from} for consent first.`);
}

function personalData(record: SubmissionRecord): ExchangeRejection | null {
  const category = CATEGORIES[record.submission.category];
  return category.personalData
    ? reject('PERSONAL_DATA', `${record.submission.registryNumber} is personal data (${category.legalBases.join(', ')}): only the states named when it was sent may see it. ${record.submission.from} can send it to others anew.`)
    : null;
}

function contingentLimits(state: ExchangeState, record: SubmissionRecord, widening: Widening): ExchangeRejection | null {
  const s = record.submission;
  if (!CATEGORIES[s.category].needsDeployingStatePermission || s.kind !== 'report') return null;
  for (const deploying of deployingStates(s.body as ForeignContingentsBody, s.from)) {
    const unpermitted = unpermittedParty(state, deploying, s.from, widening);
    if (unpermitted !== null) {
      return reject('NO_PERMISSION', `${deploying} has not permitted ${s.from} to release information on its contingent to ${unpermitted} (2.1.1 c).`);
    }
  }
  return null;
}

function openRequest(state: ExchangeState, record: SubmissionRecord, requestId: unknown): ExchangeRejection | null {
  const request = isId(requestId) ? state.requests.get(requestId) : undefined;
  if (request === undefined || request.submissionId !== record.submission.id) {
    return reject('BAD_EVENT', `${record.submission.registryNumber} has no consent request ${String(requestId)}.`);
  }
  return request.answer === null ? null : reject('NOT_OPEN', `Consent request ${request.id} was already ${request.answer.outcome} on ${request.answer.at}.`);
}
