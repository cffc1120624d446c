/**
 * Test databases: PGlite always (cloned in memory from the migrated template), and a real
 * PostgreSQL when TEST_DATABASE_URL is set — each one a new database, dropped afterwards.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../db/database.ts';
import { ensureTemplate } from '../db/pglite-template.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DATABASE_KINDS: readonly DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  readonly database: Database;
  /** For Postgres: the URL of this test's own database (child processes connect to it). */
  readonly url: string | null;
  dispose(): Promise<void>;
}

/**
 * Creates a new, empty, uniquely named Postgres database on the server of `adminUrl`
 * (TEST_DATABASE_URL by default); returns its URL and a function that drops it.
 */
export async function createPostgresDatabase(adminUrl = process.env.TEST_DATABASE_URL, prefix = 'parley_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set.');
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    // A copy of the migrated template folder opens in well under a second.
    await ensureTemplate();
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-test-'));
    const database = await openPglite({ dataDir });
    await database.migrate();
    return {
      database,
      url: null,
      dispose: async () => {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await createPostgresDatabase();
  const database = openPostgres(url);
  await database.migrate();
  return {
    database,
    url,
    dispose: async () => {
      await database.close();
      await drop();
    },
  };
}
