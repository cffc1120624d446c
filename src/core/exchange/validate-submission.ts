/**
 * Whether a `submission.sent` applies: the envelope, the kind (report, nil, no-change), the
 * reply it may be, what its body relates to, and — for foreign contingents — the deploying
 * states' permissions. Field-by-field checks of a body are the wire schemas' job
 * (src/protocol/exchange.ts); here are the ones the rest of the exchange relies on.
 */
import { canSee } from './access.ts';
import type { ForeignContingentsBody } from './bodies.ts';
import { CATEGORIES, isCategoryId, type Category } from './categories.ts';
import { checkPolicy } from './check-widening.ts';
import type { SubmissionSent } from './events.ts';
import { deployingStates, unpermittedParty } from './permissions.ts';
import { notFound, reject, type ExchangeRejection } from './rejection.ts';
import { latestKey, type ExchangeState } from './state.ts';
import { checkStateList, isStateCode } from './state-codes.ts';
import type { SubmissionInput } from './submission.ts';
import { isInstant, ms } from './time.ts';
import { isDelegateOf } from './viewer.ts';

const MAX_TEXT = 1000;

function nonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT;
}

export function validateSubmission(state: ExchangeState, event: SubmissionSent): ExchangeRejection | null {
  const submission = event.data.submission as Partial<SubmissionInput> | undefined;
  if (typeof submission !== 'object' || submission === null) return reject('BAD_EVENT', 'submission.sent carries no submission.');
  const s = submission as SubmissionInput;
  if (!nonEmptyText(s.id)) return reject('BAD_ENVELOPE', 'A submission needs an id.');
  if (state.submissions.has(s.id)) return reject('DUPLICATE_ID', `Submission id ${s.id} is taken.`);
  if (!nonEmptyText(s.registryNumber)) return reject('BAD_ENVELOPE', 'A submission needs a registry number, such as CICA/EX/2021/0007.');
  if (state.registryNumbers.has(s.registryNumber)) return reject('DUPLICATE_ID', `Registry number ${s.registryNumber} is taken.`);
  if (typeof s.category !== 'string' || !isCategoryId(s.category)) {
    return reject('BAD_ENVELOPE', `"${String(s.category)}" is no category of the exchange.`);
  }
  const category = CATEGORIES[s.category];
  if (!isStateCode(s.from)) return reject('UNKNOWN_STATE', `"${String(s.from)}" is no state; the provider is given by its ISO 3166-1 alpha-3 code.`);
  if (!isDelegateOf(event.actor, s.from)) {
    return reject('NOT_ALLOWED', `Only a delegate of ${s.from} can send information on its behalf.`);
  }
  return (
    checkStateList(s.to, 'The addressed states', { nonEmpty: true }) ??
    (s.to.includes(s.from) ? reject('BAD_ENVELOPE', `${s.from} cannot address its own submission to itself.`) : null) ??
    checkEnvelopeFields(s, category, event.at) ??
    checkKind(state, s, category) ??
    checkReply(state, event, s, category) ??
    checkBody(s, category) ??
    checkContingentPermissions(state, s, category)
  );
}

function checkEnvelopeFields(s: SubmissionInput, category: Category, at: string): ExchangeRejection | null {
  if (!nonEmptyText(s.subject)) return reject('BAD_ENVELOPE', 'A submission needs a subject (at most 1000 characters).');
  if (!nonEmptyText(s.language)) return reject('BAD_ENVELOPE', 'Say which language the submission is in, such as en or ru.');
  if (!category.legalBases.includes(s.legalBasis)) {
    return reject('BAD_ENVELOPE', `${category.title} rests on ${category.legalBases.join(' or ')}, not "${String(s.legalBasis)}".`);
  }
  if (typeof s.urgent !== 'boolean') return reject('BAD_ENVELOPE', 'Say whether the submission is urgent (true or false).');
  if (category.alwaysUrgent && !s.urgent) {
    return reject('BAD_ENVELOPE', `${category.title} (${category.legalBases.join(', ')}) is always urgent and routed at once: mark it urgent.`);
  }
  const policy = checkPolicy(s.dissemination);
  if (policy) return policy;
  if (category.personalData && s.dissemination.kind !== 'addressees-only') {
    return reject('PERSONAL_DATA', `${category.title} is personal data: it goes to the addressed states only, never to the secretariat for dissemination.`);
  }
  if (category.personalData) {
    if (!isInstant(s.retainUntil) || ms(s.retainUntil) <= ms(at)) {
      return reject('BAD_ENVELOPE', `${category.title} is personal data: give the instant until which it may be kept (retainUntil), after the sending time.`);
    }
  } else if (s.retainUntil !== null) {
    return reject('BAD_ENVELOPE', `Only personal data has a retention limit; leave retainUntil null for ${category.title}.`);
  }
  if (category.periodic) {
    if (!nonEmptyText(s.period)) return reject('BAD_ENVELOPE', `${category.title} is reported per period: say which (such as 2021).`);
  } else if (s.period !== null) {
    return reject('BAD_ENVELOPE', `${category.title} is not reported per period; leave period null.`);
  }
  return null;
}

function checkKind(state: ExchangeState, s: SubmissionInput, category: Category): ExchangeRejection | null {
  switch (s.kind) {
    case 'report':
      if (typeof s.body !== 'object' || s.body === null || Array.isArray(s.body)) return reject('BAD_BODY', 'A report needs a body.');
      return s.previous === null ? null : reject('BAD_ENVELOPE', 'Only a no-change report points to a previous submission.');
    case 'nil':
    case 'no-change': {
      if (!category.periodic) {
        return reject('BAD_ENVELOPE', `${category.title} is not reported per period, so it has no nil or no-change report: send a report.`);
      }
      if (s.body !== null) return reject('BAD_BODY', `A ${s.kind} report has no body.`);
      if (s.kind === 'nil') return s.previous === null ? null : reject('BAD_ENVELOPE', 'A nil report points to no previous submission.');
      const latest = state.latest.get(latestKey(s.from, s.category));
      if (latest === undefined) {
        return reject('BAD_NO_CHANGE', `${s.from} has sent no ${category.title} before: send a report or a nil report.`);
      }
      if (s.previous !== latest) {
        return reject('BAD_NO_CHANGE', `A no-change report points to ${s.from}'s latest ${category.title}, ${state.submissions.get(latest)!.submission.registryNumber} (id ${latest}).`);
      }
      // "No change" tells a reader nothing unless it had the report that still holds.
      const previous = state.submissions.get(latest)!.submission;
      const missing = s.to.filter((code) => !previous.to.includes(code));
      return missing.length === 0
        ? null
        : reject('BAD_NO_CHANGE', `${missing.join(', ')} did not receive ${previous.registryNumber}, so "no change" tells them nothing: send them a full report.`);
    }
    default:
      return reject('BAD_ENVELOPE', `"${String(s.kind)}" is no kind of submission; use report, nil or no-change.`);
  }
}

function checkReply(state: ExchangeState, event: SubmissionSent, s: SubmissionInput, category: Category): ExchangeRejection | null {
  if (s.replyTo === null) {
    return category.answers === null ? null : reject('BAD_REPLY', `${category.title} answers a request: say which (replyTo).`);
  }
  if (typeof s.replyTo !== 'string') return reject('BAD_ENVELOPE', 'replyTo is a submission id, or null.');
  const answered = state.submissions.get(s.replyTo);
  // One may only answer what one may see; anything else is as if the id did not exist.
  if (answered === undefined || !canSee(answered, event.actor, ms(event.at))) return notFound(s.replyTo);
  if (category.answers === null) return null;
  const request = answered.submission;
  if (request.category !== category.answers) {
    return reject('BAD_REPLY', `${category.title} answers a ${CATEGORIES[category.answers].title}; ${request.registryNumber} is a ${CATEGORIES[request.category].title}.`);
  }
  if (!request.to.includes(s.from)) return reject('BAD_REPLY', `${request.registryNumber} was not addressed to ${s.from}, so ${s.from} has nothing to answer.`);
  if (!s.to.includes(request.from)) return reject('BAD_REPLY', `Address the reply to ${request.from}, which sent ${request.registryNumber}.`);
  return null;
}

/** The parts of a body other rules depend on: times that deadlines count from, deploying states. */
function checkBody(s: SubmissionInput, category: Category): ExchangeRejection | null {
  if (s.kind !== 'report') return null;
  const body = s.body as unknown as Record<string, unknown>;
  const instant = (field: string): ExchangeRejection | null =>
    isInstant(body[field]) ? null : reject('BAD_BODY', `${category.title}: ${field} must be an ISO 8601 instant.`);
  switch (s.category) {
    case 'foreign-contingents': {
      const contingents = body['contingents'];
      if (!Array.isArray(contingents) || contingents.length === 0) {
        return reject('BAD_BODY', 'List the foreign contingents (or send a nil report when there are none).');
      }
      for (const contingent of contingents as unknown[]) {
        const deploying = (contingent as { deployingState?: unknown } | null)?.deployingState;
        if (!isStateCode(deploying)) return reject('UNKNOWN_STATE', `"${String(deploying)}" is no state; name each deploying state by its ISO 3166-1 alpha-3 code.`);
        if (deploying === s.from) return reject('BAD_BODY', `A contingent of ${s.from} on its own territory is no foreign contingent.`);
      }
      return null;
    }
    case 'military-activity': {
      const rejection = instant('start') ?? instant('end');
      if (rejection) return rejection;
      return ms(body['start'] as string) <= ms(body['end'] as string) ? null : reject('BAD_BODY', 'The activity ends before it starts.');
    }
    case 'incident-consultation':
    case 'disaster':
      return instant('occurredAt');
    default:
      return null;
  }
}

function checkContingentPermissions(state: ExchangeState, s: SubmissionInput, category: Category): ExchangeRejection | null {
  if (!category.needsDeployingStatePermission || s.kind !== 'report') return null;
  for (const deploying of deployingStates(s.body as ForeignContingentsBody, s.from)) {
    const unpermitted =
      unpermittedParty(state, deploying, s.from, { kind: 'states', states: s.to }) ??
      (s.dissemination.kind === 'secretariat' ? unpermittedParty(state, deploying, s.from, s.dissemination) : null);
    if (unpermitted !== null) {
      return reject(
        'NO_PERMISSION',
        `${deploying} has not permitted ${s.from} to release information on its contingent to ${unpermitted} (2.1.1 c): ${deploying} must record its permission first.`,
      );
    }
  }
  return null;
}
