/**
 * The seed's note verbale No. 17-1/298 as Parley prints it, checked from the outside: the PDF
 * (printed by Chromium from the one note HTML) read back with poppler's pdftotext, the DOCX
 * unzipped and its word/document.xml parsed. Every formula, the number, the place and date,
 * the letterhead and the addressee block of each language must be there, in the seed's order.
 *
 * Also writes docs/screenshots/note-verbale-17-1-298.png: the PDF's first page rendered by
 * poppler's pdftoppm. Without Chromium or poppler-utils the PDF test is skipped with a
 * message, and fails under CI=true (.ci/run installs both).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CICA_SECRETARIAT_NOTE, composeNote, LANGUAGES, SEED_NOTE_FIELDS, type ComposedNote } from '../../core/index.ts';
import { packageRoot } from '../db/package-root.ts';
import { printHtmlToPdf } from '../pdf/print-html.ts';
import { noteDocx } from './note-docx.ts';
import { noteHtml } from './note-html.tsx';
import { CHROMIUM, skipWithoutPdfTools } from '../test-support/tools.ts';

const SCREENSHOT = join(packageRoot(), 'docs', 'screenshots', 'note-verbale-17-1-298.png');
const notes = LANGUAGES.map((language) => composeNote(CICA_SECRETARIAT_NOTE, SEED_NOTE_FIELDS, language));
const TITLE = 'Note verbale No. 17-1/298 (2021-05-28)';

/** Every printed line of a note, in reading order: what the PDF and the DOCX must hold. */
function printedLines(note: ComposedNote): string[] {
  const enclosures = note.enclosures;
  return [
    ...note.letterhead,
    note.number,
    ...(note.enclosuresBeforeOpening ? enclosures : []),
    note.opening,
    ...note.body,
    ...(note.enclosuresBeforeOpening ? [] : enclosures),
    note.closing,
    note.placeAndDate,
    ...note.addressee,
  ];
}

/** Whitespace as one space; a hyphen at a line's end joined to the next line (Chromium breaks "государствам-членам" there). */
const squash = (text: string): string => text.replace(/\s+/gu, ' ').replace(/- /gu, '-').trim();

/** Each line found after the previous one. */
function expectInOrder(text: string, lines: readonly string[]): void {
  let from = 0;
  for (const line of lines) {
    const at = text.indexOf(squash(line), from);
    expect(at, `"${line}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + squash(line).length;
  }
}

describe("the seed's note verbale No. 17-1/298 as Parley prints it", () => {
  it('prints a PDF whose text has every formula, the number and the date of each language, one language a page', async (context) => {
    if (skipWithoutPdfTools(context)) return;
    const pdf = await printHtmlToPdf(noteHtml(notes, TITLE), { chromiumPath: CHROMIUM });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'parley-note-pdf-'));
    try {
      const file = join(dir, 'note.pdf');
      writeFileSync(file, pdf);
      const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
      expect(pages).toHaveLength(3);
      for (const [index, note] of notes.entries()) expectInOrder(squash(pages[index]!), printedLines(note));
      expect(squash(pages[2]!)).toContain('Нұр-Сұлтан қаласы, 2021 жылғы 28 мамыр');
      // The screenshot of the seed's note for the docs: the PDF's first page, as a viewer shows it.
      execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
      const png = readFileSync(join(dir, 'page.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      writeFileSync(SCREENSHOT, png);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('writes a DOCX whose document.xml has the same lines in the same order, a section per language', async () => {
    const docx = await noteDocx(notes, TITLE);
    const files = unzipSync(new Uint8Array(docx));
    const xml = strFromU8(files['word/document.xml']!);
    const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false }).parse(xml) as unknown[];
    const paragraphs: string[] = [];
    let sections = 0;
    // Walk the tree in document order: each w:p's w:t texts make one paragraph; each w:sectPr ends a section.
    const walk = (nodes: unknown, inParagraph: string[] | null): void => {
      if (!Array.isArray(nodes)) return;
      for (const node of nodes as Record<string, unknown>[]) {
        for (const [name, value] of Object.entries(node)) {
          if (name === ':@') continue;
          if (name === 'w:p') {
            const texts: string[] = [];
            walk(value, texts);
            paragraphs.push(texts.join(''));
          } else if (name === 'w:t' && inParagraph) {
            inParagraph.push((value as { '#text'?: string | number }[]).map((text) => String(text['#text'] ?? '')).join(''));
          } else {
            if (name === 'w:sectPr') sections += 1;
            walk(value, inParagraph);
          }
        }
      }
    };
    walk(parsed, null);
    expect(sections).toBe(3);
    const text = paragraphs.filter((p) => p !== '').join('\n');
    for (const note of notes) for (const line of printedLines(note)) expect(paragraphs, line).toContain(line);
    expectInOrder(squash(text), notes.flatMap(printedLines));
  });

  it('escapes what it prints in the HTML, including the title', () => {
    const html = noteHtml([{ ...notes[0]!, opening: '<b onclick="x">bold</b> & co' }], '</title><script>1</script>');
    expect(html).toContain('&lt;b onclick=&quot;x&quot;&gt;bold&lt;/b&gt; &amp; co');
    expect(html).not.toContain('<script>');
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
  });
});
