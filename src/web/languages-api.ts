/** The language versions' routes as functions (bodies from protocol/languages.ts). */
import type { TranslationTarget } from '../core/index.ts';
import { request } from './api.ts';

const doc = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}`;

export const languagesApi = {
  /** The organisation's working languages, its first as the original. */
  setLanguages: (documentId: string): Promise<unknown> => request('PUT', `${doc(documentId)}/languages`, null),
  recordTranslation: (documentId: string, target: TranslationTarget, id: string, language: string, text: string, original: string): Promise<unknown> =>
    request('PUT', `${doc(documentId)}/translations/${target}/${encodeURIComponent(id)}/${encodeURIComponent(language)}`, { text, original }),
  bilingualHref: (documentId: string, languages: readonly string[]): string =>
    `${doc(documentId)}/export?${new URLSearchParams({ format: 'docx', view: 'bilingual', languages: languages.join(',') }).toString()}`,
};
