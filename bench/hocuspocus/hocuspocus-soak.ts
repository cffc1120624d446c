/**
 * The soak's fan-out against Hocuspocus: the same number of clients (spread over the same
 * number of client processes), the same writers and rate, the same duration; delay measured
 * from the moment the writer made the change to its receipt at each client. Hocuspocus keeps
 * the document in memory (no database) and its writers are connected clients of the document
 * themselves, so it fans each change out to clients + writers − 1 sockets.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import * as Y from 'yjs';
import { LatencyHistogram, monotonicMs } from '../../src/server/load/latency-histogram.ts';
import { RssSampler, type MemoryFigures } from '../../src/server/load/rss-sampler.ts';
import { atSteadyRate } from '../../src/server/load/steady-rate.ts';
import { connectProvider } from './connect-provider.ts';
import type { FromPeerClients, ToPeerClients } from './peer-clients.ts';

export interface PeerSoakOptions {
  readonly clients: number;
  readonly writers: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly clientProcesses: number;
  readonly warmupSeconds: number;
  readonly log?: (line: Record<string, unknown>) => void;
}

function child(file: string, ipc: boolean): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, file)], { stdio: ['ignore', 'pipe', 'inherit', ...(ipc ? (['ipc'] as const) : [])] });
}

function next<T extends FromPeerClients['type']>(process: ChildProcess, type: T, timeoutMs: number): Promise<Extract<FromPeerClients, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`peer client process sent no ${type} within ${timeoutMs} ms`)), timeoutMs);
    process.on('message', (message: FromPeerClients) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      resolve(message as Extract<FromPeerClients, { type: T }>);
    });
  });
}

export async function runHocuspocusSoak(options: PeerSoakOptions): Promise<Record<string, unknown> & { deliveryFromSend: ReturnType<LatencyHistogram['summary']>; memory: MemoryFigures[]; errors: number }> {
  const log = options.log ?? (() => undefined);
  const server = child('peer-server.ts', false);
  const children: ChildProcess[] = [];
  const writers: HocuspocusProvider[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port));
      server.once('exit', (code) => reject(new Error(`Hocuspocus exited with ${code}`)));
    });
    const url = `ws://127.0.0.1:${port}`;
    for (let i = 0; i < options.clientProcesses; i += 1) children.push(child('peer-clients.ts', true));
    const opened = await Promise.all(
      children.map((c, i) => {
        const done = next(c, 'opened', 120_000);
        const count = Math.floor(options.clients / children.length) + (i < options.clients % children.length ? 1 : 0);
        c.send({ type: 'open', url, count } satisfies ToPeerClients);
        return done;
      }),
    );
    const documents: Y.Doc[] = [];
    await Promise.all(
      Array.from({ length: options.writers }, (_, i) => {
        const document = new Y.Doc();
        documents[i] = document;
        return connectProvider(url, document).then((provider) => {
          writers.push(provider);
        });
      }),
    );
    log({ phase: 'hocuspocus clients connected', connected: opened.reduce((n, o) => n + o.connected, 0), writers: writers.length });

    const sampler = new RssSampler([server.pid!], 1000);
    const startedAt = monotonicMs();
    const schedule = await atSteadyRate(options.perSecond, options.seconds, (k) => {
      const writer = k % documents.length;
      documents[writer]!.getMap<number>('latest').set(String(writer), monotonicMs());
    });
    const elapsed = (monotonicMs() - startedAt) / 1000;
    const memory = sampler.stop(options.warmupSeconds * 1000);
    const reports = await Promise.all(
      children.map((c) => {
        const done = next(c, 'report', 120_000);
        c.send({ type: 'finish', total: schedule.ticks, timeoutMs: 30_000 } satisfies ToPeerClients);
        return done;
      }),
    );
    const totalSeconds = (monotonicMs() - startedAt) / 1000;
    const fromSend = new LatencyHistogram();
    for (const report of reports) fromSend.merge(report.fromSend);
    const clients = reports.reduce((n, r) => n + r.clients, 0);
    const missing = reports.reduce((n, r) => n + r.missing, 0);
    return {
      peer: 'hocuspocus',
      clients,
      clientProcesses: children.length,
      writers: writers.length,
      seconds: Math.round(elapsed),
      writesSent: schedule.ticks,
      writesPerSecond: Math.round((schedule.ticks / elapsed) * 10) / 10,
      deliveriesPerSecond: Math.round(reports.reduce((n, r) => n + r.received, 0) / elapsed),
      deliveryFromSend: fromSend.summary(),
      expectedDeliveries: clients * schedule.ticks,
      deliveries: reports.reduce((n, r) => n + r.received, 0),
      missing,
      connectFailures: options.clients - clients,
      errors: missing + (options.clients - clients),
      memory,
      clientCpuPct: reports.map((r) => Math.round((r.cpuSeconds / totalSeconds) * 100)),
      clientLoopDelayP99Ms: reports.map((r) => r.loopDelayP99Ms),
      schedulerMaxLateMs: schedule.maxLateMs,
    };
  } finally {
    for (const writer of writers) writer.destroy();
    for (const c of children) c.kill('SIGKILL');
    server.kill('SIGKILL');
  }
}
