/**
 * 2.1.1 c before sending: which parties a contingents report would reach that a deploying
 * state has not permitted. The server's check (core/exchange/permissions.ts) decides; this
 * tells the host in advance, from the permissions its duties view lists, so it can ask the
 * deploying state first instead of meeting a refusal.
 */
import type { Duties } from '../exchange-api.ts';

export const SECRETARIAT = 'SECRETARIAT';

/** The permissions `deploying` gave `host` that it has not withdrawn: only those count (a withdrawn one stays listed as history). */
function inForce(permissions: Duties['permissions'], deploying: string, host: string): Duties['permissions'] {
  return permissions.filter((p) => p.deployingState === deploying && p.hostState === host && p.withdrawnAt === null);
}

/** Whom a submission would reach: the addressed states, and the secretariat with its onward scope when the envelope says so. */
export interface Reach {
  readonly states: readonly string[];
  readonly secretariat: null | 'none' | 'any' | readonly string[];
}

/** The parties `reach` covers that `deploying` did not permit `host` to release to ('*' stands for "any state"). */
export function unpermittedParties(permissions: Duties['permissions'], deploying: string, host: string, reach: Reach): string[] {
  const given = inForce(permissions, deploying, host);
  const any = given.some((p) => p.releaseTo === 'any');
  const covers = (party: string): boolean => any || given.some((p) => p.releaseTo !== 'any' && p.releaseTo.includes(party));
  const missing = reach.states.filter((s) => !covers(s));
  if (reach.secretariat !== null) {
    if (!covers(SECRETARIAT)) missing.push(SECRETARIAT);
    if (reach.secretariat === 'any' && !any) missing.push('*');
    if (Array.isArray(reach.secretariat)) missing.push(...(reach.secretariat as readonly string[]).filter((s) => !covers(s) && !missing.includes(s)));
  }
  return missing;
}

/** What `deploying` permitted `host`: 'any', the parties named across its permissions, or nothing. */
export function permittedTo(permissions: Duties['permissions'], deploying: string, host: string): 'any' | string[] {
  const given = inForce(permissions, deploying, host);
  if (given.some((p) => p.releaseTo === 'any')) return 'any';
  return [...new Set(given.flatMap((p) => (p.releaseTo === 'any' ? [] : p.releaseTo)))].sort();
}
