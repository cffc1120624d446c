/**
 * GET /api/documents/:id/live — Server-Sent Events. Each message is
 * `{ documentId, version, type }` with the version as its SSE id; the client refetches what
 * it shows. A reconnecting client sends Last-Event-ID and first receives every version it
 * missed, read from the log, then the live ones: the subscription starts before the
 * backlog is read and duplicates are skipped by version, so nothing falls in between.
 *
 * The meeting's state travels on the same stream as named `meeting` events without an id
 * (it is not a version of the document): the current state on every connection, then each
 * change, older ones skipped by the meeting's revision.
 */
import { z } from 'zod';
import { ProblemSchema } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import type { LiveMessage } from '../store/event-store.ts';
import { isMeetingMessage } from '../live/hub.ts';
import { readMeeting } from '../services/meetings.ts';
import type { MeetingState } from '../../protocol/schemas.ts';
import { documentFor } from './access.ts';
import { DocParams } from './documents.ts';
import { openEventStream } from '../live/event-stream.ts';

const LiveQuery = z.object({ lastEventId: z.coerce.number().int().min(0).optional().describe('For clients that cannot set the Last-Event-ID header') });
const BACKLOG_PAGE = 1000;

function frame(message: { documentId: string; version: number; type: string }): string {
  return `id: ${message.version}\ndata: ${JSON.stringify({ documentId: message.documentId, version: message.version, type: message.type })}\n\n`;
}

function meetingFrame(meeting: MeetingState): string {
  return `event: meeting\ndata: ${JSON.stringify(meeting)}\n\n`;
}

export function registerLiveRoutes(app: ZodApp, context: Context): void {
  app.get(
    '/api/documents/:documentId/live',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['live'],
        summary: 'Live updates (text/event-stream): one message per committed event, {documentId, version, type}; `meeting` events with the meeting state',
        params: DocParams,
        querystring: LiveQuery,
        response: { 200: z.string().describe('text/event-stream'), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const query = request.query as z.infer<typeof LiveQuery>;
      const { doc } = await documentFor(context, request.principal, documentId, 'document.read');
      const header = request.headers['last-event-id'];
      const resumeFrom = typeof header === 'string' && /^\d+$/u.test(header.trim()) ? Number(header.trim()) : query.lastEventId;

      // Before the stream starts, so that a database that does not answer is a 503 problem.
      const current = (await context.store.currentVersion(documentId)) ?? 0;

      const stream = openEventStream(context, request, reply, 2000);

      let sent = resumeFrom ?? current;
      let backlogDone = false;
      // The hub lost its database connection: messages heard from now on wait for the catch-up.
      let deaf = false;
      const waiting: LiveMessage[] = [];
      const deliver = (message: LiveMessage): void => {
        if (message.version <= sent) return;
        sent = message.version;
        stream.send(frame(message));
      };
      let meetingRevision = -1;
      const meetingNow = (meeting: MeetingState): string => {
        if (meeting.revision <= meetingRevision) return '';
        meetingRevision = meeting.revision;
        return meetingFrame(meeting);
      };
      const unsubscribe = context.hub.subscribe(documentId, (message) => {
        if (isMeetingMessage(message)) {
          const text = meetingNow(message.meeting);
          if (text !== '') stream.send(text);
        } else if (backlogDone && !deaf) deliver(message);
        else waiting.push(message);
      });
      // Read from the log every version after the last one sent (pages, in order): the backlog
      // of a new or reconnecting client, and again whenever the hub hears after a lost
      // database connection. Live messages wait meanwhile, so that a newer one cannot pass an
      // older one still being read (deliver would then skip the older). One read at a time.
      let reading: Promise<void> = Promise.resolve();
      const readBacklog = (): Promise<void> => {
        backlogDone = false;
        return (reading = reading
          .catch(() => undefined)
          .then(async () => {
            backlogDone = false;
            try {
              for (;;) {
                const page = await context.store.page(documentId, sent, BACKLOG_PAGE);
                for (const stored of page) deliver({ organisationId: doc.organisationId, documentId, version: stored.version, type: stored.event.type });
                if (page.length < BACKLOG_PAGE) break;
              }
            } finally {
              backlogDone = true;
              // Deaf again meanwhile: what waits is delivered after the next catch-up instead.
              if (!deaf) for (const message of waiting.splice(0).sort((a, b) => a.version - b.version)) deliver(message);
            }
          }));
      };
      const stopResuming = context.hub.onConnection((state) => {
        // From the moment the hub went deaf, live messages wait: the first heard after it
        // listens again may be newer than commits it missed, which the catch-up reads first.
        if (state === 'lost') {
          deaf = true;
          return;
        }
        const catchingUp = readBacklog();
        deaf = false;
        catchingUp
          .then(async () => {
            const text = meetingNow(await readMeeting(context.database.db, doc));
            if (text !== '') stream.send(text);
          })
          .catch((error: unknown) => {
            // The client reconnects with Last-Event-ID and reads the backlog then.
            request.log.warn({ err: error }, 'live catch-up after a lost database connection failed');
            stream.end();
          });
      });
      const close = (): void => {
        unsubscribe();
        stopResuming();
      };
      stream.onClose(close);

      try {
        // Read after subscribing, so that a change made meanwhile is either read here or heard.
        const meeting = meetingNow(await readMeeting(context.database.db, doc));
        // A new client learns where it starts; reconnecting with this id resumes from here.
        const hello = resumeFrom === undefined ? `id: ${current}\nevent: hello\ndata: ${JSON.stringify({ documentId, version: current })}\n\n` : '';
        // One write, so that the meeting arrives with the hello rather than after it.
        if (meeting + hello !== '') stream.send(meeting + hello);
        // Also for a new client: a commit may have landed between reading the document and subscribing.
        await readBacklog();
      } catch (error) {
        request.log.error({ err: error }, 'live backlog failed');
        close();
        stream.end();
      }
    },
  );
}
