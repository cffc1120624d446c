/**
 * Names by which drafts refer to states and which i18n-iso-countries lacks, by ISO alpha-3: the
 * UN's own short forms ('Viet Nam', 'Republic of Moldova', 'Iran (Islamic Republic of)'), usual
 * short forms ('Syria', 'Laos', 'DPRK') and the Russian forms of both.
 *
 * These win where the package gives one name to two states: it calls both Congos 'Congo', which in
 * UN usage is the Republic of the Congo.
 */
export const DRAFT_NAMES: Readonly<Record<string, readonly string[]>> = {
  ARE: ['Объединённые Арабские Эмираты'],
  BOL: ['Bolivia (Plurinational State of)', 'Plurinational State of Bolivia'],
  BRN: ['Brunei'],
  CAF: ['Центральноафриканская Республика'],
  CHN: ['PRC', 'Китай', 'КНР', 'Китайская Народная Республика'],
  COD: ['DRC', 'DR Congo', 'ДРК'],
  COG: ['Congo', 'Конго'],
  CPV: ['Cabo Verde'],
  FSM: ['Micronesia', 'Micronesia (Federated States of)', 'Federated States of Micronesia'],
  GBR: ['United Kingdom of Great Britain and Northern Ireland', 'Britain', 'Соединённое Королевство'],
  IRN: ['Iran (Islamic Republic of)', 'Исламская Республика Иран'],
  KGZ: ['Kyrgyz Republic', 'Кыргызстан', 'Кыргызская Республика'],
  KOR: ['ROK', 'Южная Корея'],
  LAO: ['Laos', 'Lao PDR', 'Лаосская Народно-Демократическая Республика'],
  MDA: ['Moldova', 'Republic of Moldova', 'Молдова', 'Республика Молдова'],
  PRK: ['DPRK', "Democratic People's Republic of Korea", 'КНДР', 'Корейская Народно-Демократическая Республика', 'Северная Корея'],
  PSE: ['Палестина'],
  SAU: ['KSA'],
  SWZ: ['Swaziland'],
  SYR: ['Syria', 'Сирийская Арабская Республика'],
  TKM: ['Туркменистан'],
  TLS: ['East Timor'],
  USA: ['Соединённые Штаты Америки'],
  VAT: ['Holy See', 'Vatican', 'Святейший Престол'],
  VEN: ['Venezuela (Bolivarian Republic of)', 'Bolivarian Republic of Venezuela'],
  VNM: ['Viet Nam'],
  ZAF: ['Южно-Африканская Республика'],
};
