/** Vitest global setup: builds the migrated PGlite template once, before any test file loads it. */
import { ensureTemplate } from '../db/pglite-template.ts';

export default async function setup(): Promise<void> {
  await ensureTemplate();
}
