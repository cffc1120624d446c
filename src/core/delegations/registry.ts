import type { Delegation, DelegationRegistry } from './delegation.ts';
import { groupSources } from './groups.ts';
import { meetingRoleSources } from './meeting-roles.ts';
import { buildNameIndex, type NameIndex } from './name-index.ts';
import { cleanName, foldName } from './names.ts';
import { stateSources } from './states.ts';

// Built on first use and shared by every registry: aliases are laid over it, never merged into it.
let sharedIndex: NameIndex | undefined;

function baseIndex(): NameIndex {
  sharedIndex ??= buildNameIndex([...stateSources(), ...groupSources(), ...meetingRoleSources()]);
  return sharedIndex;
}

/** An organisation's aliases over the shared index. */
class LayeredRegistry implements DelegationRegistry {
  readonly #base: NameIndex;
  readonly #aliases: Readonly<Record<string, string>>;
  readonly #exactAliases = new Map<string, Delegation>();
  readonly #foldedAliases = new Map<string, Delegation>();

  constructor(base: NameIndex, aliases: Readonly<Record<string, string>>) {
    this.#base = base;
    this.#aliases = aliases;
    // Two aliases that differ only in case but name different delegations ('IND' and 'Ind') stay
    // apart: each matches as written, neither matches case-insensitively.
    const clashing = new Set<string>();
    for (const [alias, code] of Object.entries(aliases)) {
      const delegation = base.byCode.get(code);
      const cleaned = cleanName(alias);
      if (cleaned === '') throw new RangeError(`Alias "${alias}" is blank; give the code the drafts use.`);
      if (delegation === undefined) {
        throw new RangeError(
          `Alias "${alias}" points to "${code}", which is no delegation code: use the ISO 3166-1 alpha-3 code of a UN member or observer state, a group code such as G77, or CHAIR or SECRETARIAT.`,
        );
      }
      this.#exactAliases.set(cleaned, delegation);
      const folded = foldName(cleaned);
      const earlier = this.#foldedAliases.get(folded);
      if (earlier !== undefined && earlier !== delegation) clashing.add(folded);
      this.#foldedAliases.set(folded, delegation);
    }
    for (const folded of clashing) this.#foldedAliases.delete(folded);
  }

  get(code: string): Delegation | undefined {
    return this.#base.byCode.get(code);
  }

  resolve(name: string): Delegation | undefined {
    const cleaned = cleanName(name);
    if (cleaned === '') return undefined;
    const exact = this.#exactAliases.get(cleaned) ?? this.#base.exact.get(cleaned);
    if (exact !== undefined) return exact;
    const folded = foldName(cleaned);
    return this.#foldedAliases.get(folded) ?? this.#base.folded.get(folded);
  }

  all(): readonly Delegation[] {
    return this.#base.listed;
  }

  withAliases(aliases: Readonly<Record<string, string>>): DelegationRegistry {
    return new LayeredRegistry(this.#base, { ...this.#aliases, ...aliases });
  }

  displayName(code: string, locale: 'en' | 'ru'): string {
    return this.get(code)?.names[locale] ?? code;
  }
}

/**
 * A registry of the 193 UN Member States, the 2 observer states, the groups and coalitions, the
 * chair and the secretariat, with `options.aliases` (draft code → delegation code) on top.
 * Cheap: the lookup tables are built once, on first use, and shared.
 * @throws RangeError if an alias is blank or its target is no delegation code.
 */
export function createDelegationRegistry(options?: { aliases?: Readonly<Record<string, string>> }): DelegationRegistry {
  return new LayeredRegistry(baseIndex(), options?.aliases ?? {});
}
