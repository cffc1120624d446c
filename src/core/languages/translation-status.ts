/**
 * Where each language version of a provision or a proposal stands:
 * - `original`: the language the text is written in (a provision: the document's original
 *   language; a proposal: the language its proponent made it in);
 * - `done`: translated from the original as it now reads;
 * - `pending`: not translated yet;
 * - `outdated`: translated, but the original has changed since (an accepted proposal
 *   changed the provision's text, or an accepted amendment changed the proposal's words).
 */
import type { DocumentState } from '../model/document-state.ts';
import { hasOwnText, type Proposal } from '../model/proposal.ts';
import { allLanguages, type LanguageCode } from './document-languages.ts';
import { translationKey, type TranslationTarget } from './translation.ts';

export type VersionStatus = 'original' | 'done' | 'pending' | 'outdated';

export interface LanguageVersion {
  readonly language: LanguageCode;
  readonly status: VersionStatus;
  /** The text in this language; null while pending. An outdated version keeps its old text. */
  readonly text: string | null;
  /** An outdated version: the original it was made from, so the change can be shown. */
  readonly translatedFrom: string | null;
}

export interface OriginalText {
  readonly language: LanguageCode;
  readonly text: string;
}

/**
 * The language a proposal was made in. A proposal made before the document had languages
 * is in the document's original language; one amending another proposal's words is in
 * that proposal's language unless it says otherwise.
 */
export function proposalLanguage(state: DocumentState, proposal: Proposal): LanguageCode | null {
  if (proposal.language !== undefined) return proposal.language;
  const parent = proposal.anchor?.parent ? state.proposals.get(proposal.anchor.parent) : undefined;
  if (parent) return proposalLanguage(state, parent);
  return state.languages?.original ?? null;
}

/** The text every other version translates; null when there is no such target or it has no words of its own. */
export function originalOf(state: DocumentState, target: TranslationTarget, id: string): OriginalText | null {
  const languages = state.languages;
  if (languages === null) return null;
  if (target === 'provision') {
    const provision = state.provisions.get(id);
    return provision ? { language: languages.original, text: provision.text } : null;
  }
  const proposal = state.proposals.get(id);
  if (!proposal || !hasOwnText(proposal.kind)) return null;
  return { language: proposalLanguage(state, proposal) ?? languages.original, text: proposal.text };
}

/** Every language version of a provision's text or a proposal's words, in the document's language order. */
export function versionsOf(state: DocumentState, target: TranslationTarget, id: string): readonly LanguageVersion[] {
  const original = originalOf(state, target, id);
  if (state.languages === null || original === null) return [];
  return allLanguages(state.languages).map((language) => versionIn(state, target, id, original, language));
}

function versionIn(state: DocumentState, target: TranslationTarget, id: string, original: OriginalText, language: LanguageCode): LanguageVersion {
  if (language === original.language) return { language, status: 'original', text: original.text, translatedFrom: null };
  // Nothing to translate is translated: an empty heading or a placeholder bracket holds no words.
  if (original.text.trim() === '') return { language, status: 'done', text: '', translatedFrom: null };
  const translation = state.translations.get(translationKey(target, id, language));
  if (!translation) return { language, status: 'pending', text: null, translatedFrom: null };
  if (translation.original !== original.text) return { language, status: 'outdated', text: translation.text, translatedFrom: translation.original };
  return { language, status: 'done', text: translation.text, translatedFrom: null };
}

/** The versions that hold a provision or proposal back: pending or outdated. */
export function unfinishedVersions(state: DocumentState, target: TranslationTarget, id: string): readonly LanguageVersion[] {
  return versionsOf(state, target, id).filter((version) => version.status === 'pending' || version.status === 'outdated');
}

/** The done version of a target in one language, or null. */
export function doneVersion(state: DocumentState, target: TranslationTarget, id: string, language: LanguageCode): string | null {
  const version = versionsOf(state, target, id).find((v) => v.language === language);
  return version && (version.status === 'done' || version.status === 'original') ? version.text : null;
}
