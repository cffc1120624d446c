/**
 * Which dimension and priority area of the catalogue each row of the coordinators' list means.
 * The list and the text name areas differently ("Development of Small and Medium Enterprises
 * (SMEs)" for the heading "Small and medium enterprises (SMEs)"; "… information and
 * communication technologies (ICTs)" for "… ICTs"), so names are compared by rules, each
 * match records the rule that made it, and a row no rule matches is kept as a list-only area.
 *
 * Rules, tried in this order, each within the row's dimension:
 * - `same-name`: equal once case, diacritics and punctuation are set aside;
 * - `abbreviation`: the same significant words (small words such as "of" set aside) once an
 *   abbreviation defined in either name ("(ICTs)") is read as the words it stands for;
 * - `contained-words`: the significant words of one name are all among the other's
 *   ("small medium enterprises" within "development small medium enterprises"), the closest
 *   such area winning, and only if no other area is as close;
 * - `whole-dimension`: a row without a priority area means the implicit area of a dimension
 *   that the text does not divide into areas.
 * Each area of the catalogue answers to one row at most.
 */
import { type Catalogue, type CatalogueDimension, type PriorityArea } from './catalogue.ts';
import type { CoordinatorsListRow } from './coordinators-list.ts';
import { foldText, words } from './folded-text.ts';

export type AreaMatchRule = 'same-name' | 'abbreviation' | 'contained-words' | 'whole-dimension';

export interface AreaMatch {
  readonly row: CoordinatorsListRow;
  /** The catalogue dimension the row's dimension names, or null when none does. */
  readonly dimensionId: string | null;
  /** The catalogue area the row names, or null when the text has no such area. */
  readonly areaId: string | null;
  readonly rule: AreaMatchRule | null;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'the', 'to', 'with']);

export function matchListToCatalogue(catalogue: Catalogue, rows: readonly CoordinatorsListRow[]): AreaMatch[] {
  const dimensionOf = new Map<CoordinatorsListRow, CatalogueDimension | null>(rows.map((row) => [row, findDimension(catalogue, row.dimension)]));
  const taken = new Set<string>();
  const chosen = new Map<CoordinatorsListRow, { areaId: string; rule: AreaMatchRule }>();

  for (const row of rows) {
    const dimension = dimensionOf.get(row) ?? null;
    const implicit = dimension?.areas.find((area) => area.implicit);
    if (row.area === null && implicit && !taken.has(implicit.id)) {
      chosen.set(row, { areaId: implicit.id, rule: 'whole-dimension' });
      taken.add(implicit.id);
    }
  }
  for (const rule of ['same-name', 'abbreviation', 'contained-words'] as const) {
    for (const row of rows) {
      const dimension = dimensionOf.get(row) ?? null;
      if (chosen.has(row) || row.area === null || dimension === null) continue;
      const area = bestArea(row.area, dimension.areas.filter((a) => !a.implicit && !taken.has(a.id)), rule);
      if (area) {
        chosen.set(row, { areaId: area.id, rule });
        taken.add(area.id);
      }
    }
  }
  return rows.map((row) => {
    const match = chosen.get(row);
    return { row, dimensionId: dimensionOf.get(row)?.id ?? null, areaId: match?.areaId ?? null, rule: match?.rule ?? null };
  });
}

/** "Military-political" names "Military-political dimension"; "Human" names "Human Dimension". */
function findDimension(catalogue: Catalogue, name: string): CatalogueDimension | null {
  const key = (title: string): string => significantWords(title).filter((word) => word !== 'dimension').join(' ');
  const found = catalogue.dimensions.filter((dimension) => key(dimension.title) === key(name));
  return found.length === 1 ? (found[0] ?? null) : null;
}

function bestArea(name: string, areas: readonly PriorityArea[], rule: 'same-name' | 'abbreviation' | 'contained-words'): PriorityArea | null {
  if (rule === 'same-name') {
    const key = plain(name);
    return unique(areas.filter((area) => plain(area.title) === key));
  }
  if (rule === 'abbreviation') {
    return unique(areas.filter((area) => sameWords(expandedWords(name, area.title), expandedWords(area.title, name))));
  }
  const scored = areas
    .map((area) => ({ area, score: containment(expandedWords(name, area.title), expandedWords(area.title, name)) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  return best && (!second || second.score < best.score) ? best.area : null;
}

function unique(areas: readonly PriorityArea[]): PriorityArea | null {
  return areas.length === 1 ? (areas[0] ?? null) : null;
}

/** Words and digits only, folded: "Energy Security" and "Energy security" are one name. */
function plain(name: string): string {
  return words(foldText(name)).join(' ');
}

function significantWords(name: string): string[] {
  return words(foldText(name)).filter((word) => !STOP_WORDS.has(word));
}

/**
 * The significant words of `name`, with an abbreviation's definition ("(ICTs)") removed and any
 * abbreviation that `name` or `other` defines replaced by the words it stands for.
 */
function expandedWords(name: string, other: string): string[] {
  const definitions = new Map([...abbreviations(name), ...abbreviations(other)]);
  const withoutDefinitions = name.replace(/\(([\p{L}]{2,10})\)/gu, (whole, abbreviation: string) => (definitions.has(foldText(abbreviation)) ? ' ' : whole));
  return significantWords(withoutDefinitions).flatMap((word) => definitions.get(word) ?? definitions.get(word.replace(/s$/u, '')) ?? [word]);
}

/**
 * Abbreviations a name defines: "information and communication technologies (ICTs)" defines
 * "icts" (and "ict") as "information communication technologies" — the words before the
 * parenthesis whose initials spell it, small words such as "and" passed over.
 */
function abbreviations(name: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of name.matchAll(/\(([\p{L}]{2,10})\)/gu)) {
    const abbreviation = foldText(match[1] ?? '');
    const letters = [...abbreviation.replace(/s$/u, '')];
    const before = words(foldText(name.slice(0, match.index)));
    const expansion: string[] = [];
    for (let i = before.length - 1; i >= 0 && letters.length > 0; i--) {
      const word = before[i] ?? '';
      if (STOP_WORDS.has(word)) continue;
      if (word[0] !== letters.at(-1)) break;
      expansion.unshift(word);
      letters.pop();
    }
    if (letters.length > 0 || expansion.length < 2) continue;
    found.set(abbreviation, expansion);
    found.set(abbreviation.replace(/s$/u, ''), expansion);
  }
  return found;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((word) => y.has(word));
}

/** How close two names are when one's words all appear in the other (Jaccard), else 0. */
function containment(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (x.size === 0 || y.size === 0) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (![...small].every((word) => large.has(word))) return 0;
  return small.size / large.size;
}
