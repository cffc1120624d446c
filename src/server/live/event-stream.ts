/**
 * The one way a route answers with Server-Sent Events: the headers, the client's retry delay,
 * a heartbeat that keeps proxies from closing an idle stream, and an end as soon as the viewer
 * may no longer follow it (session-watch.ts). Writes after the end are dropped rather than
 * raised: a catch-up still reading from the log may finish after the stream was ended.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { endWhenSignedOut } from './session-watch.ts';

const HEARTBEAT_MS = 25_000;

export interface EventStream {
  /** Writes `text` (one or more whole SSE messages) unless the stream has ended. */
  send(text: string): void;
  end(): void;
  /** Runs `cleanup` once when the connection closes, whichever side closed it. */
  onClose(cleanup: () => void): void;
}

export function openEventStream(context: Pick<Context, 'caches' | 'database' | 'now'>, request: FastifyRequest, reply: FastifyReply, retryMs: number): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const send = (text: string): void => {
    if (!raw.writableEnded && !raw.destroyed) raw.write(text);
  };
  const end = (): void => {
    if (!raw.writableEnded) raw.end();
  };
  send(`retry: ${retryMs}\n\n`);
  const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stopWatching = endWhenSignedOut(context, request, end);
  raw.on('close', () => {
    clearInterval(heartbeat);
    stopWatching();
  });
  return { send, end, onClose: (cleanup) => raw.on('close', cleanup) };
}
