/** The notes verbales registry over HTTP (types from protocol/notes-verbales.ts). */
import type { z } from 'zod';
import type { NewNoteBody, NoteListView, NoteRegistryConfigSchema, NoteRegistryView, NoteView, ReviseNoteBody } from '../../protocol/notes-verbales.ts';
import { request } from '../api.ts';

export type { NewNoteBody, NoteView, ReviseNoteBody };
/** The registry's settings as sent, and as the server shows them with how far its counters have run. */
export type NoteRegistryConfigBody = z.infer<typeof NoteRegistryConfigSchema>;
export type NoteRegistryViewBody = z.infer<typeof NoteRegistryView>;
export type NoteLanguage = 'en' | 'ru' | 'kk';
export type NoteFileLanguage = NoteLanguage | 'all';

const base = (organisationId: string): string => `/api/organisations/${encodeURIComponent(organisationId)}/notes-verbales`;
const noteUrl = (organisationId: string, noteId: string): string => `${base(organisationId)}/${encodeURIComponent(noteId)}`;

export interface NoteSearch {
  readonly text?: string;
  readonly year?: string;
}

export const notesApi = {
  list: (organisationId: string, search: NoteSearch): Promise<NoteListView> => {
    const query = new URLSearchParams();
    if (search.text?.trim()) query.set('text', search.text.trim());
    if (search.year?.trim()) query.set('year', search.year.trim());
    const suffix = query.toString();
    return request('GET', `${base(organisationId)}${suffix ? `?${suffix}` : ''}`);
  },
  /** The registry's settings and how far its counters have run (the secretariat only). */
  registry: (organisationId: string): Promise<NoteRegistryViewBody> => request('GET', `${base(organisationId)}/registry`),
  /** The settings replaced as a whole; the server refuses a counter set back, a pattern without {number}, a language without its sender or place. */
  configureRegistry: (organisationId: string, body: NoteRegistryConfigBody): Promise<NoteRegistryViewBody> => request('PUT', `${base(organisationId)}/registry`, body),
  get: (organisationId: string, noteId: string): Promise<NoteView> => request('GET', noteUrl(organisationId, noteId)),
  create: (organisationId: string, body: NewNoteBody): Promise<NoteView> => request('POST', base(organisationId), body),
  /** A draft's content replaced as a whole; the server refuses once the note is issued. */
  revise: (organisationId: string, noteId: string, body: ReviseNoteBody): Promise<NoteView> => request('PUT', noteUrl(organisationId, noteId), body),
  issue: (organisationId: string, noteId: string): Promise<NoteView> => request('POST', `${noteUrl(organisationId, noteId)}/issue`, null),
  circulate: (organisationId: string, noteId: string): Promise<NoteView> => request('POST', `${noteUrl(organisationId, noteId)}/circulate`, null),
  /** The printed page (one language), shown in a frame: the same HTML the PDF is printed from. */
  htmlHref: (organisationId: string, noteId: string, language: NoteLanguage): string => `${noteUrl(organisationId, noteId)}/html?language=${language}`,
  fileHref: (organisationId: string, noteId: string, format: 'pdf' | 'docx', language: NoteFileLanguage): string => `${noteUrl(organisationId, noteId)}/${format}?language=${language}`,
};
