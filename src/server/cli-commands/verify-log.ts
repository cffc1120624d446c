/**
 * `parley verify-log`: walks every organisation's hash chain and names the first event that
 * was altered, removed or reordered. Exit code 0 when the log is intact, 1 when it is not,
 * 2 when the database (or the bundle file) cannot be opened.
 *
 * `parley verify-log --bundle FILE` checks a state's verification bundle instead, with no
 * database and no server: what a state can do on its own to settle who proposed what, when.
 */
import { readFile } from 'node:fs/promises';
import { verifyBundle } from '../store/verify-bundle.ts';
import { verifyLog } from '../store/verify-log.ts';
import { openForCommand, type CommandIo } from './io.ts';

const USAGE = [
  'Usage: parley verify-log                 (uses DATABASE_URL, else PARLEY_DATA_DIR or ./data)',
  '       parley verify-log --bundle FILE   (a verification bundle downloaded from Parley; no database needed)',
];

export async function runVerifyLog(args: readonly string[], io: CommandIo): Promise<number> {
  if (args.includes('--help')) {
    for (const line of USAGE) io.out(line);
    return 0;
  }
  const bundleAt = args.indexOf('--bundle');
  if (bundleAt >= 0) return checkBundle(args[bundleAt + 1], io);
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

async function checkBundle(file: string | undefined, io: CommandIo): Promise<number> {
  if (!file) {
    io.err('verify-log: --bundle needs the file to check, e.g. parley verify-log --bundle parley-cica-IND-1234.json');
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is not JSON' : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    io.err(`verify-log: cannot read ${file}: ${reason}.`);
    return 2;
  }
  const report = verifyBundle(input);
  if (!report.ok) {
    io.err(`verify-log: ${file}: ${report.problem}`);
    return 1;
  }
  io.out(
    `verify-log: the bundle of ${report.party} is intact: ${report.verified} of its events verified, ${report.sealed} others sealed, head #${report.head!.seq} ${report.head!.hash}.`,
  );
  io.out('Compare that head with one another party holds: if they are the same, so are the logs up to it.');
  return 0;
}
