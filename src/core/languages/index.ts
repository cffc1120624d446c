/** A document in several languages: its versions, translations and their status (see each file). */
export { allLanguages, hasLanguage, isLanguageCode, type DocumentLanguages, type LanguageCode } from './document-languages.ts';
export { TRANSLATION_TARGETS, translationKey, type Translation, type TranslationTarget } from './translation.ts';
export {
  doneVersion,
  originalOf,
  proposalLanguage,
  unfinishedVersions,
  versionsOf,
  type LanguageVersion,
  type OriginalText,
  type VersionStatus,
} from './translation-status.ts';
export { languageName } from './validate-language-event.ts';
export { alignedVersions, type AlignedProposal, type AlignedProvision, type AlignedVersions } from './aligned-versions.ts';
