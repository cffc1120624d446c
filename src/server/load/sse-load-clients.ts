/**
 * A child process holding many SSE clients of /api/documents/:id/live (run by soak.ts, one or
 * several per soak so that the clients' parsing is not the bottleneck on a small machine).
 * Each client keeps only what the soak checks: the last version it saw, gaps, duplicates,
 * whether its stream ended; delays go into histograms, so memory stays flat for hours.
 *
 * Delay of a change = receipt at the client − the moment the writer sent it (and − the moment
 * the write was acknowledged); the writer's times arrive by IPC, possibly after the change
 * itself, so receipts wait in `pending` until they do. All times: the monotonic clock, which
 * every process on the machine shares.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LatencyHistogram, monotonicMs } from './latency-histogram.ts';

export type ToClients =
  | { type: 'open'; targets: { url: string; cookie: string }[] }
  | { type: 'sent'; version: number; sentAt: number; ackAt: number }
  | { type: 'finish'; version: number; timeoutMs: number };

export interface ClientsReport {
  type: 'report';
  clients: number;
  fromSend: ReturnType<LatencyHistogram['toJSON']>;
  fromAck: ReturnType<LatencyHistogram['toJSON']>;
  received: number;
  gaps: number;
  duplicates: number;
  ended: number;
  /** Versions up to the final one that some client never received. */
  missing: number;
  cpuSeconds: number;
  loopDelayP99Ms: number;
  errors: string[];
}

export type FromClients = { type: 'opened'; connected: number; failed: number; errors: string[] } | ClientsReport;

interface Client {
  last: number;
  request: http.ClientRequest;
}

const clients: Client[] = [];
const fromSend = new LatencyHistogram();
const fromAck = new LatencyHistogram();
/** The writer's times of recent versions; receipts of versions not known yet wait in pending. */
const times = new Map<number, { sentAt: number; ackAt: number }>();
const pending = new Map<number, number[]>();
const errors: string[] = [];
let received = 0;
let gaps = 0;
let duplicates = 0;
let ended = 0;
let stopping = false;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function send(message: FromClients): void {
  process.send!(message);
}

function noteError(text: string): void {
  if (errors.length < 20) errors.push(text);
}

function receipt(client: Client, version: number, at: number): void {
  if (version <= client.last) {
    duplicates += 1;
    return;
  }
  if (client.last >= 0 && version !== client.last + 1) gaps += version - client.last - 1;
  client.last = version;
  received += 1;
  const known = times.get(version);
  if (known) {
    fromSend.record(at - known.sentAt);
    fromAck.record(at - known.ackAt);
  } else {
    const list = pending.get(version);
    if (list) list.push(at);
    else pending.set(version, [at]);
  }
}

function open(url: string, cookie: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client: Client = { last: -1, request: undefined as unknown as http.ClientRequest };
    client.request = http.get(url, { headers: { accept: 'text/event-stream', cookie }, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`live stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const at = monotonicMs();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith('id: ')) continue; // retry:, keep-alive comments, meeting states
          const newline = block.indexOf('\n');
          const version = Number(block.slice(4, newline));
          if (block.startsWith('event: hello', newline + 1)) {
            client.last = version;
            resolve(client);
          } else receipt(client, version, at);
        }
      });
      response.on('close', () => {
        if (stopping) return;
        if (client.last < 0) reject(new Error('a live stream ended before its hello'));
        ended += 1;
        noteError(`a live stream ended at version ${client.last}`);
      });
    });
    client.request.on('error', (error) => {
      if (stopping) return;
      noteError(`live stream: ${error.message}`);
      reject(error);
    });
  });
}

async function openAll(targets: { url: string; cookie: string }[]): Promise<void> {
  let failed = 0;
  // In batches, so that the server is not asked to accept a thousand connections in one tick.
  for (let i = 0; i < targets.length; i += 50) {
    const batch = await Promise.allSettled(targets.slice(i, i + 50).map((t) => open(t.url, t.cookie)));
    for (const result of batch) {
      if (result.status === 'fulfilled') clients.push(result.value);
      else {
        failed += 1;
        noteError(String(result.reason));
      }
    }
  }
  send({ type: 'opened', connected: clients.length, failed, errors: [...errors] });
}

function sent(version: number, sentAt: number, ackAt: number): void {
  // The loop's delay is measured while changes flow, not while a thousand streams open.
  if (times.size === 0) loopDelay.reset();
  times.set(version, { sentAt, ackAt });
  times.delete(version - 20_000);
  const waiting = pending.get(version);
  if (!waiting) return;
  pending.delete(version);
  for (const at of waiting) {
    fromSend.record(at - sentAt);
    fromAck.record(at - ackAt);
  }
}

async function finish(version: number, timeoutMs: number): Promise<void> {
  const deadline = monotonicMs() + timeoutMs;
  while (clients.some((c) => c.last < version) && monotonicMs() < deadline) await new Promise((r) => setTimeout(r, 20));
  stopping = true;
  const missing = clients.reduce((n, c) => n + Math.max(0, version - c.last), 0);
  for (const client of clients) client.request.destroy();
  const cpu = process.cpuUsage();
  send({
    type: 'report',
    clients: clients.length,
    fromSend: fromSend.toJSON(),
    fromAck: fromAck.toJSON(),
    received,
    gaps,
    duplicates,
    ended,
    missing,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    loopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e4) / 100,
    errors: [...errors, ...(pending.size > 0 ? [`${pending.size} versions received but never sent by a writer`] : [])],
  });
}

process.on('message', (message: ToClients) => {
  if (message.type === 'open') void openAll(message.targets);
  else if (message.type === 'sent') sent(message.version, message.sentAt, message.ackAt);
  else void finish(message.version, message.timeoutMs);
});
process.on('disconnect', () => process.exit(0));
