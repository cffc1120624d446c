/**
 * The language rules the engine checks before it applies an event (pure checks; apply.ts
 * mutates only once they pass):
 * - the languages of a document are set by the secretariat; once set, the original stays
 *   and no version is dropped (its translations would be orphaned);
 * - a translation is of the original as it now reads, into another of the document's languages;
 * - a proposal is made in one of the document's languages; a new paragraph is written in the
 *   original language (the provisions it puts forward become status-quo text, which is in
 *   the original) and an amendment to a proposal in that proposal's language;
 * - a proposal made in another language is accepted only once its words exist in the
 *   original language: those words, not the proponent's, go into the status-quo text;
 * - a provision is adopted only when every version of its text is done.
 */
import type { DocumentState } from '../model/document-state.ts';
import type { Proposal } from '../model/proposal.ts';
import { reject, type Rejection } from '../events/rejection.ts';
import type { LanguagesSetData, ProposalInput, TranslationRecordedData } from '../events/event.ts';
import { anchoredIn, hasReservedCharacters } from '../text/container.ts';
import { hasLanguage, isLanguageCode, type LanguageCode } from './document-languages.ts';
import { originalOf, proposalLanguage, unfinishedVersions } from './translation-status.ts';

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "Russian" for "ru": rejection messages name languages as people say them. */
export function languageName(code: LanguageCode): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function validateLanguagesSet(state: DocumentState, data: LanguagesSetData): Rejection | null {
  const { original, others } = data;
  for (const code of [original, ...others]) {
    if (!isLanguageCode(code)) return reject('BAD_LANGUAGE', `"${code}" is not a language code; use ISO 639 letters such as en, ru, kk.`);
  }
  if (others.includes(original)) return reject('BAD_LANGUAGE', `${languageName(original)} is the original language; list only the other versions.`);
  if (new Set(others).size !== others.length) return reject('BAD_LANGUAGE', 'A language is listed twice among the versions.');
  const current = state.languages;
  if (current === null) return null;
  if (current.original !== original) {
    return reject('BAD_LANGUAGE', `The document is negotiated in ${languageName(current.original)}; its original language cannot change to ${languageName(original)}.`);
  }
  const dropped = current.others.filter((code) => !others.includes(code));
  if (dropped.length > 0) {
    return reject('BAD_LANGUAGE', `The ${dropped.map(languageName).join(', ')} version cannot be dropped: its translations would be lost.`);
  }
  return null;
}

export function validateTranslation(state: DocumentState, data: TranslationRecordedData): Rejection | null {
  const languages = state.languages;
  if (languages === null) return reject('BAD_LANGUAGE', 'This document has a single language; set its working languages before recording a translation.');
  if (!hasLanguage(languages, data.language)) {
    return reject('BAD_LANGUAGE', `${languageName(data.language)} is not one of this document's languages.`);
  }
  const what = describe(state, data.target, data.id);
  if (data.target === 'provision' && !state.provisions.has(data.id)) return reject('UNKNOWN_PROVISION', `There is no provision ${data.id}.`);
  if (data.target === 'proposal' && !state.proposals.has(data.id)) return reject('UNKNOWN_PROPOSAL', `There is no proposal ${data.id}.`);
  const original = originalOf(state, data.target, data.id);
  if (original === null) return reject('BAD_KIND', `${what} has no words of its own to translate.`);
  if (original.language === data.language) return reject('BAD_LANGUAGE', `${what} is written in ${languageName(data.language)}: that is its original, not a translation.`);
  if (original.text !== data.original) {
    return reject('STALE_ORIGINAL', `The original of ${what} has changed since this translation was made; translate the text as it now reads.`);
  }
  if (data.text.trim() === '' && original.text.trim() !== '') return reject('BAD_TEXT', `The ${languageName(data.language)} version of ${what} is empty.`);
  if (hasReservedCharacters(data.text)) {
    return reject('BAD_TEXT', `The ${languageName(data.language)} version of ${what} contains a square bracket; brackets mark proposals and cannot be part of a translation.`);
  }
  return null;
}

/** The language of a proposal about to be made: checked against the document's languages and what it amends. */
export function validateProposalLanguage(state: DocumentState, input: ProposalInput): Rejection | null {
  const languages = state.languages;
  if (input.language === undefined) return null;
  if (languages === null) return reject('BAD_LANGUAGE', 'This document has a single language; a proposal names its language only in a document with several.');
  if (!hasLanguage(languages, input.language)) return reject('BAD_LANGUAGE', `${languageName(input.language)} is not one of this document's languages.`);
  if (input.kind === 'new-provision' && input.language !== languages.original) {
    return reject('BAD_LANGUAGE', `Write a new paragraph in ${languageName(languages.original)}, the original language; its ${languageName(input.language)} version is then recorded as a translation.`);
  }
  const parent = input.anchor?.parent ? state.proposals.get(input.anchor.parent) : undefined;
  if (parent) {
    const parentLanguage = proposalLanguage(state, parent);
    if (parentLanguage !== null && parentLanguage !== input.language) {
      return reject('BAD_LANGUAGE', `Proposal ${parent.id} is in ${languageName(parentLanguage)}; an amendment to its words is in the same language.`);
    }
  }
  return null;
}

/**
 * Accepting a proposal made in a language other than the original writes its
 * original-language version into the text, so that version must be done; and amendments
 * resting on its words (offsets in the other language) must be settled first.
 */
export function validateAcceptance(state: DocumentState, proposal: Proposal): Rejection | null {
  const languages = state.languages;
  if (languages === null || !changesText(proposal)) return null;
  const language = proposalLanguage(state, proposal);
  if (language === null || language === languages.original) return null;
  const missing = unfinishedVersions(state, 'proposal', proposal.id).find((v) => v.language === languages.original);
  if (missing) {
    return reject('NOT_TRANSLATED', `Proposal ${proposal.id} was made in ${languageName(language)}; its ${languageName(languages.original)} version is ${missing.status}, and that version is what goes into the text. Record it before accepting.`);
  }
  if (anchoredIn(state, '', proposal.id).length > 0) {
    return reject('NOT_TRANSLATED', `Proposal ${proposal.id} was made in ${languageName(language)} and has amendments resting on its words; settle them before accepting it.`);
  }
  return null;
}

/** Adoption waits for every version of the provision's text; the message says which and why. */
export function validateAdoption(state: DocumentState, provisionId: string): Rejection | null {
  const unfinished = unfinishedVersions(state, 'provision', provisionId);
  if (unfinished.length === 0) return null;
  const provision = state.provisions.get(provisionId);
  const list = unfinished.map((v) => `${languageName(v.language)} version ${v.status === 'pending' ? 'is pending (not translated yet)' : 'is outdated (the original changed after it was translated)'}`);
  return reject('NOT_TRANSLATED', `Provision ${provision?.label ?? provisionId} cannot be adopted while its ${list.join('; ')}.`);
}

function changesText(proposal: Proposal): boolean {
  return proposal.kind === 'insert' || proposal.kind === 'replace';
}

function describe(state: DocumentState, target: 'provision' | 'proposal', id: string): string {
  if (target === 'proposal') return `proposal ${id}`;
  return `provision ${state.provisions.get(id)?.label ?? id}`;
}
