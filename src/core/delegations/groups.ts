import type { DelegationSource } from './name-index.ts';
import { UN_MEMBER_STATES_BY_REGIONAL_GROUP } from './un-membership.ts';

/** A group or coalition that speaks as one delegation. */
interface GroupDefinition {
  /** Upper case and neither an ISO alpha-2 nor alpha-3 code, so that it never shadows a state. */
  readonly code: string;
  readonly en: string;
  readonly ru: string;
  readonly shortNames: readonly string[];
  /** Only where membership is fixed and known; see GROUPS. */
  readonly members?: readonly string[];
}

/**
 * Groups and coalitions. `members` is given where membership is fixed by treaty or by definition
 * (the EU's 27 since 1 February 2020; CANZ and BASIC, whose names spell their members) or by the
 * UN's list of regional groups; it is omitted where it changes over time or from forum to forum
 * (G77, NAM, AOSIS, LDCs, JUSSCANNZ, EIG, ALBA …).
 */
// The Non-Aligned Movement's usual acronym NAM is Namibia's ISO code, so the movement's code is
// NONALIGNED and 'NAM' resolves to Namibia.
const GROUPS: readonly GroupDefinition[] = [
  {
    code: 'G77',
    en: 'Group of 77 and China',
    ru: 'Группа 77 и Китай',
    shortNames: ['G77', 'G-77', 'G77 and China', 'G-77 and China', 'G-77/China', 'Group of 77', 'Группа 77', 'Г-77'],
  },
  {
    code: 'EU',
    en: 'European Union',
    ru: 'Европейский союз',
    shortNames: ['EU', 'ЕС', 'Евросоюз'],
    members: [
      'AUT', 'BEL', 'BGR', 'CYP', 'CZE', 'DEU', 'DNK', 'ESP', 'EST', 'FIN', 'FRA', 'GRC', 'HRV', 'HUN',
      'IRL', 'ITA', 'LTU', 'LUX', 'LVA', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'SWE',
    ],
  },
  {
    code: 'CANZ',
    en: 'Canada, Australia and New Zealand',
    ru: 'Канада, Австралия и Новая Зеландия',
    shortNames: ['CANZ', 'КАНЗ'],
    members: ['CAN', 'AUS', 'NZL'],
  },
  { code: 'JUSSCANNZ', en: 'JUSSCANNZ group', ru: 'Группа JUSSCANNZ', shortNames: ['JUSSCANNZ'] },
  { code: 'AOSIS', en: 'Alliance of Small Island States', ru: 'Альянс малых островных государств', shortNames: ['AOSIS', 'АОСИС'] },
  {
    code: 'LDC',
    en: 'Least Developed Countries',
    ru: 'Наименее развитые страны',
    shortNames: ['LDC', 'LDCs', 'LDC Group', 'НРС'],
  },
  {
    code: 'LMDC',
    en: 'Like-Minded Developing Countries',
    ru: 'Развивающиеся страны-единомышленники',
    shortNames: ['LMDC', 'LMDCs'],
  },
  {
    code: 'BASIC',
    en: 'BASIC countries (Brazil, South Africa, India and China)',
    ru: 'Страны БАСИК (Бразилия, Южная Африка, Индия и Китай)',
    shortNames: ['BASIC', 'BASIC countries', 'БАСИК'],
    members: ['BRA', 'ZAF', 'IND', 'CHN'],
  },
  {
    code: 'AGN',
    en: 'African Group',
    ru: 'Группа африканских государств',
    shortNames: ['AGN', 'Group of African States', 'African States', 'African Group of Negotiators', 'Африканская группа'],
    members: UN_MEMBER_STATES_BY_REGIONAL_GROUP['african'],
  },
  {
    code: 'ARAB',
    en: 'Arab Group',
    ru: 'Группа арабских государств',
    shortNames: ['Group of Arab States', 'Арабская группа'],
  },
  { code: 'EIG', en: 'Environmental Integrity Group', ru: 'Группа за экологическую целостность', shortNames: ['EIG'] },
  {
    code: 'APG',
    en: 'Group of Asia-Pacific States',
    ru: 'Группа азиатско-тихоокеанских государств',
    shortNames: ['APG', 'Asia-Pacific Group', 'Asia-Pacific States'],
    members: UN_MEMBER_STATES_BY_REGIONAL_GROUP['asia-pacific'],
  },
  {
    code: 'EEG',
    en: 'Group of Eastern European States',
    ru: 'Группа восточноевропейских государств',
    shortNames: ['EEG', 'Eastern European Group', 'Eastern European States'],
    members: UN_MEMBER_STATES_BY_REGIONAL_GROUP['eastern-european'],
  },
  {
    code: 'GRULAC',
    en: 'Group of Latin American and Caribbean States',
    ru: 'Группа государств Латинской Америки и Карибского бассейна',
    shortNames: ['GRULAC', 'Latin American and Caribbean Group', 'Latin American and Caribbean States', 'ГРУЛАК'],
    members: UN_MEMBER_STATES_BY_REGIONAL_GROUP['latin-american-caribbean'],
  },
  {
    code: 'WEOG',
    en: 'Group of Western European and other States',
    ru: 'Группа западноевропейских и других государств',
    shortNames: ['WEOG', 'Western European and Others Group', 'Western European and other States'],
    members: UN_MEMBER_STATES_BY_REGIONAL_GROUP['western-european-others'],
  },
  {
    code: 'NONALIGNED',
    en: 'Non-Aligned Movement',
    ru: 'Движение неприсоединения',
    shortNames: ['Movement of Non-Aligned Countries', 'ДН'],
  },
  { code: 'UMBRELLA', en: 'Umbrella Group', ru: 'Зонтичная группа', shortNames: [] },
  {
    code: 'ALBA',
    en: 'Bolivarian Alliance for the Peoples of Our America',
    ru: 'Боливарианский альянс для народов нашей Америки',
    shortNames: ['ALBA', 'ALBA-TCP', 'АЛБА'],
  },
];

/** The groups and coalitions, kind 'group'. */
export function groupSources(): DelegationSource[] {
  return GROUPS.map(({ code, en, ru, shortNames, members }) => ({
    code,
    kind: 'group',
    names: { en, ru },
    ownNames: [en, ru, ...shortNames],
    packageNames: [],
    ...(members === undefined ? {} : { members }),
  }));
}
