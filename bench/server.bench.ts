/**
 * Server benchmarks (`node --import tsx bench/server.bench.ts`), loopback only, bounded in
 * time. Prints one JSON line per figure; each figure is the median of RUNS runs.
 *
 * 1. Compiled view of the seed document, 100 connections: req/s and p99, next to
 *    @fastify/static serving the same bytes in the same run (goal ≥ 5,000 req/s, ≥ 0.5 of static).
 * 2. Proposals written per second on Postgres, and p99 (goal ≥ 1,000/s, p99 ≤ 50 ms).
 * 3. SSE fan-out of one event to 1,000 clients: p50/p99 delivery (goal p99 ≤ 100 ms).
 * 4. Server RSS with 1,000 clients connected (goal ≤ 250 MB).
 *
 * Postgres comes from BENCH_DATABASE_URL or TEST_DATABASE_URL (an admin URL: the bench
 * creates and drops its own database); without either, figures 2–4 run on PGlite only.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/server/db/package-root.ts';
import { DEMO_DOCUMENT_ID } from '../src/server/seed/demo.ts';
import { createPostgresDatabase } from '../src/server/test-support/databases.ts';
import { httpLogin, startServer, type ServerProcess } from '../src/server/test-support/server-process.ts';
import { openSse, type SseClient } from '../src/server/test-support/sse.ts';
import { median } from './measure.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 1000);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function print(figure: Record<string, unknown>): void {
  console.log(JSON.stringify(figure));
}

async function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: DURATION, connections: 100, ...options }, (error: Error | null, result) => (error ? reject(error) : resolve(result)));
  });
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(match?.[1] ?? 0) / 1024);
}

async function startStaticPeer(dir: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server-static-peer.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port)));
  return { port, stop: () => child.kill('SIGKILL') };
}

async function viewBenchmark(server: ServerProcess, password: string): Promise<void> {
  const session = await httpLogin(server.base, 'ind', password);
  const path = `/api/documents/${DEMO_DOCUMENT_ID}/views/compiled`;
  const body = await (await fetch(`${server.base}${path}`, { headers: { cookie: session.cookie } })).text();
  const dir = mkdtempSync(join(tmpdir(), 'parley-static-'));
  writeFileSync(join(dir, 'compiled.txt'), body);
  const peer = await startStaticPeer(dir);
  const parley: autocannon.Result[] = [];
  const statics: autocannon.Result[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      parley.push(await cannon({ url: `${server.base}${path}`, headers: { cookie: session.cookie } }));
      statics.push(await cannon({ url: `http://127.0.0.1:${peer.port}/compiled.txt` }));
    }
  } finally {
    peer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const ours = median(parley.map((r) => r.requests.average));
  const theirs = median(statics.map((r) => r.requests.average));
  print({
    figure: 'compiled-view',
    database: 'pglite',
    bytes: Buffer.byteLength(body),
    connections: 100,
    reqPerSec: Math.round(ours),
    p99Ms: median(parley.map((r) => r.latency.p99)),
    non2xx: parley.reduce((n, r) => n + r.non2xx, 0),
    staticReqPerSec: Math.round(theirs),
    staticP99Ms: median(statics.map((r) => r.latency.p99)),
    ratioToStatic: Number((ours / theirs).toFixed(2)),
  });
}

async function proposalBenchmark(server: ServerProcess, password: string, database: string): Promise<void> {
  const session = await httpLogin(server.base, 'ind', password);
  const runs: autocannon.Result[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    runs.push(
      await cannon({
        url: `${server.base}/api/documents/${DEMO_DOCUMENT_ID}/proposals`,
        method: 'POST',
        connections: 50,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'remark', text: 'A remark made under load.', about: null }),
      }),
    );
  }
  print({
    figure: 'proposals-written',
    database,
    connections: 50,
    perSec: Math.round(median(runs.map((r) => r.requests.average))),
    p99Ms: median(runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  });
}

async function fanOutBenchmark(server: ServerProcess, passwords: Record<string, string>, database: string): Promise<void> {
  const viewers = await Promise.all(['chair', 'isr', 'chn', 'rus', 'tha', 'tur', 'kaz', 'secretariat'].map((name) => httpLogin(server.base, name, passwords[name]!)));
  const writer = await httpLogin(server.base, 'ind', passwords.ind!);
  const rssBefore = rssMb(server.child.pid!);
  let sentAt = 0;
  let expected = -1;
  const delays: number[] = [];
  const clients: SseClient[] = [];
  for (let i = 0; i < CLIENTS; i += 50) {
    clients.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, CLIENTS - i) }, (_, j) =>
          openSse(`${server.base}/api/documents/${DEMO_DOCUMENT_ID}/live`, { cookie: viewers[(i + j) % viewers.length]!.cookie }, (message) => {
            if (message.event === 'message' && Number(message.id) === expected) delays.push(message.at - sentAt);
          }),
        ),
      )),
    );
  }
  await Promise.all(clients.map((c) => c.waitFor((m) => m.event === 'hello', 30_000)));
  await new Promise((r) => setTimeout(r, 500));
  const rssWith = rssMb(server.child.pid!);
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let run = 0; run < Math.max(RUNS, 5); run += 1) {
    delays.length = 0;
    const current = (await (await fetch(`${server.base}/api/documents/${DEMO_DOCUMENT_ID}`, { headers: { cookie: writer.cookie } })).json()) as { version: number };
    expected = current.version + 1;
    sentAt = performance.now();
    const response = await fetch(`${server.base}/api/documents/${DEMO_DOCUMENT_ID}/proposals`, {
      method: 'POST',
      headers: { cookie: writer.cookie, 'x-csrf-token': writer.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'remark', text: 'fan-out', about: null, expectedVersion: current.version }),
    });
    if (response.status !== 201) throw new Error(`proposal failed: ${response.status}`);
    const deadline = Date.now() + 10_000;
    while (delays.length < clients.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    if (delays.length < clients.length) throw new Error(`only ${delays.length} of ${clients.length} clients got the event`);
    p50s.push(percentile(delays, 50));
    p99s.push(percentile(delays, 99));
  }
  for (const client of clients) client.close();
  print({ figure: 'sse-fan-out', database, clients: clients.length, p50Ms: Number(median(p50s).toFixed(1)), p99Ms: Number(median(p99s).toFixed(1)), measuredFrom: 'POST sent' });
  print({ figure: 'server-rss', database, clients: clients.length, rssMb: rssWith, rssMbBeforeClients: rssBefore });
}

const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
// Measure what `npm start` runs: the esbuild bundle, when it has been built.
const ENTRY = existsSync(join(packageRoot(), 'dist', 'server', 'main.mjs')) ? 'bundle' : 'source';
print({ figure: 'server entry', entry: ENTRY });
const pglite = await startServer({ PARLEY_DATA_DIR: dataDir, PARLEY_LOG_LEVEL: 'warn' }, 60_000, ENTRY);
try {
  await viewBenchmark(pglite, pglite.passwords.ind!);
  await proposalBenchmark(pglite, pglite.passwords.ind!, 'pglite');
  await fanOutBenchmark(pglite, pglite.passwords, 'pglite');
} finally {
  await pglite.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (adminUrl) {
  process.env.TEST_DATABASE_URL = adminUrl;
  const { url, drop } = await createPostgresDatabase();
  const postgres = await startServer({ DATABASE_URL: url, PARLEY_LOG_LEVEL: 'warn' }, 60_000, ENTRY);
  try {
    await proposalBenchmark(postgres, postgres.passwords.ind!, 'postgres');
    await fanOutBenchmark(postgres, postgres.passwords, 'postgres');
  } finally {
    await postgres.kill('SIGKILL');
    await drop();
  }
} else {
  print({ figure: 'proposals-written', database: 'postgres', skipped: 'set BENCH_DATABASE_URL or TEST_DATABASE_URL' });
}
