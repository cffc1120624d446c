/**
 * One language version of one piece of negotiated text: a provision's status-quo text, or
 * a proposal's own words. The record keeps the original text it was made from, so whether
 * it still renders the original is a comparison, not a flag someone must remember to reset:
 * when an accepted proposal changes a provision's text, its versions become outdated by
 * themselves. (A hash of the original would be smaller, but core has no hashing of its own
 * and a stored original also lets a translator see what changed.)
 */
import type { LanguageCode } from './document-languages.ts';

/** What a translation is of. */
export type TranslationTarget = 'provision' | 'proposal';

export const TRANSLATION_TARGETS: readonly TranslationTarget[] = ['provision', 'proposal'];

export interface Translation {
  readonly target: TranslationTarget;
  /** The provision's or the proposal's id. */
  readonly id: string;
  readonly language: LanguageCode;
  readonly text: string;
  /** The original text this translation renders, as it was when the translation was recorded. */
  readonly original: string;
  readonly at: string;
  /** The user who recorded it. */
  readonly by: string;
}

/** The key of a translation in the state's map: one record per target, id and language. */
export function translationKey(target: TranslationTarget, id: string, language: LanguageCode): string {
  return `${target}:${language}:${id}`;
}
