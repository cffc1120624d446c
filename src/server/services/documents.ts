/** Importing a draft as a new document of an organisation, or reading it without saving (a preview). */
import { eq } from 'drizzle-orm';
import { importDraft, type Actor, type ImportResult, type ImportWarning } from '../../core/index.ts';
import type { Context } from '../context.ts';
import { documents, organisations } from '../db/schema.ts';
import { problem } from '../http/problem.ts';

export interface ImportInput {
  readonly organisationId: string;
  readonly text: string;
  readonly title?: string | null;
  readonly notation?: 'cica' | 'un' | null;
  readonly actor: Actor;
  readonly circulatedToObservers?: boolean;
  readonly documentId?: string;
}

/**
 * The one reading of a draft that both importing and previewing do, with the organisation's
 * aliases for delegations, so a preview reports exactly what an import would.
 */
export async function readDraft(
  context: Pick<Context, 'database' | 'now'>,
  input: Omit<ImportInput, 'circulatedToObservers'> & { readonly documentId: string },
): Promise<ImportResult> {
  if (input.text.trim() === '') throw problem('ERR_DOCUMENT_IMPORT_EMPTY');
  const [org] = await context.database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId: input.organisationId });
  return importDraft(input.text, {
    aliases: org.settings.aliases,
    documentId: input.documentId,
    at: context.now().toISOString(),
    actor: input.actor,
    ...(input.title ? { title: input.title } : {}),
    ...(input.notation ? { notation: input.notation } : {}),
  });
}

export async function importDocument(
  context: Pick<Context, 'database' | 'store' | 'now' | 'newId'>,
  input: ImportInput,
): Promise<{ doc: typeof documents.$inferSelect; warnings: ImportWarning[] }> {
  const documentId = input.documentId ?? context.newId();
  const result = await readDraft(context, { ...input, documentId });
  await context.store.createDocument({
    organisationId: input.organisationId,
    documentId,
    events: result.events,
    createdBy: input.actor.user,
    circulatedToObservers: input.circulatedToObservers ?? false,
  });
  const [doc] = await context.database.db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) throw new Error(`Document ${documentId} vanished after its creation.`);
  return { doc, warnings: result.warnings };
}
