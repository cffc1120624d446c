/**
 * The event store: one append-only, hash-chained stream of events per organisation, the
 * read tables written in the same transaction, and a cache of each document's folded state.
 *
 * Writes to one document go through a queue: the commands waiting when a transaction starts
 * are applied together in it (group commit), each against the state the previous one left,
 * so twenty delegates writing at once cost one commit, and each command still either lands
 * or is refused on its own. The organisation's stream row is locked for the transaction,
 * which also orders writers in other server processes.
 *
 * Live messages are sent with NOTIFY inside the transaction: Postgres and PGlite deliver
 * them only after the commit, never for a rolled-back change.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { tryApplyEvent, fold } from '../../core/events/apply.ts';
import type { ParleyEvent } from '../../core/events/event.ts';
import { emptyState, type DocumentState } from '../../core/model/document-state.ts';
import type { Database, Db } from '../db/database.ts';
import { documents, events, streams } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { runLocked } from './serial-lock.ts';
import { insertEvents, lockStream, type Head, type StoredLogEvent } from './log-append.ts';
import { capture, emptyCapture, project } from './projection.ts';

export const LIVE_CHANNEL = 'parley_events';

/** What subscribers are told after a commit; they refetch through the API. */
export interface LiveMessage {
  readonly organisationId: string;
  readonly documentId: string;
  readonly version: number;
  readonly type: string;
}

export type StoredEvent = StoredLogEvent<ParleyEvent>;

/**
 * A change to one document. `build` returns the events to append given the current state
 * (it may throw a ProblemError to refuse); `expectedVersion` null means "whatever is current".
 */
export interface Command {
  readonly expectedVersion: number | null;
  build(state: DocumentState): readonly ParleyEvent[];
  /**
   * Writes that must commit with this command's events or not at all (say, marking a draft
   * tabled). Runs inside the transaction once the events are inserted; throwing refuses this
   * command alone — the rest of its batch is committed without it.
   */
  alongside?(tx: Db, result: CommandResult): Promise<void>;
}

export interface CommandResult {
  readonly version: number;
  readonly events: readonly StoredEvent[];
}

export interface NewDocument {
  readonly organisationId: string;
  readonly documentId: string;
  readonly events: readonly ParleyEvent[];
  readonly createdBy: string;
  readonly circulatedToObservers?: boolean;
}

interface Pending {
  readonly command: Command;
  resolve(result: CommandResult): void;
  reject(error: unknown): void;
}

interface Slot {
  state: DocumentState | undefined;
  organisationId: string | undefined;
  queue: Pending[];
  /** Serialises writes, catch-ups and refolds of this document within this process. */
  lock: Promise<void>;
  draining: boolean;
}

const MAX_BATCH = 256;
/** How long a version learnt without a database read is trusted, should a notification be lost. */
const VERSION_TTL_MS = 30_000;

export class EventStore {
  readonly #database: Database;
  readonly #now: () => Date;
  readonly #slots = new Map<string, Slot>();
  /** The latest committed version of each document known here, and when it was learnt. */
  readonly #committed = new Map<string, { version: number; at: number }>();

  constructor(database: Database, now: () => Date) {
    this.#database = database;
    this.#now = now;
  }

  /** Records a commit (ours, or another process's as announced by NOTIFY). */
  noteCommitted(documentId: string, version: number): void {
    const known = this.#committed.get(documentId);
    if (!known || known.version <= version) this.#committed.set(documentId, { version, at: Date.now() });
  }

  /**
   * The document's latest committed version: from this process's own commits and the
   * other processes' notifications, or from the database when unknown or older than
   * {@link VERSION_TTL_MS}; undefined when there is no such document.
   */
  async currentVersion(documentId: string): Promise<number | undefined> {
    const known = this.#committed.get(documentId);
    if (known && Date.now() - known.at < VERSION_TTL_MS) return known.version;
    const [row] = await this.db.select({ version: documents.version }).from(documents).where(eq(documents.id, documentId));
    if (!row) return undefined;
    this.noteCommitted(documentId, row.version);
    return row.version;
  }

  get db(): Db {
    return this.#database.db;
  }

  #slot(documentId: string): Slot {
    let slot = this.#slots.get(documentId);
    if (!slot) {
      slot = { state: undefined, organisationId: undefined, queue: [], lock: Promise.resolve(), draining: false };
      this.#slots.set(documentId, slot);
    }
    return slot;
  }

  /** Creates a stream for a new organisation. Call inside the transaction that creates it. */
  static async createStream(tx: Db, organisationId: string, genesis: string): Promise<void> {
    await tx.insert(streams).values({ organisationId, headSeq: 0, headHash: genesis });
  }

  /** Appends a whole new document (e.g. an imported draft) in one transaction. */
  async createDocument(input: NewDocument): Promise<CommandResult> {
    const state = emptyState();
    for (const event of input.events) {
      const result = tryApplyEvent(state, event);
      if (!result.ok) throw problem('ERR_DOCUMENT_EVENT_REJECTED', { message: result.rejection.message }, { extra: { rejection: result.rejection.code } });
    }
    const slot = this.#slot(input.documentId);
    return runLocked(slot, async () => {
      const now = this.#now();
      const stored = await this.db.transaction(async (tx) => {
        const head = await lockStream(tx, input.organisationId);
        await tx.insert(documents).values({
          id: input.documentId,
          organisationId: input.organisationId,
          title: state.title,
          notation: state.notation,
          version: state.version,
          initialVersion: state.version,
          provisionOrder: [...state.order],
          circulatedToObservers: input.circulatedToObservers ?? false,
          createdBy: input.createdBy,
          createdAt: now,
          updatedAt: now,
        });
        const rows = await insertEvents(tx, input.organisationId, head, input.documentId, 0, input.events);
        await project(tx, input.documentId, emptyCapture(), state);
        const last = rows.at(-1);
        if (last) await tx.update(streams).set({ headSeq: last.seq, headHash: last.hash }).where(eq(streams.organisationId, input.organisationId));
        if (last) await notify(tx, [{ organisationId: input.organisationId, documentId: input.documentId, version: last.version, type: last.event.type }]);
        return rows;
      });
      slot.state = state;
      slot.organisationId = input.organisationId;
      this.noteCommitted(input.documentId, state.version);
      return { version: state.version, events: stored };
    });
  }

  /** Queues a command on a document; resolves once it is committed (or refused). */
  append(documentId: string, command: Command): Promise<CommandResult> {
    const slot = this.#slot(documentId);
    return new Promise<CommandResult>((resolve, reject) => {
      slot.queue.push({ command, resolve, reject });
      if (!slot.draining) void this.#drain(documentId, slot);
    });
  }

  async #drain(documentId: string, slot: Slot): Promise<void> {
    slot.draining = true;
    try {
      while (slot.queue.length > 0) {
        // Let requests that are under way reach the queue first: PGlite runs a whole
        // transaction without yielding to I/O, so without this turn every batch is one command.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = slot.queue.splice(0, MAX_BATCH);
        await runLocked(slot, () => this.#runBatch(documentId, slot, batch));
      }
    } finally {
      slot.draining = false;
    }
  }

  async #runBatch(documentId: string, slot: Slot, batch: Pending[]): Promise<void> {
    const outcomes = new Map<Pending, { ok: true; result: CommandResult } | { ok: false; error: unknown }>();
    try {
      await this.db.transaction(async (tx) => {
        const organisationId = slot.organisationId ?? (await organisationOf(tx, documentId));
        if (organisationId === undefined) {
          for (const pending of batch) outcomes.set(pending, { ok: false, error: problem('ERR_DOCUMENT_NOT_FOUND', { documentId }) });
          return;
        }
        slot.organisationId = organisationId;
        // Lock the stream first, then read the document's committed version in a statement of
        // its own. Read in the same statement, the version could be stale: when the lock waits
        // for another process's commit, PostgreSQL (read committed) re-reads only the locked
        // row, and the joined document row stays as it was before — the next version then
        // collides with the one just committed (found by the soak with two processes).
        const [stream] = await tx
          .select({ seq: streams.headSeq, hash: streams.headHash })
          .from(streams)
          .where(eq(streams.organisationId, organisationId))
          .for('update');
        const [document] = stream
          ? await tx.select({ version: documents.version }).from(documents).where(and(eq(documents.id, documentId), eq(documents.organisationId, organisationId)))
          : [];
        const locked = stream && document ? { ...stream, version: document.version } : undefined;
        if (!locked) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
        const head: Head = { seq: locked.seq, hash: locked.hash };
        slot.state = await catchUp(tx, documentId, slot.state, locked.version);
        const state = slot.state;
        const before = capture(state);
        const accepted: { pending: Pending; from: number; events: ParleyEvent[] }[] = [];
        for (const pending of batch) {
          const { expectedVersion } = pending.command;
          if (expectedVersion !== null && expectedVersion !== state.version) {
            outcomes.set(pending, {
              ok: false,
              error: problem(
                'ERR_DOCUMENT_VERSION_CONFLICT',
                { expectedVersion, currentVersion: state.version },
                { extra: { currentVersion: state.version } },
              ),
            });
            continue;
          }
          let built: readonly ParleyEvent[];
          try {
            built = pending.command.build(state);
          } catch (error) {
            outcomes.set(pending, { ok: false, error });
            continue;
          }
          const from = state.version;
          const applied: ParleyEvent[] = [];
          for (const event of built) {
            const result = tryApplyEvent(state, event);
            if (!result.ok) {
              if (applied.length > 0) {
                // Part of this command is in the state already: throw it away and start over without it.
                throw new PartialCommand(pending, result.rejection.message, result.rejection.code);
              }
              outcomes.set(pending, {
                ok: false,
                error: problem('ERR_DOCUMENT_EVENT_REJECTED', { message: result.rejection.message }, { extra: { rejection: result.rejection.code } }),
              });
              break;
            }
            applied.push(event);
          }
          if (applied.length === built.length && applied.length > 0) accepted.push({ pending, from, events: applied });
          else if (applied.length === 0 && built.length === 0) outcomes.set(pending, { ok: true, result: { version: state.version, events: [] } });
        }
        if (accepted.length === 0) return;

        let cursor = head;
        const messages: LiveMessage[] = [];
        for (const item of accepted) {
          const rows = await insertEvents(tx, organisationId, cursor, documentId, item.from, item.events);
          const last = rows.at(-1);
          if (last) cursor = { seq: last.seq, hash: last.hash };
          for (const row of rows) messages.push({ organisationId, documentId, version: row.version, type: row.event.type });
          const result = { version: item.from + item.events.length, events: rows };
          if (item.pending.command.alongside) {
            try {
              await item.pending.command.alongside(tx, result);
            } catch (error) {
              throw new RefusedCommand(item.pending, error);
            }
          }
          outcomes.set(item.pending, { ok: true, result });
        }
        await project(tx, documentId, before, state);
        // One round trip for the document row, the stream head and the (after-commit) notifications.
        await tx.execute(sql`
          with moved_document as (
            update ${documents} set version = ${state.version}, title = ${state.title},
              provision_order = ${JSON.stringify(state.order)}::jsonb, updated_at = ${this.#now().toISOString()}::timestamptz
            where ${documents.id} = ${documentId}
          ), moved_head as (
            update ${streams} set head_seq = ${cursor.seq}, head_hash = ${cursor.hash}
            where ${streams.organisationId} = ${organisationId}
          )
          select pg_notify(${LIVE_CHANNEL}, m) from jsonb_array_elements_text(${notifications(messages)}::jsonb) as m`);
      });
    } catch (error) {
      // Whatever the state holds now may include events that were never committed.
      slot.state = undefined;
      if (error instanceof PartialCommand || error instanceof RefusedCommand) {
        error.pending.reject(
          error instanceof PartialCommand ? problem('ERR_DOCUMENT_EVENT_REJECTED', { message: error.message }, { extra: { rejection: error.code } }) : error.cause,
        );
        const rest = batch.filter((p) => p !== error.pending);
        if (rest.length > 0) await this.#runBatch(documentId, slot, rest);
        return;
      }
      for (const pending of batch) {
        const outcome = outcomes.get(pending);
        if (outcome && !outcome.ok) pending.reject(outcome.error);
        else pending.reject(error);
      }
      return;
    }
    if (slot.state && [...outcomes.values()].some((o) => o.ok)) this.noteCommitted(documentId, slot.state.version);
    for (const pending of batch) {
      const outcome = outcomes.get(pending);
      if (!outcome) pending.reject(new Error('The command was neither applied nor refused.'));
      else if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    }
  }

  /**
   * The document's state at its latest committed version, or undefined if there is no such
   * document. Do not mutate it; render from it synchronously.
   */
  async read(documentId: string): Promise<DocumentState | undefined> {
    const slot = this.#slot(documentId);
    const version = await this.currentVersion(documentId);
    if (version === undefined) return undefined;
    if (slot.state?.version === version) return slot.state;
    return runLocked(slot, async () => {
      // Re-read under the lock: a writer may have committed (or failed) while we waited.
      const [row] = await this.db.select({ version: documents.version }).from(documents).where(eq(documents.id, documentId));
      if (!row) return undefined;
      slot.state = await catchUp(this.db, documentId, slot.state, row.version);
      return slot.state;
    });
  }

  /** The document's state as it stood at `version` (for revisions), folded from the log. */
  async readAt(documentId: string, version: number): Promise<DocumentState> {
    return fold(await loadEvents(this.db, documentId, 0, version));
  }

  /** Events of one document after `afterVersion`, oldest first. */
  async page(documentId: string, afterVersion: number, limit: number): Promise<StoredEvent[]> {
    const rows = await this.db
      .select()
      .from(events)
      .where(and(eq(events.documentId, documentId), gt(events.docVersion, afterVersion)))
      .orderBy(asc(events.docVersion))
      .limit(limit);
    return rows.map((row) => ({ seq: row.seq, documentId: row.documentId, version: row.docVersion, event: row.payload as ParleyEvent, hash: row.hash }));
  }

  /** Forgets cached states (tests use it to prove a refold from the log gives the same). */
  forget(documentId?: string): void {
    if (documentId === undefined) this.#slots.clear();
    else this.#slots.delete(documentId);
  }
}

class PartialCommand extends Error {
  readonly pending: Pending;
  readonly code: string;
  constructor(pending: Pending, message: string, code: string) {
    super(message);
    this.name = 'PartialCommand';
    this.pending = pending;
    this.code = code;
  }
}

/** A command whose `alongside` writes failed: the transaction is rolled back and the batch rerun without it. */
class RefusedCommand extends Error {
  readonly pending: Pending;
  constructor(pending: Pending, cause: unknown) {
    super('The command was refused by its own writes.', { cause });
    this.name = 'RefusedCommand';
    this.pending = pending;
  }
}

async function organisationOf(tx: Db, documentId: string): Promise<string | undefined> {
  const [row] = await tx.select({ organisationId: documents.organisationId }).from(documents).where(eq(documents.id, documentId));
  return row?.organisationId;
}

async function loadEvents(db: Db, documentId: string, afterVersion: number, upToVersion: number): Promise<ParleyEvent[]> {
  const rows = await db
    .select({ payload: events.payload, version: events.docVersion })
    .from(events)
    .where(and(eq(events.documentId, documentId), gt(events.docVersion, afterVersion), sql`${events.docVersion} <= ${upToVersion}`))
    .orderBy(asc(events.docVersion));
  return rows.map((row) => row.payload as ParleyEvent);
}

/** Brings `state` (or a fresh fold) to `version` from the log. */
async function catchUp(db: Db, documentId: string, state: DocumentState | undefined, version: number): Promise<DocumentState> {
  if (state && state.version === version) return state;
  const base = state && state.version < version ? state : emptyState();
  const missing = await loadEvents(db, documentId, base.version, version);
  for (const event of missing) {
    const result = tryApplyEvent(base, event);
    if (!result.ok) throw new Error(`The log of document ${documentId} does not fold at version ${base.version + 1}: ${result.rejection.message}`);
  }
  if (base.version !== version) throw new Error(`The log of document ${documentId} has ${base.version} events, the document says ${version}.`);
  return base;
}

/** The messages as a JSON array of JSON strings, the form `jsonb_array_elements_text` unpacks. */
function notifications(messages: readonly LiveMessage[]): string {
  return JSON.stringify(messages.map((m) => JSON.stringify(m)));
}

async function notify(tx: Db, messages: readonly LiveMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, m) from jsonb_array_elements_text(${notifications(messages)}::jsonb) as m`);
}

