/**
 * A {@link RichDocument} written as a Word file with the `docx` library: the title block,
 * headings as Word headings, each run coloured by its delegation (the colour rule the
 * workspace uses), the chair's deletions struck through, footnotes as Word footnotes, and
 * page numbers in the footer. What the file says was decided in core (export-view.ts);
 * this only maps it onto Word's elements.
 *
 * The document's numbering stays the provisions' labels, written as text: labels such as
 * "2.2.x" or "PP2ter" are negotiated values that Word's automatic numbering would recount.
 */
import { AlignmentType, Document, FootnoteReferenceRun, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, UnderlineType, type ParagraphChild } from 'docx';
import type { RichDocument, RichParagraph, RichRun } from '../../core/export/rich-document.ts';
import { delegationColour } from '../../core/views/delegation-colour.ts';
import { TITLE_BLOCK_STYLE } from '../../core/word/word-document.ts';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
/** Words a comparison added: underlined in the colour the workspace gives additions. */
const INSERTED_COLOUR = '26734D';

export async function writeDocx(document: RichDocument): Promise<Buffer> {
  const footnoteNumbers = new Map<string, number>();
  document.footnotes.forEach((footnote, index) => footnoteNumbers.set(footnote.id, index + 1));
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const footnote of document.footnotes) {
    footnotes[String(footnoteNumbers.get(footnote.id))] = { children: [new Paragraph({ children: runs(footnote.runs, footnoteNumbers) })] };
  }
  const word = new Document({
    creator: 'Parley',
    title: document.title.document,
    description: document.title.view,
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 24 } } },
      // The title block has a style of its own, so that importing the file again leaves it out.
      paragraphStyles: [{ id: TITLE_BLOCK_STYLE, name: 'Parley title block', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } }],
    },
    footnotes,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [...titleBlock(document), ...document.paragraphs.map((paragraph) => wordParagraph(paragraph, footnoteNumbers))],
      },
    ],
  });
  return Packer.toBuffer(word);
}

function titleBlock(document: RichDocument): Paragraph[] {
  const { title } = document;
  const style = TITLE_BLOCK_STYLE;
  const block = [
    new Paragraph({ style, children: [new TextRun({ text: title.organisation, bold: true })] }),
    new Paragraph({ style, children: [new TextRun({ text: title.document, bold: true, size: 32 })] }),
    new Paragraph({ style, children: [new TextRun(`${title.revision} · ${title.date}`)] }),
    new Paragraph({ style, children: [new TextRun({ text: title.view, italics: true })] }),
  ];
  if (document.delegations.length > 0) {
    // The legend: colour is never the only signal — every bracket also names its delegation.
    const legend: TextRun[] = [new TextRun('Colours: ')];
    document.delegations.forEach((code, index) => {
      if (index > 0) legend.push(new TextRun(' '));
      legend.push(new TextRun({ text: code, color: colour(code), bold: true }));
    });
    block.push(new Paragraph({ style, children: legend }));
  }
  return block;
}

function wordParagraph(paragraph: RichParagraph, footnoteNumbers: ReadonlyMap<string, number>): Paragraph {
  const children = runs(paragraph.runs, footnoteNumbers);
  if (paragraph.role === 'heading') return new Paragraph({ heading: HEADINGS[Math.max(0, Math.min(2, paragraph.level - 1))], children });
  if (paragraph.role === 'connector') return new Paragraph({ alignment: AlignmentType.CENTER, children });
  return new Paragraph({ children });
}

function runs(list: readonly RichRun[], footnoteNumbers: ReadonlyMap<string, number>): ParagraphChild[] {
  return list.map((run) => {
    if (run.lineBreak) return new TextRun({ break: 1 });
    const number = run.footnote === undefined ? undefined : footnoteNumbers.get(run.footnote);
    if (number !== undefined) return new FootnoteReferenceRun(number);
    return new TextRun({
      text: run.text,
      ...(run.delegation !== undefined ? { color: colour(run.delegation) } : {}),
      ...(run.strike ? { strike: true } : {}),
      ...(run.inserted ? { underline: { type: UnderlineType.SINGLE }, color: INSERTED_COLOUR } : {}),
    });
  });
}

function colour(code: string): string {
  return delegationColour(code).slice(1).toUpperCase();
}
