/**
 * Export benchmarks (issue 7): `npm run bench:export`. One JSON line per figure: the median
 * time to export the seed's compiled view, from the document's state to the file's bytes —
 * as Word (the view, then the docx library's package) and as PDF (the view, its HTML page,
 * then Chromium's print). The PDF figure is with the browser already running (the server
 * keeps it between prints); the first print, which starts Chromium, is reported apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { importDraft } from '../src/core/index.ts';
import { exportView } from '../src/core/export/export-view.ts';
import { writeDocx } from '../src/server/export/docx-writer.ts';
import { PDF_FOOTER, writeHtml } from '../src/server/export/html-writer.tsx';
import { closePrinter, printHtmlToPdf } from '../src/server/pdf/print-html.ts';
import { median, report } from './measure.ts';

const CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';
const TITLE = { organisation: 'CICA', document: 'Catalogue of CICA CBMs', revision: 'Rev.1', date: '2021-05-28' };
const seed = readFileSync(new URL('../fixtures/cica-draft-2021-05-28.txt', import.meta.url), 'utf8');
const { state } = importDraft(seed);

async function timeAsync(run: () => Promise<unknown>, { warmup, runs }: { warmup: number; runs: number }): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const docx = (): Promise<Buffer> => writeDocx(exportView(state, { title: TITLE }));
const pdf = (): Promise<Buffer> => printHtmlToPdf(writeHtml(exportView(state, { title: TITLE })), { chromiumPath: CHROMIUM, footerTemplate: PDF_FOOTER });

report({ figure: 'DOCX export of the seed (compiled view)', bytes: (await docx()).length, runs: 10, median_ms: await timeAsync(docx, { warmup: 3, runs: 10 }), goal_ms: 300 });

if (existsSync(CHROMIUM)) {
  const started = performance.now();
  const first = await pdf();
  const coldMs = performance.now() - started;
  report({ figure: 'PDF export of the seed (compiled view), Chromium running', bytes: first.length, runs: 5, median_ms: await timeAsync(pdf, { warmup: 1, runs: 5 }), first_print_with_browser_start_ms: coldMs, goal_ms: 2000 });
  await closePrinter();
} else {
  report({ figure: 'PDF export of the seed (compiled view)', skipped: `no Chromium at ${CHROMIUM}`, goal_ms: 2000 });
}
