/**
 * `parley restore`: a Parley backup into an empty database at the same migration level, in
 * one transaction. Before it commits, the restored log is verified (verify-log) and each
 * organisation's head must equal the backup's, and each table must hold the rows the backup
 * counted; otherwise nothing is kept and the reason is given.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { count, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.ts';
import { streams } from '../db/schema.ts';
import { verifyLog } from '../store/verify-log.ts';
import { migrationLevel } from './backup.ts';
import { BACKUP_FORMAT, backedUpTables, dateColumns, tableName, type BackupHeader, type BackupLine } from './backup-format.ts';

const BATCH = 500;

/** A restore that cannot be done, with the reason in words a person can act on. */
export class RestoreRefused extends Error {}

export interface RestoreSummary {
  readonly header: BackupHeader;
  readonly rows: number;
  readonly eventsVerified: number;
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line === undefined ? undefined : (JSON.parse(line) as Partial<BackupHeader>);
  } catch {
    // Reported below, as for any other file that is not a backup.
  }
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.tables) || typeof header.migrations !== 'number') {
    throw new RestoreRefused(`This is not a Parley backup (${BACKUP_FORMAT}): its first line is not a backup's header.`);
  }
  return header as BackupHeader;
}

export async function restoreBackup(db: Db, file: string): Promise<RestoreSummary> {
  const tables = new Map(backedUpTables().map((table) => [tableName(table), table]));
  for (const [name, table] of tables) {
    if (Number((await db.select({ n: count() }).from(table))[0]!.n) > 0) {
      throw new RestoreRefused(`The database is not empty (table ${name} has rows): restore into a new, empty database.`);
    }
  }
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = input[Symbol.asyncIterator]();
  let header: BackupHeader;
  try {
    header = parseHeader((await iterator.next()).value as string | undefined);
  } catch (error) {
    input.close();
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`This is not a Parley backup: ${(error as Error).message}.`);
  }
  const level = await migrationLevel(db);
  if (header.migrations !== level) {
    input.close();
    throw new RestoreRefused(
      `The backup was made at schema level ${header.migrations} and this Parley is at ${level}: restore it with the Parley version that made it, then upgrade.`,
    );
  }
  const unknown = header.tables.filter((name) => !tables.has(name));
  if (unknown.length > 0) throw new RestoreRefused(`The backup holds tables this Parley does not know (${unknown.join(', ')}).`);

  let total = 0;
  const eventsVerified = await db.transaction(async (tx) => {
    let batch: Record<string, unknown>[] = [];
    const open: { current: { table: PgTable; dates: ReadonlySet<string> } | null } = { current: null };
    const flush = async (): Promise<void> => {
      if (open.current && batch.length > 0) await tx.insert(open.current.table).values(batch);
      total += batch.length;
      batch = [];
    };
    for await (const text of { [Symbol.asyncIterator]: () => iterator }) {
      if (text === '') continue;
      const line = JSON.parse(text) as BackupLine;
      const table = tables.get(line.t);
      if (!table) throw new RestoreRefused(`Row ${total + batch.length + 1} names a table this Parley does not know (${line.t}).`);
      if (open.current?.table !== table || batch.length >= BATCH) {
        await flush();
        open.current = { table, dates: dateColumns(table) };
      }
      const row: Record<string, unknown> = { ...line.r };
      for (const key of open.current.dates) if (typeof row[key] === 'string') row[key] = new Date(row[key]);
      batch.push(row);
    }
    await flush();
    // Serial ids go on from the highest restored one.
    await tx.execute(sql`select setval(pg_get_serial_sequence('audit', 'id'), greatest((select max(id) from audit), 1))`);
    for (const [name, expected] of Object.entries(header.rows)) {
      const held = Number((await tx.select({ n: count() }).from(tables.get(name)!))[0]!.n);
      if (held !== expected) throw new RestoreRefused(`The backup is incomplete: table ${name} should have ${expected} rows and ${held} were restored.`);
    }
    const report = await verifyLog(tx);
    if (!report.ok) throw new RestoreRefused(`The restored log does not verify: ${report.problems.map((p) => `organisation ${p.organisationId}: ${p.message}`).join(' ')}`);
    const heads = new Map((await tx.select().from(streams)).map((head) => [head.organisationId, head]));
    for (const [organisationId, head] of Object.entries(header.heads)) {
      const restored = heads.get(organisationId);
      if (restored?.headSeq !== head.seq || restored.headHash !== head.hash) {
        throw new RestoreRefused(`Organisation ${organisationId}'s restored log ends at a different head than the backup's (#${head.seq} ${head.hash}).`);
      }
    }
    return report.checked;
  });
  return { header, rows: total, eventsVerified };
}
