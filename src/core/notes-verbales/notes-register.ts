/**
 * The notes verbales register: the fold of an organisation's note events. Each event is
 * validated completely before anything changes, so a rejected event leaves the state exactly
 * as it was; values the types already restrict are checked again, since events arrive as JSON.
 *
 * Numbers never repeat: `note.issued` must carry exactly the number `nextNumber` gives at its
 * place in the log, no formatted number may be issued twice, and a reconfiguration may move
 * counters forward only.
 */
import { LANGUAGES, type Language } from '../meetings/languages.ts';
import { composeNote, type ComposedNote, type NoteFields } from './compose-note.ts';
import type { NoteContent, NoteEvent, NoteRegistryConfig } from './note-event.ts';
import { CICA_SECRETARIAT_NOTE, type NoteTemplate } from './note-template.ts';
import { createRegistry, nextNumber, type Registry } from './registry-number.ts';

export type NoteStatus = 'draft' | 'issued' | 'circulated';

export interface NoteRecord {
  readonly id: string;
  /** As drafted, or as last revised while a draft. */
  content: NoteContent;
  /** The registry's settings when the note was drafted: a later change of sender or place does not rewrite it. */
  readonly config: NoteRegistryConfig;
  readonly draftedAt: string;
  /** When the draft was last revised; null when never. */
  revisedAt: string | null;
  status: NoteStatus;
  /** "17-1/298", once issued. */
  number: string | null;
  issuedAt: string | null;
  circulatedAt: string | null;
  /** The delegations it was circulated to. */
  circulatedTo: readonly string[];
}

export interface NotesState {
  config: NoteRegistryConfig | null;
  registry: Registry | null;
  readonly notes: Map<string, NoteRecord>;
  readonly numbers: Set<string>;
}

export interface NoteRejection {
  readonly code: 'NOT_CONFIGURED' | 'NOT_FOUND' | 'INVALID' | 'WRONG_STATUS' | 'WRONG_NUMBER' | 'DUPLICATE';
  readonly message: string;
}

export function emptyNotesState(): NotesState {
  return { config: null, registry: null, notes: new Map(), numbers: new Set() };
}

/** The template every note of a register is composed with (one today: the CICA Secretariat's). */
export const NOTE_TEMPLATE: NoteTemplate = CICA_SECRETARIAT_NOTE;

/** Applies `event` in place, or returns why it does not apply (and changes nothing). */
export function tryApplyNoteEvent(state: NotesState, event: NoteEvent): NoteRejection | null {
  const rejection = checkNoteEvent(state, event);
  if (rejection) return rejection;
  mutate(state, event);
  return null;
}

/** Why `event` would not apply to `state`, or null when it would. */
export function checkNoteEvent(state: NotesState, event: NoteEvent): NoteRejection | null {
  switch (event.type) {
    case 'note-registry.configured':
      return checkConfig(state, event.data.config);
    case 'note.drafted': {
      if (!state.config) return notConfigured();
      if (!event.data.noteId.trim()) return invalid('A note needs an id.');
      if (state.notes.has(event.data.noteId)) return { code: 'DUPLICATE', message: `There is already a note ${event.data.noteId}.` };
      return checkContent(state.config, event.data.content);
    }
    case 'note.revised': {
      const note = state.notes.get(event.data.noteId);
      if (!note) return notFound(event.data.noteId);
      if (note.status !== 'draft') {
        return { code: 'WRONG_STATUS', message: `The note was issued as No. ${note.number ?? '—'}, and an issued note is never changed; draft a new note instead.` };
      }
      // Checked against the settings the draft was made under: those are the ones it is printed with.
      return checkContent(note.config, event.data.content);
    }
    case 'note.issued': {
      const note = state.notes.get(event.data.noteId);
      if (!note) return notFound(event.data.noteId);
      if (!state.registry) return notConfigured();
      if (note.status !== 'draft') return { code: 'WRONG_STATUS', message: `Note ${note.number ?? note.id} is already issued.` };
      const year = noteYear(note.content.date);
      const expected = nextNumber(state.registry, note.content.fileIndex, year);
      const { number, formatted } = event.data;
      if (event.data.year !== year || number !== expected.number || formatted !== expected.formatted) {
        return { code: 'WRONG_NUMBER', message: `The next number in the registry is ${expected.formatted}, not ${formatted}.` };
      }
      if (state.numbers.has(formatted)) return { code: 'DUPLICATE', message: `Number ${formatted} was already given to another note.` };
      return null;
    }
    case 'note.circulated': {
      const note = state.notes.get(event.data.noteId);
      if (!note) return notFound(event.data.noteId);
      if (note.status !== 'issued') {
        return { code: 'WRONG_STATUS', message: note.status === 'draft' ? 'A note is issued (and numbered) before it is circulated.' : `Note ${note.number ?? note.id} was already circulated.` };
      }
      if (event.data.to.length === 0) return invalid('A note is circulated to at least one delegation.');
      if (new Set(event.data.to).size !== event.data.to.length) return invalid('A delegation is named twice among those the note is circulated to.');
      return null;
    }
    default:
      return invalid(`Unknown note event ${(event as { type: string }).type}.`);
  }
}

function mutate(state: NotesState, event: NoteEvent): void {
  switch (event.type) {
    case 'note-registry.configured': {
      const config = event.data.config;
      const merged = { ...(state.registry?.last ?? {}) };
      for (const [key, last] of Object.entries(config.last)) merged[key] = Math.max(merged[key] ?? 0, last);
      state.config = config;
      state.registry = createRegistry(config.format, merged);
      return;
    }
    case 'note.drafted':
      state.notes.set(event.data.noteId, {
        id: event.data.noteId,
        content: event.data.content,
        config: state.config!,
        draftedAt: event.at,
        revisedAt: null,
        status: 'draft',
        number: null,
        issuedAt: null,
        circulatedAt: null,
        circulatedTo: [],
      });
      return;
    case 'note.revised': {
      const note = state.notes.get(event.data.noteId)!;
      note.content = event.data.content;
      note.revisedAt = event.at;
      return;
    }
    case 'note.issued': {
      const note = state.notes.get(event.data.noteId)!;
      state.registry = nextNumber(state.registry!, note.content.fileIndex, event.data.year).registry;
      state.numbers.add(event.data.formatted);
      note.status = 'issued';
      note.number = event.data.formatted;
      note.issuedAt = event.at;
      return;
    }
    case 'note.circulated': {
      const note = state.notes.get(event.data.noteId)!;
      note.status = 'circulated';
      note.circulatedAt = event.at;
      note.circulatedTo = [...event.data.to];
      return;
    }
  }
}

function checkConfig(state: NotesState, config: NoteRegistryConfig): NoteRejection | null {
  try {
    createRegistry(config.format, config.last);
  } catch (error) {
    return invalid((error as Error).message);
  }
  if (config.languages.length === 0 || config.languages.some((l) => !LANGUAGES.includes(l))) return invalid(`A registry's languages are some of ${LANGUAGES.join(', ')}.`);
  for (const [key, last] of Object.entries(config.last)) {
    if (!Number.isInteger(last) || last < 0) return invalid(`The last number of counter ${key} must be a whole number of at least 0.`);
    const current = state.registry?.last[key] ?? 0;
    if (last < current) return invalid(`Counter ${key} has reached ${current}; it cannot be set back to ${last}, or numbers would repeat.`);
  }
  for (const language of config.languages) {
    for (const [name, value] of [['sender', config.sender], ['short sender name', config.senderShort], ['place', config.place]] as const) {
      if (!value[language]?.trim()) return invalid(`The registry's ${name} is missing in ${language}.`);
    }
  }
  return null;
}

/** A note's content is complete when it composes in every language of the registry. */
function checkContent(config: NoteRegistryConfig, content: NoteContent): NoteRejection | null {
  if (content.addressees.kind === 'states' && content.addressees.states.length === 0) return invalid('Name at least one addressee, or address the note to all member states.');
  try {
    nextNumber(createRegistry(config.format), content.fileIndex, noteYear(content.date));
    for (const language of config.languages) {
      if (!content.subject[language]?.trim()) throw new RangeError(`The note's subject is missing in ${language}.`);
      if (!content.addresseeBlock[language]?.some((line) => line.trim())) throw new RangeError(`The note's addressee block is missing in ${language}.`);
      composeNote(NOTE_TEMPLATE, noteFields(config, content, '0'), language);
    }
  } catch (error) {
    if (error instanceof RangeError) return invalid(error.message);
    throw error;
  }
  return null;
}

/** The year a note's running number counts in: its date's. */
export function noteYear(date: string): number {
  const match = /^(\d{4})-\d{2}-\d{2}$/u.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date; write it as YYYY-MM-DD, e.g. 2021-05-28.`);
  return Number(match[1]);
}

/** What composeNote needs, from the registry's settings and the note's content. */
export function noteFields(config: NoteRegistryConfig, content: NoteContent, number: string): NoteFields {
  const all = <T>(value: Partial<Record<Language, T>> | undefined, fallback: T): Record<Language, T> =>
    Object.fromEntries(LANGUAGES.map((language) => [language, value?.[language] ?? fallback])) as Record<Language, T>;
  return {
    number,
    date: content.date,
    place: all(config.place, ''),
    sender: all(config.sender, ''),
    senderShort: all(config.senderShort, ''),
    addressee: all(content.addressee, ''),
    addresseeBlock: all(content.addresseeBlock, []),
    purpose: all(content.purpose, ''),
    ...(content.openingContinuation ? { openingContinuation: content.openingContinuation } : {}),
    ...(content.body ? { body: content.body } : {}),
    enclosures: content.enclosures,
  };
}

/** The note as printed in `language`; a draft shows its number as the registry would print none yet. */
export function composeRecord(note: NoteRecord, language: Language, unnumbered: string): ComposedNote {
  return composeNote(NOTE_TEMPLATE, noteFields(note.config, note.content, note.number ?? unnumbered), language);
}

const invalid = (message: string): NoteRejection => ({ code: 'INVALID', message });
const notFound = (noteId: string): NoteRejection => ({ code: 'NOT_FOUND', message: `There is no note ${noteId}.` });
const notConfigured = (): NoteRejection => ({ code: 'NOT_CONFIGURED', message: 'The registry of notes verbales is not configured yet.' });
