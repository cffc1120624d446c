/**
 * Word files for tests, made with the `docx` library as a delegation's Word would make them:
 * a base text, and the same text with tracked changes (w:ins / w:del with w:author) by
 * delegates of different delegations. Tests may use Node; this never runs in core.
 */
import { DeletedTextRun, Document, FootnoteReferenceRun, InsertedTextRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';

/** The base text every delegation edits: three provisions under a heading. */
export const BASE = [
  '2.2 New challenges and threats dimension',
  '2.2.1 Exchange of information on the measures taken by the Member States in combating trafficking in persons.',
  '2.2.2 The Member States shall take cooperative measures to combat terrorism.',
  '2.2.3 Promoting law enforcement cooperation.',
] as const;

export type Piece = string | { readonly ins: string; readonly by: string } | { readonly del: string; readonly by: string };

let changeId = 1;
const DATE = '2021-05-20T10:00:00Z';

function runs(pieces: readonly Piece[]): ParagraphChild[] {
  return pieces.map((piece) => {
    if (typeof piece === 'string') return new TextRun(piece);
    if ('ins' in piece) return new InsertedTextRun({ text: piece.ins, author: piece.by, date: DATE, id: changeId++ });
    return new DeletedTextRun({ text: piece.del, author: piece.by, date: DATE, id: changeId++ });
  });
}

/**
 * A Word file of the base text with some paragraphs edited: `edits[k]` replaces paragraph k
 * (0-based) by its pieces; `added` paragraphs (wholly inserted by an author) go at the end.
 * The base text is {@link BASE} unless another is given (the export bench's 50-page one).
 */
export async function trackedFile(
  edits: Readonly<Record<number, readonly Piece[]>>,
  added: readonly { text: string; by: string }[] = [],
  base: readonly string[] = BASE,
): Promise<Uint8Array> {
  const paragraphs = base.map((text, k) => new Paragraph({ children: runs(edits[k] ?? [text]) }));
  for (const paragraph of added) paragraphs.push(new Paragraph({ children: runs([{ ins: paragraph.text, by: paragraph.by }]) }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

/**
 * The Word file equivalent to {@link BRACKETED_TEXT}: bracket notation in the words, the chair's
 * deletion as real strike-through, a footnote as a real Word footnote.
 */
export async function bracketedFile(): Promise<Uint8Array> {
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph('Chair’s proposal.')] } },
    sections: [
      {
        children: [
          new Paragraph('2.2 New challenges and threats dimension'),
          new Paragraph({ children: [new TextRun('2.2.1 Exchange of information on '), new TextRun({ text: 'the measures taken', strike: true }), new TextRun(' [the measures taken] (+ISR) in combating trafficking.')] }),
          new Paragraph({ children: [new TextRun('2.2.2'), new FootnoteReferenceRun(1), new TextRun(' The Member States [shall] (-IND) [may] (+IND) take cooperative measures] to combat terrorism.')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The same draft as plain text, footnote text after its paragraph, as the seed writes it. */
export const BRACKETED_TEXT = [
  '2.2 New challenges and threats dimension',
  '',
  '2.2.1 Exchange of information on ~~the measures taken~~ [the measures taken] (+ISR) in combating trafficking.',
  '',
  '2.2.2¹ The Member States [shall] (-IND) [may] (+IND) take cooperative measures] to combat terrorism.',
  '',
  '¹ Chair’s proposal.',
  '',
].join('\n');
