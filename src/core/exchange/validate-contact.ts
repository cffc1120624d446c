/**
 * Whether the "are you still there?" events apply (2.3.5, 2.4.4): a check on a points-of-contact
 * submission, and its provider's confirmation. A check is about a submission, so it is hidden
 * exactly as the submission is: a check id the actor may not know of is 'NOT_FOUND'.
 */
import { canSee } from './access.ts';
import type { ContactCheckSent, ContactConfirmed } from './events.ts';
import { notFound, reject, type ExchangeRejection } from './rejection.ts';
import type { ExchangeState } from './state.ts';
import { ms } from './time.ts';
import { isDelegateOf, partyOf } from './viewer.ts';

export function validateContactCheck(state: ExchangeState, event: ContactCheckSent): ExchangeRejection | null {
  const { checkId, submissionId } = event.data;
  if (typeof checkId !== 'string' || checkId.trim() === '') return reject('BAD_EVENT', 'A contact check needs an id.');
  if (state.checks.has(checkId)) return reject('DUPLICATE_ID', `Contact check id ${checkId} is taken.`);
  const party = partyOf(event.actor);
  if (party === null) return reject('NOT_ALLOWED', 'A contact check is sent by a state or by the secretariat.');
  const record = state.submissions.get(submissionId);
  if (record === undefined || !canSee(record, event.actor, ms(event.at))) return notFound(String(submissionId));
  const { category, from, registryNumber } = record.submission;
  if (category !== 'points-of-contact') return reject('BAD_EVENT', `${registryNumber} lists no points of contact to check.`);
  if (isDelegateOf(event.actor, from)) return reject('NOT_ALLOWED', `${from} provided ${registryNumber}; it confirms its contacts, it does not check them.`);
  for (const check of state.checks.values()) {
    if (check.submissionId === submissionId && check.party === party && check.confirmed === null) {
      return reject('NOT_OPEN', `Contact check ${check.id}, sent on ${check.at}, still awaits ${from}'s confirmation.`);
    }
  }
  return null;
}

export function validateContactConfirmation(state: ExchangeState, event: ContactConfirmed): ExchangeRejection | null {
  const { checkId } = event.data;
  const check = typeof checkId === 'string' ? state.checks.get(checkId) : undefined;
  const record = check === undefined ? undefined : state.submissions.get(check.submissionId);
  if (check === undefined || record === undefined || !canSee(record, event.actor, ms(event.at))) {
    return reject('NOT_FOUND', `There is no contact check ${String(checkId)}.`);
  }
  if (!isDelegateOf(event.actor, record.submission.from)) {
    return reject('NOT_PROVIDER', `Only ${record.submission.from}, which provided ${record.submission.registryNumber}, can confirm its points of contact.`);
  }
  return check.confirmed === null ? null : reject('NOT_OPEN', `Contact check ${check.id} was already confirmed on ${check.confirmed.at}.`);
}
