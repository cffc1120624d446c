/**
 * Files the server reads at run time (migrations, the bundled seed) are found from the
 * package root, never relative to the file that asks, so that bundling or moving a module
 * cannot break them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'parley') {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the parley package root (no package.json named "parley" above the server code).');
    dir = parent;
  }
}

export function migrationsFolder(): string {
  return join(packageRoot(), 'src', 'server', 'db', 'migrations');
}
