/**
 * Notes verbales: the registry's numbering as organisation data, the fixed formulas of each
 * language, and a note composed from a template and the secretariat's fields.
 */
export { CICA_REGISTRY_FORMAT, createRegistry, formatRegistryNumber, nextNumber, type IssuedNumber, type Registry, type RegistryFormat } from './registry-number.ts';
export { CICA_SECRETARIAT_NOTE, type NoteFormulas, type NoteTemplate } from './note-template.ts';
export { composeNote, type ComposedNote, type Enclosure, type NoteFields } from './compose-note.ts';
export { formatNoteDate } from './note-date.ts';
export { fillFormula, formulaSlots } from './fill-formula.ts';
export { SEED_NOTE_FIELDS } from './seed-note.ts';
export type { NoteAddressees, NoteContent, NoteEvent, NoteRegistryConfig, NoteCirculated, NoteDrafted, NoteIssued, NoteRevised, NoteRegistryConfigured, LocalizedLines, SomeLocalized } from './note-event.ts';
export { checkNoteEvent, composeRecord, emptyNotesState, NOTE_TEMPLATE, noteFields, noteYear, tryApplyNoteEvent, type NoteRecord, type NoteRejection, type NotesState, type NoteStatus } from './notes-register.ts';
export { canSeeNote, noteFor, searchNotes, type NoteQuery, type NoteReader } from './note-access.ts';
