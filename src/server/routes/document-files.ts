/**
 * Documents as files: GET …/export (Word, PDF or Akoma Ntoso; whoever may read the document),
 * and imports of a Word file, of delegations' tracked-change files, of Akoma Ntoso (the
 * secretariat, like every import). Thin: validate → authorize → service → present.
 */
import { z } from 'zod';
import { parseViewSpec, type DocumentState } from '../../core/index.ts';
import { AknImportBody, AknImportResult, ExportQuery, TrackedImportBody, TrackedImportResult, WordImportBody, WordImportResult } from '../../protocol/document-files.ts';
import { ProblemSchema } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { requireMember, requireRule } from '../auth/policy.ts';
import { problem } from '../http/problem.ts';
import { countsOf, exportFile, importAknFile, importTrackedFiles, importWordFile } from '../services/document-files.ts';
import { exportBilingual } from '../services/language-versions.ts';
import { documentFor, presentDocument, principalOf, type DocumentRow } from './access.ts';
import { DocParams } from './documents.ts';

const OrgParams = z.object({ organisationId: z.string().min(1).max(100) });
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const importProblems = { 413: ProblemSchema, 422: ProblemSchema, ...problems };

export function registerDocumentFileRoutes(app: ZodApp, context: Context): void {
  async function stateAt(doc: DocumentRow, current: DocumentState, revision: number | undefined): Promise<{ state: DocumentState; label: string }> {
    if (revision === undefined) return { state: current, label: 'now' };
    const version = revision === 0 ? doc.initialVersion : current.revisions.find((r) => r.number === revision)?.version;
    if (version === undefined) {
      throw problem('ERR_REVISION_NOT_FOUND', {
        documentId: doc.id,
        revision,
        known: current.revisions.length === 0 ? 'none yet (0 is the document as created)' : current.revisions.map((r) => `${r.number} (${r.label})`).join(', '),
      });
    }
    const label = revision === 0 ? 'the document as created' : (current.revisions.find((r) => r.number === revision)?.label ?? `revision ${revision}`);
    return { state: await context.store.readAt(doc.id, version), label };
  }

  app.get(
    '/api/documents/:documentId/export',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['documents'],
        summary: 'The document as a file: a view as Word (.docx) or PDF (503 where the server has no Chromium), optionally the changes since a revision, or the document as Akoma Ntoso 3.0',
        params: DocParams,
        querystring: ExportQuery,
        response: { 200: z.any(), 400: ProblemSchema, 503: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const query = request.query as z.infer<typeof ExportQuery>;
      const view = query.view ?? 'compiled';
      const bilingual = view === 'bilingual';
      if (!bilingual && parseViewSpec(view) === null) throw problem('ERR_REQUEST_UNSUPPORTED_VIEW', { view });
      if (bilingual && query.format !== 'docx') throw problem('ERR_LANGUAGE_EXPORT_FORMAT');
      const { doc } = await documentFor(context, request.principal, documentId, 'document.read');
      const current = await context.store.read(doc.id);
      if (!current) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
      const { state } = await stateAt(doc, current, query.revision);
      const compareWith = query.compare === undefined || query.format === 'akn' || bilingual ? undefined : await stateAt(doc, current, query.compare);
      const file = bilingual
        ? await exportBilingual(context, { doc, state, ...(query.languages ? { languages: query.languages } : {}), date: context.now() })
        : await exportFile(context, {
        doc,
        state,
        format: query.format,
        chromiumPath: context.config.chromiumPath,
        view,
        ...(query.notation ? { notation: query.notation } : {}),
        ...(compareWith ? { compareWith } : {}),
        date: context.now(),
      });
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'private, no-cache').send(file.body);
    },
  );

  app.post(
    '/api/organisations/:organisationId/documents/docx',
    {
      config: { access: 'document.create' },
      schema: {
        tags: ['documents'],
        summary: 'Import a Word file written in a bracket notation (or preview the import): the same importer as plain text, each warning with its place in the Word file',
        params: OrgParams,
        body: WordImportBody,
        response: { 200: WordImportResult, 201: WordImportResult, ...importProblems },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = principalOf(request.principal);
      requireRule(requireMember(principal, organisationId), 'document.create');
      const body = request.body as z.infer<typeof WordImportBody>;
      const { doc, result, warnings } = await importWordFile(context, {
        organisationId,
        bytes: Buffer.from(body.file, 'base64'),
        title: body.title ?? null,
        notation: body.notation ?? null,
        actor: { user: principal.userId, delegation: null, role: 'secretariat' },
        circulatedToObservers: body.circulatedToObservers ?? false,
        preview: body.preview ?? false,
      });
      if (doc) reply.header('location', `/api/documents/${doc.id}`);
      return reply.code(doc ? 201 : 200).send({
        document: doc ? presentDocument(doc) : null,
        notation: result.notation as 'cica' | 'un',
        counts: countsOf(result.state),
        warnings: warnings.map(({ code, line, column, message, word }) => ({ code, line, column, message, word })),
      });
    },
  );

  app.post(
    '/api/organisations/:organisationId/documents/tracked-changes',
    {
      config: { access: 'document.create' },
      schema: {
        tags: ['documents'],
        summary: 'Merge delegations’ Word files with tracked changes against one base text into a new compilation (or preview it and list the authors to map)',
        params: OrgParams,
        body: TrackedImportBody,
        response: { 200: TrackedImportResult, 201: TrackedImportResult, ...importProblems },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = principalOf(request.principal);
      requireRule(requireMember(principal, organisationId), 'document.create');
      const body = request.body as z.infer<typeof TrackedImportBody>;
      const { doc, state, authors, warnings } = await importTrackedFiles(context, {
        organisationId,
        files: body.files.map((file) => ({ name: file.name, bytes: Buffer.from(file.file, 'base64') })),
        authors: body.authors ?? null,
        title: body.title ?? null,
        actor: { user: principal.userId, delegation: null, role: 'secretariat' },
        circulatedToObservers: body.circulatedToObservers ?? false,
        preview: body.preview ?? false,
      });
      if (doc) reply.header('location', `/api/documents/${doc.id}`);
      const counts = countsOf(state);
      return reply.code(doc ? 201 : 200).send({
        document: doc ? presentDocument(doc) : null,
        authors,
        counts: { provisions: counts.provisions, proposals: counts.proposals, optionSets: counts.optionSets },
        warnings,
      });
    },
  );

  app.post(
    '/api/organisations/:organisationId/documents/akn',
    {
      config: { access: 'document.create' },
      schema: {
        tags: ['documents'],
        summary: 'Create a document from Akoma Ntoso 3.0 as Parley exports it (checked against the structure rules of docs/akoma-ntoso.md)',
        params: OrgParams,
        body: AknImportBody,
        response: { 201: AknImportResult, ...importProblems },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = principalOf(request.principal);
      requireRule(requireMember(principal, organisationId), 'document.create');
      const body = request.body as z.infer<typeof AknImportBody>;
      const { doc, warnings } = await importAknFile(context, {
        organisationId,
        xml: body.xml,
        actor: { user: principal.userId, delegation: null, role: 'secretariat' },
        circulatedToObservers: body.circulatedToObservers ?? false,
      });
      reply.header('location', `/api/documents/${doc.id}`);
      return reply.code(201).send({ document: presentDocument(doc), warnings });
    },
  );
}
