/**
 * Two states (two revisions, or a revision and the current text) compared provision by
 * provision: each provision's rendering in the chosen view and notation, word by word. A
 * provision is matched by its stable id, never by its number, so a renumbered paragraph is
 * the same paragraph and a new one is an addition. Removed provisions stay where they stood.
 */
import type { DocumentState } from './model/document-state.ts';
import type { RenderedSection } from './notations/notation.ts';
import { renderSections, type RenderOptions } from './render-text.ts';
import { compareTexts, type ComparisonPart } from './views/compare.ts';

export type ProvisionChange = 'changed' | 'added' | 'removed' | 'unchanged';

export interface ProvisionComparison {
  /** Null for what belongs to no provision (notes after the last one). */
  readonly provisionId: string | null;
  /** The provision's number in the later state, or in the earlier one when it was removed. */
  readonly label: string | null;
  readonly change: ProvisionChange;
  readonly parts: readonly ComparisonPart[];
}

export interface ProvisionsComparison {
  readonly provisions: readonly ProvisionComparison[];
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  readonly unchanged: number;
}

const TRAILING = '\u0000trailing';

export function compareProvisions(before: DocumentState, after: DocumentState, options: RenderOptions = {}): ProvisionsComparison {
  const earlier = byKey(renderSections(before, options));
  const later = byKey(renderSections(after, options));
  const keys = mergeOrder([...earlier.keys()], [...later.keys()]);
  const counts = { changed: 0, added: 0, removed: 0, unchanged: 0 };
  const provisions = keys.map((key): ProvisionComparison => {
    const from = earlier.get(key);
    const to = later.get(key);
    const provisionId = key === TRAILING ? null : key;
    const label = provisionId === null ? null : (after.provisions.get(provisionId) ?? before.provisions.get(provisionId))?.label ?? null;
    let change: ProvisionChange;
    let parts: ComparisonPart[];
    if (from === undefined) {
      change = 'added';
      parts = [{ value: to ?? '', added: true }];
    } else if (to === undefined) {
      change = 'removed';
      parts = [{ value: from, removed: true }];
    } else if (from === to) {
      change = 'unchanged';
      parts = [{ value: to }];
    } else {
      change = 'changed';
      parts = [...compareTexts(from, to).parts];
    }
    counts[change]++;
    return { provisionId, label, change, parts };
  });
  return { provisions, ...counts };
}

function byKey(sections: readonly RenderedSection[]): Map<string, string> {
  return new Map(sections.map((section) => [section.provisionId ?? TRAILING, section.paragraphs.join('\n\n')]));
}

/** The later order, with each key only the earlier list has put back after the key it followed there. */
function mergeOrder(earlier: readonly string[], later: readonly string[]): string[] {
  const merged = [...later];
  const present = new Set(later);
  let previous: string | null = null;
  for (const key of earlier) {
    if (!present.has(key)) {
      const at = previous === null ? 0 : merged.indexOf(previous) + 1;
      merged.splice(at, 0, key);
      present.add(key);
    }
    previous = key;
  }
  return merged;
}
