/**
 * Load and soak (`npm run bench:soak`), loopback only, bounded in time, self-stopping; prints
 * JSON lines. Live clients (SSE) on one document while delegates write proposals and positions
 * at a steady rate, against 1, 2 or 4 server processes (`npm start`'s bundle) on one database;
 * then the same fan-out against Hocuspocus in the same run: same clients, client processes,
 * writers, rate and duration (src/server/load/soak.ts, bench/hocuspocus/).
 *
 * Goals: 0 errors, every change delivered to every client, p99 delivery ≤ 100 ms, server RSS
 * growing ≤ 10 % after warm-up and so the heap in use after major collections (the leak
 * figure, src/server/load/live-heap.ts), Parley's p99 not worse than Hocuspocus's.
 *
 * Knobs: SOAK_SECONDS (600), SOAK_CLIENTS (1000), SOAK_WRITERS (50), SOAK_RATE (writes a second
 * in all: 10), SOAK_PROCESSES (1 | 2 | 4), SOAK_CLIENT_PROCESSES (2), SOAK_WARMUP_SECONDS
 * (60, or a fifth of a shorter run), SOAK_PEER (hocuspocus | none), SOAK_PEER_SECONDS
 * (SOAK_SECONDS), SOAK_NODE_OPTIONS (options of the server processes' node, space-separated,
 * for diagnosis: `--trace-gc`, `--heapsnapshot-signal=SIGUSR2`, `--import ./memory-log.mjs`). Postgres: BENCH_DATABASE_URL or TEST_DATABASE_URL, an admin URL (the run
 * creates and drops its own database); without one, PGlite, for one process only.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/server/db/package-root.ts';
import { runSoak } from '../src/server/load/soak.ts';
import { runHocuspocusSoak } from './hocuspocus/hocuspocus-soak.ts';

const number = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const seconds = number('SOAK_SECONDS', 600);
const clients = number('SOAK_CLIENTS', 1000);
const writers = number('SOAK_WRITERS', 50);
const perSecond = number('SOAK_RATE', 10);
const processes = number('SOAK_PROCESSES', 1);
const clientProcesses = number('SOAK_CLIENT_PROCESSES', 2);
const warmupSeconds = number('SOAK_WARMUP_SECONDS', Math.min(60, Math.round(seconds / 5)));
const peer = process.env.SOAK_PEER ?? 'hocuspocus';
const peerSeconds = number('SOAK_PEER_SECONDS', seconds);
const serverNodeOptions = (process.env.SOAK_NODE_OPTIONS ?? '').split(' ').filter((option) => option !== '');
const adminDatabaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;

function print(figure: Record<string, unknown>): void {
  console.log(JSON.stringify(figure));
}

const load = (): number[] => loadavg().map((n) => Math.round(n * 100) / 100);
const entry = existsSync(join(packageRoot(), 'dist', 'server', 'main.mjs')) ? 'bundle' : 'source';
print({ figure: 'soak-setup', date: new Date().toISOString(), cpus: cpus().length, loadAverage: load(), entry, seconds, clients, writers, perSecond, processes, clientProcesses, warmupSeconds, peer, peerSeconds });

const parley = await runSoak({ clients, writers, seconds, perSecond, processes, clientProcesses, adminDatabaseUrl, entry, warmupSeconds, serverNodeOptions, log: (line) => print({ figure: 'soak-progress', ...line, loadAverage: load() }) });
const { memory, ...figures } = parley;
print({ figure: 'soak', ...figures, loadAverage: load() });
for (const process of memory) print({ figure: 'soak-server-rss', ...process });
const maxGrowthPct = Math.max(...memory.map((m) => m.maxGrowthPct));
const liveHeapGrowthPct = Math.max(...memory.map((m) => m.heap?.afterWarmup?.liveHeapMaxGrowthPct ?? Infinity));
const goals: Record<string, boolean> = {
  zeroErrors: parley.errors === 0,
  everyChangeToEveryClient: parley.deliveries === parley.expectedDeliveries && parley.missing === 0,
  p99FromSendAtMost100Ms: parley.deliveryFromSend.p99Ms <= 100,
  p99FromAckAtMost100Ms: parley.deliveryFromAck.p99Ms <= 100,
  memoryFlatWithin10Pct: maxGrowthPct <= 10,
  liveHeapFlatWithin10Pct: liveHeapGrowthPct <= 10,
};

if (peer === 'hocuspocus') {
  const theirs = await runHocuspocusSoak({ clients, writers, seconds: peerSeconds, perSecond, clientProcesses, warmupSeconds: Math.min(warmupSeconds, Math.round(peerSeconds / 5)), log: (line) => print({ figure: 'soak-progress', ...line, loadAverage: load() }) });
  const { memory: peerMemory, ...peerFigures } = theirs;
  print({ figure: 'soak-peer', ...peerFigures, loadAverage: load() });
  for (const process of peerMemory) print({ figure: 'soak-peer-rss', ...process });
  print({
    figure: 'soak-comparison',
    clients,
    perSecond,
    parleyP99FromSendMs: parley.deliveryFromSend.p99Ms,
    parleyP99FromAckMs: parley.deliveryFromAck.p99Ms,
    hocuspocusP99FromSendMs: theirs.deliveryFromSend.p99Ms,
    parleyP50FromSendMs: parley.deliveryFromSend.p50Ms,
    hocuspocusP50FromSendMs: theirs.deliveryFromSend.p50Ms,
  });
  goals.p99NotWorseThanHocuspocus = parley.deliveryFromSend.p99Ms <= theirs.deliveryFromSend.p99Ms;
}
print({ figure: 'soak-goals', ...goals, loadAverage: load() });
process.exit(Object.values(goals).every(Boolean) ? 0 : 1);
