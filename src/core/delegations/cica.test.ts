import { describe, expect, it } from 'vitest';
import { CICA_ALIASES, CICA_MEMBER_STATES_2021, createDelegationRegistry } from './index.ts';

const cica = createDelegationRegistry({ aliases: CICA_ALIASES });

describe('CICA', () => {
  it('has the 27 member states of 2021, as the names the issue lists them by', () => {
    const listed = [
      'Afghanistan', 'Azerbaijan', 'Bahrain', 'Bangladesh', 'Cambodia', 'China', 'Egypt', 'India', 'Iran',
      'Iraq', 'Israel', 'Jordan', 'Kazakhstan', 'Kyrgyzstan', 'Mongolia', 'Pakistan', 'Palestine', 'Qatar',
      'Republic of Korea', 'Russia', 'Sri Lanka', 'Tajikistan', 'Thailand', 'Turkey', 'United Arab Emirates',
      'Uzbekistan', 'Viet Nam',
    ];
    expect(CICA_MEMBER_STATES_2021).toHaveLength(27);
    expect(listed.map((name) => cica.resolve(name)?.code).sort()).toEqual([...CICA_MEMBER_STATES_2021]);
  });

  it('resolves every member by its code to a state or observer state', () => {
    for (const code of CICA_MEMBER_STATES_2021) {
      expect([code, cica.resolve(code)?.kind]).toEqual([code, code === 'PSE' ? 'observer-state' : 'state']);
    }
  });

  it.each([
    ['ISR', 'ISR'],
    ['IND', 'IND'],
    ['Turk', 'TUR'],
    ['Rus', 'RUS'],
    ['CHN', 'CHN'],
    ['Thai', 'THA'],
    ['THA', 'THA'],
    ['UZ', 'UZB'],
  ])('resolves the draft code %j to %s', (alias, code) => {
    expect(cica.resolve(alias)?.code).toBe(code);
  });

  it('takes Thai and THA for the same state', () => {
    expect(cica.resolve('Thai')).toBe(cica.resolve('THA'));
    expect(cica.resolve('Thai')?.names.ru).toBe('Таиланд');
  });

  it('maps every alias to a CICA member', () => {
    for (const [alias, code] of Object.entries(CICA_ALIASES)) {
      expect([alias, CICA_MEMBER_STATES_2021.includes(code)]).toEqual([alias, true]);
    }
  });

  it.each(['CICA', 'UN', 'CBMs', 'ICTs', 'SMEs', 'FTF', 'MANPADS', 'SCADA', 'general', 'SWG', 'SOC', 'GMT'])(
    'still does not resolve %j',
    (word) => {
      expect(cica.resolve(word)).toBeUndefined();
    },
  );
});
