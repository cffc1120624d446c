/**
 * Export benchmarks (issue 7): `npm run bench:export`. One JSON line per figure, each a median:
 *
 * 1. DOCX export of the seed's compiled view, from the document's state to the file's bytes
 *    (the view, then the docx library's package), next to pandoc making a .docx of the same
 *    content from Markdown in the same run (goal: ≤ 300 ms and not slower than pandoc).
 * 2. PDF export of the same view (the view, its HTML page, then Chromium's print), with the
 *    browser already running (the server keeps it between prints); the first print, which
 *    starts Chromium, is reported apart (goal ≤ 2 s).
 * 3. Ten delegations' tracked-change Word files of 50 pages each against one base text,
 *    merged into a new compilation by the service the import route calls, saved in PGlite
 *    (goal ≤ 5 s).
 *
 * BENCH_RUNS sets the runs of figures 1 and 2 (10 and 5 by default); the merge runs 5 times.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignedVersions, fold, importDraft, originalOf, tryApplyEvent } from '../src/core/index.ts';
import { exportView } from '../src/core/export/export-view.ts';
import { writeBilingualDocx } from '../src/server/export/bilingual-docx.ts';
import { writeDocx } from '../src/server/export/docx-writer.ts';
import { PDF_FOOTER, writeHtml } from '../src/server/export/html-writer.tsx';
import { closePrinter, printHtmlToPdf } from '../src/server/pdf/print-html.ts';
import { countsOf, importTrackedFiles } from '../src/server/services/document-files.ts';
import { openTestDatabase } from '../src/server/test-support/databases.ts';
import { makeTestApp, ORG } from '../src/server/test-support/fixtures.ts';
import { hasCommand } from '../src/server/test-support/tools.ts';
import { median, report } from './measure.ts';
import { pandocDocx, richToMarkdown } from './pandoc-peer.ts';
import { authorOf, DELEGATIONS, PROVISIONS, trackedMergeFiles } from './tracked-merge-files.ts';

const CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';
const TITLE = { organisation: 'CICA', document: 'Catalogue of CICA CBMs', revision: 'Rev.1', date: '2021-05-28' };
const seed = readFileSync(new URL('../fixtures/cica-draft-2021-05-28.txt', import.meta.url), 'utf8');
const { state, events: seedEvents } = importDraft(seed);
const RUNS = Number(process.env.BENCH_RUNS ?? 0);
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

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

report({ figure: 'load average at start', loadavg: load(), cores: cpus().length });

const docxRuns = RUNS || 10;
const docxMs = await timeAsync(docx, { warmup: 3, runs: docxRuns });
const peer: Record<string, unknown> = { peer: 'pandoc -f markdown -t docx (same content: headings, strike-through, a character style per delegation, footnotes)' };
if (hasCommand('pandoc')) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-pandoc-'));
  try {
    const markdown = join(dir, 'seed.md');
    writeFileSync(markdown, richToMarkdown(exportView(state, { title: TITLE })));
    peer.peer_bytes = (await pandocDocx(markdown)).length;
    peer.peer_median_ms = await timeAsync(() => pandocDocx(markdown), { warmup: 2, runs: docxRuns });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else peer.peer_skipped = 'pandoc is missing (apt-get install -y pandoc)';
report({ figure: 'DOCX export of the seed (compiled view)', bytes: (await docx()).length, runs: docxRuns, median_ms: docxMs, ...peer, goal_ms: 300, goal: 'not slower than the peer' });

if (existsSync(CHROMIUM)) {
  const started = performance.now();
  const first = await pdf();
  const coldMs = performance.now() - started;
  report({ figure: 'PDF export of the seed (compiled view), Chromium running', bytes: first.length, runs: RUNS || 5, median_ms: await timeAsync(pdf, { warmup: 1, runs: RUNS || 5 }), first_print_with_browser_start_ms: coldMs, goal_ms: 2000 });
  await closePrinter();
} else {
  report({ figure: 'PDF export of the seed (compiled view)', skipped: `no Chromium at ${CHROMIUM}`, goal_ms: 2000 });
}

// 3. The merge, through the service the import route calls, on a PGlite database of its own.
{
  const files = await trackedMergeFiles();
  const test = await openTestDatabase('pglite');
  try {
    const { app, ids } = await makeTestApp(test.database);
    const authors = Object.fromEntries(DELEGATIONS.map((code) => [authorOf(code), code]));
    let counts = {};
    const merge = async (): Promise<void> => {
      const { state: merged } = await importTrackedFiles(app.parley, { organisationId: ORG, files, authors, title: 'Merged compilation', actor: { user: ids.secretariat, delegation: null, role: 'secretariat' } });
      counts = countsOf(merged);
    };
    const mergeMs = await timeAsync(merge, { warmup: 1, runs: 5 });
    report({ figure: 'Merge of ten delegations’ tracked-change files, 50 pages each, saved (PGlite)', files: files.length, provisions: PROVISIONS, file_kb: Math.round(files[0]!.bytes.length / 1024), ...counts, runs: 5, median_ms: mergeMs, goal_ms: 5000 });
    await app.close();
  } finally {
    await test.dispose();
  }
}
// 4. Language versions: the seed with a Russian version of every provision and open proposal.
{
  const at = '2021-06-02T08:00:00.000Z';
  const actor = { user: 'bench', delegation: null, role: 'secretariat' as const };
  const bilingual = fold([...seedEvents, { type: 'document.languages.set', at, actor, data: { original: 'en', others: ['ru'] } }]);
  const targets = [
    ...[...bilingual.provisions.keys()].map((id) => ({ target: 'provision' as const, id })),
    ...[...bilingual.proposals.values()].filter((p) => p.status === 'open').map((p) => ({ target: 'proposal' as const, id: p.id })),
  ];
  let translated = 0;
  for (const { target, id } of targets) {
    const original = originalOf(bilingual, target, id);
    if (original === null || original.text.trim() === '') continue;
    // A stand-in for the translator's words (no square brackets: they mark proposals).
    const text = `RU: ${original.text.replace(/[[\]]/gu, '')}`;
    if (tryApplyEvent(bilingual, { type: 'translation.recorded', at, actor, data: { target, id, language: 'ru', text, original: original.text } }).ok) translated += 1;
  }
  const align = (): ReturnType<typeof alignedVersions> => alignedVersions(bilingual);
  const alignSamples: number[] = [];
  for (let i = 0; i < 3 + (RUNS || 20); i++) {
    const started = performance.now();
    align();
    if (i >= 3) alignSamples.push(performance.now() - started);
  }
  const bilingualDocx = (): Promise<Buffer> => writeBilingualDocx({ aligned: align(), languages: ['en', 'ru'], title: { ...TITLE, view: 'Language versions: en / ru' } });
  report({
    figure: 'Language versions of the seed (en / ru): alignment and the bilingual Word file',
    provisions: bilingual.provisions.size,
    open_proposals: targets.length - bilingual.provisions.size,
    russian_versions: translated,
    alignment_runs: alignSamples.length,
    alignment_median_ms: median(alignSamples),
    bilingual_docx_bytes: (await bilingualDocx()).length,
    bilingual_docx_runs: RUNS || 10,
    bilingual_docx_median_ms: await timeAsync(bilingualDocx, { warmup: 2, runs: RUNS || 10 }),
  });
}
report({ figure: 'load average at end', loadavg: load() });
