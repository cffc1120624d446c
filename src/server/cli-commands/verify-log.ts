/**
 * `parley verify-log`: walks every organisation's hash chain and names the first event that
 * was altered, removed or reordered. Exit code 0 when the log is intact, 1 when it is not,
 * 2 when the database cannot be opened.
 */
import { verifyLog } from '../store/verify-log.ts';
import { openForCommand, type CommandIo } from './io.ts';

export async function runVerifyLog(args: readonly string[], io: CommandIo): Promise<number> {
  if (args.includes('--help')) {
    io.out('Usage: parley verify-log   (uses DATABASE_URL, else PARLEY_DATA_DIR or ./data)');
    return 0;
  }
  const database = await openForCommand(io);
  if (!database) return 2;
  try {
    const report = await verifyLog(database.db);
    if (report.ok) {
      io.out(`verify-log: the log is intact (${report.checked} events checked).`);
      return 0;
    }
    for (const problem of report.problems) io.err(`verify-log: organisation ${problem.organisationId}: ${problem.message}`);
    return 1;
  } finally {
    await database.close();
  }
}
