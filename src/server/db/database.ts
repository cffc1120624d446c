/**
 * One seam for storage: the embedded PGlite (a data folder) or a PostgreSQL server
 * (`DATABASE_URL`), with the same Drizzle schema and migrations. Everything above this
 * file sees a {@link Database} and does not know which one it has.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { migrationsFolder } from './package-root.ts';
import { schema } from './schema.ts';
import { acquireLockFile, type LockFile } from './lock-file.ts';
import { copyTemplate, ensureTemplate } from './pglite-template.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export type ListenState = 'lost' | 'resumed';

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /**
   * Calls `onMessage` for every NOTIFY on `channel` (after the notifying transaction commits).
   * `onConnection('lost')` is called at once when the listening connection to the database
   * is lost (Postgres restarted), `onConnection('resumed')` when it listens again:
   * notifications sent in between were missed, so the listener reads what it needs from the
   * tables again. PGlite is in process and never loses it.
   */
  listen(channel: string, onMessage: (payload: string) => void, onConnection?: (state: ListenState) => void): Promise<() => Promise<void>>;
  /** Runs `fn` while holding a lock that other server processes on the same database respect. */
  withStartupLock<T>(fn: () => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

// Any constant works; it only has to be the same in every Parley process.
const STARTUP_LOCK_KEY = 748_201_117;

export interface PgliteOptions {
  /** A data folder, or undefined for an in-memory database. */
  readonly dataDir?: string;
}

/** Opens PGlite. With a data folder, holds a lock file so that a second process refuses to start. */
export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  let lock: LockFile | undefined;
  let client: PGlite;
  if (options.dataDir !== undefined) {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    lock = acquireLockFile(join(dataDir, 'parley.lock'));
    const pgData = join(dataDir, 'pglite');
    try {
      if (!existsSync(join(pgData, 'PG_VERSION'))) {
        rmSync(pgData, { recursive: true, force: true });
        // initdb costs 4–8 s; a migrated template folder is copied in a fraction of that.
        if (!copyTemplate(pgData)) await ensureTemplate().then(() => copyTemplate(pgData));
      }
      client = await PGlite.create(pgData);
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    async listen(channel, onMessage) {
      const unlisten = await client.listen(channel, onMessage);
      return async () => {
        if (!closed) await unlisten();
      };
    },
    withStartupLock: (fn) => fn(),
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      lock?.release();
    },
  };
}

/** Opens a pool on a PostgreSQL server, plus one dedicated connection for LISTEN. */
export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor a client checked out of the pool (inside a transaction, between two queries) when
  // Postgres restarts: node-postgres emits 'error' on that client, and an 'error' without a
  // listener ended the whole process. The failure still reaches the code using the client
  // (its next query rejects; the error handler answers 503), and the pool drops the dead
  // client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const connectionHandlers = new Set<(state: ListenState) => void>();
  let closed = false;
  let relistening = false;

  async function connectListener(): Promise<pg.Client> {
    if (listener) return listener;
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    // The server went away (an error on an idle connection, or the socket simply ending when
    // Postgres shuts down): forget this connection and listen again on a new one. Before this
    // handled 'end' too, a fast shutdown could leave the process deaf to NOTIFY for good.
    const lost = (): void => {
      if (listener !== client) return;
      listener = undefined;
      if (closed) return;
      for (const handler of connectionHandlers) handler('lost');
      scheduleRelisten(500);
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    listener = client;
    return client;
  }

  function scheduleRelisten(ms: number): void {
    if (relistening) return;
    relistening = true;
    setTimeout(() => void relisten(), ms).unref();
  }

  async function relisten(): Promise<void> {
    try {
      const client = await connectListener();
      for (const channel of handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
      relistening = false;
    } catch {
      // Connected but LISTEN failed (the server still starting up): start over on a new connection.
      const stale = listener;
      listener = undefined;
      void stale?.end().catch(() => undefined);
      relistening = false;
      if (!closed) scheduleRelisten(1000);
      return;
    }
    // Only now, when listening again: whatever committed while deaf is read from the tables.
    for (const handler of connectionHandlers) handler('resumed');
  }

  return {
    kind: 'postgres',
    db,
    async listen(channel, onMessage, onConnection) {
      if (onConnection) connectionHandlers.add(onConnection);
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        const client = await connectListener();
        await client.query(`LISTEN ${quoteIdent(channel)}`);
      }
      set.add(onMessage);
      return () => {
        set.delete(onMessage);
        if (onConnection) connectionHandlers.delete(onConnection);
        return Promise.resolve();
      };
    },
    async withStartupLock(fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    async migrate() {
      await migratePg(db as never, { migrationsFolder: migrationsFolder() });
    },
    async close() {
      if (closed) return;
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
