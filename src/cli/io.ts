/** What a CLI command may touch, passed in so commands can be tested without a process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
  /** A file's bytes (a Word file); commands that need it say so when it is not given. */
  readonly readBytes?: (path: string) => Promise<Uint8Array>;
  readonly writeFile?: (path: string, data: Uint8Array | string) => Promise<void>;
}

/** A failure the user can act on: printed as one line, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export async function readDraft(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : 'it cannot be read';
    throw new CliError(`Cannot read ${path}: ${why}.`, 1);
  }
}
