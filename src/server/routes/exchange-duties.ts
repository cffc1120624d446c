/**
 * What the caller's state owes and holds in the exchange (obligations, reminders due to it,
 * contact checks, contingent permissions), and the CSV export of what it may see — envelopes
 * only, each row with the handling Catalogue 1.7 asks of whoever holds it.
 */
import { z } from 'zod';
import {
  contactChecksFor,
  contingentPermissionsFor,
  csvField,
  dueReminders,
  exportRows,
  obligationsOf,
  partyOf,
} from '../../core/index.ts';
import { ExchangeDutiesView, SubmissionQuerySchema } from '../../protocol/exchange.ts';
import type { Context, ZodApp } from '../context.ts';
import { exchangeOrganisation } from '../services/exchange-viewer.ts';
import { exchangeCaller, exchangeProblems as problems, exchangeTags as tags, OrgParams, PRIVATE } from './exchange-common.ts';

const COLUMNS = ['registryNumber', 'category', 'legalBasis', 'from', 'to', 'subject', 'sentAt', 'kind', 'period', 'urgent', 'language', 'basis', 'handling'] as const;

export function registerExchangeDutyRoutes(app: ZodApp, context: Context): void {
  const db = context.database.db;

  app.get(
    '/api/organisations/:organisationId/exchange/duties',
    { config: { access: 'exchange.read' }, schema: { tags, summary: "Your state's obligations, the reminders due to it, contact checks and contingent permissions", params: OrgParams, response: { 200: ExchangeDutiesView, ...problems } } },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      const [{ state }, organisation] = await Promise.all([context.exchange.read(organisationId), exchangeOrganisation(db, organisationId)]);
      const at = context.now().toISOString();
      const party = partyOf(viewer);
      return {
        obligations: obligationsOf(state, organisation.settings, viewer, at),
        reminders: party === null ? [] : dueReminders(state, organisation.settings, at).filter((r) => r.to === party),
        contactChecks: contactChecksFor(state, organisation.settings, viewer, at),
        permissions: contingentPermissionsFor(state, viewer),
        deadlines: organisation.settings.categories,
      };
    },
  );

  app.get(
    '/api/organisations/:organisationId/exchange/export.csv',
    { config: { access: 'exchange.read' }, schema: { tags, summary: 'The submissions you may see as CSV (envelopes only, formula-safe cells, with the handling 1.7 requires)', params: OrgParams, querystring: SubmissionQuerySchema, produces: ['text/csv'], response: { 200: z.string().describe('text/csv'), ...problems } } },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      void reply.header('cache-control', PRIVATE);
      const { viewer } = exchangeCaller(request.principal, organisationId, 'exchange.read');
      const { text: _words, ...query } = request.query as z.infer<typeof SubmissionQuerySchema>;
      const { state } = await context.exchange.read(organisationId);
      const rows = exportRows(state, viewer, query, context.now().toISOString());
      const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => csvField(String(row[column]))).join(','))];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="exchange.csv"')
        .serializer((payload: unknown) => String(payload))
        .send(`${lines.join('\r\n')}\r\n`);
    },
  );
}
