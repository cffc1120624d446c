/**
 * A view of a document as a file format needs it, independent of any format: paragraphs
 * of styled runs, footnotes apart, and a title block. The DOCX writer (src/server/export)
 * only maps this model onto Word's elements, so everything decided about the content —
 * which words are whose, what is struck through, where a footnote is referenced — is
 * decided here, purely, and tested without opening a Word file.
 */

/** One run of words with the same look. */
export interface RichRun {
  readonly text: string;
  /** The delegation whose bracket or position this is: its colour (and 'CHAIR' for the chair). */
  readonly delegation?: string;
  /** The chair's deletion (the notation's `~~ ~~`), or words a comparison removed. */
  readonly strike?: boolean;
  /** Words a comparison added. */
  readonly inserted?: boolean;
  /** A line break inside the paragraph, where the draft broke a line without starting a paragraph. */
  readonly lineBreak?: boolean;
  /** A reference to the footnote with this id (the run's text is the marker as the text writes it). */
  readonly footnote?: string;
}

export type RichParagraphRole = 'heading' | 'provision' | 'connector' | 'other';

export interface RichParagraph {
  /** The provision the paragraph belongs to; null for what belongs to none. */
  readonly provisionId: string | null;
  readonly role: RichParagraphRole;
  /** For headings: 1 (a part) to 3, from the depth of the label. */
  readonly level: number;
  readonly runs: readonly RichRun[];
}

export interface RichFootnote {
  readonly id: string;
  /** The statement the footnote is. */
  readonly statementId: string;
  readonly runs: readonly RichRun[];
}

export interface TitleBlock {
  readonly organisation: string;
  readonly document: string;
  /** "Rev.2", or the version when no revision has been issued. */
  readonly revision: string;
  /** The view in words: "Compiled text (CICA notation)", "Agreed text", "As Thailand wants it", "Comparison …". */
  readonly view: string;
  /** The date printed, as the caller formats it (core has no clock). */
  readonly date: string;
}

export interface RichDocument {
  readonly title: TitleBlock;
  readonly paragraphs: readonly RichParagraph[];
  readonly footnotes: readonly RichFootnote[];
  /** The delegations that have a colour in this document, for a legend. */
  readonly delegations: readonly string[];
}

/** The words of runs, markers included: what a reader of the file sees. */
export function runsText(runs: readonly RichRun[]): string {
  return runs.map((run) => (run.lineBreak ? '\n' : run.text)).join('');
}
