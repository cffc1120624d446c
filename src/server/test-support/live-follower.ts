/**
 * A live client that behaves as the browser's EventSource does (src/web/live-document.ts
 * relies on it): when the stream ends or the server cannot be reached it connects again after
 * the retry delay, sending the last id it received as Last-Event-ID; a response other than
 * 200 would make a browser give up for good, so those are recorded for the test to refuse.
 */
import { openSse, type SseClient } from './sse.ts';

export interface LiveFollower {
  /** The document versions received, in order of arrival (hello excluded). */
  readonly versions: number[];
  /** The version the first connection started from (its hello). */
  readonly startedFrom: () => number | null;
  /** How many times a stream was opened (1 without faults). */
  readonly connections: () => number;
  /** performance.now() of each stream opened after the first. */
  readonly reconnectedAt: number[];
  /** Statuses of responses other than 200: an EventSource would stop there. */
  readonly refusals: number[];
  /** Resolves once every version up to `version` has arrived. */
  waitForVersion(version: number, timeoutMs: number): Promise<void>;
  close(): void;
}

export function followLive(url: string, headers: Record<string, string>, retryMs = 250): LiveFollower {
  const versions: number[] = [];
  const reconnectedAt: number[] = [];
  const refusals: number[] = [];
  let lastId: string | null = null;
  let startedFrom: number | null = null;
  let connections = 0;
  let closed = false;
  let current: SseClient | undefined;
  const waiters = new Set<() => void>();

  const connect = async (): Promise<void> => {
    while (!closed) {
      try {
        const client = await openSse(url, lastId === null ? headers : { ...headers, 'last-event-id': lastId }, (message) => {
          if (message.id !== null) lastId = message.id;
          if (message.event === 'hello' && startedFrom === null) startedFrom = Number(message.id);
          if (message.event === 'message' && message.id !== null) {
            versions.push(Number(message.id));
            for (const waiter of waiters) waiter();
          }
        });
        if (client.status !== 200) {
          refusals.push(client.status);
          client.close();
        } else {
          connections += 1;
          if (connections > 1) reconnectedAt.push(performance.now());
          current = client;
          await client.ended;
        }
      } catch {
        // Not reachable (the server is down): try again after the retry delay.
      }
      if (!closed) await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  void connect();

  return {
    versions,
    startedFrom: () => startedFrom,
    connections: () => connections,
    reconnectedAt,
    refusals,
    waitForVersion(version, timeoutMs) {
      const has = (): boolean => startedFrom !== null && Array.from({ length: version - startedFrom }, (_, i) => startedFrom! + 1 + i).every((v) => versions.includes(v));
      if (has()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!has()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const missing = startedFrom === null ? 'all' : Array.from({ length: version - startedFrom }, (_, i) => startedFrom! + 1 + i).filter((v) => !versions.includes(v)).slice(0, 20).join(', ');
          reject(new Error(`the live client did not receive every version up to ${version} within ${timeoutMs} ms; missing: ${missing}`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close() {
      closed = true;
      current?.close();
      for (const waiter of waiters) waiter();
    },
  };
}
