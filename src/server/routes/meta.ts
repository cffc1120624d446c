/** Health, the OpenAPI document and the error catalogue. */
import { z } from 'zod';
import { ERRORS, ERROR_CODES } from '../../protocol/errors.ts';
import { Health, ProblemSchema } from '../../protocol/schemas.ts';
import { sql } from 'drizzle-orm';
import type { Context, ZodApp } from '../context.ts';
import { problem } from '../http/problem.ts';

export function registerMetaRoutes(app: ZodApp, context: Context): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['meta'], summary: 'Liveness and which database is in use', response: { 200: Health, 503: ProblemSchema } },
    },
    async () => {
      try {
        await context.database.db.execute(sql`select 1`);
      } catch {
        throw problem('ERR_SERVER_UNAVAILABLE', { reason: 'the database does not answer' });
      }
      return { status: 'ok' as const, database: context.database.kind };
    },
  );

  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    () => app.swagger(),
  );

  app.get(
    '/api/errors',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'The catalogue of error codes (each problem `type` links here)',
        response: { 200: z.array(z.object({ code: z.string(), status: z.number(), title: z.string(), detail: z.string() })) },
      },
    },
    () => ERROR_CODES.map((code) => ({ code, ...ERRORS[code] })),
  );
}
