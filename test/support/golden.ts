/**
 * Golden files: the expected output is a file beside the test. `UPDATE_GOLDEN=1` rewrites
 * them — then read the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(path: string, actual: string): void {
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) {
    writeFileSync(path, actual);
    if (process.env['CI'] === 'true') throw new Error(`Golden file ${path} was missing; it must be committed.`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
