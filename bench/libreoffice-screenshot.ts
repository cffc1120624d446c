/**
 * Regenerates docs/screenshots/compilation-libreoffice.png: the seed's compiled text as Parley
 * exports it to Word, as LibreOffice renders it. The Word file is converted to PDF with
 * `soffice --headless --convert-to pdf` (a private profile), and one page becomes a PNG with
 * `pdftoppm -png -r 80` — the first page whose text holds a delegation's marker, since the
 * seed's first pages are its covering note and agenda, which have no brackets.
 *
 *   npm run screenshot:libreoffice
 *
 * Needs libreoffice-writer-nogui and poppler-utils (both installed by .ci/run).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDraft } from '../src/core/index.ts';
import { exportView } from '../src/core/export/export-view.ts';
import { packageRoot } from '../src/server/db/package-root.ts';
import { writeDocx } from '../src/server/export/docx-writer.ts';
import { libreOfficePdf, pdfPagePng, pdfPages } from '../src/server/test-support/libreoffice.ts';
import { readSeed } from '../test/support/seed.ts';

const TITLE = { organisation: 'CICA', document: 'Catalogue of CICA CBMs', revision: 'Rev.1', date: '2021-05-28' };
const OUT = join(packageRoot(), 'docs', 'screenshots', 'compilation-libreoffice.png');
/** A position marker such as (+ISR) or (-IND): the page shows the coloured brackets. */
const MARKER = /\([+-][A-Z][A-Za-z]+\)/u;

const { state } = importDraft(readSeed());
const pdf = await libreOfficePdf(new Uint8Array(await writeDocx(exportView(state, { title: TITLE }))));
const page = pdfPages(pdf).findIndex((text) => (text.match(new RegExp(MARKER, 'gu')) ?? []).length >= 5) + 1;
if (page === 0) throw new Error('No page of LibreOffice’s PDF shows the delegations’ markers.');
const png = pdfPagePng(pdf, { page, dpi: 80 });
writeFileSync(OUT, png);
process.stdout.write(`Wrote ${OUT} (page ${page}, ${Math.round(png.length / 1024)} KB).\n`);
