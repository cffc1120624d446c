/**
 * A Parley backup: gzip-compressed JSON lines. The first line is the header (format, when,
 * the schema's migration level, the tables in restore order, and each organisation's log
 * head); every other line is one row, `{ "t": table, "r": row }`, the row by column name.
 * Being logical rather than a copy of the files, a backup of PGlite restores into PostgreSQL
 * and back; the log's heads in the header let a restore prove it restored the same log.
 * Sessions are not kept: whoever was signed in signs in again after a restore.
 */
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema.ts';

export const BACKUP_FORMAT = 'parley-backup/1';

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  /** How many migrations the database had applied: a restore needs the same. */
  readonly migrations: number;
  /** Table names in the order they are restored (each after those it refers to). */
  readonly tables: readonly string[];
  /** Rows per table, to check the restore is whole. */
  readonly rows: Readonly<Record<string, number>>;
  /** Each organisation's stream head: what the restored log must verify to. */
  readonly heads: Readonly<Record<string, { readonly seq: number; readonly hash: string }>>;
}

export interface BackupLine {
  readonly t: string;
  readonly r: Readonly<Record<string, unknown>>;
}

/** Never backed up: a restored database starts with no one signed in. */
const LEFT_OUT = new Set(['sessions']);

/** Every table of the schema. */
export function schemaTables(): readonly PgTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);
}

/** The schema's tables, each after the tables its foreign keys refer to (the order a restore inserts them in). */
export function backedUpTables(): readonly PgTable[] {
  const tables = schemaTables().filter((table) => !LEFT_OUT.has(getTableConfig(table).name));
  const ordered: PgTable[] = [];
  const placed = new Set<PgTable>();
  const place = (table: PgTable, path: readonly PgTable[]): void => {
    if (placed.has(table)) return;
    if (path.includes(table)) throw new Error(`The schema's foreign keys form a cycle through ${tableName(table)}: a backup cannot order its tables.`);
    for (const key of getTableConfig(table).foreignKeys) {
      const target = key.reference().foreignTable;
      if (target !== table && tables.includes(target)) place(target, [...path, table]);
    }
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) place(table, []);
  return ordered;
}

export function tableName(table: PgTable): string {
  return getTableConfig(table).name;
}

/** Columns whose values JSON writes as strings and a restore must turn back into dates. */
export function dateColumns(table: PgTable): ReadonlySet<string> {
  const names = new Set<string>();
  for (const [key, column] of Object.entries(table as unknown as Record<string, unknown>)) {
    if (typeof column === 'object' && column !== null && 'dataType' in column && (column as { dataType: string }).dataType === 'date') names.add(key);
  }
  return names;
}
