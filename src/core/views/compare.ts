/**
 * Word-by-word comparison of two states (two revisions) in the same view, using jsdiff.
 * The text form marks additions `{+ … +}` and removals `{- … -}` — braces, because
 * square brackets already mean something in a negotiated text.
 */
import { diffWordsWithSpace } from 'diff';

export interface ComparisonPart {
  readonly value: string;
  readonly added?: boolean;
  readonly removed?: boolean;
}

export interface Comparison {
  readonly parts: readonly ComparisonPart[];
  readonly text: string;
  readonly added: number;
  readonly removed: number;
}

export function compareTexts(before: string, after: string): Comparison {
  const parts = diffWordsWithSpace(before, after).map((change) => ({
    value: change.value,
    ...(change.added ? { added: true } : {}),
    ...(change.removed ? { removed: true } : {}),
  }));
  let added = 0;
  let removed = 0;
  const text = parts
    .map((part) => {
      if (part.added) {
        added++;
        return `{+${part.value}+}`;
      }
      if (part.removed) {
        removed++;
        return `{-${part.value}-}`;
      }
      return part.value;
    })
    .join('');
  return { parts, text, added, removed };
}
