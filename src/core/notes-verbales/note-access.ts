/**
 * Who sees a note verbale, and the registry's list and search. THE rule: the secretariat sees
 * every note of its registry (drafts included); a delegation sees a note once it has been
 * circulated to it; nobody else sees any. A note someone may not see is, for them, a note that
 * does not exist — the server answers it exactly as an id never used.
 */
import { foldText } from '../catalogue/folded-text.ts';
import { LANGUAGES } from '../meetings/languages.ts';
import type { NoteRecord, NotesState, NoteStatus } from './notes-register.ts';

/** Who is reading: the secretariat, a member state's delegation, or someone who is neither (chair, observer). */
export type NoteReader = { readonly kind: 'secretariat' } | { readonly kind: 'delegation'; readonly delegation: string } | { readonly kind: 'none' };

export function canSeeNote(note: NoteRecord, reader: NoteReader): boolean {
  if (reader.kind === 'secretariat') return true;
  if (reader.kind === 'none') return false;
  return note.status === 'circulated' && note.circulatedTo.includes(reader.delegation);
}

/** The note, or null when there is none the reader may see (the two are one answer). */
export function noteFor(state: NotesState, reader: NoteReader, noteId: string): NoteRecord | null {
  const note = state.notes.get(noteId);
  return note && canSeeNote(note, reader) ? note : null;
}

export interface NoteQuery {
  /** Words that must all appear (case and diacritics ignored) in the number, subject, text or addressees. */
  readonly text?: string | undefined;
  readonly year?: number | undefined;
  /** Notes addressed (or, once circulated, sent) to this delegation. */
  readonly addressee?: string | undefined;
  readonly status?: NoteStatus | undefined;
}

/** The notes the reader may see that match the query, newest first (by date, then registry order). */
export function searchNotes(state: NotesState, reader: NoteReader, query: NoteQuery): NoteRecord[] {
  const words = foldText(query.text ?? '').split(' ').filter((word) => word !== '');
  const hits = [...state.notes.values()].filter((note) => {
    if (!canSeeNote(note, reader)) return false;
    if (query.status !== undefined && note.status !== query.status) return false;
    if (query.year !== undefined && !note.content.date.startsWith(`${query.year}-`)) return false;
    if (query.addressee !== undefined && !isAddressedTo(note, query.addressee)) return false;
    if (words.length === 0) return true;
    const haystack = foldText(searchableText(note));
    return words.every((word) => haystack.includes(word));
  });
  const order = [...state.notes.keys()];
  return hits.sort((a, b) => b.content.date.localeCompare(a.content.date) || order.indexOf(b.id) - order.indexOf(a.id));
}

function isAddressedTo(note: NoteRecord, delegation: string): boolean {
  if (note.status === 'circulated') return note.circulatedTo.includes(delegation);
  return note.content.addressees.kind === 'all-members' || note.content.addressees.states.includes(delegation);
}

function searchableText(note: NoteRecord): string {
  const { content } = note;
  const parts: string[] = [note.number ?? '', content.fileIndex, content.date];
  for (const language of LANGUAGES) {
    parts.push(
      content.subject[language] ?? '',
      content.addressee[language] ?? '',
      content.purpose[language] ?? '',
      content.openingContinuation?.[language] ?? '',
      ...(content.body?.[language] ?? []),
      ...(content.addresseeBlock[language] ?? []),
      ...content.enclosures.map((enclosure) => enclosure.title?.[language] ?? ''),
    );
  }
  if (content.addressees.kind === 'states') parts.push(...content.addressees.states);
  return parts.join('\n');
}
