/**
 * The soak: live clients on one document while delegates write at a steady rate, against one
 * or several server processes started as an operator starts them (main.ts, one database).
 * Used by bench/soak.bench.ts (long) and soak-short.test.ts (short, in CI).
 *
 * - Delegates: `writers` users created by the secretariat (delegations of the demo
 *   organisation in turn), each signed in from its own loopback address, each writing through
 *   server process i mod P; writes alternate a proposal (a remark) and a position on another
 *   delegation's latest proposal, `perSecond` writes a second in all.
 * - Clients: `clients` SSE streams of the document, spread over the server processes and over
 *   `clientProcesses` child processes (sse-load-clients.ts); viewers are the demo users.
 * - Measured: the delay of each change at each client, from the moment its write was sent and
 *   from the moment it was acknowledged; every change must reach every client, in order,
 *   once; writes must all succeed; server RSS sampled each second, and the heap in use after
 *   each major collection (live-heap.ts), which tells a leak from a heap that grew its reserve.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEMO_DOCUMENT_ID, DEMO_ORGANISATION_ID } from '../seed/demo.ts';
import { createPostgresDatabase } from '../test-support/databases.ts';
import { startServer, type ServerProcess } from '../test-support/server-process.ts';
import { loopbackAddress, requestJson, signIn, type Session } from './http-json.ts';
import { LatencyHistogram, monotonicMs } from './latency-histogram.ts';
import { RssSampler, type MemoryFigures } from './rss-sampler.ts';
import { HEAP_PROBE_OPTIONS, liveHeapFigures, type LiveHeapFigures } from './live-heap.ts';
import type { ClientsReport, FromClients, ToClients } from './sse-load-clients.ts';
import { atSteadyRate } from './steady-rate.ts';

export interface SoakOptions {
  readonly clients: number;
  readonly writers: number;
  readonly seconds: number;
  /** Writes a second, all delegates together. */
  readonly perSecond: number;
  readonly processes: number;
  readonly clientProcesses: number;
  /** An admin URL of Postgres (a database is created and dropped); null: PGlite, one process only. */
  readonly adminDatabaseUrl: string | null;
  readonly entry: 'source' | 'bundle';
  readonly warmupSeconds: number;
  /** Node options of the server processes (say `--trace-gc`, `--heapsnapshot-signal=SIGUSR2`), for diagnosis. */
  readonly serverNodeOptions?: readonly string[];
  /** Progress lines (JSON) while it runs; the result is returned, not printed. */
  readonly log?: (line: Record<string, unknown>) => void;
}

export interface SoakResult {
  readonly database: 'postgres' | 'pglite';
  readonly processes: number;
  readonly clients: number;
  readonly clientProcesses: number;
  readonly writers: number;
  readonly seconds: number;
  readonly writesSent: number;
  readonly writesAcknowledged: number;
  readonly writeErrors: number;
  readonly writesPerSecond: number;
  readonly deliveriesPerSecond: number;
  readonly writeLatency: ReturnType<LatencyHistogram['summary']>;
  /** Receipt at a client − the moment the write was sent. */
  readonly deliveryFromSend: ReturnType<LatencyHistogram['summary']>;
  /** Receipt at a client − the moment the write's 201 arrived (0 when the change came first). */
  readonly deliveryFromAck: ReturnType<LatencyHistogram['summary']>;
  readonly expectedDeliveries: number;
  readonly deliveries: number;
  readonly missing: number;
  readonly gaps: number;
  readonly duplicates: number;
  readonly streamsEnded: number;
  readonly connectFailures: number;
  /** Everything that counts as an error: write failures, connect failures, ended streams, gaps, missing deliveries. */
  readonly errors: number;
  readonly errorSamples: string[];
  /** The first lines the servers logged at error level. */
  readonly serverErrors: string[];
  /** Per server: RSS sampled each second, and the heap in use after each major collection (heap-probe.mjs). */
  readonly memory: (MemoryFigures & { readonly heap: LiveHeapFigures | null })[];
  readonly clientCpuPct: number[];
  readonly clientLoopDelayP99Ms: number[];
  readonly schedulerMaxLateMs: number;
}

const VIEWERS = ['chair', 'secretariat', 'isr', 'ind', 'chn', 'rus', 'tha', 'tur', 'kaz'];
const STANCES = ['supports', 'objects', 'reserves'] as const;


function spawnClients(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sse-load-clients.ts')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function nextMessage<T extends FromClients['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<FromClients, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client process sent no ${type} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: FromClients): void => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as Extract<FromClients, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)));
  });
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  if (options.processes > 1 && options.adminDatabaseUrl === null) throw new Error('several server processes need Postgres (an admin database URL)');
  const servers: ServerProcess[] = [];
  const children: ChildProcess[] = [];
  const dataDir = options.adminDatabaseUrl === null ? mkdtempSync(join(tmpdir(), 'parley-soak-')) : null;
  const database = options.adminDatabaseUrl === null ? null : await createPostgresDatabase(options.adminDatabaseUrl, 'parley_soak');
  const env: Record<string, string> = database ? { DATABASE_URL: database.url } : { PARLEY_DATA_DIR: dataDir! };
  const probeDir = mkdtempSync(join(tmpdir(), 'parley-heap-'));
  const probeFile = (i: number): string => join(probeDir, `server-${i}.jsonl`);
  const nodeOptions = [...HEAP_PROBE_OPTIONS, ...(options.serverNodeOptions ?? [])];
  const start = (i: number): Promise<ServerProcess> => startServer({ ...env, PARLEY_HEAP_PROBE_FILE: probeFile(i) }, 90_000, options.entry, nodeOptions);
  try {
    // The first process migrates and creates the demo; the others start on the same database after it.
    servers.push(await start(0));
    const passwords = servers[0]!.passwords;
    for (let i = 1; i < options.processes; i += 1) servers.push(await start(i));
    log({ phase: 'servers started', processes: servers.length, pids: servers.map((s) => s.child.pid) });

    // Delegates: users of the demo organisation, created by the secretariat.
    let address = 0;
    const first = servers[0]!.base;
    const secretariat = await signIn(first, 'secretariat', passwords.secretariat!, loopbackAddress(address++));
    const asSecretariat = { cookie: secretariat.cookie, 'x-csrf-token': secretariat.csrf };
    const delegations = (await requestJson(`${first}/api/organisations/${DEMO_ORGANISATION_ID}/delegations`, { headers: asSecretariat })).body as { code: string }[];
    const password = randomBytes(18).toString('base64url');
    const writers: { session: Session; delegation: string; base: string; agent: http.Agent; localAddress: string }[] = [];
    for (let i = 0; i < options.writers; i += 1) {
      const delegation = delegations[i % delegations.length]!.code;
      const username = `soak-${String(i).padStart(3, '0')}`;
      const created = await requestJson(`${first}/api/organisations/${DEMO_ORGANISATION_ID}/users`, {
        method: 'POST',
        headers: asSecretariat,
        body: { username, displayName: `Soak delegate ${i}`, role: 'delegate', delegation, password },
      });
      if (created.status !== 201) throw new Error(`creating ${username}: ${created.status} ${JSON.stringify(created.body)}`);
      const localAddress = loopbackAddress(address++);
      const base = servers[i % servers.length]!.base;
      writers.push({ session: await signIn(base, username, password, localAddress), delegation, base, agent: new http.Agent({ keepAlive: true }), localAddress });
    }
    const viewers = await Promise.all(VIEWERS.map((name, i) => signIn(servers[i % servers.length]!.base, name, passwords[name]!, loopbackAddress(address + i))));
    log({ phase: 'delegates signed in', writers: writers.length, viewers: viewers.length });

    // Clients, spread over the client processes and the server processes.
    const targets = Array.from({ length: options.clients }, (_, i) => ({
      url: `${servers[i % servers.length]!.base}/api/documents/${DEMO_DOCUMENT_ID}/live`,
      cookie: viewers[i % viewers.length]!.cookie,
    }));
    for (let i = 0; i < options.clientProcesses; i += 1) children.push(spawnClients());
    const opened = await Promise.all(
      children.map((child, c) => {
        const done = nextMessage(child, 'opened', 120_000);
        child.send({ type: 'open', targets: targets.filter((_, i) => i % children.length === c) } satisfies ToClients);
        return done;
      }),
    );
    const connectFailures = opened.reduce((n, o) => n + o.failed, 0);
    log({ phase: 'clients connected', connected: opened.reduce((n, o) => n + o.connected, 0), failed: connectFailures });

    // The writes, at a steady rate; each acknowledged version goes to every client process.
    const writeLatency = new LatencyHistogram();
    const errorSamples: string[] = opened.flatMap((o) => o.errors);
    const proposals: { id: string; delegation: string }[] = [];
    let writeErrors = 0;
    let acknowledged = 0;
    let lastVersion = 0;
    let versionsAcknowledged = 0;
    const inFlight = new Set<Promise<void>>();
    const write = async (k: number): Promise<void> => {
      const writer = writers[k % writers.length]!;
      const other = [...proposals].reverse().find((p) => p.delegation !== writer.delegation);
      const headers = { cookie: writer.session.cookie, 'x-csrf-token': writer.session.csrf };
      const position = k % 2 === 1 && other !== undefined;
      const sentAt = monotonicMs();
      try {
        const response = position
          ? await requestJson(`${writer.base}/api/documents/${DEMO_DOCUMENT_ID}/proposals/${other.id}/positions/${writer.delegation}`, {
              method: 'PUT',
              headers,
              body: { stance: STANCES[k % STANCES.length], reason: `Soak position ${k}` },
              agent: writer.agent,
              localAddress: writer.localAddress,
            })
          : await requestJson(`${writer.base}/api/documents/${DEMO_DOCUMENT_ID}/proposals`, {
              method: 'POST',
              headers,
              body: { kind: 'remark', text: `Soak remark ${k} of ${writer.delegation}.` },
              agent: writer.agent,
              localAddress: writer.localAddress,
            });
        const ackAt = monotonicMs();
        if (response.status !== 201) {
          writeErrors += 1;
          if (errorSamples.length < 20) errorSamples.push(`write ${k}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
          return;
        }
        acknowledged += 1;
        writeLatency.record(ackAt - sentAt);
        const body = response.body as { id: string | null; events: { version: number }[] };
        if (!position && body.id !== null) {
          proposals.push({ id: body.id, delegation: writer.delegation });
          if (proposals.length > 200) proposals.shift();
        }
        for (const { version } of body.events) {
          versionsAcknowledged += 1;
          lastVersion = Math.max(lastVersion, version);
          for (const child of children) child.send({ type: 'sent', version, sentAt, ackAt } satisfies ToClients);
        }
      } catch (error) {
        writeErrors += 1;
        if (errorSamples.length < 20) errorSamples.push(`write ${k}: ${(error as Error).message}`);
      }
    };
    const sampler = new RssSampler(
      servers.map((s) => s.child.pid!),
      1000,
    );
    const sampledFrom = Date.now();
    const startedAt = monotonicMs();
    let progressAt = startedAt;
    const schedule = await atSteadyRate(options.perSecond, options.seconds, (k) => {
      const promise = write(k).finally(() => inFlight.delete(promise));
      inFlight.add(promise);
      if (monotonicMs() - progressAt >= 60_000) {
        progressAt = monotonicMs();
        log({ phase: 'running', elapsedSeconds: Math.round((progressAt - startedAt) / 1000), acknowledged, writeErrors, rssMb: servers.map((s) => Math.round(sampler.latest(s.child.pid!))) });
      }
    });
    await Promise.all(inFlight);
    const elapsed = (monotonicMs() - startedAt) / 1000;
    const memory = sampler.stop(options.warmupSeconds * 1000).map((rss, i) => ({ ...rss, heap: liveHeapFigures(probeFile(i), sampledFrom, options.warmupSeconds * 1000) }));
    for (const server of servers) if (server.child.exitCode !== null || server.child.signalCode !== null) errorSamples.push(`server ${server.child.pid} exited`);
    // What the servers logged at error level (pino: "level":50 and up), so a 500 comes with its cause.
    const serverErrors = servers.flatMap((s) => s.output().split('\n').filter((line) => /"level":(50|60)/u.test(line)));

    const reports: ClientsReport[] = await Promise.all(
      children.map((child) => {
        const done = nextMessage(child, 'report', 120_000);
        child.send({ type: 'finish', version: lastVersion, timeoutMs: 30_000 } satisfies ToClients);
        return done;
      }),
    );
    const fromSend = new LatencyHistogram();
    const fromAck = new LatencyHistogram();
    for (const report of reports) {
      fromSend.merge(report.fromSend);
      fromAck.merge(report.fromAck);
      errorSamples.push(...report.errors);
    }
    const sum = (pick: (r: ClientsReport) => number): number => reports.reduce((n, r) => n + pick(r), 0);
    const connected = sum((r) => r.clients);
    const missing = sum((r) => r.missing);
    const gaps = sum((r) => r.gaps);
    const ended = sum((r) => r.ended);
    const totalSeconds = (monotonicMs() - startedAt) / 1000;
    return {
      database: database ? 'postgres' : 'pglite',
      processes: servers.length,
      clients: connected,
      clientProcesses: children.length,
      writers: writers.length,
      seconds: Math.round(elapsed),
      writesSent: schedule.ticks,
      writesAcknowledged: acknowledged,
      writeErrors,
      writesPerSecond: Math.round((acknowledged / elapsed) * 10) / 10,
      deliveriesPerSecond: Math.round(sum((r) => r.received) / elapsed),
      writeLatency: writeLatency.summary(),
      deliveryFromSend: fromSend.summary(),
      deliveryFromAck: fromAck.summary(),
      expectedDeliveries: connected * versionsAcknowledged,
      deliveries: sum((r) => r.received),
      missing,
      gaps,
      duplicates: sum((r) => r.duplicates),
      streamsEnded: ended,
      connectFailures,
      errors: writeErrors + connectFailures + ended + gaps + missing + sum((r) => r.duplicates),
      errorSamples: errorSamples.slice(0, 20),
      serverErrors: serverErrors.slice(0, 10).map((line) => line.slice(0, 2000)),
      memory,
      clientCpuPct: reports.map((r) => Math.round((r.cpuSeconds / totalSeconds) * 100)),
      clientLoopDelayP99Ms: reports.map((r) => r.loopDelayP99Ms),
      schedulerMaxLateMs: schedule.maxLateMs,
    };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    for (const server of servers) await server.kill('SIGKILL');
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    rmSync(probeDir, { recursive: true, force: true });
  }
}
