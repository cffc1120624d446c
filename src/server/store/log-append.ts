/**
 * Appending to an organisation's log: every stream (a document, a register) chains its events
 * into the one log of its organisation, under the lock of the organisation's stream head.
 */
import { eq } from 'drizzle-orm';
import type { LoggedEvent } from '../../core/events/event.ts';
import type { Db } from '../db/database.ts';
import { events, streams } from '../db/schema.ts';
import { chainHash } from './hash-chain.ts';

/** One event as stored: its place in the organisation's log and in its own stream, and its hash. */
export interface StoredLogEvent<E extends LoggedEvent = LoggedEvent> {
  readonly seq: number;
  /** The stream: a document's id, or a register's stream id. */
  readonly documentId: string;
  /** The stream's version once this event is applied. */
  readonly version: number;
  readonly event: E;
  readonly hash: string;
}

export interface Head {
  readonly seq: number;
  readonly hash: string;
}

export async function lockStream(tx: Db, organisationId: string): Promise<Head> {
  const [row] = await tx
    .select({ seq: streams.headSeq, hash: streams.headHash })
    .from(streams)
    .where(eq(streams.organisationId, organisationId))
    .for('update');
  if (!row) throw new Error(`Organisation ${organisationId} has no event stream.`);
  return row;
}

export async function insertEvents<E extends LoggedEvent>(
  tx: Db,
  organisationId: string,
  head: Head,
  documentId: string,
  fromVersion: number,
  list: readonly E[],
): Promise<StoredLogEvent<E>[]> {
  const stored: StoredLogEvent<E>[] = [];
  let { seq, hash } = head;
  for (const [index, event] of list.entries()) {
    seq += 1;
    const version = fromVersion + index + 1;
    hash = chainHash(hash, { seq, documentId, docVersion: version, event });
    stored.push({ seq, documentId, version, event, hash });
  }
  const rows = stored.map((s, index) => ({
    organisationId,
    seq: s.seq,
    documentId,
    docVersion: s.version,
    type: s.event.type,
    payload: s.event,
    actorUser: s.event.actor.user,
    actorRole: s.event.actor.role,
    delegation: s.event.actor.delegation,
    at: new Date(s.event.at),
    prevHash: index === 0 ? head.hash : (stored[index - 1]?.hash ?? head.hash),
    hash: s.hash,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(events).values(rows.slice(i, i + 1000));
  return stored;
}

