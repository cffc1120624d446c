/**
 * How far a provider lets its information go beyond the states it addressed (1.6, 1.7). Only
 * the provider widens: at sending (the envelope's dissemination policy) or later by a grant.
 */

/**
 * Whom the secretariat may pass a submission on to, once it holds it: nobody (it keeps it for
 * the database of submitted information, modality B), any state it chooses, or the states named.
 */
export type DisseminationScope = 'none' | 'any' | readonly string[];

export type Widening =
  /** These states see it too. */
  | { readonly kind: 'states'; readonly states: readonly string[] }
  /** The secretariat sees it, and may disseminate it within `disseminateTo`. */
  | { readonly kind: 'secretariat'; readonly disseminateTo: DisseminationScope }
  /** Everyone in the organisation sees it: every state, the chair, the secretariat, observers. */
  | { readonly kind: 'publication' };

/**
 * The envelope's policy, chosen by the provider when sending: the addressed states only, or
 * also the secretariat (1.6: "submitting this information to the CICA Secretariat for further
 * dissemination"), which then may pass it on within `disseminateTo`. The secretariat's part is
 * kept as the submission's first grant (id {@link ENVELOPE_GRANT}), so it can be revoked like any other.
 */
export type DisseminationPolicy =
  | { readonly kind: 'addressees-only' }
  | { readonly kind: 'secretariat'; readonly disseminateTo: DisseminationScope };

/** The id of the grant an envelope's secretariat policy makes; callers' grant ids may not take it. */
export const ENVELOPE_GRANT = 'envelope';

/** Whether a secretariat grant's scope lets the secretariat pass the submission to `state`. */
export function scopeCovers(scope: DisseminationScope, state: string): boolean {
  return scope === 'any' || (scope !== 'none' && scope.includes(state));
}
