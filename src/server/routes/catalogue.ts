/**
 * The catalogue of measures, read from the organisation's catalogue document: dimensions →
 * priority areas → measures with their negotiated text and agreement status, and search.
 */
import { z } from 'zod';
import { searchCatalogue } from '../../core/index.ts';
import { CatalogueHitView, CatalogueSearchQuery, CatalogueView } from '../../protocol/catalogue.ts';
import { ProblemSchema } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { catalogueFor } from '../services/catalogue.ts';

export const OrgParams = z.object({ organisationId: z.string().min(1).max(100) });
export const catalogueProblems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const tags = ['catalogue'];

export function registerCatalogueRoutes(app: ZodApp, context: Context): void {
  app.get(
    '/api/organisations/:organisationId/catalogue',
    {
      config: { access: 'catalogue.read' },
      schema: { tags, summary: "Dimensions → priority areas → measures, with each measure's negotiated text and agreement status", params: OrgParams, response: { 200: CatalogueView, ...catalogueProblems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      return (await catalogueFor(context, request.principal, organisationId, 'catalogue.read')).catalogue;
    },
  );

  app.get(
    '/api/organisations/:organisationId/catalogue/search',
    {
      config: { access: 'catalogue.read' },
      schema: { tags, summary: 'Search the catalogue (case- and accent-blind; numbers level by level)', params: OrgParams, querystring: CatalogueSearchQuery, response: { 200: z.array(CatalogueHitView), ...catalogueProblems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const query = request.query as z.infer<typeof CatalogueSearchQuery>;
      const { catalogue } = await catalogueFor(context, request.principal, organisationId, 'catalogue.read');
      return searchCatalogue(catalogue, query.q, { limit: query.limit, includeProposed: query.proposed === 'true', ...(query.kinds ? { kinds: query.kinds } : {}) });
    },
  );
}
