/**
 * A Word file written in a bracket notation, as the plain text the notation's importer
 * reads: one paragraph per Word paragraph with a blank line between, Word's numbering as
 * the label it shows, strike-through as `~~ ~~` (the CICA notation's chair's deletion), each
 * footnote reference as a superscript marker and the footnote's text as a paragraph
 * `⁵ text` after the paragraph that references it — as the seed draft writes them. So a
 * Word file goes through the SAME importer as plain text, with the same warnings; `locate`
 * turns a warning's line into where it is in the Word file.
 *
 * Tracked changes are read as the text now stands: insertions in, deletions out (importing
 * them as proposals is tracked-changes.ts's job).
 */
import { superscript } from '../views/footnote-markers.ts';
import { TITLE_BLOCK_STYLE, type WordDocument, type WordRun } from './word-document.ts';

/** Where a line of the text came from in the Word file. */
export interface WordLocation {
  /** The body paragraph (1-based), or for a footnote's text the paragraph that references it. */
  readonly paragraph: number;
  /** The footnote's number, when the line is a footnote's text. */
  readonly footnote?: number;
}

export interface WordDraftText {
  readonly text: string;
  /** Location of each line of `text` (index 0 is line 1). */
  readonly lines: readonly WordLocation[];
}

export function wordDraftText(document: WordDocument): WordDraftText {
  const blocks: { text: string; at: WordLocation }[] = [];
  const numbers = new Map<string, number>();
  for (const paragraph of document.paragraphs) {
    if (paragraph.style === TITLE_BLOCK_STYLE || paragraph.mark?.kind === 'del') continue;
    const referenced: string[] = [];
    const text = (paragraph.label === null ? '' : paragraph.label + ' ') + runsText(paragraph.runs, (id) => {
      if (!numbers.has(id)) {
        numbers.set(id, numbers.size + 1);
        referenced.push(id);
      }
      return superscript(numbers.get(id)!);
    });
    if (text.trim() === '') continue;
    blocks.push({ text, at: { paragraph: paragraph.index } });
    for (const id of referenced) {
      const footnote = document.footnotes.get(id) ?? [];
      const words = footnote.map((p) => runsText(p.runs, () => '')).join(' ').trim();
      blocks.push({ text: `${superscript(numbers.get(id)!)} ${words}`, at: { paragraph: paragraph.index, footnote: numbers.get(id)! } });
    }
  }
  const lines: WordLocation[] = [];
  blocks.forEach((block, index) => {
    if (index > 0) lines.push(block.at); // the blank line before it
    for (let n = block.text.split('\n').length; n > 0; n--) lines.push(block.at);
  });
  return { text: blocks.map((block) => block.text).join('\n\n') + '\n', lines };
}

/** Where line `line` (1-based) of a {@link wordDraftText} came from. */
export function locate(text: WordDraftText, line: number): WordLocation {
  return text.lines[Math.max(0, Math.min(text.lines.length - 1, line - 1))] ?? { paragraph: 1 };
}

/** The words as they now stand, struck runs between `~~`, footnote references as `marker(id)`. */
function runsText(runs: readonly WordRun[], marker: (id: string) => string): string {
  let out = '';
  let striking = false;
  for (const run of runs) {
    if (run.change?.kind === 'del') continue;
    const strike = Boolean(run.strike) && !run.lineBreak && run.footnote === undefined;
    if (strike !== striking && (run.text !== '' || !strike)) {
      out += '~~';
      striking = strike;
    }
    if (run.lineBreak) out += '\n';
    else if (run.footnote !== undefined) out += marker(run.footnote);
    else out += run.text;
  }
  if (striking) out += '~~';
  return out;
}

