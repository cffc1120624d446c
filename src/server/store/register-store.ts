/**
 * A register is a stream of an organisation's log that is not a document: the catalogue's
 * coordinators and chosen measures, the information exchange. Its events are chained into the
 * same log as the documents' (one verification covers everything a state did), and its state
 * is the fold of its events by a pure domain from `src/core`.
 *
 * Writes are rare beside a negotiation's, so there is no group commit: each command is one
 * transaction under the organisation's stream lock, which also orders other server processes.
 * The folded state is cached per organisation and caught up from the log when another
 * process has moved the register on.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { LoggedEvent } from '../../core/events/event.ts';
import type { Database, Db } from '../db/database.ts';
import { events, registers } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { runLocked } from './serial-lock.ts';
import { insertEvents, lockStream, type StoredLogEvent } from './log-append.ts';

export const REGISTER_CHANNEL = 'parley_registers';

/** What subscribers are told after a commit; each reader is then told only what it may see. */
export interface RegisterMessage {
  readonly organisationId: string;
  readonly kind: string;
  readonly version: number;
}

/** Why an event does not apply: a code for programs, a sentence for people. */
export interface RegisterRejection {
  readonly code: string;
  readonly message: string;
}

/** The pure domain a register folds with. */
export interface RegisterDomain<S, E extends LoggedEvent> {
  /** Names the register: `catalogue`, `exchange`. */
  readonly kind: string;
  empty(): S;
  /** Validates the event fully, then applies it; a rejection leaves the state untouched. */
  apply(state: S, event: E): RegisterRejection | null;
}

export interface RegisterCommand<S, E extends LoggedEvent> {
  /** The events to append given the current state; may throw a ProblemError to refuse. */
  build(state: S): readonly E[];
  /** Writes that commit with the events or not at all (a body kept outside the log, say). */
  alongside?(tx: Db, result: RegisterResult<E>): Promise<void>;
}

export interface RegisterResult<E extends LoggedEvent> {
  readonly version: number;
  readonly events: readonly StoredLogEvent<E>[];
}

export interface RegisterRead<S> {
  readonly state: S;
  readonly version: number;
}

interface Slot<S> {
  state: S | undefined;
  version: number;
  lock: Promise<void>;
}

export function registerStreamId(kind: string, organisationId: string): string {
  return `${kind}@${organisationId}`;
}

export class RegisterStore<S, E extends LoggedEvent> {
  readonly #database: Database;
  readonly #domain: RegisterDomain<S, E>;
  readonly #now: () => Date;
  readonly #slots = new Map<string, Slot<S>>();

  constructor(database: Database, domain: RegisterDomain<S, E>, now: () => Date) {
    this.#database = database;
    this.#domain = domain;
    this.#now = now;
  }

  get kind(): string {
    return this.#domain.kind;
  }

  #slot(organisationId: string): Slot<S> {
    let slot = this.#slots.get(organisationId);
    if (!slot) {
      slot = { state: undefined, version: 0, lock: Promise.resolve() };
      this.#slots.set(organisationId, slot);
    }
    return slot;
  }

  /** The register's state at its latest committed version. Do not mutate it. */
  async read(organisationId: string): Promise<RegisterRead<S>> {
    const slot = this.#slot(organisationId);
    return runLocked(slot, async () => {
      const version = await registerVersion(this.#database.db, registerStreamId(this.kind, organisationId));
      await this.#catchUp(this.#database.db, organisationId, slot, version);
      return { state: slot.state as S, version: slot.version };
    });
  }

  /** Appends the command's events in one transaction; resolves once committed. */
  async append(organisationId: string, command: RegisterCommand<S, E>): Promise<RegisterResult<E>> {
    const slot = this.#slot(organisationId);
    const streamId = registerStreamId(this.kind, organisationId);
    return runLocked(slot, async () => {
      let dirty = false;
      try {
        return await this.#database.db.transaction(async (tx) => {
          const head = await lockStream(tx, organisationId);
          const version = await registerVersion(tx, streamId);
          await this.#catchUp(tx, organisationId, slot, version);
          const state = slot.state as S;
          const built = command.build(state);
          for (const [index, event] of built.entries()) {
            dirty = true;
            const rejection = this.#domain.apply(state, event);
            if (rejection) {
              if (index === 0) dirty = false;
              throw problem('ERR_REGISTER_CHANGE_REFUSED', { message: rejection.message }, { extra: { rejection: rejection.code } });
            }
          }
          if (built.length === 0) return { version, events: [] };
          const rows = await insertEvents(tx, organisationId, head, streamId, version, built);
          const last = rows.at(-1)!;
          const result: RegisterResult<E> = { version: last.version, events: rows };
          if (command.alongside) await command.alongside(tx, result);
          const now = this.#now();
          await tx
            .insert(registers)
            .values({ id: streamId, organisationId, kind: this.kind, version: last.version, updatedAt: now })
            .onConflictDoUpdate({ target: registers.id, set: { version: last.version, updatedAt: now } });
          const message: RegisterMessage = { organisationId, kind: this.kind, version: last.version };
          await tx.execute(sql`
            with moved_head as (
              update streams set head_seq = ${last.seq}, head_hash = ${last.hash} where organisation_id = ${organisationId}
            )
            select pg_notify(${REGISTER_CHANNEL}, ${JSON.stringify(message)})`);
          slot.version = last.version;
          return result;
        });
      } catch (error) {
        // The cached state may hold events that were never committed: fold afresh next time.
        if (dirty) {
          slot.state = undefined;
          slot.version = 0;
        }
        throw error;
      }
    });
  }

  /** The register's events after `afterVersion`, oldest first (for catch-up and replays). */
  async page(organisationId: string, afterVersion: number, limit: number): Promise<StoredLogEvent<E>[]> {
    const streamId = registerStreamId(this.kind, organisationId);
    const rows = await this.#database.db
      .select()
      .from(events)
      .where(and(eq(events.documentId, streamId), gt(events.docVersion, afterVersion)))
      .orderBy(asc(events.docVersion))
      .limit(limit);
    return rows.map((row) => ({ seq: row.seq, documentId: row.documentId, version: row.docVersion, event: row.payload as E, hash: row.hash }));
  }

  /** Forgets cached states (tests use it to prove a refold from the log gives the same). */
  forget(): void {
    this.#slots.clear();
  }

  async #catchUp(db: Db, organisationId: string, slot: Slot<S>, version: number): Promise<void> {
    if (slot.state !== undefined && slot.version === version) return;
    if (slot.state === undefined || slot.version > version) {
      slot.state = this.#domain.empty();
      slot.version = 0;
    }
    const streamId = registerStreamId(this.kind, organisationId);
    const rows = await db
      .select({ payload: events.payload, version: events.docVersion })
      .from(events)
      .where(and(eq(events.documentId, streamId), gt(events.docVersion, slot.version), sql`${events.docVersion} <= ${version}`))
      .orderBy(asc(events.docVersion));
    for (const row of rows) {
      const rejection = this.#domain.apply(slot.state, row.payload as E);
      if (rejection) {
        slot.state = undefined;
        throw new Error(`The ${this.kind} register of ${organisationId} does not fold at version ${row.version}: ${rejection.message}`);
      }
      slot.version = row.version;
    }
    if (slot.version !== version) {
      slot.state = undefined;
      throw new Error(`The ${this.kind} register of ${organisationId} has ${slot.version} events, its row says ${version}.`);
    }
  }
}

async function registerVersion(db: Db, streamId: string): Promise<number> {
  const [row] = await db.select({ version: registers.version }).from(registers).where(eq(registers.id, streamId));
  return row?.version ?? 0;
}
