/**
 * Ends a live stream as soon as its viewer may no longer follow it, so that a revoked session
 * learns nothing more: at once when a cache message says the session ended or the user changed
 * (signed out, disabled, memberships changed — in any process, since cache messages travel
 * through NOTIFY), and when listening resumes after a lost database connection, because such a
 * message may have been missed meanwhile: the session is then read again, and the stream ends
 * unless it is still valid with the same memberships. A stream that ends is reopened by its
 * client, and authenticated afresh then.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FastifyRequest } from 'fastify';
import { loadPrincipal, SESSION_COOKIE } from '../auth/principal.ts';
import type { Context } from '../context.ts';

export function endWhenSignedOut(context: Pick<Context, 'caches' | 'database' | 'now'>, request: FastifyRequest, end: () => void): () => void {
  const principal = request.principal!;
  const token = request.cookies[SESSION_COOKIE];
  return context.caches.on((message) => {
    if ((message.kind === 'session' && message.sessionId === principal.sessionId) || (message.kind === 'user' && message.userId === principal.userId)) {
      end();
    } else if (message.kind === 'reset' && message.state === 'resumed') {
      const reread = token === undefined ? Promise.resolve(undefined) : loadPrincipal(context.database.db, token, context.now());
      reread.then(
        (current) => {
          if (!current || !isDeepStrictEqual(current.memberships, principal.memberships)) end();
        },
        // Cannot tell: the reopened stream is checked instead.
        () => end(),
      );
    }
  });
}
