/**
 * Submission bodies, kept beside the log in `exchange_bodies` and erased at their retention
 * limit: the row stays (digest, when it was erased), the body goes.
 */
import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { exchangeBodies } from '../db/schema.ts';

export interface BodyRow {
  readonly submissionId: string;
  readonly organisationId: string;
  readonly body: unknown;
  readonly digest: string;
  readonly retainUntil: Date | null;
}

export async function storeBody(tx: Db, row: BodyRow): Promise<void> {
  await tx.insert(exchangeBodies).values({ ...row, erasedAt: null });
}

/** Erases every body past its retention limit; returns how many were erased. */
export async function eraseExpiredBodies(db: Db, now: Date): Promise<number> {
  const erased = await db
    .update(exchangeBodies)
    .set({ body: null, erasedAt: now })
    .where(and(isNull(exchangeBodies.erasedAt), isNotNull(exchangeBodies.retainUntil), lte(exchangeBodies.retainUntil, now)))
    .returning({ id: exchangeBodies.submissionId });
  return erased.length;
}

/** The body of a submission, or null when it was erased (or is past its limit: erased now). */
export async function loadBody(db: Db, submissionId: string, now: Date): Promise<{ body: unknown } | null> {
  const [row] = await db.select().from(exchangeBodies).where(eq(exchangeBodies.submissionId, submissionId));
  if (!row || row.erasedAt !== null) return null;
  if (row.retainUntil !== null && row.retainUntil <= now) {
    await eraseExpiredBodies(db, now);
    return null;
  }
  return { body: row.body };
}

/** Bodies of several submissions still readable (for searching their words). */
export async function loadBodies(db: Db, submissionIds: readonly string[]): Promise<Map<string, unknown>> {
  const map = new Map<string, unknown>();
  for (const id of submissionIds) {
    const [row] = await db.select({ body: exchangeBodies.body, erasedAt: exchangeBodies.erasedAt }).from(exchangeBodies).where(eq(exchangeBodies.submissionId, id));
    if (row && row.erasedAt === null) map.set(id, row.body);
  }
  return map;
}
