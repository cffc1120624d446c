/**
 * Loaded into a server process (`node --import tsx --import this-file`) where a size-limited
 * file system cannot be mounted: it makes the disk of the data folder "full" at the layer
 * PGlite writes through. PGlite's NODEFS opens files with fs.openSync and writes with
 * fs.writeSync on the CommonJS `fs` object; these are wrapped so that, while the file
 * PARLEY_TEST_DISK_FULL_FLAG exists, a write to a file under PARLEY_DATA_DIR that needs new
 * space — one that ends beyond the file's current size — fails with ENOSPC as the kernel's
 * would (Emscripten passes the code on to Postgres as errno ENOSPC). Writes inside a file's
 * present size still succeed, as on a real full disk (ext4, tmpfs): Postgres rewrites its
 * preallocated WAL segments and existing pages in place. Failing those too is not what a
 * disk does, and makes PGlite stop for good (PANIC on a WAL write). Removing the flag file
 * gives the space back. Nothing of this is loaded outside tests.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const flag = process.env.PARLEY_TEST_DISK_FULL_FLAG;
const dataDir = process.env.PARLEY_DATA_DIR === undefined ? undefined : resolve(process.env.PARLEY_DATA_DIR);

if (flag !== undefined && dataDir !== undefined) {
  const watched = new Set<number>();
  const { openSync, closeSync, writeSync, existsSync, fstatSync } = fs;
  const needsSpace = (fd: number, rest: unknown[]): boolean => {
    // writeSync(fd, buffer, offset, length, position) as NODEFS calls it; anything else appends.
    const [buffer, , length, position] = rest as [ArrayBufferView | string, number | undefined, number | undefined, number | null | undefined];
    const size = fstatSync(fd).size;
    const bytes = typeof length === 'number' ? length : typeof buffer === 'string' ? Buffer.byteLength(buffer) : buffer.byteLength;
    return typeof position !== 'number' || position + bytes > size;
  };
  fs.openSync = (path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...args: unknown[]) => number)(path, ...rest);
    if (resolve(String(path)).startsWith(dataDir)) watched.add(fd);
    return fd;
  };
  fs.closeSync = (fd: number) => {
    watched.delete(fd);
    closeSync(fd);
  };
  fs.writeSync = (fd: number, ...rest: unknown[]) => {
    if (watched.has(fd) && existsSync(flag) && needsSpace(fd, rest)) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return (writeSync as (...args: unknown[]) => number)(fd, ...rest);
  };
  syncBuiltinESMExports();
}
