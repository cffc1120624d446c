/**
 * Reads a document back from the read tables in the shape of the engine's `snapshot()`, so
 * that a test (or an operator) can check the tables against a fold of the log.
 */
import { asc, eq } from 'drizzle-orm';
import type { StateSnapshot } from '../../core/model/document-state.ts';
import type { OptionSet } from '../../core/model/option-set.ts';
import type { Position } from '../../core/model/position.ts';
import type { Proposal } from '../../core/model/proposal.ts';
import type { Provision } from '../../core/model/provision.ts';
import type { Revision } from '../../core/model/revision.ts';
import type { Statement } from '../../core/model/statement.ts';
import type { Db } from '../db/database.ts';
import { documents, optionSets, positions, proposals, provisions, revisions, statements } from '../db/schema.ts';

export async function readTablesSnapshot(db: Db, documentId: string): Promise<StateSnapshot | undefined> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) return undefined;
  const byId = new Map(
    (await db.select().from(provisions).where(eq(provisions.documentId, documentId))).map((row) => [row.id, row.record as Provision]),
  );
  const rows = <T>(list: { record: unknown }[]): T[] => list.map((row) => row.record as T);
  return {
    id: doc.id,
    title: doc.title,
    notation: doc.notation,
    version: doc.version,
    provisions: doc.provisionOrder.map((id) => byId.get(id)).filter((p): p is Provision => p !== undefined),
    proposals: rows<Proposal>(await db.select().from(proposals).where(eq(proposals.documentId, documentId))),
    positions: rows<Position>(await db.select().from(positions).where(eq(positions.documentId, documentId))),
    statements: rows<Statement>(await db.select().from(statements).where(eq(statements.documentId, documentId))),
    optionSets: rows<OptionSet>(await db.select().from(optionSets).where(eq(optionSets.documentId, documentId))),
    revisions: rows<Revision>(await db.select().from(revisions).where(eq(revisions.documentId, documentId)).orderBy(asc(revisions.number))),
  };
}

/**
 * Both snapshots in a comparable form: JSON round trip (as jsonb stores them) and the
 * unordered collections sorted by id, since tables have no order of their own.
 */
export function comparable(snapshot: StateSnapshot): unknown {
  const plain = JSON.parse(JSON.stringify(snapshot)) as StateSnapshot;
  const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...plain,
    proposals: byId(plain.proposals),
    positions: [...plain.positions].sort((a, b) => `${a.proposalId}\u0000${a.delegation}`.localeCompare(`${b.proposalId}\u0000${b.delegation}`)),
    statements: byId(plain.statements),
    optionSets: byId(plain.optionSets),
  };
}
