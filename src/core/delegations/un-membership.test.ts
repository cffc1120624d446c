import { describe, expect, it } from 'vitest';
import type { Country } from 'world-countries';
import { UN_MEMBER_STATES, UN_MEMBER_STATES_BY_REGIONAL_GROUP, UN_OBSERVER_STATES } from './un-membership.ts';
import type { UnRegionalGroup } from './un-membership.ts';

// world-countries is a maintained package with a UN-membership flag; only this test reads it. The
// specifier is a variable so that TypeScript does not infer a type for its 1.4 MB JSON file on
// every type check; the package's own types describe it.
const WORLD_COUNTRIES: string = 'world-countries/countries.json';
const { default: countries } = (await import(WORLD_COUNTRIES, { with: { type: 'json' } })) as {
  default: readonly Country[];
};

const GROUP_NAMES: Readonly<Record<UnRegionalGroup, string>> = {
  'african': 'African Group',
  'asia-pacific': 'Asia and the Pacific Group',
  'eastern-european': 'Eastern European Group',
  'latin-american-caribbean': 'Latin American and Caribbean Group',
  'western-european-others': 'Western European and Others Group',
};

// world-countries 5.1.0 flags the Holy See, a non-member observer state, as a UN member.
const FLAGGED_AS_MEMBER_BY_MISTAKE = new Set(['VAT']);

const flaggedMembers = countries
  .filter((country) => country.unMember && !FLAGGED_AS_MEMBER_BY_MISTAKE.has(country.cca3))
  .map((country) => country.cca3)
  .sort();

describe('UN membership', () => {
  it('lists 193 distinct member states and 2 observer states, none in both lists', () => {
    expect(UN_MEMBER_STATES).toHaveLength(193);
    expect(new Set(UN_MEMBER_STATES).size).toBe(193);
    expect([...UN_OBSERVER_STATES].sort()).toEqual(['PSE', 'VAT']);
    expect(UN_MEMBER_STATES.filter((code) => UN_OBSERVER_STATES.includes(code))).toEqual([]);
  });

  it('agrees with the unMember flag of world-countries', () => {
    expect(UN_MEMBER_STATES).toEqual(flaggedMembers);
  });

  it.each(Object.entries(GROUP_NAMES))('puts the same states as world-countries in the %s group', (group, name) => {
    const expected = countries
      .filter((country) => country.unRegionalGroup === name && !FLAGGED_AS_MEMBER_BY_MISTAKE.has(country.cca3))
      .map((country) => country.cca3)
      .sort();
    expect([...UN_MEMBER_STATES_BY_REGIONAL_GROUP[group as UnRegionalGroup]].sort()).toEqual(expected);
  });
});
