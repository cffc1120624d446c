/**
 * `parley backup`: every table but sessions, read in one snapshot (a repeatable-read,
 * read-only transaction, so a server writing meanwhile cannot tear it), written as a Parley
 * backup (backup-format.ts).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { asc, count, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.ts';
import { streams } from '../db/schema.ts';
import { BACKUP_FORMAT, backedUpTables, tableName, type BackupHeader } from './backup-format.ts';

const PAGE = 2000;

export interface BackupSummary {
  readonly header: BackupHeader;
  readonly bytes: number;
}

export async function migrationLevel(db: Db): Promise<number> {
  // Read through the query builder: drizzle's `execute` answers in each driver's own shape.
  const [row] = await db.select({ n: count() }).from(sql`drizzle.__drizzle_migrations`);
  return Number(row!.n);
}

/** The columns a table's rows are read in order of: its primary key. */
function orderOf(table: PgTable) {
  const config = getTableConfig(table);
  const key = config.primaryKeys[0]?.columns ?? config.columns.filter((column) => column.primary);
  return (key.length > 0 ? key : config.columns).map((column) => asc(column));
}

async function* lines(db: Db, now: Date): AsyncGenerator<string> {
  const tables = backedUpTables();
  const rows: Record<string, number> = {};
  for (const table of tables) rows[tableName(table)] = Number((await db.select({ n: count() }).from(table))[0]!.n);
  const heads = Object.fromEntries((await db.select().from(streams)).map((head) => [head.organisationId, { seq: head.headSeq, hash: head.headHash }]));
  const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: now.toISOString(), migrations: await migrationLevel(db), tables: tables.map(tableName), rows, heads };
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    const name = tableName(table);
    for (let offset = 0; offset < rows[name]!; offset += PAGE) {
      const page = await db.select().from(table).orderBy(...orderOf(table)).limit(PAGE).offset(offset);
      yield page.map((row) => `${JSON.stringify({ t: name, r: row })}\n`).join('');
    }
  }
}

/** Writes the backup to `file`; the header it wrote is returned (its row counts and heads). */
export async function writeBackup(db: Db, file: string, now: Date): Promise<BackupSummary> {
  let header: BackupHeader | undefined;
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  await once(out, 'open');
  await db.transaction(
    async (tx) => {
      const source = Readable.from(
        (async function* () {
          for await (const chunk of lines(tx, now)) {
            header ??= JSON.parse(chunk) as BackupHeader;
            yield chunk;
          }
        })(),
      );
      await pipeline(source, createGzip(), out);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return { header: header!, bytes: out.bytesWritten };
}
