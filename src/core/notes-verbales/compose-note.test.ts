import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../meetings/languages.ts';
import { composeNote } from './compose-note.ts';
import { CICA_SECRETARIAT_NOTE } from './note-template.ts';
import { SEED_NOTE_FIELDS } from './seed-note.ts';

const seedLines = readFileSync(new URL('../../../fixtures/cica-draft-2021-05-28.txt', import.meta.url), 'utf8')
  .split('\n')
  .slice(0, 100)
  .map((line) => line.trim());

function seedHas(line: string): boolean {
  return seedLines.includes(line);
}

/** The seed writes the enclosure block in italics (*…*) and bold headings (**…**). */
function plain(line: string): string {
  return line.replace(/^\*+|\*+$/g, '');
}

describe("composeNote reproduces the seed's note No. 17-1/298", () => {
  it.each(LANGUAGES)('in %s: the opening and closing sentences exactly as the seed has them', (language) => {
    const note = composeNote(CICA_SECRETARIAT_NOTE, SEED_NOTE_FIELDS, language);
    expect(seedHas(note.opening)).toBe(true);
    expect(seedHas(note.closing)).toBe(true);
    expect(seedHas(note.placeAndDate)).toBe(true);
    expect(note.number).toBe('№17-1/298');
    expect(seedHas(note.number)).toBe(true);
  });

  it('uses the fixed formulas of each language', () => {
    const [en, ru, kk] = LANGUAGES.map((language) => composeNote(CICA_SECRETARIAT_NOTE, SEED_NOTE_FIELDS, language));
    expect(en?.opening).toMatch(/^The Secretariat .* presents its compliments to the CICA Member States and has the honour to forward /);
    expect(ru?.opening).toMatch(/ свидетельствует свое уважение государствам-членам СВМДА и имеет честь препроводить /);
    expect(kk?.opening).toMatch(/ өзінің зор ілтипатын білдіре отырып, .* өзіне мәртебе санайды\. Аталмыш отырыс /);
    expect(en?.closing).toBe('The Secretariat avails itself of this opportunity to renew to the CICA Member States the assurances of its highest consideration.');
  });

  it('writes the enclosure with its page count as the seed does, line by line', () => {
    const blocks = Object.fromEntries(LANGUAGES.map((language) => [language, composeNote(CICA_SECRETARIAT_NOTE, SEED_NOTE_FIELDS, language).enclosures]));
    expect(blocks).toEqual({
      en: ['Enclosure:', 'as stated, on 15 p.'],
      ru: ['Приложение:', 'упомянутое,', 'на 15 л.'],
      kk: ['Қосымша:', 'аталған 15 п.'],
    });
    for (const line of Object.values(blocks).flat()) expect(seedLines.map(plain)).toContain(line);
  });

  it('prints the bilingual letterhead and the addressee block of the seed', () => {
    const note = composeNote(CICA_SECRETARIAT_NOTE, SEED_NOTE_FIELDS, 'ru');
    for (const line of [...note.letterhead, ...note.addressee]) expect(seedLines.map(plain)).toContain(line);
  });

  it('lists several named enclosures with their pages', () => {
    const note = composeNote(
      CICA_SECRETARIAT_NOTE,
      {
        ...SEED_NOTE_FIELDS,
        enclosures: [
          { title: { en: 'Draft agenda', ru: 'Проект повестки дня', kk: 'Күн тәртібінің жобасы' }, pages: 1 },
          { title: { en: 'Draft Catalogue', ru: 'Проект Каталога', kk: 'Каталог жобасы' }, pages: 14 },
        ],
      },
      'en',
    );
    expect(note.enclosures).toEqual(['Enclosures:', 'Draft agenda, on 1 p.', 'Draft Catalogue, on 14 p.']);
  });

  it('says which field is missing or wrong', () => {
    expect(() => composeNote(CICA_SECRETARIAT_NOTE, { ...SEED_NOTE_FIELDS, purpose: { ...SEED_NOTE_FIELDS.purpose, kk: ' ' } }, 'kk')).toThrow(
      "The note's purpose is missing in kk.",
    );
    expect(() => composeNote(CICA_SECRETARIAT_NOTE, { ...SEED_NOTE_FIELDS, enclosures: [{ pages: 0 }] }, 'en')).toThrow(/page count/);
    expect(() => composeNote(CICA_SECRETARIAT_NOTE, { ...SEED_NOTE_FIELDS, date: '2021-02-30' }, 'en')).toThrow(/not a date/);
  });
});
