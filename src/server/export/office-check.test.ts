/**
 * The seed's compiled text checked by readers that are not Parley: LibreOffice converts
 * Parley's Word export to PDF, and poppler's pdftotext reads both that PDF and the PDF Parley
 * prints itself (Chromium). Both must show the text, the brackets with their delegations'
 * markers and the footnotes; in LibreOffice's, the footnotes are real Word footnotes, so each
 * sits at the foot of the page that refers to it. (The Word XML itself — w:footnoteReference,
 * w:footnote, w:strike — is checked in docx.test.ts.)
 *
 * LibreOffice is slow to start, so the file converts once. Without soffice, Chromium or
 * poppler-utils the checks are skipped with what to install, and fail under CI=true.
 */
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { importDraft } from '../../core/index.ts';
import { exportView } from '../../core/export/export-view.ts';
import { readSeed } from '../../../test/support/seed.ts';
import { closePrinter, printHtmlToPdf } from '../pdf/print-html.ts';
import { libreOfficePdf, pdfPages, SOFFICE_INSTALL } from '../test-support/libreoffice.ts';
import { CHROMIUM, hasCommand, skipWithout, skipWithoutPdfTools } from '../test-support/tools.ts';
import { writeDocx } from './docx-writer.ts';
import { PDF_FOOTER, writeHtml } from './html-writer.tsx';

const TITLE = { organisation: 'CICA', document: 'Catalogue of CICA CBMs', revision: 'Rev.1', date: '2021-05-28' };

/** Provisions, brackets with the markers of who proposes or opposes them, and the seed's three footnotes. */
const MUST_SHOW = [
  'Catalogue of CICA CBMs',
  '2.2.3 Promoting law enforcement cooperation and exchange of information on legal, judicial and criminal matters.',
  '2. Dimensions of [possible] (+ISR) cooperation',
  '2.2.2 [Taking] (-ISR) [Consider the adoption of] (+ISR) cooperative measures',
  '[and movement of foreign terrorist fighters (FTF)] (-IND) (+Turk)',
  '[manufacturing of and trafficking in firearms, their parts, components and ammunition] (-IND)',
  '[Exchanging information on the measures the Member States have taken to curb] (+Thai)',
];
const FOOTNOTES = ['Chair\'s proposal to create a new priority area.', 'Former p. 2.2.10 – Chair’s proposal.', 'Former p. 2.2.11 – Chair’s proposal.'];

/** Whitespace as one space; a hyphen at a line's end joined to the next line. */
const squash = (text: string): string => text.replace(/\s+/gu, ' ').replace(/- /gu, '-').trim();

const hasPoppler = (): boolean => hasCommand('pdftotext');

describe('the seed’s compiled text as Word, read by LibreOffice', () => {
  const { state } = importDraft(readSeed());
  const rich = exportView(state, { title: TITLE });
  let pages: string[] | null = null;

  beforeAll(async () => {
    if (!hasCommand('soffice') || !hasPoppler()) return;
    pages = pdfPages(await libreOfficePdf(new Uint8Array(await writeDocx(rich))));
  }, 180_000);

  function skipped(context: TestContext): boolean {
    return skipWithout(context, 'LibreOffice (soffice)', hasCommand('soffice'), SOFFICE_INSTALL) || skipWithout(context, 'pdftotext', hasPoppler(), 'apt-get install -y poppler-utils');
  }

  it('converts to a PDF that shows the text, the brackets with their delegations and the footnotes', (context) => {
    if (skipped(context)) return;
    const text = squash(pages!.join(' '));
    for (const words of [...MUST_SHOW, ...FOOTNOTES]) expect(text).toContain(words);
    expect(text).not.toContain('~~');
    expect(pages!.length).toBeGreaterThan(3);
  });

  it('puts each footnote at the foot of the page that refers to it, as Word footnotes are', (context) => {
    if (skipped(context)) return;
    const referring = pages!.findIndex((page) => squash(page).includes('communication technologies (ICTs);]1'));
    expect(referring).toBeGreaterThanOrEqual(0);
    const page = squash(pages![referring]!);
    // The footnote's text comes after the page's last provision, not after the whole document.
    expect(page.indexOf(FOOTNOTES[0]!)).toBeGreaterThan(page.indexOf('2.2.3 Promoting law enforcement cooperation'));
    expect(squash(pages!.at(-1)!)).not.toContain(FOOTNOTES[0]);
  });
});

describe('the seed’s compiled text as Parley’s own PDF, read by pdftotext', () => {
  afterAll(closePrinter);

  it('shows the same text, brackets with their delegations and footnotes as LibreOffice’s reading of the Word file', async (context) => {
    if (skipWithoutPdfTools(context)) return;
    const { state } = importDraft(readSeed());
    const pdf = await printHtmlToPdf(writeHtml(exportView(state, { title: TITLE })), { chromiumPath: CHROMIUM, footerTemplate: PDF_FOOTER });
    const text = squash(pdfPages(pdf).join(' '));
    for (const words of [...MUST_SHOW, ...FOOTNOTES]) expect(text).toContain(words);
  }, 60_000);
});
