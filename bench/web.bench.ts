/**
 * Workspace benchmarks (`node --import tsx bench/web.bench.ts`): the server as `npm start`
 * runs it (the esbuild bundle, an empty PGlite data folder, the demo seeded), Debian's
 * Chromium at /usr/bin/chromium, loopback only. Prints one JSON line per figure.
 *
 * 1. JavaScript shipped for the document screen: every script the page loads, gzipped
 *    (goal ≤ 250 KB).
 * 2. Navigation to the seed document shown, and to a generated 200-page document shown
 *    (goal ≤ 1 s each): from navigation start (performance.now() = 0) to the first
 *    animation frame in which the text at the document's version fills the screen (its
 *    first paragraphs are in the page; the rest follow in slices), and to the frame in
 *    which every paragraph is in the page. Median of RUNS cold loads, each in a fresh
 *    browser context (no cache).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { packageRoot } from '../src/server/db/package-root.ts';
import { DEMO_DOCUMENT_ID, DEMO_ORGANISATION_ID } from '../src/server/seed/demo.ts';
import { httpLogin, startServer, type HttpSession } from '../src/server/test-support/server-process.ts';
import { generateDraft } from './generated-draft.ts';
import { median, report } from './measure.ts';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** A page of a negotiated text in 12-point type holds about 3,500 characters. */
const PAGE_CHARS = 3_500;

interface Shown {
  /** The screen is filled with text at the document's version. */
  readonly ms: number;
  /** Every paragraph is in the page. */
  readonly allMs: number;
  readonly provisions: number;
  readonly brackets: number;
}

async function timeToShown(browser: Browser, base: string, session: HttpSession, documentId: string, provisions: number, version: number): Promise<Shown> {
  const context = await browser.newContext();
  await context.addCookies([{ name: session.cookie.split('=')[0]!, value: session.cookie.split('=').slice(1).join('='), url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/documents/${encodeURIComponent(documentId)}`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    ({ provisions, version }) => {
      const main = document.querySelector('main[data-version]');
      if (main?.getAttribute('data-version') !== String(version)) return false;
      const w = window as unknown as { shownAt?: number };
      const count = main.querySelectorAll('[data-provision]').length;
      // The first slice the workspace draws is larger than what a screen holds.
      if (w.shownAt === undefined && count >= Math.min(provisions, 100)) w.shownAt = performance.now();
      return count >= provisions ? { ms: w.shownAt ?? performance.now(), allMs: performance.now(), provisions: count, brackets: main.querySelectorAll('.bracket').length } : false;
    },
    { provisions, version },
    { polling: 'raf', timeout: 60_000 },
  );
  const shown = (await handle.jsonValue()) as Shown;
  await context.close();
  return shown;
}

async function scriptBytes(browser: Browser, base: string, session: HttpSession, documentId: string): Promise<{ raw: number; gzip: number; files: number }> {
  const context = await browser.newContext();
  await context.addCookies([{ name: session.cookie.split('=')[0]!, value: session.cookie.split('=').slice(1).join('='), url: base }]);
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  await page.goto(`${base}/documents/${encodeURIComponent(documentId)}`, { waitUntil: 'networkidle' });
  const scripts = await Promise.all(bodies);
  await context.close();
  return { raw: scripts.reduce((n, b) => n + b.length, 0), gzip: scripts.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), files: scripts.length };
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is absent: apt-get install -y chromium`);
  const root = packageRoot();
  if (!existsSync(join(root, 'dist', 'web', 'index.html')) || !existsSync(join(root, 'dist', 'server', 'main.mjs'))) {
    throw new Error('build first: npm run bench:web builds the web app and the server bundle, then runs this');
  }
  const data = mkdtempSync(join(tmpdir(), 'parley-web-bench-'));
  const server = await startServer({ PARLEY_DATA_DIR: data }, 60_000, 'bundle');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const secretariat = await httpLogin(server.base, 'secretariat', server.passwords.secretariat!);
    const reader = await httpLogin(server.base, 'ind', server.passwords.ind!);
    const draft = generateDraft(200 * PAGE_CHARS);
    const created = await fetch(`${server.base}/api/organisations/${DEMO_ORGANISATION_ID}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: secretariat.cookie, 'x-csrf-token': secretariat.csrf },
      body: JSON.stringify({ title: 'Generated 200-page draft', text: draft }),
    });
    if (created.status !== 201) throw new Error(`import: ${created.status} ${await created.text()}`);
    const big = ((await created.json()) as { document: { id: string } }).document.id;

    const js = await scriptBytes(browser, server.base, reader, DEMO_DOCUMENT_ID);
    report({ figure: 'web.js_shipped_document_screen', kb_gzip: js.gzip / 1024, kb_raw: js.raw / 1024, files: js.files, goal_kb_gzip: 250 });

    for (const [name, id, pages] of [
      ['web.shown_seed_document', DEMO_DOCUMENT_ID, null],
      ['web.shown_200_page_document', big, 200],
    ] as const) {
      const detail = (await (await fetch(`${server.base}/api/documents/${id}`, { headers: { cookie: reader.cookie } })).json()) as { version: number };
      const provisions = ((await (await fetch(`${server.base}/api/documents/${id}/provisions`, { headers: { cookie: reader.cookie } })).json()) as unknown[]).length;
      await timeToShown(browser, server.base, reader, id, provisions, detail.version); // warm the server's caches
      const samples: Shown[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await timeToShown(browser, server.base, reader, id, provisions, detail.version));
      report({
        figure: name,
        median_ms: median(samples.map((s) => s.ms)),
        min_ms: Math.min(...samples.map((s) => s.ms)),
        max_ms: Math.max(...samples.map((s) => s.ms)),
        all_paragraphs_median_ms: median(samples.map((s) => s.allMs)),
        runs: RUNS,
        ...(pages ? { pages, kb: Buffer.byteLength(draft) / 1024 } : {}),
        provisions: samples[0]!.provisions,
        brackets: samples[0]!.brackets,
        goal_ms: 1000,
      });
    }
  } finally {
    await browser.close();
    await server.kill();
    rmSync(data, { recursive: true, force: true });
  }
}

await main();
