/**
 * The regular review of implementation (seed, 1.8): member states × measures with each cell's
 * status, participation per dimension and priority area, trends per period; and the same as CSV.
 */
import { z } from 'zod';
import { reviewCsv, reviewMatrix, type ReviewMatrix } from '../../core/index.ts';
import { ReviewCsvQuery, ReviewMatrixView, PeriodLabel } from '../../protocol/catalogue.ts';
import type { Context, ZodApp } from '../context.ts';
import { catalogueFor } from '../services/catalogue.ts';
import { catalogueProblems, OrgParams } from './catalogue.ts';

const tags = ['review'];
const ReviewJsonQuery = z.object({ period: PeriodLabel.optional() });

export function registerReviewRoutes(app: ZodApp, context: Context): void {
  async function matrixFor(request: { principal: Parameters<typeof catalogueFor>[1]; params: unknown }, period: string | undefined): Promise<ReviewMatrix> {
    const { organisationId } = request.params as z.infer<typeof OrgParams>;
    const access = await catalogueFor(context, request.principal, organisationId, 'catalogue.read');
    const { state } = await context.catalogue.read(organisationId);
    return reviewMatrix(access.catalogue, state, { members: access.members, ...(period === undefined ? {} : { period }) });
  }

  app.get(
    '/api/organisations/:organisationId/review',
    {
      config: { access: 'catalogue.read' },
      schema: { tags, summary: 'States × measures with status, participation per dimension and area, trends per period', params: OrgParams, querystring: ReviewJsonQuery, response: { 200: ReviewMatrixView, ...catalogueProblems } },
    },
    async (request) => {
      const { period } = request.query as z.infer<typeof ReviewJsonQuery>;
      return matrixFor(request, period);
    },
  );

  app.get(
    '/api/organisations/:organisationId/review.csv',
    {
      config: { access: 'catalogue.read' },
      schema: { tags, summary: 'The review as CSV (RFC 4180, formula-safe), to download', params: OrgParams, querystring: ReviewCsvQuery, response: { 200: z.string(), ...catalogueProblems } },
    },
    async (request, reply) => {
      const { period, layout } = request.query as z.infer<typeof ReviewCsvQuery>;
      const matrix = await matrixFor(request, period);
      const name = `review-${period ?? 'current'}${layout === 'wide' ? '-wide' : ''}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-cache').send(reviewCsv(matrix, { layout }));
    },
  );
}
