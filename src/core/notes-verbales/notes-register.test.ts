import { describe, expect, it } from 'vitest';
import type { Actor } from '../events/event.ts';
import { canSeeNote, noteFor, searchNotes } from './note-access.ts';
import type { NoteContent, NoteEvent, NoteRegistryConfig } from './note-event.ts';
import { composeRecord, emptyNotesState, tryApplyNoteEvent, type NotesState } from './notes-register.ts';
import { CICA_REGISTRY_FORMAT } from './registry-number.ts';
import { SEED_NOTE_FIELDS } from './seed-note.ts';

const actor: Actor = { user: 'sec', delegation: null, role: 'secretariat' };
const at = '2021-05-28T06:00:00.000Z';
const config: NoteRegistryConfig = {
  format: CICA_REGISTRY_FORMAT,
  last: { '2021': 297 },
  languages: ['en', 'ru', 'kk'],
  sender: SEED_NOTE_FIELDS.sender,
  senderShort: SEED_NOTE_FIELDS.senderShort,
  place: SEED_NOTE_FIELDS.place,
};
const content: NoteContent = {
  fileIndex: '17-1',
  date: '2021-05-28',
  subject: { en: 'Draft Catalogue', ru: 'Проект Каталога', kk: 'Каталог жобасы' },
  addressees: { kind: 'all-members' },
  addressee: SEED_NOTE_FIELDS.addressee,
  addresseeBlock: SEED_NOTE_FIELDS.addresseeBlock,
  purpose: SEED_NOTE_FIELDS.purpose,
  ...(SEED_NOTE_FIELDS.openingContinuation ? { openingContinuation: SEED_NOTE_FIELDS.openingContinuation } : {}),
  enclosures: SEED_NOTE_FIELDS.enclosures,
};

function apply(state: NotesState, ...events: NoteEvent[]): void {
  for (const event of events) expect(tryApplyNoteEvent(state, event)).toBeNull();
}

const drafted = (noteId: string, extra: Partial<NoteContent> = {}): NoteEvent => ({ type: 'note.drafted', at, actor, data: { noteId, content: { ...content, ...extra } } });
const issued = (noteId: string, number: number, formatted = `17-1/${number}`): NoteEvent => ({ type: 'note.issued', at, actor, data: { noteId, number, year: 2021, formatted } });

describe('the notes verbales register', () => {
  it('issues exactly the next number, composes the seed note from it, and refuses any other number', () => {
    const state = emptyNotesState();
    expect(tryApplyNoteEvent(state, drafted('a'))?.code).toBe('NOT_CONFIGURED');
    apply(state, { type: 'note-registry.configured', at, actor, data: { config } }, drafted('a'), drafted('b'));
    expect(tryApplyNoteEvent(state, issued('a', 299))).toMatchObject({ code: 'WRONG_NUMBER', message: 'The next number in the registry is 17-1/298, not 17-1/299.' });
    expect(tryApplyNoteEvent(state, issued('a', 298, '17-1/0298'))?.code).toBe('WRONG_NUMBER');
    apply(state, issued('a', 298));
    expect(tryApplyNoteEvent(state, issued('b', 298))?.code).toBe('WRONG_NUMBER');
    expect(tryApplyNoteEvent(state, issued('a', 299))?.code).toBe('WRONG_STATUS');
    apply(state, issued('b', 299));
    const note = state.notes.get('a')!;
    const composed = composeRecord(note, 'en', '—');
    expect(composed.number).toBe('№17-1/298');
    expect(composed.closing).toBe('The Secretariat avails itself of this opportunity to renew to the CICA Member States the assurances of its highest consideration.');
  });

  it('moves counters forward only, and refuses a note that does not compose in every language', () => {
    const state = emptyNotesState();
    apply(state, { type: 'note-registry.configured', at, actor, data: { config } });
    expect(tryApplyNoteEvent(state, { type: 'note-registry.configured', at, actor, data: { config: { ...config, last: { '2021': 3 } } } })?.message).toMatch(/cannot be set back/u);
    expect(tryApplyNoteEvent(state, drafted('x', { purpose: { en: 'x', ru: 'x' } }))?.message).toBe("The note's purpose is missing in kk.");
    expect(tryApplyNoteEvent(state, drafted('x', { date: '2021-02-30' }))?.message).toMatch(/not a date/u);
    expect(tryApplyNoteEvent(state, drafted('x', { fileIndex: '17 1' }))?.message).toMatch(/not a file index/u);
    expect(state.notes.size).toBe(0);
  });

  it('shows a note to the secretariat always, to a delegation once circulated to it, to nobody else', () => {
    const state = emptyNotesState();
    apply(state, { type: 'note-registry.configured', at, actor, data: { config } }, drafted('a', { addressees: { kind: 'states', states: ['KAZ'] } }));
    const note = state.notes.get('a')!;
    const kaz = { kind: 'delegation', delegation: 'KAZ' } as const;
    expect(canSeeNote(note, { kind: 'secretariat' })).toBe(true);
    expect(canSeeNote(note, kaz)).toBe(false);
    expect(tryApplyNoteEvent(state, { type: 'note.circulated', at, actor, data: { noteId: 'a', to: ['KAZ'] } })?.code).toBe('WRONG_STATUS');
    apply(state, issued('a', 298), { type: 'note.circulated', at, actor, data: { noteId: 'a', to: ['KAZ'] } });
    expect(noteFor(state, kaz, 'a')).toBe(note);
    expect(noteFor(state, { kind: 'delegation', delegation: 'IND' }, 'a')).toBeNull();
    expect(noteFor(state, { kind: 'none' }, 'a')).toBeNull();
    expect(searchNotes(state, kaz, { text: 'КАТАЛОГА' }).map((n) => n.number)).toEqual(['17-1/298']);
    expect(searchNotes(state, kaz, { text: 'agenda minutes' })).toEqual([]);
  });
});
