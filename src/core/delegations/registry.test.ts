import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDelegationRegistry } from './index.ts';
import { UN_MEMBER_STATES } from './un-membership.ts';

const registry = createDelegationRegistry();

function codeOf(name: string): string | undefined {
  return registry.resolve(name)?.code;
}

describe('all()', () => {
  const all = registry.all();

  it('has exactly 193 states and 2 observer states', () => {
    expect(all.filter((delegation) => delegation.kind === 'state')).toHaveLength(193);
    const observers = all.filter((delegation) => delegation.kind === 'observer-state');
    expect(observers.map((delegation) => delegation.code)).toEqual(['PSE', 'VAT']);
  });

  it('lists the groups but not the chair or the secretariat, sorted by code', () => {
    const listedCodes = all.map((delegation) => delegation.code);
    expect(listedCodes).toEqual(expect.arrayContaining(['G77', 'EU', 'CANZ', 'AOSIS', 'GRULAC']));
    expect(listedCodes).not.toContain('CHAIR');
    expect(listedCodes).not.toContain('SECRETARIAT');
    expect(listedCodes).toEqual([...listedCodes].sort());
    expect(new Set(listedCodes).size).toBe(listedCodes.length);
  });

  it('leaves out territories that are neither UN members nor observers', () => {
    for (const territory of ['PRI', 'HKG', 'TWN', 'GUM']) expect(registry.get(territory)).toBeUndefined();
    expect(codeOf('Puerto Rico')).toBeUndefined();
  });

  it('gives every state its ISO codes and English and Russian names', () => {
    for (const state of all.filter((delegation) => delegation.kind !== 'group')) {
      expect(state.code).toMatch(/^[A-Z]{3}$/u);
      expect(state.alpha2).toMatch(/^[A-Z]{2}$/u);
      expect(state.names.en).toMatch(/^[\p{Script=Latin}][\p{Script=Latin} ,.'()-]*$/u);
      expect(state.names.ru).toMatch(/\p{Script=Cyrillic}/u);
    }
    expect(registry.get('THA')).toMatchObject({ alpha2: 'TH', names: { en: 'Thailand', ru: 'Таиланд' } });
  });

  it('hands out frozen delegations shared by every registry', () => {
    const thailand = registry.get('THA');
    expect(Object.isFrozen(thailand)).toBe(true);
    expect(Object.isFrozen(thailand?.shortNames)).toBe(true);
    expect(Object.isFrozen(all)).toBe(true);
    expect(createDelegationRegistry({ aliases: { Thai: 'THA' } }).get('THA')).toBe(thailand);
  });
});

describe('resolve()', () => {
  it.each([
    ['US', 'USA'],
    ['USA', 'USA'],
    ['United States', 'USA'],
    ['UK', 'GBR'],
    ['Russia', 'RUS'],
    ['Russian Federation', 'RUS'],
    ['Republic of Korea', 'KOR'],
    ['South Korea', 'KOR'],
    ['Iran', 'IRN'],
    ['Viet Nam', 'VNM'],
    ['Vietnam', 'VNM'],
    ['Turkey', 'TUR'],
    ['Türkiye', 'TUR'],
    ['Syria', 'SYR'],
    ['Laos', 'LAO'],
    ['Bolivia', 'BOL'],
    ['Venezuela', 'VEN'],
    ['Tanzania', 'TZA'],
    ['Moldova', 'MDA'],
    ['DPRK', 'PRK'],
    ['North Korea', 'PRK'],
    ['Czechia', 'CZE'],
    ['Holy See', 'VAT'],
    ['State of Palestine', 'PSE'],
    ['Palestine', 'PSE'],
    ['Congo', 'COG'],
    ['Democratic Republic of the Congo', 'COD'],
    ['Россия', 'RUS'],
    ['Турция', 'TUR'],
    ['США', 'USA'],
    ['КНДР', 'PRK'],
    ['Китай', 'CHN'],
  ])('resolves the short name %j to %s', (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it.each([
    ['THA', 'THA'],
    ['TH', 'THA'],
    ['AND', 'AND'],
    ['NAM', 'NAM'],
    ['the United States.', 'USA'],
    ['  thailand ', 'THA'],
    ['THAILAND', 'THA'],
    ["cote d'ivoire", 'CIV'],
    ['Côte d’Ivoire', 'CIV'],
    ['turkiye', 'TUR'],
    ['The Gambia', 'GMB'],
    ['Gambia', 'GMB'],
    ['U.S.', 'USA'],
  ])('resolves %j to %s', (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it.each([
    'CICA', 'UN', 'CBMs', 'ICTs', 'SMEs', 'FTF', 'MANPADS', 'SCADA', 'general', 'SWG', 'SOC', 'GMT',
    'Member States', '', '   ', '.', 'the',
  ])('does not resolve %j', (word) => {
    expect(registry.resolve(word)).toBeUndefined();
  });

  // In capitals these are codes (Andorra, Canada, the UAE, India …); in lower case, plain words.
  it.each(['and', 'can', 'are', 'per', 'in', 'is', 'it', 'to', 'no', 'us', 'basic', 'eu'])(
    'does not resolve the lower-case word %j',
    (word) => {
      expect(registry.resolve(word)).toBeUndefined();
    },
  );

  it.each([
    ['G77', 'G77'],
    ['Group of 77 and China', 'G77'],
    ['G-77', 'G77'],
    ['EU', 'EU'],
    ['European Union', 'EU'],
    ['Европейский союз', 'EU'],
    ['CANZ', 'CANZ'],
    ['AOSIS', 'AOSIS'],
    ['LDCs', 'LDC'],
    ['African Group', 'AGN'],
    ['GRULAC', 'GRULAC'],
    ['Non-Aligned Movement', 'NONALIGNED'],
    ['Umbrella Group', 'UMBRELLA'],
    ['JUSSCANNZ', 'JUSSCANNZ'],
  ])('resolves the group %j to %s', (name, code) => {
    const group = registry.resolve(name);
    expect(group?.code).toBe(code);
    expect(group?.kind).toBe('group');
  });

  it('resolves the chair and the secretariat', () => {
    expect(registry.resolve('Chair')).toMatchObject({ code: 'CHAIR', kind: 'chair' });
    expect(registry.resolve('Председатель')?.code).toBe('CHAIR');
    expect(registry.resolve('Secretariat')).toMatchObject({ code: 'SECRETARIAT', kind: 'secretariat' });
  });

  it('resolves every code, alpha-2 code, display name and short name to its delegation', () => {
    const everyone = [...registry.all(), registry.get('CHAIR'), registry.get('SECRETARIAT')];
    for (const delegation of everyone) {
      if (delegation === undefined) throw new Error('CHAIR or SECRETARIAT missing');
      const names = [delegation.code, delegation.alpha2 ?? delegation.code, delegation.names.en, delegation.names.ru];
      for (const name of [...names, ...delegation.shortNames]) expect([name, codeOf(name)]).toEqual([name, delegation.code]);
    }
  });

  it('resolves a name whatever its case and spacing, with or without "the" and a final "."', () => {
    const wordNames = registry
      .all()
      .flatMap((delegation) => delegation.shortNames.map((name) => ({ name, code: delegation.code })))
      .filter(({ name }) => /\p{Ll}/u.test(name) && !/^the /iu.test(name) && !name.endsWith('.'));
    fc.assert(
      fc.property(
        fc.constantFrom(...wordNames),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        fc.constantFrom('', ' ', '  ', '\t'),
        fc.boolean(),
        fc.boolean(),
        ({ name, code }, upper, padding, article, stop) => {
          const recased = [...name].map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char.toLowerCase())).join('');
          const written = `${padding}${article ? 'the ' : ''}${recased}${stop ? '.' : ''}${padding}`;
          expect(codeOf(written)).toBe(code);
        },
      ),
    );
  });

  it('answers any text with a registered delegation or nothing, never an error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const found = registry.resolve(text);
        expect(found === undefined || registry.get(found.code) === found).toBe(true);
      }),
    );
  });
});

describe('groups', () => {
  it('gives CANZ, the EU and BASIC their members', () => {
    expect(registry.get('CANZ')?.members).toEqual(['CAN', 'AUS', 'NZL']);
    expect(registry.get('EU')?.members).toHaveLength(27);
    expect(registry.get('EU')?.members).toContain('DEU');
    expect(registry.get('EU')?.members).not.toContain('GBR');
    expect([...(registry.get('BASIC')?.members ?? [])].sort()).toEqual(['BRA', 'CHN', 'IND', 'ZAF']);
  });

  it('omits members where membership is not fixed', () => {
    expect(registry.get('G77')?.members).toBeUndefined();
    expect(registry.get('AOSIS')?.members).toBeUndefined();
  });

  it('names only UN member states as members', () => {
    for (const group of registry.all().filter((delegation) => delegation.kind === 'group')) {
      for (const member of group.members ?? []) expect([group.code, registry.get(member)?.kind]).toEqual([group.code, 'state']);
    }
  });

  it('divides the UN members among the five regional groups', () => {
    const regional = ['AGN', 'APG', 'EEG', 'GRULAC', 'WEOG'].flatMap((code) => registry.get(code)?.members ?? []);
    expect(regional.sort()).toEqual([...UN_MEMBER_STATES]);
  });

  it('gives groups codes that are no ISO code, not even a territory\u2019s', () => {
    const isoCodes = new Set(codes.flat());
    const groups = registry.all().filter((delegation) => delegation.kind === 'group');
    expect(groups.length).toBeGreaterThanOrEqual(15);
    for (const group of groups) {
      expect(group.code).toMatch(/^[A-Z0-9]+$/u);
      expect(isoCodes.has(group.code)).toBe(false);
      expect(group.names.ru).toMatch(/\p{Script=Cyrillic}/u);
    }
  });
});

describe('aliases', () => {
  it('resolve case-sensitively first, then case-insensitively', () => {
    const withThai = createDelegationRegistry({ aliases: { Thai: 'THA' } });
    expect(withThai.resolve('Thai')?.code).toBe('THA');
    expect(withThai.resolve('THAI')?.code).toBe('THA');
    expect(registry.resolve('Thai')).toBeUndefined();

    const mixed = createDelegationRegistry({ aliases: { Sw: 'SWE', SW: 'CHE' } });
    expect(mixed.resolve('Sw')?.code).toBe('SWE');
    expect(mixed.resolve('SW')?.code).toBe('CHE');
    expect(mixed.resolve('sw')).toBeUndefined();
  });

  it('win over codes when written as given, not when only their case matches', () => {
    const southAfricaAsSa = createDelegationRegistry({ aliases: { SA: 'ZAF' } });
    expect(codeOf('SA')).toBe('SAU');
    expect(southAfricaAsSa.resolve('SA')?.code).toBe('ZAF');
    const lowerCase = createDelegationRegistry({ aliases: { sa: 'ZAF' } });
    expect(lowerCase.resolve('SA')?.code).toBe('SAU');
    expect(lowerCase.resolve('Sa')?.code).toBe('ZAF');
  });

  it('may point at groups and the chair', () => {
    const aliased = createDelegationRegistry({ aliases: { G77China: 'G77', Chairman: 'CHAIR' } });
    expect(aliased.resolve('G77China')?.code).toBe('G77');
    expect(aliased.resolve('chairman')?.code).toBe('CHAIR');
  });

  it('are rejected when blank or pointing at no delegation code', () => {
    expect(() => createDelegationRegistry({ aliases: { Thai: 'THAI' } })).toThrow(RangeError);
    expect(() => createDelegationRegistry({ aliases: { Thai: 'Thailand' } })).toThrow(/no delegation code/u);
    expect(() => createDelegationRegistry({ aliases: { PR: 'PRI' } })).toThrow(RangeError);
    expect(() => createDelegationRegistry({ aliases: { ' ': 'THA' } })).toThrow(/blank/u);
  });

  it('withAliases returns a new registry and leaves the original unchanged', () => {
    const original = createDelegationRegistry({ aliases: { Thai: 'THA' } });
    const extended = original.withAliases({ Turk: 'TUR', Thai: 'TLS' });
    expect(extended.resolve('Turk')?.code).toBe('TUR');
    expect(extended.resolve('Thai')?.code).toBe('TLS');
    expect(original.resolve('Turk')).toBeUndefined();
    expect(original.resolve('Thai')?.code).toBe('THA');
    expect(original.withAliases({ Rus: 'RUS' }).resolve('Thai')?.code).toBe('THA');
  });
});

describe('get() and displayName()', () => {
  it('get() takes exact codes only', () => {
    const aliased = createDelegationRegistry({ aliases: { Thai: 'THA' } });
    expect(aliased.get('THA')?.code).toBe('THA');
    expect(aliased.get('tha')).toBeUndefined();
    expect(aliased.get('Thai')).toBeUndefined();
    expect(aliased.get('TH')).toBeUndefined();
    expect(aliased.get('CHAIR')?.kind).toBe('chair');
  });

  it.each<[string, 'en' | 'ru', string]>([
    ['THA', 'ru', 'Таиланд'],
    ['THA', 'en', 'Thailand'],
    ['G77', 'ru', 'Группа 77 и Китай'],
    ['CHAIR', 'en', 'Chair'],
    ['Thai', 'en', 'Thai'],
    ['XYZ', 'ru', 'XYZ'],
  ])('displayName(%j, %j) is %j', (code, locale, name) => {
    expect(registry.displayName(code, locale)).toBe(name);
  });
});

