/** The CICA seed draft, for tests. Tests may read files; core code may not. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../../fixtures/cica-draft-2021-05-28.txt', import.meta.url));

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

/** Text compared "whitespace aside": runs of blanks collapsed, blank lines and line ends ignored. */
export function normalizeWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
