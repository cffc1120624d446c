import { DRAFT_NAMES } from './draft-names.ts';
import { isoCountry } from './iso-countries.ts';
import type { DelegationKind } from './delegation.ts';
import type { DelegationSource } from './name-index.ts';
import { UN_MEMBER_STATES, UN_OBSERVER_STATES } from './un-membership.ts';

// Territories and other ISO 3166 entries that are neither UN members nor observer states (Puerto
// Rico, Hong Kong, Taiwan, Kosovo) are left out altogether, from resolve() too: none of them sits
// at the table as a delegation, so a draft naming one is speaking about it, and attributing text
// to it would be wrong.

function stateSource(code: string, kind: DelegationKind): DelegationSource {
  const country = isoCountry(code);
  return {
    code,
    kind,
    alpha2: country.alpha2,
    names: { en: country.en[0], ru: country.ru[0] },
    ownNames: DRAFT_NAMES[code] ?? [],
    packageNames: [...country.en, ...country.ru],
  };
}

/**
 * The 193 UN Member States (kind 'state') and the 2 observer states (kind 'observer-state'), with
 * codes and names from i18n-iso-countries.
 */
export function stateSources(): DelegationSource[] {
  return [
    ...UN_MEMBER_STATES.map((code) => stateSource(code, 'state')),
    ...UN_OBSERVER_STATES.map((code) => stateSource(code, 'observer-state')),
  ];
}
