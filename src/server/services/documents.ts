/** Importing a draft as a new document of an organisation. */
import { eq } from 'drizzle-orm';
import { importDraft, type Actor, type ImportWarning } from '../../core/index.ts';
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

export async function importDocument(
  context: Pick<Context, 'database' | 'store' | 'now' | 'newId'>,
  input: ImportInput,
): Promise<{ doc: typeof documents.$inferSelect; warnings: ImportWarning[] }> {
  if (input.text.trim() === '') throw problem('ERR_DOCUMENT_IMPORT_EMPTY');
  const db = context.database.db;
  const [org] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId: input.organisationId });
  const documentId = input.documentId ?? context.newId();
  const result = importDraft(input.text, {
    aliases: org.settings.aliases,
    documentId,
    at: context.now().toISOString(),
    actor: input.actor,
    ...(input.title ? { title: input.title } : {}),
    ...(input.notation ? { notation: input.notation } : {}),
  });
  await context.store.createDocument({
    organisationId: input.organisationId,
    documentId,
    events: result.events,
    createdBy: input.actor.user,
    circulatedToObservers: input.circulatedToObservers ?? false,
  });
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) throw new Error(`Document ${documentId} vanished after its creation.`);
  return { doc, warnings: result.warnings };
}
