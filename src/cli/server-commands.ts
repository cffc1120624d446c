/** Commands that act on the server's database: serve, verify-log, backup and restore, user administration. */
import type { CliIo } from './io.ts';

function lines(io: CliIo) {
  return { out: (line: string) => io.out(line + '\n'), err: (line: string) => io.err(line + '\n'), env: process.env };
}

export async function serveCommand(): Promise<number> {
  await import('../server/main.ts');
  return 0;
}

export async function verifyLogCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { runVerifyLog } = await import('../server/cli-commands/verify-log.ts');
  return runVerifyLog(args, lines(io));
}

export async function userCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { runUser } = await import('../server/cli-commands/user.ts');
  return runUser(args, lines(io));
}

export async function backupCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { runBackup } = await import('../server/cli-commands/backup.ts');
  return runBackup(args, lines(io));
}

export async function restoreCommand(io: CliIo, args: readonly string[]): Promise<number> {
  const { runRestore } = await import('../server/cli-commands/backup.ts');
  return runRestore(args, lines(io));
}
