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

  describe('revising a draft', () => {
    const later = '2021-05-29T09:00:00.000Z';
    const revised = (noteId: string, extra: Partial<NoteContent> = {}): NoteEvent => ({ type: 'note.revised', at: later, actor, data: { noteId, content: { ...content, ...extra } } });
    const configured = (): NotesState => {
      const state = emptyNotesState();
      apply(state, { type: 'note-registry.configured', at, actor, data: { config } });
      return state;
    };

    it('replaces the whole content of a draft and records when', () => {
      const state = configured();
      apply(state, drafted('a', { subject: { en: 'Draft Catalouge', ru: 'Проект Каталога', kk: 'Каталог жобасы' } }));
      expect(state.notes.get('a')!.revisedAt).toBeNull();
      apply(state, revised('a', { purpose: { en: 'forward the corrected draft', ru: 'препроводить исправленный проект', kk: 'түзетілген жобаны жолдауды' } }));
      const note = state.notes.get('a')!;
      expect(note.content.subject.en).toBe('Draft Catalogue');
      expect(note.content.purpose.ru).toBe('препроводить исправленный проект');
      expect(note).toMatchObject({ status: 'draft', number: null, draftedAt: at, revisedAt: later });
      expect(composeRecord(note, 'en', '—').opening).toContain('forward the corrected draft');
    });

    it('refuses to change an issued or circulated note, or one that does not exist', () => {
      const state = configured();
      apply(state, drafted('a'), issued('a', 298));
      expect(tryApplyNoteEvent(state, revised('a'))).toEqual({ code: 'WRONG_STATUS', message: 'The note was issued as No. 17-1/298, and an issued note is never changed; draft a new note instead.' });
      apply(state, { type: 'note.circulated', at, actor, data: { noteId: 'a', to: ['KAZ'] } });
      expect(tryApplyNoteEvent(state, revised('a'))?.code).toBe('WRONG_STATUS');
      expect(tryApplyNoteEvent(state, revised('nope'))).toEqual({ code: 'NOT_FOUND', message: 'There is no note nope.' });
    });

    it('checks the new content as a draft is checked, and leaves the draft as it was when refused', () => {
      const state = configured();
      apply(state, drafted('a'));
      const before = structuredClone(state.notes.get('a'));
      expect(tryApplyNoteEvent(state, revised('a', { purpose: { en: 'x', ru: 'x' } }))).toEqual({ code: 'INVALID', message: "The note's purpose is missing in kk." });
      expect(tryApplyNoteEvent(state, revised('a', { date: '2021-13-01' }))?.message).toMatch(/not a date/u);
      expect(tryApplyNoteEvent(state, revised('a', { fileIndex: '17 1' }))?.message).toMatch(/not a file index/u);
      expect(tryApplyNoteEvent(state, revised('a', { addressees: { kind: 'states', states: [] } }))?.code).toBe('INVALID');
      expect(state.notes.get('a')).toEqual(before);
    });

    it('numbers the note by its revised file index and date: the year the counter counts in is the new date\'s', () => {
      const state = configured();
      apply(state, drafted('a'), revised('a', { fileIndex: '05-3', date: '2022-01-10' }));
      // The draft's own date (2021) would give 17-1/298; the revised one opens 2022's counter.
      expect(tryApplyNoteEvent(state, issued('a', 298))?.code).toBe('WRONG_NUMBER');
      apply(state, { type: 'note.issued', at, actor, data: { noteId: 'a', number: 1, year: 2022, formatted: '05-3/1' } });
      expect(state.notes.get('a')!.number).toBe('05-3/1');
      expect(state.registry!.last).toEqual({ '2021': 297, '2022': 1 });
    });
  });
});
