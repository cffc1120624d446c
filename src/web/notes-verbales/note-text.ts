/** A note's texts as a reader sees them: in the interface's language when the note has it, else in the note's first language. */
import type { NoteLanguage, NoteView } from './notes-api.ts';

export function preferredLanguage(note: NoteView, locale: string): NoteLanguage {
  const wanted = locale.split('-')[0] as NoteLanguage;
  return note.languages.includes(wanted) ? wanted : (note.languages[0] ?? 'en');
}

export function subjectOf(note: NoteView, locale: string): string {
  return note.subject[preferredLanguage(note, locale)] ?? Object.values(note.subject).find((text) => text) ?? '';
}
