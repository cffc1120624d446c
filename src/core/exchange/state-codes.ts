/**
 * Which codes name a state the exchange can address or grant to: the UN's member and observer
 * states (ISO 3166-1 alpha-3), from the delegation registry's lists.
 *
 * The fold does not check membership of the organisation: its roster changes over time and a
 * log must fold the same way forever. The server checks the roster when it takes a command.
 */
import { UN_MEMBER_STATES, UN_OBSERVER_STATES } from '../delegations/un-membership.ts';
import { reject, type ExchangeRejection } from './rejection.ts';
import { SECRETARIAT_PARTY } from './viewer.ts';

const STATES: ReadonlySet<string> = new Set([...UN_MEMBER_STATES, ...UN_OBSERVER_STATES]);

export function isStateCode(code: unknown): code is string {
  return typeof code === 'string' && STATES.has(code);
}

/**
 * Checks a list of state codes: an array, non-empty when `nonEmpty`, each a state, none twice,
 * and (when `also` is given) the secretariat's party code allowed too.
 */
export function checkStateList(
  list: unknown,
  what: string,
  options: { readonly nonEmpty: boolean; readonly allowSecretariat?: boolean },
): ExchangeRejection | null {
  if (!Array.isArray(list)) return reject('BAD_EVENT', `${what} must be a list of ISO 3166-1 alpha-3 codes.`);
  if (options.nonEmpty && list.length === 0) return reject('BAD_EVENT', `${what} must name at least one state.`);
  const seen = new Set<string>();
  for (const code of list as unknown[]) {
    const allowed = isStateCode(code) || (options.allowSecretariat === true && code === SECRETARIAT_PARTY);
    if (!allowed) {
      return reject('UNKNOWN_STATE', `${what}: "${String(code)}" is no state; use the ISO 3166-1 alpha-3 code of a UN member or observer state, such as KAZ.`);
    }
    if (seen.has(code)) return reject('BAD_EVENT', `${what} names ${String(code)} twice.`);
    seen.add(code);
  }
  return null;
}
