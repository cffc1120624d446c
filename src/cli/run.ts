/** Dispatches `parley <command>` to its implementation. */
import { importCommand, renderCommand } from './draft-commands.ts';
import { demoCommand } from './demo-command.ts';
import { exportCommand, importWordCommand } from './file-commands.ts';
import { backupCommand, restoreCommand, serveCommand, userCommand, verifyLogCommand } from './server-commands.ts';
import { CliError, type CliIo } from './io.ts';

const USAGE = `Usage: parley <command> [options]

Commands:
  serve                                 run the server (PORT, PARLEY_DATA_DIR or DATABASE_URL)
  import FILE [--json]                  decompose a draft; print its summary and warnings
  import FILE.docx [--json]             the same for a Word file (warnings by Word paragraph)
  import --tracked A.docx B.docx … --author "Name=CODE" …
                                        merge delegations' tracked changes into one compilation
  export FILE --format docx|pdf|akn --out OUT [--view V] [--notation N]
                                        a view of a draft as Word or PDF, or the draft as Akoma Ntoso
  render FILE [--view V] [--notation N] print a view: compiled, agreed, as:ISO3
  demo                                  import the CICA seed draft and print it
  verify-log                            walk the event hash chain; name the first bad event
  verify-log --bundle FILE              check a state's verification bundle offline
  backup FILE                           write the whole database (sessions left out) to a new file
  restore FILE                          restore a backup into an empty database; verified before kept
  user add|disable|reset-mfa …          administer accounts (user --help)
`;

const commands: Record<string, (io: CliIo, args: readonly string[]) => Promise<number>> = {
  import: (io, args) => (args.some((arg) => arg === '--tracked' || /\.docx$/iu.test(arg)) ? importWordCommand(io, args) : importCommand(io, args)),
  export: exportCommand,
  render: renderCommand,
  demo: demoCommand,
  serve: serveCommand,
  'verify-log': verifyLogCommand,
  backup: backupCommand,
  restore: restoreCommand,
  user: userCommand,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n${USAGE}`);
    return 2;
  }
  try {
    return await command(io, args);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message.endsWith('\n') ? error.message : error.message + '\n');
      return error.exitCode;
    }
    io.err(`parley ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
