/**
 * A note verbale as a Word document (the `docx` package writes the OOXML): the same parts in
 * the same order as the HTML that is printed to PDF (render/note-html.tsx), one section — one
 * page or more — per language. Times New Roman, which Word has everywhere and which covers
 * Cyrillic and Kazakh's letters.
 */
import { AlignmentType, convertMillimetersToTwip, Document, Packer, Paragraph, TextRun } from 'docx';
import type { ComposedNote } from '../../core/index.ts';

const FONT = 'Times New Roman';
/** Half-points: 12 pt. */
const SIZE = 24;
const LOCALE: Readonly<Record<ComposedNote['language'], string>> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

function run(text: string, note: ComposedNote, style: { bold?: boolean; italics?: boolean } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: SIZE, language: { value: LOCALE[note.language] }, ...style });
}

function lines(texts: readonly string[], note: ComposedNote, style: { bold?: boolean; italics?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph[] {
  const { alignment, ...runStyle } = style;
  return texts.map((text) => new Paragraph({ children: [run(text, note, runStyle)], ...(alignment ? { alignment } : {}) }));
}

const gap = (): Paragraph => new Paragraph({ children: [] });

function textParagraph(text: string, note: ComposedNote): Paragraph {
  return new Paragraph({ children: [run(text, note)], alignment: AlignmentType.JUSTIFIED, indent: { firstLine: convertMillimetersToTwip(12) }, spacing: { after: 120 } });
}

function enclosures(note: ComposedNote): Paragraph[] {
  return note.enclosures.length === 0 ? [] : [...lines(note.enclosures, note, { italics: true }), gap()];
}

function section(note: ComposedNote): Paragraph[] {
  return [
    ...lines(note.letterhead, note, { bold: true, alignment: AlignmentType.CENTER }),
    gap(),
    ...lines([note.number], note),
    gap(),
    ...(note.enclosuresBeforeOpening ? enclosures(note) : []),
    textParagraph(note.opening, note),
    ...note.body.map((paragraph) => textParagraph(paragraph, note)),
    ...(note.enclosuresBeforeOpening ? [] : enclosures(note)),
    textParagraph(note.closing, note),
    gap(),
    ...lines([note.placeAndDate], note, { alignment: AlignmentType.RIGHT }),
    gap(),
    ...lines(note.addressee, note, { bold: true }),
  ];
}

/** The .docx file of a note in one or several languages. */
export async function noteDocx(notes: readonly ComposedNote[], title: string): Promise<Buffer> {
  const margin = { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(25), right: convertMillimetersToTwip(18) };
  const document = new Document({
    title,
    creator: 'Parley',
    sections: notes.map((note) => ({
      properties: { page: { size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) }, margin } },
      children: section(note),
    })),
  });
  return Packer.toBuffer(document);
}
