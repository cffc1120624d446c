// The country data of i18n-iso-countries, read from its JSON files rather than through its main
// module: under Node that module loads all of its ~80 locales, and we need two.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };

/** Names in one language, the package's official name first. */
export type NameList = readonly [string, ...string[]];

/** What i18n-iso-countries knows about one country. */
export interface IsoCountry {
  readonly alpha2: string;
  readonly en: NameList;
  readonly ru: NameList;
}

type LocaleNames = Readonly<Record<string, string | readonly string[]>>;

const EN_NAMES: LocaleNames = en.countries;
const RU_NAMES: LocaleNames = ru.countries;

// codes.json rows are [alpha-2, alpha-3, numeric, ISO 3166-2 reference].
const ALPHA2_BY_ALPHA3: ReadonlyMap<string, string> = new Map(
  codes.map(([alpha2, alpha3]) => [alpha3 ?? '', alpha2 ?? '']),
);

function namesOf(names: LocaleNames, alpha2: string, alpha3: string): NameList {
  const value = names[alpha2] ?? [];
  const [first, ...rest] = typeof value === 'string' ? [value] : value;
  if (first === undefined) throw new RangeError(`i18n-iso-countries has no name for ${alpha3} in one of our languages.`);
  return [first, ...rest];
}

/**
 * The country with ISO 3166-1 alpha-3 code `alpha3`.
 * @throws RangeError if i18n-iso-countries lacks the code or its English or Russian name, so that
 *   a package update that drops one fails loudly instead of losing a delegation.
 */
export function isoCountry(alpha3: string): IsoCountry {
  const alpha2 = ALPHA2_BY_ALPHA3.get(alpha3);
  if (alpha2 === undefined) throw new RangeError(`i18n-iso-countries has no country with alpha-3 code ${alpha3}.`);
  return { alpha2, en: namesOf(EN_NAMES, alpha2, alpha3), ru: namesOf(RU_NAMES, alpha2, alpha3) };
}
