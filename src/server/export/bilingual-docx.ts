/**
 * A document's language versions as a Word file in columns, one per language, one table row
 * per provision and one per open proposal on it (core's alignedVersions decides what is
 * aligned with what; this only maps it onto Word's table with the `docx` library). A version
 * that is pending or outdated says so in words, in its column's language: a reader of a
 * printed copy must see that a column does not yet render the original.
 */
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { TitleBlock } from '../../core/export/rich-document.ts';
import type { AlignedVersions, LanguageCode, LanguageVersion } from '../../core/index.ts';
import { TITLE_BLOCK_STYLE } from '../../core/word/word-document.ts';

/** The status notes of a column, in that column's language (English for a language without its own). */
const STATUS_NOTES: Readonly<Record<string, { pending: string; outdated: string; proposal: string }>> = {
  en: { pending: 'Translation pending', outdated: 'Translation outdated: the original changed after it was translated', proposal: 'Proposal' },
  ru: { pending: 'Перевод ожидается', outdated: 'Перевод устарел: оригинал изменён после перевода', proposal: 'Предложение' },
  kk: { pending: 'Аударма күтілуде', outdated: 'Аударма ескірген: түпнұсқа аударылғаннан кейін өзгерді', proposal: 'Ұсыныс' },
};

export interface BilingualDocxInput {
  readonly aligned: AlignedVersions;
  /** The columns, in order; each must be one of the document's languages. */
  readonly languages: readonly LanguageCode[];
  readonly title: TitleBlock;
}

export async function writeBilingualDocx(input: BilingualDocxInput): Promise<Buffer> {
  const { aligned, languages, title } = input;
  const width = Math.floor(100 / languages.length);
  const cell = (children: Paragraph[]): TableCell => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children });
  const header = new TableRow({
    tableHeader: true,
    children: languages.map((language) => cell([new Paragraph({ children: [new TextRun({ text: nativeName(language), bold: true })] })])),
  });
  const rows: TableRow[] = [header];
  for (const provision of aligned.provisions) {
    rows.push(new TableRow({ cantSplit: true, children: languages.map((language) => cell(versionParagraphs(provision.label, provision.versions, language, provision.kind === 'heading'))) }));
    for (const proposal of provision.proposals) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: languages.map((language) => cell(versionParagraphs(`${notes(language).proposal} ${proposal.proponent ?? ''} (${proposal.id})`.trim(), proposal.versions, language, false, true))),
        }),
      );
    }
  }
  const word = new Document({
    creator: 'Parley',
    title: title.document,
    description: title.view,
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 22 } } },
      paragraphStyles: [{ id: TITLE_BLOCK_STYLE, name: 'Parley title block', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } }],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [
          new Paragraph({ style: TITLE_BLOCK_STYLE, children: [new TextRun({ text: title.organisation, bold: true })] }),
          new Paragraph({ style: TITLE_BLOCK_STYLE, children: [new TextRun({ text: title.document, bold: true, size: 32 })] }),
          new Paragraph({ style: TITLE_BLOCK_STYLE, children: [new TextRun(`${title.revision} · ${title.date}`)] }),
          new Paragraph({ style: TITLE_BLOCK_STYLE, children: [new TextRun({ text: title.view, italics: true })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: {
              top: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
              bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
              insideHorizontal: { style: BorderStyle.SINGLE, size: 2, color: 'CCCCCC' },
              insideVertical: { style: BorderStyle.SINGLE, size: 2, color: 'CCCCCC' },
              left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
              right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            },
            rows,
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(word);
}

function versionParagraphs(label: string | null, versions: readonly LanguageVersion[], language: LanguageCode, heading: boolean, proposal = false): Paragraph[] {
  const version = versions.find((v) => v.language === language);
  const prefix = label ? [new TextRun({ text: `${label} `, bold: true, italics: proposal })] : [];
  if (!version || version.status === 'pending') {
    return [new Paragraph({ children: [...prefix, new TextRun({ text: `(${notes(language).pending})`, italics: true, color: '8A5A00' })] })];
  }
  const text = new Paragraph({ children: [...prefix, new TextRun({ text: version.text ?? '', bold: heading })] });
  if (version.status !== 'outdated') return [text];
  return [text, new Paragraph({ children: [new TextRun({ text: `(${notes(language).outdated})`, italics: true, color: '8A5A00' })] })];
}

function notes(language: LanguageCode): { pending: string; outdated: string; proposal: string } {
  return STATUS_NOTES[language] ?? STATUS_NOTES['en']!;
}

/** "English", "Русский", "Қазақ тілі": each column headed in its own language. */
export function nativeName(language: LanguageCode): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
    return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  } catch {
    return language;
  }
}
