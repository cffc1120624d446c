import type { Language, Localized } from '../meetings/languages.ts';
import { fillFormula } from './fill-formula.ts';
import { formatNoteDate } from './note-date.ts';
import type { NoteTemplate } from './note-template.ts';

export interface Enclosure {
  /** Omitted when the note's text already names it: printed "as stated". */
  readonly title?: Partial<Localized>;
  readonly pages: number;
}

/**
 * What the secretariat fills in. Names are given in each language in the grammatical form
 * the formulas need (Russian and Kazakh addressees in the dative: "государствам-членам СВМДА",
 * "АӨСШК мүше мемлекеттеріне"), because inflecting them is a translator's job, not code's.
 */
export interface NoteFields {
  /** The registry number as formatted: "17-1/298". */
  readonly number: string;
  /** "YYYY-MM-DD" */
  readonly date: string;
  readonly place: Localized;
  readonly sender: Localized;
  /** How the closing names the sender: "The Secretariat", "Секретариат", "Хатшылық". */
  readonly senderShort: Localized;
  readonly addressee: Localized;
  /** The addressee block printed on the note, line by line. */
  readonly addresseeBlock: Readonly<Record<Language, readonly string[]>>;
  /** What the sender has the honour to do, without the final full stop. */
  readonly purpose: Localized;
  /** Sentences that continue the opening paragraph (the seed's Kazakh text has one). */
  readonly openingContinuation?: Partial<Localized>;
  readonly body?: Partial<Readonly<Record<Language, readonly string[]>>>;
  readonly enclosures: readonly Enclosure[];
}

/** A note in one language, as paragraphs in the order they are printed. */
export interface ComposedNote {
  readonly language: Language;
  readonly letterhead: readonly string[];
  /** "№17-1/298" */
  readonly number: string;
  readonly opening: string;
  readonly body: readonly string[];
  /** The enclosure block, line by line; empty when nothing is enclosed. */
  readonly enclosures: readonly string[];
  /** Whether the enclosure block stands under the number (Russian, Kazakh) or after the body (English). */
  readonly enclosuresBeforeOpening: boolean;
  readonly closing: string;
  readonly placeAndDate: string;
  readonly addressee: readonly string[];
}

/** Composes the note in `language`. Throws a RangeError naming the field that is missing or wrong. */
export function composeNote(template: NoteTemplate, fields: NoteFields, language: Language): ComposedNote {
  const formulas = template.formulas[language];
  const text = (value: Localized, name: string): string => {
    const found = value[language]?.trim();
    if (!found) throw new RangeError(`The note's ${name} is missing in ${language}.`);
    return found;
  };
  if (!fields.number.trim()) throw new RangeError('The note needs its registry number.');
  const continuation = fields.openingContinuation?.[language]?.trim();
  const opening = fillFormula(formulas.opening, {
    sender: text(fields.sender, 'sender'),
    addressee: text(fields.addressee, 'addressee'),
    purpose: text(fields.purpose, 'purpose'),
  });
  return {
    language,
    letterhead: formulas.letterhead,
    number: `${formulas.numberPrefix}${fields.number.trim()}`,
    opening: continuation ? `${opening} ${continuation}` : opening,
    body: fields.body?.[language] ?? [],
    enclosures: enclosureLines(formulas, fields.enclosures, language),
    enclosuresBeforeOpening: formulas.enclosuresBeforeOpening,
    closing: fillFormula(formulas.closing, {
      senderShort: text(fields.senderShort, 'short sender name'),
      addressee: text(fields.addressee, 'addressee'),
    }),
    placeAndDate: fillFormula(formulas.placeAndDate, { place: text(fields.place, 'place'), date: formatNoteDate(fields.date, language) }),
    addressee: fields.addresseeBlock[language],
  };
}

function enclosureLines(formulas: NoteTemplate['formulas'][Language], enclosures: readonly Enclosure[], language: Language): string[] {
  for (const enclosure of enclosures) {
    if (!Number.isInteger(enclosure.pages) || enclosure.pages < 1) throw new RangeError(`An enclosure's page count must be a whole number of at least 1; got ${enclosure.pages}.`);
  }
  const [only] = enclosures;
  if (!only) return [];
  if (enclosures.length === 1 && !only.title) {
    return [formulas.enclosureLabel, ...fillFormula(formulas.enclosureAsStated, { pages: String(only.pages) }).split('\n')];
  }
  return [
    enclosures.length === 1 ? formulas.enclosureLabel : formulas.enclosuresLabel,
    ...enclosures.map((enclosure, index) => {
      const title = enclosure.title?.[language]?.trim();
      if (!title) throw new RangeError(`Enclosure ${index + 1} needs a title in ${language} when a note has several.`);
      return fillFormula(formulas.enclosureItem, { title, pages: String(enclosure.pages) });
    }),
  ];
}
