/**
 * The PDF export, read back from the outside: the seed's views printed by Chromium from the
 * HTML writer's page, then read with poppler's pdftotext (the words, brackets, markers,
 * endnotes and page numbers) and pdfinfo (A4). A small draft in Russian and Kazakh checks
 * that Cyrillic and Kazakh letters come out as the same letters. The HTML itself is checked
 * too: real <del> for the chair's deletions, endnotes with back links, escaping.
 *
 * Without Chromium or poppler-utils the PDF tests are skipped with a message, and fail under
 * CI=true (.ci/run installs both).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDraft } from '../../core/index.ts';
import { exportView } from '../../core/export/export-view.ts';
import type { RichDocument } from '../../core/export/rich-document.ts';
import { delegationColour } from '../../core/views/delegation-colour.ts';
import { readSeed } from '../../../test/support/seed.ts';
import { closePrinter, printHtmlToPdf } from '../pdf/print-html.ts';
import { PDF_FOOTER, writeHtml } from './html-writer.tsx';
import { CHROMIUM, skipWithoutPdfTools } from '../test-support/tools.ts';

const TITLE = { organisation: 'CICA', document: 'Catalogue of CICA CBMs', revision: 'Rev.1', date: '2021-05-28' };

const CYRILLIC_DRAFT = [
  '1. Общие положения',
  '',
  '1.1 Государства-члены [обмениваются информацией] (+KAZ) о военной деятельности.',
  '',
  '1.2 Мүше мемлекеттер әскери қызмет туралы ақпарат алмасады: ә ғ қ ң ө ұ ү һ і.',
  '',
].join('\n');


/** Whitespace as one space; a hyphen at a line's end joined to the next line. */
const squash = (text: string): string => text.replace(/\s+/gu, ' ').replace(/- /gu, '-').trim();

/** The PDF of a view, with its pages' text (pdftotext) and pdfinfo's report. */
async function printed(rich: RichDocument): Promise<{ pages: string[]; info: string }> {
  const pdf = await printHtmlToPdf(writeHtml(rich), { chromiumPath: CHROMIUM, footerTemplate: PDF_FOOTER });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const dir = mkdtempSync(join(tmpdir(), 'parley-export-pdf-'));
  try {
    const file = join(dir, 'view.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { pages: text.split('\f').filter((page) => page.trim() !== ''), info };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every page's text ends with its "n / N" footer (pdftotext drops the spaces around the slash). */
function expectPageNumbers(pages: readonly string[]): void {
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((page, index) => expect(squash(page), `page ${index + 1}`).toMatch(new RegExp(`(^|\\s)${index + 1} ?/ ?${pages.length}$`, 'u')));
}

afterAll(closePrinter);

describe('the seed exported as PDF', () => {
  const { state } = importDraft(readSeed());

  it('compiled: the title block, provisions, coloured brackets with their markers, endnotes, page numbers, A4', async (context) => {
    if (skipWithoutPdfTools(context)) return;
    const { pages, info } = await printed(exportView(state, { title: TITLE }));
    const text = squash(pages.join(' '));
    expect(text).toContain('Catalogue of CICA CBMs');
    expect(text).toContain('Compiled text (CICA notation)');
    expect(text).toContain('2.2.3 Promoting law enforcement cooperation');
    expect(text).toContain('[Consider the adoption of] (+ISR)');
    expect(text).toContain('The Member States may take measures to strengthen cooperation in');
    expect(text).toContain('Former p. 2.2.10 – Chair’s proposal.');
    // The endnotes come after the body: the footnote's text follows the last provision's words.
    expect(text.lastIndexOf('Former p. 2.2.10')).toBeGreaterThan(text.indexOf('2.2.3 Promoting law enforcement cooperation'));
    expect(text).not.toContain('~~');
    expectPageNumbers(pages);
    expect(pages.length).toBeGreaterThan(1);
    // Chromium's A4 is 594.96 x 841.92 pts, which pdfinfo names A4 (595.28 x 841.89 is the exact size).
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/u);
  }, 60_000);

  it('as:IND: the text India wants, without brackets or markers, numbered pages', async (context) => {
    if (skipWithoutPdfTools(context)) return;
    const rich = exportView(state, { view: 'as:IND', title: TITLE });
    const { pages, info } = await printed(rich);
    const text = squash(pages.join(' '));
    expect(text).toContain('The text as India wants it');
    expect(text).toContain('2.2.3 Promoting law enforcement cooperation');
    expect(text).not.toContain('(+ISR)');
    expect(text).not.toContain('Former p. 2.2.10');
    expectPageNumbers(pages);
    expect(info).toContain('(A4)');
  }, 60_000);
});

describe('a draft in Russian and Kazakh exported as PDF', () => {
  it('prints Cyrillic and Kazakh letters that read back as the same letters', async (context) => {
    if (skipWithoutPdfTools(context)) return;
    const { state } = importDraft(CYRILLIC_DRAFT);
    const { pages } = await printed(exportView(state, { title: { ...TITLE, document: 'Каталог МДВ СВМДА' } }));
    const text = squash(pages.join(' '));
    expect(text).toContain('Каталог МДВ СВМДА');
    expect(text).toContain('1.1 Государства-члены [обмениваются информацией] (+KAZ) о военной деятельности.');
    expect(text).toContain('Мүше мемлекеттер әскери қызмет туралы ақпарат алмасады: ә ғ қ ң ө ұ ү һ і.');
    expectPageNumbers(pages);
  }, 60_000);
});

describe('the HTML page the PDF is printed from', () => {
  const { state } = importDraft(readSeed());
  const html = writeHtml(exportView(state, { title: TITLE }));

  it('is a page of its own: A4, fonts that cover Cyrillic and Kazakh, no script', () => {
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain('size: A4');
    expect(html).toContain("'DejaVu Serif'");
    expect(html).not.toContain('<script');
  });

  it('strikes the chair’s deletions with <del> and colours each marker with its delegation’s colour', () => {
    expect(html).toContain('<del>The Member States may take measures to strengthen cooperation in</del>');
    expect(html).toContain(`<span style="color:${delegationColour('ISR')}" data-delegation="ISR">(+ISR)</span>`);
  });

  it('puts the footnotes at the foot as endnotes, each linked to its reference and back', () => {
    const notes = html.indexOf('<section class="notes">');
    expect(notes).toBeGreaterThan(html.indexOf('</main>'));
    const first = /<sup class="ref" id="ref-1"><a href="#note-1">1<\/a><\/sup>/u;
    expect(html).toMatch(first);
    expect(html.slice(notes)).toContain('<li id="note-1" value="1"><a class="back" href="#ref-1"');
    expect(html.slice(notes)).toContain('Former p. 2.2.10 – Chair’s proposal.');
    expect(html.slice(0, notes)).not.toContain('Former p. 2.2.10');
  });

  it('escapes every word it prints, the title included', () => {
    const rich = exportView(importDraft('1. General\n\n1.1 The <b onclick="x">States</b> & co.\n').state, { title: { ...TITLE, document: '</title><script>1</script>' } });
    const page = writeHtml(rich);
    expect(page).toContain('&lt;b onclick=&quot;x&quot;&gt;States&lt;/b&gt; &amp; co.');
    expect(page).not.toContain('<script>');
  });

  it('numbers the pages in Chromium’s footer', () => {
    expect(PDF_FOOTER).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>');
  });
});
