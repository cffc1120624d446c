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
import { openEventStream } from '../live/event-stream.ts';

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
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      let { version: sent } = await context.exchange.read(organisationId);

      const stream = openEventStream(context, request, reply, 2000);
      stream.send('event: hello\ndata: {}\n\n');

      let queue = Promise.resolve();
      const catchUp = async (): Promise<void> => {
        for (;;) {
          const page = await context.exchange.page(organisationId, sent, PAGE);
          if (page.length === 0) return;
          const { state } = await context.exchange.read(organisationId);
          for (const stored of page) {
            sent = stored.version;
            for (const notification of notificationsFor(state, viewer, stored.event)) {
              stream.send(`event: notification\ndata: ${JSON.stringify(notification)}\n\n`);
            }
          }
          if (page.length < PAGE) return;
        }
      };
      const unsubscribe = context.exchangeHub.subscribe(organisationId, (version) => {
        if (version <= sent) return;
        queue = queue.then(catchUp).catch((error: unknown) => request.log.error({ err: error }, 'exchange live failed'));
      });
      stream.onClose(unsubscribe);
      // A commit between the read above and subscribing is caught here.
      queue = queue.then(catchUp).catch((error: unknown) => request.log.error({ err: error }, 'exchange live failed'));
    },
  );
}
