/**
 * PGlite has no cross-process lock: two processes on one data folder silently lose writes.
 * The server therefore holds `parley.lock` (holding its pid) for as long as it runs, and a
 * second process refuses to start while the holder is alive.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export interface LockFile {
  readonly path: string;
  release(): void;
}

export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(path: string, pid: number) {
    super(
      `Another Parley process (pid ${pid}) is using this data folder (lock file ${path}). ` +
        'Stop it first, or point PARLEY_DATA_DIR at another folder. Commands that write must go through the running server.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

export function acquireLockFile(path: string): LockFile {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        rmSync(path, { force: true });
      };
      process.on('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = readHolder(path);
      if (pid !== null && isAlive(pid)) throw new DataDirLockedError(path, pid);
      // The holder died without cleaning up (kill -9, power loss): the lock is stale.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock file ${path}; remove it if no Parley process is running.`);
}

function readHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
