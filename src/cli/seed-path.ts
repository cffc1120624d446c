/** Where the CICA seed draft is: shipped in the repository so a fresh clone has it. */
import { fileURLToPath } from 'node:url';

export function seedDraftPath(): string {
  return fileURLToPath(new URL('../../fixtures/cica-draft-2021-05-28.txt', import.meta.url));
}
