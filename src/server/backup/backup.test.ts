 
/**
 * Backup and restore, on both databases and across them: a restored database holds every row
 * (sessions aside), its log verifies and its heads equal the original's; a restore refuses a
 * database that is not empty, a backup of another schema level, a backup whose log was altered
 * (keeping nothing), and a file that is not a backup; the CLI commands do the same with exit codes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { asc, count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackup, runRestore } from '../cli-commands/backup.ts';
import type { Db } from '../db/database.ts';
import { events, organisations, streams } from '../db/schema.ts';
import { verifyLog } from '../store/verify-log.ts';
import type { DatabaseKind } from '../db/database.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, type TestApp } from '../test-support/fixtures.ts';
import { writeBackup } from './backup.ts';
import { backedUpTables, tableName, type BackupHeader } from './backup-format.ts';
import { restoreBackup, RestoreRefused } from './restore.ts';
import { disasterReport } from '../test-support/exchange-payloads.ts';

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of backedUpTables()) counts[tableName(table)] = Number((await db.select({ n: count() }).from(table))[0]!.n);
  return counts;
}
const hashes = async (db: Db) => (await db.select({ seq: events.seq, hash: events.hash }).from(events).orderBy(asc(events.organisationId), asc(events.seq))).map((e) => `${e.seq}:${e.hash}`);

/** Rewrites a backup's lines (decompressed), for the tests that spoil one. */
async function rewrite(from: string, to: string, change: (lines: string[]) => string[]): Promise<void> {
  const lines = gunzipSync(await readFile(from)).toString('utf8').split('\n').filter(Boolean);
  await writeFile(to, gzipSync(change(lines).join('\n') + '\n'));
}

/** A database with an organisation, a document and an exchange submission (its body outside the log), and its backup. */
async function makeSource(kind: DatabaseKind, folder: string): Promise<{ source: TestDatabase; t: TestApp; file: string }> {
  const source = await openTestDatabase(kind);
  const t = await makeTestApp(source.database);
  const doc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json() as { document: { id: string } };
  expect(doc.document.id).toMatch(/^\S+$/u);
  const sent = await t.request('isr', 'POST', `/api/organisations/${ORG}/exchange/submissions`, disasterReport(['KAZ'], 'Flood'));
  expect(sent.statusCode, sent.body).toBe(201);
  const file = join(folder, `parley-${kind}.backup.gz`);
  await writeBackup(source.database.db, file, new Date('2021-06-03T00:00:00.000Z'));
  return { source, t, file };
}

describe.each(DATABASE_KINDS)('backup and restore on %s', (kind) => {
  let source: TestDatabase;
  let t: TestApp;
  let folder: string;
  let file: string;
  const opened: TestDatabase[] = [];
  const fresh = async (on = kind): Promise<TestDatabase> => {
    const database = await openTestDatabase(on);
    opened.push(database);
    return database;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'parley-backup-'));
    ({ source, t, file } = await makeSource(kind, folder));
  });
  afterAll(async () => {
    await t.app.close();
    await source.dispose();
    for (const database of opened) await database.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('restores every row into an empty database, with a log that verifies to the same heads', async () => {
    const target = await fresh();
    const summary = await restoreBackup(target.database.db, file);
    const expected = await rowCounts(source.database.db);
    expect(expected.events).toBeGreaterThan(5);
    expect(expected.exchange_bodies).toBe(1);
    expect(await rowCounts(target.database.db)).toEqual(expected);
    expect(summary.rows).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(await verifyLog(target.database.db)).toMatchObject({ ok: true, checked: expected.events });
    expect(await hashes(target.database.db)).toEqual(await hashes(source.database.db));
    expect(await target.database.db.select().from(streams)).toEqual(await source.database.db.select().from(streams));
    // The restored database takes new writes: serial ids go on from the restored ones.
    const app = await makeTestAppOnRestored(target);
    expect(app).toBe(true);
  });

  /** Signs in on the restored database (sessions were not kept) and writes: the audit's serial id must not collide. */
  async function makeTestAppOnRestored(target: TestDatabase): Promise<boolean> {
    const { buildApp } = await import('../app.ts');
    const app = await buildApp({ database: target.database, now: () => new Date('2021-06-04T00:00:00.000Z'), newId: () => `restored-${Math.random().toString(36).slice(2)}` });
    try {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sec', password: 'correct horse battery staple' } });
      expect(response.statusCode, response.body).toBe(200);
      return true;
    } finally {
      await app.close();
    }
  }

  it('refuses a database that is not empty, another schema level, an altered log and a file that is not a backup — keeping nothing', async () => {
    await expect(restoreBackup(source.database.db, file)).rejects.toThrow(/^The database is not empty \(table \w+ has rows\): restore into a new, empty database\.$/u);

    const target = await fresh();
    const otherLevel = join(folder, 'other-level.gz');
    await rewrite(file, otherLevel, ([header, ...rows]) => [JSON.stringify({ ...(JSON.parse(header!) as BackupHeader), migrations: 99 }), ...rows]);
    await expect(restoreBackup(target.database.db, otherLevel)).rejects.toThrow(/^The backup was made at schema level 99 and this Parley is at \d+/u);

    const altered = join(folder, 'altered.gz');
    await rewrite(file, altered, (lines) =>
      lines.map((line) => {
        const parsed = JSON.parse(line) as { t?: string; r?: { seq: number; payload: { at: string } } };
        if (parsed.t === 'events' && parsed.r!.seq === 3) parsed.r!.payload.at = '1999-01-01T00:00:00.000Z';
        return JSON.stringify(parsed);
      }),
    );
    const refusal = await restoreBackup(target.database.db, altered).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RestoreRefused);
    expect((refusal as Error).message).toMatch(/^The restored log does not verify: organisation org-test: event #3 .* was altered/u);
    expect((await target.database.db.select({ n: count() }).from(organisations))[0]!.n, 'the refused restore kept nothing').toBe(0);

    const text = join(folder, 'not-a-backup.gz');
    await writeFile(text, gzipSync('hello\n'));
    await expect(restoreBackup(target.database.db, text)).rejects.toThrow('This is not a Parley backup (parley-backup/1)');
    const plain = join(folder, 'plain.txt');
    await writeFile(plain, 'not even gzip');
    await expect(restoreBackup(target.database.db, plain)).rejects.toThrow(/^This is not a Parley backup: /u);

    // After all that, the empty database still takes the real backup.
    await restoreBackup(target.database.db, file);
    expect(await verifyLog(target.database.db)).toMatchObject({ ok: true });
  });

});

describe('backup and restore from the command line, and across databases', () => {
  let source: TestDatabase;
  let t: TestApp;
  let folder: string;
  let file: string;
  const opened: TestDatabase[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'parley-backup-'));
    ({ source, t, file } = await makeSource('pglite', folder));
  });
  afterAll(async () => {
    await t.app.close();
    await source.dispose();
    for (const database of opened) await database.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('parley backup and parley restore on data folders, with exit codes', async () => {
    const run = async (command: typeof runBackup, args: string[], env: Record<string, string>) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await command(args, { out: (line) => out.push(line), err: (line) => err.push(line), env });
      return { code, out, err };
    };
    const restoredDir = join(folder, 'restored-data');
    const restored = await run(runRestore, [file], { PARLEY_DATA_DIR: restoredDir });
    expect(restored.code, restored.err.join('\n')).toBe(0);
    expect(restored.out[0]).toMatch(/^restore: \d+ rows restored from .*; the log verifies \(\d+ events\)\.$/u);
    const again = await run(runRestore, [file], { PARLEY_DATA_DIR: restoredDir });
    expect(again).toMatchObject({ code: 1, err: [expect.stringContaining('restore: nothing was restored. The database is not empty')] });

    const second = join(folder, 'second.gz');
    const backedUp = await run(runBackup, [second], { PARLEY_DATA_DIR: restoredDir });
    expect(backedUp.code, backedUp.err.join('\n')).toBe(0);
    const [head] = await source.database.db.select().from(streams);
    expect(backedUp.out).toContain(`backup: ${ORG}: log head #${head!.headSeq} ${head!.headHash}`);
    expect(await run(runBackup, [second], { PARLEY_DATA_DIR: restoredDir })).toMatchObject({ code: 2, err: [expect.stringContaining('already exists')] });
    expect(await run(runRestore, [join(folder, 'missing.gz')], { PARLEY_DATA_DIR: restoredDir })).toMatchObject({ code: 2, err: [expect.stringContaining('there is no file')] });
  });

  // Only where a real PostgreSQL is given (CI always gives one).
  if (DATABASE_KINDS.includes('postgres')) {
  it('restores a PGlite backup into PostgreSQL, the same log to the same heads', async () => {
    const target = await openTestDatabase('postgres');
    opened.push(target);
    await restoreBackup(target.database.db, file);
    expect(await verifyLog(target.database.db)).toMatchObject({ ok: true });
    expect(await hashes(target.database.db)).toEqual(await hashes(source.database.db));
  });

  }
});
