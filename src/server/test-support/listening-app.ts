/** A test app listening on a loopback port, for tests of its Server-Sent Events streams. */
import type { AddressInfo } from 'node:net';
import type { TestApp } from './fixtures.ts';
import { openSse, type SseClient } from './sse.ts';

export interface ListeningApp {
  /** http://127.0.0.1:port */
  readonly base: string;
  /** Opens a stream (a path on this app, or a whole URL); close() closes it. */
  stream(pathOrUrl: string, headers?: Record<string, string>): Promise<SseClient>;
  /** Closes every stream opened, then the app. */
  close(): Promise<void>;
}

export async function listenOnLoopback(t: TestApp): Promise<ListeningApp> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const open: SseClient[] = [];
  return {
    base,
    async stream(pathOrUrl, headers = {}) {
      const client = await openSse(pathOrUrl.startsWith('http') ? pathOrUrl : `${base}${pathOrUrl}`, headers);
      open.push(client);
      return client;
    },
    async close() {
      for (const client of open) client.close();
      await t.app.close();
    },
  };
}
