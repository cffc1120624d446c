/**
 * A party's verification bundle, to download: the organisation's hash chain with the events
 * that concern the caller's state (or the secretariat) written out, the rest sealed
 * (store/verification-bundle.ts). `parley verify-log --bundle FILE` checks it offline.
 */
import { z } from 'zod';
import { partyOf } from '../../core/index.ts';
import { VerificationBundle } from '../../protocol/verification-bundle.ts';
import { ProblemSchema } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { problem } from '../http/problem.ts';
import { buildVerificationBundle } from '../store/verification-bundle.ts';
import { exchangeCaller } from './exchange-common.ts';

const OrgParams = z.object({ organisationId: z.string().min(1).max(100) });

export function registerVerificationBundleRoutes(app: ZodApp, context: Context): void {
  app.get(
    '/api/organisations/:organisationId/verification-bundle',
    {
      config: { access: 'log.bundle' },
      schema: {
        tags: ['log'],
        summary: "The caller's state's verification bundle: the log's hash chain, its own events written out, the others sealed",
        params: OrgParams,
        response: { 200: VerificationBundle, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const { viewer } = exchangeCaller(request.principal, organisationId, 'log.bundle');
      const party = partyOf(viewer);
      if (party === null) throw problem('ERR_ACCESS_FORBIDDEN', { reason: 'a verification bundle is made for a party to the log: a state or the secretariat.' });
      const bundle = await buildVerificationBundle(context.database.db, organisationId, party, context.now());
      const name = `parley-${organisationId}-${party}-${bundle.head.seq}.json`;
      return reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(bundle);
    },
  );
}
