/**
 * The languages a negotiated document exists in: the one it is negotiated in (the original,
 * where the status-quo text of every provision is written) and the versions kept beside it
 * (CICA: English, with a Russian version). A document without languages set is a document
 * in one language: nothing about translation applies to it.
 */

/** A language as ISO 639-1 (two letters) or 639-2/3 (three): "en", "ru", "kk". */
export type LanguageCode = string;

export interface DocumentLanguages {
  readonly original: LanguageCode;
  /** The other working languages, each a version of the whole document, in the order shown. */
  readonly others: readonly LanguageCode[];
}

const LANGUAGE_CODE = /^[a-z]{2,3}$/u;

export function isLanguageCode(value: string): boolean {
  return LANGUAGE_CODE.test(value);
}

/** Every language of the document, the original first. */
export function allLanguages(languages: DocumentLanguages): readonly LanguageCode[] {
  return [languages.original, ...languages.others];
}

export function hasLanguage(languages: DocumentLanguages, language: LanguageCode): boolean {
  return languages.original === language || languages.others.includes(language);
}
