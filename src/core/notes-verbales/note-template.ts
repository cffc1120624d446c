import type { Language } from '../meetings/languages.ts';

/**
 * The fixed wording of a note verbale in one language. Slots in braces are filled from the
 * note's fields; everything else is diplomatic form and is not the secretariat's to retype.
 */
export interface NoteFormulas {
  /** The letterhead, line by line (the seed's is bilingual: English and Russian). */
  readonly letterhead: readonly string[];
  /** Printed before the registry number: "№". */
  readonly numberPrefix: string;
  /** Slots {sender}, {addressee}, {purpose}. */
  readonly opening: string;
  /** Slots {senderShort}, {addressee}. */
  readonly closing: string;
  readonly enclosureLabel: string;
  readonly enclosuresLabel: string;
  /** One enclosure not named again ("as stated"); slot {pages}; "\n" separates printed lines. */
  readonly enclosureAsStated: string;
  /** A named enclosure; slots {title}, {pages}. */
  readonly enclosureItem: string;
  /** Slots {place}, {date}. */
  readonly placeAndDate: string;
  /** Where the enclosure block is printed: the seed's Russian and Kazakh texts put it under the number, its English text after the body. */
  readonly enclosuresBeforeOpening: boolean;
}

export interface NoteTemplate {
  readonly id: string;
  readonly formulas: Readonly<Record<Language, NoteFormulas>>;
}

const SECRETARIAT_LETTERHEAD = [
  'SECRETARIAT OF THE CONFERENCE ON INTERACTION',
  'AND CONFIDENCE BUILDING MEASURES IN ASIA',
  'СЕКРЕТАРИАТ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ',
  'И МЕРАМ ДОВЕРИЯ В АЗИИ',
];

/** The CICA Secretariat's note to member states, worded exactly as the seed (No. 17-1/298). */
export const CICA_SECRETARIAT_NOTE: NoteTemplate = {
  id: 'cica-secretariat-note',
  formulas: {
    en: {
      letterhead: SECRETARIAT_LETTERHEAD,
      numberPrefix: '№',
      opening: '{sender} presents its compliments to {addressee} and has the honour to {purpose}.',
      closing: '{senderShort} avails itself of this opportunity to renew to {addressee} the assurances of its highest consideration.',
      enclosureLabel: 'Enclosure:',
      enclosuresLabel: 'Enclosures:',
      enclosureAsStated: 'as stated, on {pages} p.',
      enclosureItem: '{title}, on {pages} p.',
      placeAndDate: '{place}, {date}',
      enclosuresBeforeOpening: false,
    },
    ru: {
      letterhead: SECRETARIAT_LETTERHEAD,
      numberPrefix: '№',
      opening: '{sender} свидетельствует свое уважение {addressee} и имеет честь {purpose}.',
      closing: '{senderShort} пользуется случаем, чтобы возобновить {addressee} уверения в своем весьма высоком уважении.',
      enclosureLabel: 'Приложение:',
      enclosuresLabel: 'Приложения:',
      enclosureAsStated: 'упомянутое,\nна {pages} л.',
      enclosureItem: '{title}, на {pages} л.',
      placeAndDate: 'город {place}, {date}',
      enclosuresBeforeOpening: true,
    },
    kk: {
      letterhead: SECRETARIAT_LETTERHEAD,
      numberPrefix: '№',
      // Kazakh puts the verb last: the purpose ("… жолдауды") comes before "өзіне мәртебе санайды".
      opening: '{sender} {addressee} өзінің зор ілтипатын білдіре отырып, {purpose} өзіне мәртебе санайды.',
      closing: '{senderShort} осы мүмкіндікті пайдалана отырып, {addressee} өзінің зор ілтипатын тағы да растайды.',
      enclosureLabel: 'Қосымша:',
      enclosuresLabel: 'Қосымшалар:',
      enclosureAsStated: 'аталған {pages} п.',
      enclosureItem: '{title}, {pages} п.',
      placeAndDate: '{place} қаласы, {date}',
      enclosuresBeforeOpening: true,
    },
  },
};
