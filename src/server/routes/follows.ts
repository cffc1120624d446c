/**
 * Following a provision of a document you can read: a proposal on it then notifies you.
 * A document (or a provision) you cannot see does not exist here either.
 */
import { z } from 'zod';
import { FollowList, FollowParams } from '../../protocol/notifications.ts';
import { ProblemSchema } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { problem } from '../http/problem.ts';
import { follow, followedProvisions, unfollow } from '../notifications/follows.ts';
import { documentFor } from './access.ts';

const tags = ['notifications'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const DocParams = z.object({ documentId: z.string().min(1).max(100) });

export function registerFollowRoutes(app: ZodApp, context: Context): void {
  app.get(
    '/api/documents/:documentId/follows',
    {
      config: { access: 'document.read' },
      schema: { tags, summary: 'The provisions of this document you follow', params: DocParams, response: { 200: FollowList, ...problems } },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const { principal } = await documentFor(context, request.principal, documentId, 'document.read');
      return { provisionIds: await followedProvisions(context.database.db, principal.userId, documentId) };
    },
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/documents/:documentId/provisions/:provisionId/follow',
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: method === 'PUT' ? 'Follow a provision: be told of proposals on it' : 'Stop following a provision',
        params: FollowParams,
        response: { 200: FollowList, ...problems },
      },
      handler: async (request) => {
        const { documentId, provisionId } = request.params as z.infer<typeof FollowParams>;
        const { principal } = await documentFor(context, request.principal, documentId, 'document.read');
        const db = context.database.db;
        if (method === 'PUT') {
          const state = await context.store.read(documentId);
          if (!state?.provisions.has(provisionId)) throw problem('ERR_DOCUMENT_PART_NOT_FOUND', { documentId, what: 'provision', id: provisionId });
          await follow(db, principal.userId, documentId, provisionId, context.now());
        } else {
          await unfollow(db, principal.userId, documentId, provisionId);
        }
        return { provisionIds: await followedProvisions(db, principal.userId, documentId) };
      },
    });
  }
}
