/**
 * What the secretariat does with its notes verbales, as plain values appended to the
 * organisation's log (a register beside the documents): configure the registry, draft a
 * note, correct it while it is a draft, issue it (the registry number is given then), circulate
 * it to its addressees.
 *
 * Like every logged event they carry who recorded them (`actor`) and when (`at`, an ISO 8601
 * instant from the caller: core has no clock).
 */
import type { Actor } from '../events/event.ts';
import type { Language, Localized } from '../meetings/languages.ts';
import type { Enclosure } from './compose-note.ts';
import type { RegistryFormat } from './registry-number.ts';

/** Whom a note is addressed to: every member state (resolved when it is circulated), or named states (one or some). */
export type NoteAddressees = { readonly kind: 'all-members' } | { readonly kind: 'states'; readonly states: readonly string[] };

/** Text in some of the languages: a note carries each of the registry's languages. */
export type SomeLocalized = Partial<Localized>;
export type LocalizedLines = Partial<Readonly<Record<Language, readonly string[]>>>;

/** The registry's settings: its numbering, the sender as every note names it, and its languages. */
export interface NoteRegistryConfig {
  readonly format: RegistryFormat;
  /** How far each counter has run before this log began (the seed's 297 notes of 2021): counter key → last number. */
  readonly last: Readonly<Record<string, number>>;
  /** The languages every note is written in, in the order they are printed. */
  readonly languages: readonly Language[];
  readonly sender: SomeLocalized;
  /** How the closing formula names the sender ("The Secretariat"). */
  readonly senderShort: SomeLocalized;
  readonly place: SomeLocalized;
}

/** What the secretariat fills in for one note; the template and the registry supply the rest. */
export interface NoteContent {
  /** The file index of the secretariat's nomenclature: "17-1". */
  readonly fileIndex: string;
  /** The note's date, YYYY-MM-DD; its year is the year the running number counts in. */
  readonly date: string;
  readonly subject: SomeLocalized;
  readonly addressees: NoteAddressees;
  /** How the formulas name the addressees, in the form each language needs (Russian and Kazakh: dative). */
  readonly addressee: SomeLocalized;
  /** The addressee block printed at the foot, line by line. */
  readonly addresseeBlock: LocalizedLines;
  /** What the sender has the honour to do, without the final full stop. */
  readonly purpose: SomeLocalized;
  readonly openingContinuation?: SomeLocalized;
  /** Further paragraphs. */
  readonly body?: LocalizedLines;
  readonly enclosures: readonly Enclosure[];
}

interface NoteEventBase<T extends string, D> {
  readonly type: T;
  readonly at: string;
  readonly actor: Actor;
  readonly data: D;
}

/** The registry is (re)configured; its counters never move back, so no number is given twice. */
export type NoteRegistryConfigured = NoteEventBase<'note-registry.configured', { readonly config: NoteRegistryConfig }>;
export type NoteDrafted = NoteEventBase<'note.drafted', { readonly noteId: string; readonly content: NoteContent }>;
/** A draft's content replaced as a whole (a typo fixed, a date moved); an issued note is never changed: a new note is drafted instead. */
export type NoteRevised = NoteEventBase<'note.revised', { readonly noteId: string; readonly content: NoteContent }>;
/** The note takes the registry's next number, exactly the one `nextNumber` gives at that point of the log. */
export type NoteIssued = NoteEventBase<'note.issued', { readonly noteId: string; readonly number: number; readonly year: number; readonly formatted: string }>;
/** The note goes to these delegations (the addressees as resolved at that moment). */
export type NoteCirculated = NoteEventBase<'note.circulated', { readonly noteId: string; readonly to: readonly string[] }>;

export type NoteEvent = NoteRegistryConfigured | NoteDrafted | NoteRevised | NoteIssued | NoteCirculated;
