/**
 * The `parley` command. Every failure ends as one line on stderr and an exit code:
 * 1 when a file or the system failed, 2 for bad usage. Never a stack trace.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from './run.ts';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, data) => writeFile(path, data),
});
process.exitCode = code;
