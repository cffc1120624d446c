/** Loading a document for a request: it exists for the caller only if they may read it. */
import { eq } from 'drizzle-orm';
import type { Context } from '../context.ts';
import { canReadDocument, membershipsIn, requireRule, type AccessRule } from '../auth/policy.ts';
import type { Membership, Principal } from '../auth/principal.ts';
import { documents } from '../db/schema.ts';
import { problem } from '../http/problem.ts';

export type DocumentRow = typeof documents.$inferSelect;

export function principalOf(principal: Principal | null): Principal {
  if (!principal) throw problem('ERR_AUTH_REQUIRED');
  return principal;
}

export async function documentFor(
  context: Context,
  principal: Principal | null,
  documentId: string,
  rule: AccessRule,
): Promise<{ doc: DocumentRow; list: Membership[]; principal: Principal }> {
  const who = principalOf(principal);
  const doc = await context.documents.get(documentId, async () => {
    const [row] = await context.database.db.select().from(documents).where(eq(documents.id, documentId));
    return row;
  });
  const list = doc ? membershipsIn(who, doc.organisationId) : [];
  // Not there, not a member, or not circulated to this observer: all look the same.
  if (!doc || !canReadDocument(list, doc.circulatedToObservers)) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
  requireRule(list, rule);
  return { doc, list, principal: who };
}

export function presentDocument(doc: DocumentRow): {
  id: string;
  organisationId: string;
  title: string;
  notation: string;
  version: number;
  circulatedToObservers: boolean;
  createdAt: string;
  updatedAt: string;
} {
  return {
    id: doc.id,
    organisationId: doc.organisationId,
    title: doc.title,
    notation: doc.notation,
    version: doc.version,
    circulatedToObservers: doc.circulatedToObservers,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
