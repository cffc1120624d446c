/** `node --import tsx src/server/db/build-pglite-template.ts`: builds the migrated PGlite template (run after install). */
import { ensureTemplate } from './pglite-template.ts';

const started = Date.now();
const path = await ensureTemplate();
console.log(`PGlite template ready in ${Date.now() - started} ms: ${path}`);
