/**
 * Walks each organisation's hash chain from the first event and names the first event that
 * was altered, removed or reordered. Also checks that the stream head and each document's
 * and register's version agree with the log, so that removing the last events is caught too.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { ParleyEvent } from '../../core/events/event.ts';
import type { Db } from '../db/database.ts';
import { documents, events, organisations, registers, streams } from '../db/schema.ts';
import { chainHash, GENESIS_HASH } from './hash-chain.ts';

export type Breach = 'altered' | 'removed' | 'reordered' | 'inconsistent';

export interface LogProblem {
  readonly organisationId: string;
  readonly kind: Breach;
  /** The sequence number of the first event found wrong (or missing). */
  readonly seq: number;
  readonly documentId: string | null;
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly checked: number;
  /** The first problem of each organisation's stream. */
  readonly problems: readonly LogProblem[];
}

const PAGE = 5000;

export async function verifyLog(db: Db): Promise<VerifyReport> {
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id));
  let checked = 0;
  const problems: LogProblem[] = [];
  for (const org of orgs) {
    const result = await verifyStream(db, org.id);
    checked += result.checked;
    if (result.problem) problems.push(result.problem);
  }
  return { ok: problems.length === 0, checked, problems };
}

async function verifyStream(db: Db, organisationId: string): Promise<{ checked: number; problem: LogProblem | null }> {
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const docVersions = new Map<string, number>();
  const fail = (kind: Breach, seq: number, documentId: string | null, message: string) => ({
    checked,
    problem: { organisationId, kind, seq, documentId, message },
  });
  for (;;) {
    const rows = await db
      .select()
      .from(events)
      .where(and(eq(events.organisationId, organisationId), gt(events.seq, prevSeq)))
      .orderBy(asc(events.seq))
      .limit(PAGE);
    for (const row of rows) {
      const where = `event #${row.seq} (${row.type}, document ${row.documentId}, version ${row.docVersion})`;
      if (row.seq !== prevSeq + 1) {
        const missing = row.seq - 1 === prevSeq + 1 ? `#${prevSeq + 1} is` : `#${prevSeq + 1}–#${row.seq - 1} are`;
        return fail('removed', prevSeq + 1, null, `Event ${missing} missing: the log jumps from #${prevSeq} to #${row.seq}.`);
      }
      const event = row.payload as ParleyEvent;
      // Chaining first: a row that does not follow its predecessor was moved (or the predecessor replaced).
      if (row.prevHash !== prevHash) {
        return fail(
          'reordered',
          row.seq,
          row.documentId,
          `${where} does not follow event #${prevSeq}: events were reordered, or #${prevSeq} was replaced.`,
        );
      }
      const recomputed = chainHash(row.prevHash, { seq: row.seq, documentId: row.documentId, docVersion: row.docVersion, event });
      if (recomputed !== row.hash) {
        return fail('altered', row.seq, row.documentId, `${where} was altered: its contents no longer match its hash.`);
      }
      if (
        row.type !== event.type ||
        row.actorUser !== event.actor.user ||
        row.actorRole !== event.actor.role ||
        row.delegation !== event.actor.delegation ||
        row.at.getTime() !== new Date(event.at).getTime()
      ) {
        return fail('altered', row.seq, row.documentId, `${where} was altered: its type, actor, delegation or time columns differ from its hashed contents.`);
      }
      const expectedVersion = (docVersions.get(row.documentId) ?? 0) + 1;
      if (row.docVersion !== expectedVersion) {
        return fail('reordered', row.seq, row.documentId, `${where} is out of order: document ${row.documentId} expected version ${expectedVersion} next.`);
      }
      docVersions.set(row.documentId, row.docVersion);
      prevSeq = row.seq;
      prevHash = row.hash;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await db.select().from(streams).where(eq(streams.organisationId, organisationId));
  if (head && (head.headSeq !== prevSeq || head.headHash !== prevHash)) {
    return fail(
      head.headSeq > prevSeq ? 'removed' : 'inconsistent',
      prevSeq + 1,
      null,
      head.headSeq > prevSeq
        ? `The log ends at #${prevSeq} but the stream head says #${head.headSeq}: event${head.headSeq - prevSeq > 1 ? `s #${prevSeq + 1}–#${head.headSeq} were` : ` #${head.headSeq} was`} removed.`
        : `The stream head (#${head.headSeq}) does not match the last event #${prevSeq}.`,
    );
  }
  const docs = await db
    .select({ id: documents.id, version: documents.version })
    .from(documents)
    .where(eq(documents.organisationId, organisationId))
    .orderBy(asc(documents.id));
  for (const doc of docs) {
    const logged = docVersions.get(doc.id) ?? 0;
    if (logged !== doc.version) {
      return fail('removed', prevSeq + 1, doc.id, `Document ${doc.id} is at version ${doc.version} but its log holds ${logged} events.`);
    }
  }
  const regs = await db
    .select({ id: registers.id, version: registers.version })
    .from(registers)
    .where(eq(registers.organisationId, organisationId))
    .orderBy(asc(registers.id));
  for (const reg of regs) {
    const logged = docVersions.get(reg.id) ?? 0;
    if (logged !== reg.version) {
      return fail('removed', prevSeq + 1, reg.id, `Register ${reg.id} is at version ${reg.version} but its log holds ${logged} events.`);
    }
  }
  return { checked, problem: null };
}
