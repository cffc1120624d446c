/** The regional groups into which UN Member States organise themselves for elections. */
export type UnRegionalGroup =
  | 'african'
  | 'asia-pacific'
  | 'eastern-european'
  | 'latin-american-caribbean'
  | 'western-european-others';

/**
 * The 193 Member States of the United Nations as ISO 3166-1 alpha-3 codes, by regional group.
 *
 * Sources: the UN's list of Member States (https://www.un.org/en/about-us/member-states) and the
 * Department for General Assembly and Conference Management's "Regional groups of Member States"
 * (https://www.un.org/dgacm/en/content/regional-groups). Each state is in the group it belongs
 * to for electoral purposes: Türkiye in Western European and other States (it also takes part
 * fully in Asia-Pacific States), the United States there too (it attends as an observer and
 * counts as a member for elections), Kiribati in Asia-Pacific States.
 */
// This is the only hand-typed list of state codes: i18n-iso-countries, which supplies the codes
// and names, says nothing about UN membership. world-countries does (`unMember`,
// `unRegionalGroup`), but ships as one 1.4 MB JSON file, too heavy for the browser bundle, and
// marks the Holy See, a non-member observer state, as a member. un-membership.test.ts checks this
// list against world-countries.
export const UN_MEMBER_STATES_BY_REGIONAL_GROUP: Readonly<Record<UnRegionalGroup, readonly string[]>> = {
  'african': [
    'AGO', 'BDI', 'BEN', 'BFA', 'BWA', 'CAF', 'CIV', 'CMR', 'COD', 'COG', 'COM', 'CPV',
    'DJI', 'DZA', 'EGY', 'ERI', 'ETH', 'GAB', 'GHA', 'GIN', 'GMB', 'GNB', 'GNQ', 'KEN',
    'LBR', 'LBY', 'LSO', 'MAR', 'MDG', 'MLI', 'MOZ', 'MRT', 'MUS', 'MWI', 'NAM', 'NER',
    'NGA', 'RWA', 'SDN', 'SEN', 'SLE', 'SOM', 'SSD', 'STP', 'SWZ', 'SYC', 'TCD', 'TGO',
    'TUN', 'TZA', 'UGA', 'ZAF', 'ZMB', 'ZWE',
  ],
  'asia-pacific': [
    'AFG', 'ARE', 'BGD', 'BHR', 'BRN', 'BTN', 'CHN', 'CYP', 'FJI', 'FSM', 'IDN', 'IND',
    'IRN', 'IRQ', 'JOR', 'JPN', 'KAZ', 'KGZ', 'KHM', 'KIR', 'KOR', 'KWT', 'LAO', 'LBN',
    'LKA', 'MDV', 'MHL', 'MMR', 'MNG', 'MYS', 'NPL', 'NRU', 'OMN', 'PAK', 'PHL', 'PLW',
    'PNG', 'PRK', 'QAT', 'SAU', 'SGP', 'SLB', 'SYR', 'THA', 'TJK', 'TKM', 'TLS', 'TON',
    'TUV', 'UZB', 'VNM', 'VUT', 'WSM', 'YEM',
  ],
  'eastern-european': [
    'ALB', 'ARM', 'AZE', 'BGR', 'BIH', 'BLR', 'CZE', 'EST', 'GEO', 'HRV', 'HUN', 'LTU',
    'LVA', 'MDA', 'MKD', 'MNE', 'POL', 'ROU', 'RUS', 'SRB', 'SVK', 'SVN', 'UKR',
  ],
  'latin-american-caribbean': [
    'ARG', 'ATG', 'BHS', 'BLZ', 'BOL', 'BRA', 'BRB', 'CHL', 'COL', 'CRI', 'CUB', 'DMA',
    'DOM', 'ECU', 'GRD', 'GTM', 'GUY', 'HND', 'HTI', 'JAM', 'KNA', 'LCA', 'MEX', 'NIC',
    'PAN', 'PER', 'PRY', 'SLV', 'SUR', 'TTO', 'URY', 'VCT', 'VEN',
  ],
  'western-european-others': [
    'AND', 'AUS', 'AUT', 'BEL', 'CAN', 'CHE', 'DEU', 'DNK', 'ESP', 'FIN', 'FRA', 'GBR',
    'GRC', 'IRL', 'ISL', 'ISR', 'ITA', 'LIE', 'LUX', 'MCO', 'MLT', 'NLD', 'NOR', 'NZL',
    'PRT', 'SMR', 'SWE', 'TUR', 'USA',
  ],
};

/** All 193 UN Member States, ISO alpha-3, sorted. */
export const UN_MEMBER_STATES: readonly string[] = Object.values(UN_MEMBER_STATES_BY_REGIONAL_GROUP)
  .flat()
  .sort();

/**
 * The non-member observer states of the UN General Assembly: the Holy See and the State of
 * Palestine (same sources as above).
 */
export const UN_OBSERVER_STATES: readonly string[] = ['PSE', 'VAT'];
