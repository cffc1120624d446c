import type { Delegation, DelegationKind } from './delegation.ts';
import { cleanName, foldName, isCapitalised } from './names.ts';

/** A delegation as its data file describes it, before its names are weighed against all others'. */
export interface DelegationSource {
  readonly code: string;
  readonly kind: DelegationKind;
  readonly alpha2?: string;
  readonly names: { readonly en: string; readonly ru: string };
  /** Names chosen by hand for this delegation. They win over package names of other delegations. */
  readonly ownNames: readonly string[];
  /**
   * Names taken from a country-code package, display names aside (those count as package names
   * too). A package name that two delegations share names neither: i18n-iso-countries calls both
   * Congos 'Congo'.
   */
  readonly packageNames: readonly string[];
  readonly members?: readonly string[];
}

/** The lookup tables of a set of delegations, built once and shared by every registry over them. */
export interface NameIndex {
  /** By exact code, CHAIR and SECRETARIAT included. */
  readonly byCode: ReadonlyMap<string, Delegation>;
  /** By codes, alpha-2 codes and capitalised names, as written (cleaned). */
  readonly exact: ReadonlyMap<string, Delegation>;
  /** By the folded form of every other name. */
  readonly folded: ReadonlyMap<string, Delegation>;
  /** States, observer states and groups, sorted by code. */
  readonly listed: readonly Delegation[];
}

// Lower rank wins. Two delegations claiming a key at the same rank: a data error for codes and
// hand-picked names, an ambiguity that silences the key for package names.
const CODE = 0;
const OWN = 1;
const PACKAGE = 2;
type Rank = typeof CODE | typeof OWN | typeof PACKAGE;

interface Claim {
  readonly rank: Rank;
  readonly codes: Set<string>;
}

/** Who claims each key of one table, and then who gets it. */
class Claims {
  readonly #claims = new Map<string, Claim>();

  add(key: string, code: string, rank: Rank): void {
    const current = this.#claims.get(key);
    if (current === undefined || rank < current.rank) this.#claims.set(key, { rank, codes: new Set([code]) });
    else if (rank === current.rank) current.codes.add(code);
  }

  /** @throws Error if two delegations claim one key by code or hand-picked name. */
  settle(byCode: ReadonlyMap<string, Delegation>): Map<string, Delegation> {
    const result = new Map<string, Delegation>();
    for (const [key, { rank, codes }] of this.#claims) {
      if (codes.size > 1 && rank !== PACKAGE) {
        throw new Error(`Delegation data error: ${[...codes].join(', ')} all claim "${key}".`);
      }
      const delegation = byCode.get(this.winner(key) ?? '');
      if (delegation !== undefined) result.set(key, delegation);
    }
    return result;
  }

  /** The one delegation code that gets `key`, if any. */
  winner(key: string): string | undefined {
    const codes = this.#claims.get(key)?.codes;
    return codes?.size === 1 ? [...codes][0] : undefined;
  }
}

/** A name and where it is looked up: as written, or folded. */
interface IndexedName {
  readonly name: string;
  readonly rank: Rank;
  readonly folded: boolean;
  readonly key: string;
}

function indexed(name: string, rank: Rank): IndexedName {
  const cleaned = cleanName(name);
  return isCapitalised(cleaned)
    ? { name, rank, folded: false, key: cleaned }
    : { name, rank, folded: true, key: foldName(cleaned) };
}

function namesOf(source: DelegationSource): IndexedName[] {
  return [
    ...[source.names.en, source.names.ru, ...source.packageNames].map((name) => indexed(name, PACKAGE)),
    ...source.ownNames.map((name) => indexed(name, OWN)),
  ];
}

const LISTED_KINDS: ReadonlySet<DelegationKind> = new Set(['state', 'observer-state', 'group']);

/**
 * Builds the lookup tables for `sources`.
 * @throws Error if two sources share a code or a hand-picked name.
 */
export function buildNameIndex(sources: readonly DelegationSource[]): NameIndex {
  const exact = new Claims();
  const folded = new Claims();
  const names = new Map<string, IndexedName[]>();
  for (const source of sources) {
    if (names.has(source.code)) throw new Error(`Delegation data error: two delegations have code ${source.code}.`);
    exact.add(source.code, source.code, CODE);
    if (source.alpha2 !== undefined) exact.add(source.alpha2, source.code, CODE);
    names.set(source.code, namesOf(source));
    for (const name of names.get(source.code) ?? []) (name.folded ? folded : exact).add(name.key, source.code, name.rank);
  }

  const byCode = new Map<string, Delegation>();
  for (const source of sources) {
    // A delegation's short names are those of its names that look it up, one spelling per key.
    const shortNames = new Map<string, string>();
    for (const name of names.get(source.code) ?? []) {
      const slot = `${name.folded ? 'folded' : 'exact'} ${name.key}`;
      const winner = (name.folded ? folded : exact).winner(name.key);
      if (winner === source.code && !shortNames.has(slot)) shortNames.set(slot, name.name);
    }
    byCode.set(source.code, frozenDelegation(source, [...shortNames.values()]));
  }

  const listed = [...byCode.values()]
    .filter((delegation) => LISTED_KINDS.has(delegation.kind))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { byCode, exact: exact.settle(byCode), folded: folded.settle(byCode), listed: Object.freeze(listed) };
}

function frozenDelegation(source: DelegationSource, shortNames: readonly string[]): Delegation {
  return Object.freeze({
    code: source.code,
    kind: source.kind,
    ...(source.alpha2 === undefined ? {} : { alpha2: source.alpha2 }),
    names: Object.freeze({ en: source.names.en, ru: source.names.ru }),
    shortNames: Object.freeze(shortNames),
    ...(source.members === undefined ? {} : { members: Object.freeze([...source.members]) }),
  });
}
