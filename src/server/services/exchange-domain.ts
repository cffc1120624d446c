/**
 * The information exchange as a register of the organisation's log: the pure domain of
 * src/core/exchange folded by the generic RegisterStore.
 *
 * A submission's body never enters the log (the log is append-only and personal data must be
 * erasable): the logged `submission.sent` carries a sealed body instead — the SHA-256 digest
 * of the body's canonical JSON and only the facts the consent rule and the deadlines are
 * checked against (deploying states, the activity's start and end, when an incident
 * happened). None of those is personal data. The body itself is a row of `exchange_bodies`.
 */
import { createHash } from 'node:crypto';
import { emptyExchangeState, tryApplyExchangeEvent, type ExchangeEvent, type ExchangeState } from '../../core/index.ts';
import type { Database } from '../db/database.ts';
import { canonicalJson } from '../store/canonical-json.ts';
import { RegisterStore, type RegisterDomain } from '../store/register-store.ts';

export type ExchangeStore = RegisterStore<ExchangeState, ExchangeEvent>;

export const EXCHANGE_DOMAIN: RegisterDomain<ExchangeState, ExchangeEvent> = {
  kind: 'exchange',
  empty: emptyExchangeState,
  apply(state, event) {
    const result = tryApplyExchangeEvent(state, event);
    return result.ok ? null : result.rejection;
  },
};

export function exchangeStore(database: Database, now: () => Date): ExchangeStore {
  return new RegisterStore(database, EXCHANGE_DOMAIN, now);
}

export function bodyDigest(body: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}

/** What the log keeps of a body: its digest and the facts the domain's rules read. */
export function sealedBody(category: string, body: Record<string, unknown>, digest: string): Record<string, unknown> {
  switch (category) {
    case 'foreign-contingents':
      return { digest, contingents: (body['contingents'] as { deployingState: string }[]).map((c) => ({ deployingState: c.deployingState })) };
    case 'military-activity':
      return { digest, start: body['start'], end: body['end'] };
    case 'incident-consultation':
    case 'disaster':
      return { digest, occurredAt: body['occurredAt'] };
    default:
      return { digest };
  }
}
