/**
 * What Parley takes from a Word file, read by src/server/import/docx-read.ts: the body's
 * paragraphs in order (tables and content controls flattened), each run's words and the
 * marks that carry meaning in a negotiated text — strike-through, a tracked insertion or
 * deletion and its author, a footnote reference — and the footnotes' own paragraphs.
 */
export interface TrackedMark {
  readonly kind: 'ins' | 'del';
  /** The author Word recorded (w:author): a person or a delegation, mapped to a delegation by the importer. */
  readonly author: string;
}

export interface WordRun {
  readonly text: string;
  readonly strike?: boolean;
  readonly change?: TrackedMark;
  /** A footnote reference: the footnote's w:id (the run's text is empty). */
  readonly footnote?: string;
  /** A line break inside the paragraph (w:br, w:cr). */
  readonly lineBreak?: boolean;
}

export interface WordParagraph {
  /** 1-based position among the body's paragraphs, as a person counts them in Word. */
  readonly index: number;
  /** The number Word's automatic numbering shows before it ("2.2.1."), or null. */
  readonly label: string | null;
  /** The paragraph style's id (w:pStyle), or null. */
  readonly style: string | null;
  readonly runs: readonly WordRun[];
  /** The paragraph mark itself is a tracked insertion or deletion (a whole new or removed paragraph). */
  readonly mark?: TrackedMark;
}

export interface WordDocument {
  readonly paragraphs: readonly WordParagraph[];
  /** Footnote w:id → its paragraphs. */
  readonly footnotes: ReadonlyMap<string, readonly WordParagraph[]>;
}

/** The style Parley's export gives its title block, so that importing the file again skips it. */
export const TITLE_BLOCK_STYLE = 'ParleyTitleBlock';
