/**
 * `parley backup FILE` and `parley restore FILE` on the database the server would use
 * (DATABASE_URL, else PARLEY_DATA_DIR or ./data). Exit codes: 0 done, 1 refused (the reason
 * is printed; nothing was written), 2 the database or file cannot be opened.
 */
import { backupFile } from '../backup/backup-file.ts';
import { writeBackup } from '../backup/backup.ts';
import { restoreBackup, RestoreRefused } from '../backup/restore.ts';
import { openForCommand, type CommandIo } from './io.ts';

export async function runBackup(args: readonly string[], io: CommandIo, now: () => Date = () => new Date()): Promise<number> {
  const file = args[0];
  if (!file || file === '--help') {
    io.out('Usage: parley backup FILE   (a new file; gzip-compressed JSON lines, sessions left out)');
    return file ? 0 : 2;
  }
  const problem = await backupFile(file, 'new');
  if (problem) {
    io.err(`backup: ${problem}`);
    return 2;
  }
  const database = await openForCommand(io);
  if (!database) return 2;
  try {
    const { header, bytes } = await writeBackup(database.db, file, now());
    const rows = Object.values(header.rows).reduce((sum, n) => sum + n, 0);
    io.out(`backup: ${rows} rows of ${header.tables.length} tables written to ${file} (${bytes} bytes).`);
    for (const [organisation, head] of Object.entries(header.heads)) io.out(`backup: ${organisation}: log head #${head.seq} ${head.hash}`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function runRestore(args: readonly string[], io: CommandIo): Promise<number> {
  const file = args[0];
  if (!file || file === '--help') {
    io.out('Usage: parley restore FILE   (into an empty database at the same schema level; the log is verified before anything is kept)');
    return file ? 0 : 2;
  }
  const problem = await backupFile(file, 'existing');
  if (problem) {
    io.err(`restore: ${problem}`);
    return 2;
  }
  const database = await openForCommand(io);
  if (!database) return 2;
  try {
    const summary = await restoreBackup(database.db, file);
    io.out(`restore: ${summary.rows} rows restored from ${file}; the log verifies (${summary.eventsVerified} events).`);
    for (const [organisation, head] of Object.entries(summary.header.heads)) io.out(`restore: ${organisation}: log head #${head.seq} ${head.hash}, as in the backup`);
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      io.err(`restore: nothing was restored. ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
