/**
 * The 27 member states of the Conference on Interaction and Confidence Building Measures in Asia
 * (CICA) in 2021, ISO alpha-3, sorted.
 */
export const CICA_MEMBER_STATES_2021: readonly string[] = [
  'AFG', 'ARE', 'AZE', 'BGD', 'BHR', 'CHN', 'EGY', 'IND', 'IRN', 'IRQ', 'ISR', 'JOR', 'KAZ', 'KGZ',
  'KHM', 'KOR', 'LKA', 'MNG', 'PAK', 'PSE', 'QAT', 'RUS', 'THA', 'TJK', 'TUR', 'UZB', 'VNM',
];

/**
 * The codes CICA drafts use for delegations (as in "(+Thai)", "(-ISR)"), mapped to delegation
 * codes: for `createDelegationRegistry({ aliases: CICA_ALIASES })`. Codes the drafts write as ISO
 * codes map to themselves, so that this table lists every code seen in CICA drafts.
 */
// Seen in the 2021 draft Catalogue of CBMs: ISR, IND, CHN, THA, Thai, Turk, Rus, UZ. The other
// entries are the same kind of abbreviation for the other members; ones that are English words in
// lower case ('Pal', 'Ban') are left out because aliases also match case-insensitively.
export const CICA_ALIASES: Readonly<Record<string, string>> = {
  ISR: 'ISR',
  IND: 'IND',
  CHN: 'CHN',
  THA: 'THA',
  Thai: 'THA',
  Turk: 'TUR',
  Rus: 'RUS',
  UZ: 'UZB',
  Afg: 'AFG',
  Aze: 'AZE',
  Azer: 'AZE',
  Bangl: 'BGD',
  Camb: 'KHM',
  Egy: 'EGY',
  Isr: 'ISR',
  Ind: 'IND',
  Iran: 'IRN',
  Iraq: 'IRQ',
  Jor: 'JOR',
  Kaz: 'KAZ',
  Kyr: 'KGZ',
  Kyrg: 'KGZ',
  Mong: 'MNG',
  Pak: 'PAK',
  RF: 'RUS',
  ROK: 'KOR',
  Taj: 'TJK',
  Tajik: 'TJK',
  UAE: 'ARE',
  Uzb: 'UZB',
  Viet: 'VNM',
};
