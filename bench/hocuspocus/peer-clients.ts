/**
 * A child process holding many Hocuspocus clients (HocuspocusProvider over `ws`, one socket
 * each) of one Y.Doc; each writer sets its entry of the map `latest` to the moment it sent the change. Each client
 * records receipt − sent-at (the monotonic clock, shared by every process) per change, and
 * counts the changes it saw. Awareness is off: only the document's changes travel, as on
 * Parley's live stream.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { LatencyHistogram, monotonicMs } from '../../src/server/load/latency-histogram.ts';
import { connectProvider } from './connect-provider.ts';

export type ToPeerClients = { type: 'open'; url: string; count: number } | { type: 'finish'; total: number; timeoutMs: number };
export type FromPeerClients =
  | { type: 'opened'; connected: number }
  | { type: 'report'; clients: number; fromSend: ReturnType<LatencyHistogram['toJSON']>; received: number; missing: number; cpuSeconds: number; loopDelayP99Ms: number };

const fromSend = new LatencyHistogram();
const counts: number[] = [];
const providers: HocuspocusProvider[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function openOne(url: string, index: number): Promise<void> {
  const document = new Y.Doc();
  counts[index] = 0;
  // One entry per writer, overwritten by each of its changes: memory stays flat (old values are
  // collected), unlike an array of every change, which over 10 minutes would hold millions.
  const latest = document.getMap<number>('latest');
  latest.observe((event) => {
    const at = monotonicMs();
    for (const key of event.keysChanged as Set<string>) {
      fromSend.record(at - latest.get(key)!);
      counts[index]! += 1;
    }
  });
  return connectProvider(url, document).then((provider) => {
    providers.push(provider);
  });
}

async function onMessage(message: ToPeerClients): Promise<void> {
  if (message.type === 'open') {
    for (let i = 0; i < message.count; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, message.count - i) }, (_, j) => openOne(message.url, i + j)));
    }
    // The loop's delay is measured while changes flow, not while a thousand clients sync.
    loopDelay.reset();
    process.send!({ type: 'opened', connected: providers.length } satisfies FromPeerClients);
    return;
  }
  const deadline = monotonicMs() + message.timeoutMs;
  while (counts.some((n) => n < message.total) && monotonicMs() < deadline) await new Promise((r) => setTimeout(r, 20));
  const cpu = process.cpuUsage();
  process.send!({
    type: 'report',
    clients: providers.length,
    fromSend: fromSend.toJSON(),
    received: counts.reduce((a, b) => a + b, 0),
    missing: counts.reduce((n, c) => n + Math.max(0, message.total - c), 0),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    loopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e4) / 100,
  } satisfies FromPeerClients);
  for (const provider of providers) provider.destroy();
}

process.on('message', (message: ToPeerClients) => void onMessage(message));
process.on('disconnect', () => process.exit(0));
