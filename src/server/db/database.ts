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

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** Calls `onMessage` for every NOTIFY on `channel` (after the notifying transaction commits). */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
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
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let closed = false;

  async function connectListener(): Promise<pg.Client> {
    if (listener) return listener;
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', () => {
      // The server went away: forget this connection and listen again on a new one.
      listener = undefined;
      if (!closed) setTimeout(() => void relisten(), 500).unref();
    });
    await client.connect();
    listener = client;
    return client;
  }

  async function relisten(): Promise<void> {
    try {
      const client = await connectListener();
      for (const channel of handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch {
      if (!closed) setTimeout(() => void relisten(), 1000).unref();
    }
  }

  return {
    kind: 'postgres',
    db,
    async listen(channel, onMessage) {
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
