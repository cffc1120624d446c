/**
 * Reading and presenting drafts for one caller. A draft exists only for the delegates of its
 * own delegation and of the delegations it is shared with: every query here is filtered by
 * the caller's delegation in SQL, so the rows of other drafts — their ids, their number —
 * never reach a handler.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DocumentState } from '../../core/index.ts';
import type { DraftView } from '../../protocol/schemas.ts';
import type { Membership } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { drafts, users, type DraftStatus } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { anchorContext, whyMoved } from './draft-anchor.ts';

export type DraftRow = typeof drafts.$inferSelect;
export type DraftViewBody = z.infer<typeof DraftView>;

/** The delegation the caller drafts for (a delegate speaks for exactly one); null for the other roles. */
export function draftingDelegation(list: readonly Membership[]): string | null {
  return list.find((m) => m.role === 'delegate')?.delegation ?? null;
}

function visibleTo(delegation: string): SQL {
  return or(eq(drafts.delegation, delegation), sql`${drafts.sharedWith} @> ${JSON.stringify([delegation])}::jsonb`)!;
}

export async function visibleDrafts(db: Db, documentId: string, delegation: string | null, status: DraftStatus | undefined): Promise<DraftRow[]> {
  if (delegation === null) return [];
  return db
    .select()
    .from(drafts)
    .where(and(eq(drafts.documentId, documentId), visibleTo(delegation), status === undefined ? undefined : eq(drafts.status, status)))
    .orderBy(asc(drafts.createdAt), asc(drafts.id));
}

/** The draft, if the caller's delegation may see it; otherwise the same 404 as for an id that never existed. */
export async function visibleDraft(db: Db, documentId: string, draftId: string, delegation: string | null): Promise<DraftRow> {
  if (delegation !== null) {
    const [row] = await db
      .select()
      .from(drafts)
      .where(and(eq(drafts.id, draftId), eq(drafts.documentId, documentId), visibleTo(delegation)));
    if (row) return row;
  }
  throw problem('ERR_DRAFT_NOT_FOUND', { documentId, draftId });
}

/** Only the owning delegation changes a draft, and only while it is a draft. */
export function requireOwnOpenDraft(row: DraftRow, delegation: string | null, action: 'edit' | 'share' | 'table' | 'discard'): void {
  if (row.delegation !== delegation) throw problem('ERR_DRAFT_OWNER_ONLY', { owner: row.delegation, action });
  if (row.status !== 'draft') throw problem('ERR_DRAFT_CLOSED', { status: row.status });
}

export function requireRevision(row: Pick<DraftRow, 'revision'>, expected: number | null | undefined): void {
  if (expected !== undefined && expected !== null && expected !== row.revision) {
    throw problem('ERR_DRAFT_REVISION_CONFLICT', { expectedRevision: expected, currentRevision: row.revision }, { extra: { currentRevision: row.revision } });
  }
}

/** The drafts as the API shows them: with the names of who wrote them, and whether the text has moved under them. */
export async function presentDrafts(db: Db, rows: readonly DraftRow[], state: DocumentState | undefined): Promise<DraftViewBody[]> {
  const ids = [...new Set(rows.flatMap((row) => [row.createdBy, row.updatedBy]))];
  const names = new Map(ids.length === 0 ? [] : (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]));
  const person = (id: string) => ({ id, name: names.get(id) ?? id });
  return rows.map((row) => {
    const context = anchorContext(row.proposal, row.anchoredText);
    return {
      id: row.id,
      documentId: row.documentId,
      delegation: row.delegation,
      proposal: row.proposal,
      note: row.note,
      sharedWith: [...row.sharedWith].sort(),
      status: row.status,
      proposalId: row.proposalId,
      revision: row.revision,
      anchor: context === null ? null : { ...context, moved: row.status === 'draft' && state !== undefined && whyMoved(state, row.proposal, row.anchoredText) !== null },
      createdBy: person(row.createdBy),
      createdAt: row.createdAt.toISOString(),
      updatedBy: person(row.updatedBy),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export async function presentDraft(db: Db, row: DraftRow, state: DocumentState | undefined): Promise<DraftViewBody> {
  const [view] = await presentDrafts(db, [row], state);
  return view!;
}
