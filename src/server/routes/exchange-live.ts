/**
 * GET …/exchange/live — Server-Sent Events of the exchange: `notification` events, each one
 * of what `notificationsFor(state, viewer, event)` gives this connection's viewer for a newly
 * committed event, and nothing else. No id and no version travels on it: the register's
 * version counts every state's events, so even it would tell a viewer that something it may
 * not see happened. A reconnecting client refetches its list.
 */
import { z } from 'zod';
import { notificationsFor } from '../../core/index.ts';
import type { Context, ZodApp } from '../context.ts';
import { exchangeCaller, exchangeProblems as problems, exchangeTags as tags, OrgParams } from './exchange-common.ts';

const HEARTBEAT_MS = 25_000;
const PAGE = 500;

export function registerExchangeLiveRoutes(app: ZodApp, context: Context): void {
  app.get(
    '/api/organisations/:organisationId/exchange/live',
    {
      config: { access: 'exchange.read' },
      schema: { tags: [...tags, 'live'], summary: 'Live notifications (text/event-stream): `notification` events, only those meant for you', params: OrgParams, response: { 200: z.string().describe('text/event-stream'), ...problems } },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const { viewer, principal } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      let { version: sent } = await context.exchange.read(organisationId);

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 2000\n\nevent: hello\ndata: {}\n\n');

      let closed = false;
      let queue = Promise.resolve();
      const catchUp = async (): Promise<void> => {
        for (;;) {
          const page = await context.exchange.page(organisationId, sent, PAGE);
          if (page.length === 0) return;
          const { state } = await context.exchange.read(organisationId);
          for (const stored of page) {
            sent = stored.version;
            for (const notification of notificationsFor(state, viewer, stored.event)) {
              if (!closed) raw.write(`event: notification\ndata: ${JSON.stringify(notification)}\n\n`);
            }
          }
          if (page.length < PAGE) return;
        }
      };
      const unsubscribe = context.exchangeHub.subscribe(organisationId, (version) => {
        if (version <= sent) return;
        queue = queue.then(catchUp).catch((error: unknown) => request.log.error({ err: error }, 'exchange live failed'));
      });
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const stopWatching = context.caches.on((message) => {
        if ((message.kind === 'session' && message.sessionId === principal.sessionId) || (message.kind === 'user' && message.userId === principal.userId)) raw.end();
      });
      raw.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        stopWatching();
      });
      // A commit between the read above and subscribing is caught here.
      queue = queue.then(catchUp).catch((error: unknown) => request.log.error({ err: error }, 'exchange live failed'));
    },
  );
}
