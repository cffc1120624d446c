/**
 * What takes part in a negotiation and is named in drafts: a state, a group of states, the chair
 * or the secretariat.
 */
export type DelegationKind = 'state' | 'observer-state' | 'group' | 'chair' | 'secretariat';

/** One delegation. Registries hand out frozen objects, shared between registries. */
export interface Delegation {
  /** ISO 3166-1 alpha-3 for states ('THA'); a group code that is no ISO code ('G77', 'EU'); 'CHAIR'; 'SECRETARIAT'. */
  readonly code: string;
  readonly kind: DelegationKind;
  /** ISO 3166-1 alpha-2, for states only. */
  readonly alpha2?: string;
  /** Display names. */
  readonly names: { readonly en: string; readonly ru: string };
  /**
   * The names by which drafts may refer to it, in English and Russian, display names and a group's
   * acronym included ('Thailand', 'Таиланд'; 'US', 'UK', 'Russia'; 'G77'). Each one resolves to
   * this delegation.
   */
  readonly shortNames: readonly string[];
  /** ISO alpha-3 codes of the member states, for groups whose membership is fixed and known. */
  readonly members?: readonly string[];
}

/** Looks delegations up by code or by the names drafts use. Immutable. */
export interface DelegationRegistry {
  /** The delegation whose code is exactly `code` (case-sensitive); CHAIR and SECRETARIAT included. */
  get(code: string): Delegation | undefined;
  /**
   * The delegation a draft means by `name`, or undefined.
   *
   * Input is trimmed, inner whitespace collapsed, one trailing '.' and a leading 'the ' ignored.
   * In order, the first hit wins:
   * 1. the registry's aliases, case-sensitively;
   * 2. codes (ISO alpha-3 and alpha-2, group codes, CHAIR, SECRETARIAT) and names written
   *    without lower-case letters ('US', 'UAE', 'DPRK', 'США'), exactly as written;
   * 3. the registry's aliases, case-insensitively;
   * 4. English and Russian names and short names, ignoring case and diacritics.
   *
   * Codes and capitalised names match only in capitals because in lower case many are ordinary
   * words ('and', 'can', 'are', 'in', 'is', 'it', 'us', 'basic'). Words and abbreviations that
   * name no delegation ('CICA', 'UN', 'CBMs', 'general') never resolve.
   */
  resolve(name: string): Delegation | undefined;
  /** States, observer states and groups (not the chair or the secretariat), sorted by code. */
  all(): readonly Delegation[];
  /**
   * A new registry with `aliases` (draft code → delegation code) laid over this one's; on a clash
   * the new alias wins. This registry is unchanged.
   * @throws RangeError if an alias is blank or its target is no delegation code.
   */
  withAliases(aliases: Readonly<Record<string, string>>): DelegationRegistry;
  /** The delegation's display name in `locale`, or `code` itself if no delegation has that code. */
  displayName(code: string, locale: 'en' | 'ru'): string;
}
