/**
 * A document's language versions: GET …/languages (the versions aligned by provision and
 * proposal, with done / pending / outdated; whoever may read the document), PUT …/languages
 * (the secretariat sets them), PUT …/translations/:target/:id/:language (the secretariat,
 * whose translators make the versions, records one). The bilingual Word file is the export
 * route's view=bilingual (routes/document-files.ts). Thin: validate → authorize → command → present.
 */
import { z } from 'zod';
import { AlignedVersionsView, LanguageCode, LanguagesBody, TranslationBody, TranslationTargetSchema } from '../../protocol/languages.ts';
import { CommandAccepted, ProblemSchema } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { problem } from '../http/problem.ts';
import { alignedView, recordTranslation, setLanguages } from '../services/language-versions.ts';
import type { CommandResult } from '../store/event-store.ts';
import { documentFor } from './access.ts';
import { DocParams } from './documents.ts';

const TranslationParams = DocParams.extend({ target: TranslationTargetSchema, id: z.string().min(1).max(100), language: LanguageCode });
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

function present(documentId: string, result: CommandResult, id: string | null): unknown {
  return { documentId, version: result.version, id, events: result.events.map((e) => ({ version: e.version, type: e.event.type })) };
}

export function registerLanguageVersionRoutes(app: ZodApp, context: Context): void {
  app.get(
    '/api/documents/:documentId/languages',
    {
      config: { access: 'document.read' },
      schema: {
        tags: ['languages'],
        summary: 'The language versions aligned by provision and by proposal, each done, pending or outdated (409 for a document in one language)',
        params: DocParams,
        response: { 200: AlignedVersionsView, ...problems },
      },
    },
    async (request) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const { doc } = await documentFor(context, request.principal, documentId, 'document.read');
      const state = await context.store.read(doc.id);
      if (!state) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
      return alignedView(doc, state);
    },
  );

  app.put(
    '/api/documents/:documentId/languages',
    {
      config: { access: 'document.manage' },
      schema: {
        tags: ['languages'],
        summary: "Set the document's languages (the original and the other versions), among the organisation's working languages; a version once set is not dropped",
        params: DocParams,
        body: LanguagesBody,
        response: { 201: CommandAccepted, ...problems },
      },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocParams>;
      const body = request.body as z.infer<typeof LanguagesBody>;
      const { doc, principal } = await documentFor(context, request.principal, documentId, 'document.manage');
      const result = await setLanguages(context, {
        doc,
        actor: { user: principal.userId, delegation: null, role: 'secretariat' },
        original: body?.original ?? null,
        others: body?.others ?? null,
        expectedVersion: body?.expectedVersion ?? null,
      });
      return reply.code(201).send(present(documentId, result, null));
    },
  );

  app.put(
    '/api/documents/:documentId/translations/:target/:id/:language',
    {
      config: { access: 'document.manage' },
      schema: {
        tags: ['languages'],
        summary: "Record a provision's or a proposal's text in one language: done until the original changes (422 when the original has changed since it was translated)",
        params: TranslationParams,
        body: TranslationBody,
        response: { 201: CommandAccepted, ...problems },
      },
    },
    async (request, reply) => {
      const { documentId, target, id, language } = request.params as z.infer<typeof TranslationParams>;
      const body = request.body as z.infer<typeof TranslationBody>;
      const { doc, principal } = await documentFor(context, request.principal, documentId, 'document.manage');
      const result = await recordTranslation(context, {
        doc,
        actor: { user: principal.userId, delegation: null, role: 'secretariat' },
        target,
        id,
        language,
        text: body.text,
        original: body.original,
        expectedVersion: body.expectedVersion ?? null,
      });
      return reply.code(201).send(present(documentId, result, id));
    },
  );
}
