/** Whether a backup can be written to (a new file) or read from (an existing file), in words a person can act on. */
import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function backupFile(file: string, want: 'new' | 'existing'): Promise<string | null> {
  const found = await stat(file).catch(() => null);
  if (want === 'new') {
    if (found) return `${file} already exists: choose a new file name (a backup never overwrites one).`;
    const folder = dirname(file);
    const writable = await access(folder, constants.W_OK).then(() => true, () => false);
    return writable ? null : `cannot write into ${folder}: it does not exist or is not writable.`;
  }
  if (!found) return `there is no file ${file}.`;
  return found.isFile() ? null : `${file} is not a file.`;
}
