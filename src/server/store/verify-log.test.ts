import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, type Database } from '../db/database.ts';
import { runVerifyLog } from '../cli-commands/verify-log.ts';
import { runUser } from '../cli-commands/user.ts';
import { DATABASE_KINDS, createPostgresDatabase } from '../test-support/databases.ts';
import { counterIds, ORG, seedOrganisation, SMALL_DRAFT, steppingClock } from '../test-support/fixtures.ts';
import { importDocument } from '../services/documents.ts';
import { EventStore } from './event-store.ts';
import { schemaTables, tableName } from '../backup/backup-format.ts';
import { verifyLog } from './verify-log.ts';
import { events } from '../db/schema.ts';
import { openPostgres } from '../db/database.ts';

/** Each test gets a fresh database with two small documents (so two documents interleave in one stream). */
describe.each(DATABASE_KINDS)('verify-log on %s', (kind) => {
  let database: Database;
  let opened = false;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  const lines: string[] = [];
  const io = () => ({ out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), env });

  async function open(): Promise<Database> {
    return kind === 'pglite' ? openPglite({ dataDir: env.PARLEY_DATA_DIR! }) : openPostgres(env.DATABASE_URL!);
  }

  beforeAll(async () => {
    if (kind === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'parley-verify-'));
      env = { PARLEY_DATA_DIR: dir };
      cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
    } else {
      const created = await createPostgresDatabase();
      env = { DATABASE_URL: created.url };
      cleanup = created.drop;
    }
  });
  afterAll(async () => {
    await database.close();
    await cleanup();
  });

  beforeEach(async () => {
    lines.length = 0;
    if (!opened) {
      database = await open();
      await database.migrate();
      opened = true;
    }
    // A clean slate without reopening the database: every table, emptied.
    await database.db.execute(sql.raw(`truncate table ${schemaTables().map(tableName).join(', ')}`));
    const now = steppingClock();
    await seedOrganisation(database, now());
    const context = { database, store: new EventStore(database, now), now, newId: counterIds() };
    const actor = { user: 'user-sec', delegation: null, role: 'secretariat' } as const;
    await importDocument(context, { organisationId: ORG, text: SMALL_DRAFT, actor, documentId: 'a' });
    await importDocument(context, { organisationId: ORG, text: SMALL_DRAFT, actor, documentId: 'b' });
  });

  async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
    // As an administrator would: switch off the append-only trigger first.
    await database.db.execute(sql`alter table events disable trigger events_append_only`);
    await database.db.execute(statement);
    await database.db.execute(sql`alter table events enable trigger events_append_only`);
  }

  it('finds an intact log intact, through the command too', async () => {
    expect(await verifyLog(database.db)).toMatchObject({ ok: true, problems: [] });
    if (kind === 'pglite') {
      // The data folder is in use: the command refuses with the lock's message instead of opening it twice.
      expect(await runVerifyLog([], io())).toBe(2);
      expect(lines.join('\n')).toMatch(/Another Parley process \(pid \d+\) is using this data folder/u);
      await database.close();
    }
    lines.length = 0;
    expect(await runVerifyLog([], io())).toBe(0);
    expect(lines.join('\n')).toMatch(/the log is intact \(\d+ events checked\)/u);
    if (kind === 'pglite') database = await open();
  });

  it('refuses updates and deletes through the append-only trigger', async () => {
    await expect(database.db.execute(sql`update events set type = 'x' where seq = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from events where seq = 1`)).rejects.toThrow();
  });

  it('names an altered event', async () => {
    await tamper(sql`update events set payload = jsonb_set(payload, '{at}', '"2021-06-02T09:00:00.000Z"') where seq = 3`);
    const report = await verifyLog(database.db);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'altered', seq: 3, documentId: 'a' })]);
    if (kind === 'pglite') await database.close();
    expect(await runVerifyLog([], io())).toBe(1);
    expect(lines.join('\n')).toMatch(/event #3 \(.*document a.*\) was altered/u);
    if (kind === 'pglite') database = await open();
  });

  it('names an altered actor column even when the payload is intact', async () => {
    await tamper(sql`update events set delegation = 'IND' where seq = 2`);
    expect((await verifyLog(database.db)).problems).toEqual([expect.objectContaining({ kind: 'altered', seq: 2 })]);
  });

  it('names a removed event', async () => {
    await tamper(sql`delete from events where seq = 4`);
    expect((await verifyLog(database.db)).problems).toEqual([expect.objectContaining({ kind: 'removed', seq: 4 })]);
  });

  it('names removed last events', async () => {
    const [row] = await database.db.select({ n: sql<number>`max(${events.seq})::int` }).from(events);
    await tamper(sql`delete from events where seq = ${row!.n}`);
    expect((await verifyLog(database.db)).problems).toEqual([expect.objectContaining({ kind: 'removed', seq: row!.n })]);
  });

  it('names reordered events', async () => {
    await database.db.execute(sql`alter table events disable trigger events_append_only`);
    await database.db.execute(sql`update events set seq = -1 where seq = 5`);
    await database.db.execute(sql`update events set seq = 5 where seq = 6`);
    await database.db.execute(sql`update events set seq = 6 where seq = -1`);
    expect((await verifyLog(database.db)).problems).toEqual([expect.objectContaining({ kind: 'reordered', seq: 5 })]);
  });

  it('administers users from the command line', async () => {
    if (kind === 'pglite') await database.close();
    expect(await runUser(['add', 'newchair', '--org', ORG, '--role', 'chair', '--name', 'New Chair'], io())).toBe(0);
    expect(lines.at(-1)).toMatch(/^User newchair added\. Password \(shown once\): \S{20}$/u);
    expect(await runUser(['add', 'x', '--org', ORG, '--role', 'delegate', '--delegation', 'ZZZ'], io())).toBe(1);
    expect(lines.at(-1)).toMatch(/ZZZ is not a delegation of this organisation/u);
    expect(await runUser(['disable', 'newchair'], io())).toBe(0);
    expect(await runUser(['reset-mfa', 'ind'], io())).toBe(0);
    expect(await runUser(['disable', 'nobody'], io())).toBe(1);
    expect(await runUser(['frobnicate', 'x'], io())).toBe(2);
    if (kind === 'pglite') database = await open();
  });
});
