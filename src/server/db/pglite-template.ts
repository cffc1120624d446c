/**
 * A fresh PGlite database spends 4–8 s in initdb. The first fresh start (or
 * `node --import tsx src/server/db/build-pglite-template.ts`, or the tests' global setup)
 * therefore keeps a migrated, empty data folder under node_modules/.cache, keyed by the
 * PGlite version and the migrations; every later fresh start copies that folder (~0.1 s)
 * and opens it (~0.6 s).
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, packageRoot } from './package-root.ts';

export function templateDir(): string {
  const root = packageRoot();
  const pgliteVersion = (JSON.parse(readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;
  const hash = createHash('sha256');
  const folder = migrationsFolder();
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.sql')).sort()) {
    hash.update(name).update(readFileSync(join(folder, name)));
  }
  return join(root, 'node_modules', '.cache', 'parley', `pglite-${pgliteVersion}-${hash.digest('hex').slice(0, 16)}`);
}

/** Copies the template into `pgData` (which must not hold a database); false when there is no template. */
export function copyTemplate(pgData: string): boolean {
  const source = templateDir();
  if (!existsSync(join(source, 'PG_VERSION'))) return false;
  cpSync(source, pgData, { recursive: true });
  return true;
}

/** Builds the template if it is missing; returns its folder. */
export async function ensureTemplate(): Promise<string> {
  const target = templateDir();
  if (existsSync(join(target, 'PG_VERSION'))) return target;
  const building = `${target}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const client = await PGlite.create(building);
  await migrate(drizzle({ client }), { migrationsFolder: migrationsFolder() });
  await client.close();
  try {
    renameSync(building, target);
  } catch (error) {
    // Another process finished first: its template is as good as ours.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(target, 'PG_VERSION'))) throw error;
  }
  return target;
}
