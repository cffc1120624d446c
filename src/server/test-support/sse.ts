/** A small Server-Sent Events client for tests and the benchmark (Node 20 has no EventSource). */
import http from 'node:http';

export interface SseMessage {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
  /** performance.now() when the message arrived. */
  readonly at: number;
}

export interface SseClient {
  readonly status: number;
  readonly messages: SseMessage[];
  /** Resolves with the first message (already received or coming) that matches. */
  waitFor(predicate: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
}

export function openSse(url: string, headers: Record<string, string> = {}, onMessage?: (m: SseMessage) => void): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (response) => {
      const messages: SseMessage[] = [];
      const waiters: { predicate: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];
      let buffer = '';
      const ended = new Promise<void>((resolveEnd) => {
        response.on('end', () => resolveEnd());
        response.on('close', () => resolveEnd());
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | null = null;
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length === 0) continue;
          const message = { id, event, data: data.join('\n'), at: performance.now() };
          messages.push(message);
          onMessage?.(message);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(message)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(message);
            }
          }
        }
      });
      resolve({
        status: response.statusCode ?? 0,
        messages,
        ended,
        waitFor(predicate, timeoutMs = 10_000) {
          const found = messages.find(predicate);
          if (found) return Promise.resolve(found);
          return new Promise((resolveWait, rejectWait) => {
            const timer = setTimeout(() => rejectWait(new Error(`no matching SSE message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.data))}`)), timeoutMs);
            waiters.push({
              predicate,
              resolve: (m) => {
                clearTimeout(timer);
                resolveWait(m);
              },
            });
          });
        },
        close() {
          request.destroy();
        },
      });
    });
    request.on('error', reject);
  });
}
