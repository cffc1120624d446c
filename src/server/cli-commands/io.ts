/** What a command needs from its surroundings, injected so tests can run commands in-process. */
import { openPglite, openPostgres, type Database } from '../db/database.ts';
import { DataDirLockedError } from '../db/lock-file.ts';

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Opens the database the server would use (DATABASE_URL, else PARLEY_DATA_DIR or ./data).
 * On PGlite this takes the data folder's lock: while the server runs, the command refuses
 * with the lock's message instead of writing beside it and losing data.
 */
export async function openForCommand(io: CommandIo): Promise<Database | null> {
  try {
    const database = io.env.DATABASE_URL ? openPostgres(io.env.DATABASE_URL, 2) : await openPglite({ dataDir: io.env.PARLEY_DATA_DIR ?? './data' });
    await database.migrate();
    return database;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.err(`parley: ${error.message}`);
      return null;
    }
    throw error;
  }
}
