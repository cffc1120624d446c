/**
 * The embedded database's disk runs full under write load, then space returns:
 * - writes fail with a 507 problem (ERR_DATABASE_STORAGE_FULL) that says what to do, never a
 *   500, and the server stays up;
 * - when space returns, writes succeed again without a restart;
 * - nothing stored before is damaged: after a restart every acknowledged proposal is in the
 *   log once, the chain verifies, and the read tables equal the fold of the log.
 * The data folder is a size-limited tmpfs, filled to the last byte by a filler file, where
 * this machine lets the test mount one (root); where mounting is forbidden — or with
 * FAULTS_DISK=inject — the disk is made full at the file-system layer instead: the server
 * loads test-support/disk-full-preload.ts, which fails PGlite's writes with ENOSPC while a
 * flag file exists. The JSON line printed says which of the two ran.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../db/database.ts';
import { packageRoot } from '../db/package-root.ts';
import { httpLogin, startServer, type ServerProcess } from '../test-support/server-process.ts';
import { compareWithLog, DELEGATES, proposeRemark, readLog, readTablesAndFold, startWriters, verifyLog, waitUntil } from './fault-load.ts';

const WRITERS = 4;

interface FullDisk {
  readonly how: 'tmpfs' | 'enospc-injection';
  readonly dataDir: string;
  readonly nodeOptions: readonly string[];
  readonly env: Record<string, string>;
  fill(): void;
  free(): void;
  dispose(): void;
}

function tryTmpfs(root: string): FullDisk | null {
  if (process.env.FAULTS_DISK === 'inject') return null;
  const dataDir = join(root, 'data');
  const filler = join(root, 'data', 'filler');
  try {
    execFileSync('mkdir', ['-p', dataDir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', dataDir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return {
    how: 'tmpfs',
    dataDir,
    nodeOptions: [],
    env: {},
    fill() {
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(1 << 20);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        // Fill the last partial megabyte too, so that not one more page fits.
        const small = Buffer.alloc(4096);
        try {
          for (;;) writeSync(fd, small);
        } catch {
          // Full to the byte.
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    dispose: () => execFileSync('umount', ['-l', dataDir]),
  };
}

function injected(root: string): FullDisk {
  const dataDir = join(root, 'data');
  const flag = join(root, 'disk-full');
  return {
    how: 'enospc-injection',
    dataDir,
    nodeOptions: ['--import', 'tsx', '--import', join(packageRoot(), 'src', 'server', 'test-support', 'disk-full-preload.ts')],
    env: { PARLEY_TEST_DISK_FULL_FLAG: flag },
    fill: () => writeFileSync(flag, ''),
    free: () => rmSync(flag, { force: true }),
    dispose: () => undefined,
  };
}

describe('the embedded database’s disk full', () => {
  it('refuses writes with a 507 problem, keeps what was stored, and recovers when space returns', { timeout: 90_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-diskfull-'));
    const disk = tryTmpfs(root) ?? injected(root);
    const env = { PARLEY_DATA_DIR: disk.dataDir, ...disk.env };
    const servers: ServerProcess[] = [];
    try {
      const first = await startServer(env, 45_000, 'source', disk.nodeOptions);
      servers.push(first);
      const passwords = first.passwords;
      const sessions = await Promise.all(DELEGATES.map((name) => httpLogin(first.base, name, passwords[name]!)));
      const chair = await httpLogin(first.base, 'chair', passwords.chair!);
      const load = startWriters(() => first.base, sessions, WRITERS, 'disk-full');
      let fullAt = 0;
      let freedAt = 0;
      try {
        await waitUntil(() => load.acknowledged.length >= 20, 30_000, '20 acknowledged writes before the disk is full');
        disk.fill();
        fullAt = performance.now();
        await waitUntil(() => (load.refusals.get('507 ERR_DATABASE_STORAGE_FULL') ?? 0) >= 20, 30_000, '20 writes refused for want of space');
        const acknowledgedWhileFull = load.acknowledged.length;
        // The server is up and still reads while the disk is full.
        expect((await fetch(`${first.base}/api/health`)).status).toBe(200);
        // A write that fits in pages already allocated can still succeed on a full disk (as on
        // a real one); it then counts as acknowledged. The first refusal is read in full.
        let refused: Response | undefined;
        for (let attempt = 0; attempt < 50 && !refused; attempt += 1) {
          const response = await proposeRemark(first.base, sessions[0]!, `one more while full ${attempt}`);
          if (response.status === 201) load.acknowledged.push(((await response.json()) as { id: string }).id);
          else refused = response;
        }
        expect(refused?.status).toBe(507);
        expect(refused?.headers.get('content-type')).toMatch(/^application\/problem\+json/u);
        expect(await refused!.json()).toMatchObject({ code: 'ERR_DATABASE_STORAGE_FULL', detail: expect.stringMatching(/frees space/u) as unknown });

        disk.free();
        freedAt = performance.now();
        await waitUntil(() => load.firstAcknowledgedAfter(freedAt) !== null, 20_000, 'a write acknowledged once space returned');
        const recoveredAt = load.firstAcknowledgedAfter(freedAt)!;
        await waitUntil(() => load.acknowledged.length >= acknowledgedWhileFull + 10, 20_000, '10 writes acknowledged once space returned');
        await load.stop();
        // Full disk: 507s only; no 500, no stack trace, no dropped connection.
        expect([...load.refusals.keys()]).toEqual(['507 ERR_DATABASE_STORAGE_FULL']);
        expect(load.unanswered()).toBe(0);

        await first.kill('SIGTERM');
        const second = await startServer(env, 45_000, 'source', disk.nodeOptions);
        servers.push(second);
        const { events } = await readLog(second.base, chair);
        expect(compareWithLog(events, load.acknowledged)).toEqual({ missing: [], duplicated: [] });
        await second.kill('SIGTERM');
        const database = await openPglite({ dataDir: disk.dataDir });
        try {
          const { tables, fold } = await readTablesAndFold(database, events);
          expect(tables).toEqual(fold);
        } finally {
          await database.close();
        }
        const verified = await verifyLog({ PARLEY_DATA_DIR: disk.dataDir });
        expect(verified.output).toMatch(/the log is intact/u);
        expect(verified.code).toBe(0);
        console.log(
          JSON.stringify({
            figure: 'fault.disk-full',
            how: disk.how,
            writers: WRITERS,
            acknowledged: load.acknowledged.length,
            acknowledgedWhileFull: acknowledgedWhileFull,
            refused507: load.refusals.get('507 ERR_DATABASE_STORAGE_FULL'),
            lost: 0,
            fullForMs: Math.round(freedAt - fullAt),
            spaceBackToFirstWriteMs: Math.round(recoveredAt - freedAt),
          }),
        );
      } finally {
        await load.stop();
      }
    } finally {
      for (const server of servers) await server.kill('SIGKILL');
      disk.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
