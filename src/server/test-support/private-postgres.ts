/**
 * A PostgreSQL cluster of a test's own, on a free port, that the test may stop, crash and
 * restart — the shared server on 5432 serves other tests and must never be touched. Made
 * with Debian's initdb/pg_ctl; as root they run as the `postgres` user (initdb refuses root).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './server-process.ts';

/** The folder of initdb and pg_ctl (the newest installed major version), or null. */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

export interface PrivatePostgres {
  readonly port: number;
  /** A URL for `database` on this cluster (user postgres, trust). */
  url(database?: string): string;
  /** Stops the server (`immediate`: a crash, recovered from the WAL on start), waits `downMs`, starts it again. */
  restart(mode: 'fast' | 'immediate', downMs: number): Promise<{ stoppedAt: number; startedAt: number }>;
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
}

export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  // Asynchronous, so that the test's clients keep running (and see the outage) while pg_ctl works.
  const run = async (program: string, args: string[]): Promise<void> => {
    await promisify(execFile)(asRoot ? 'runuser' : join(bin, program), asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args, { cwd: dir, timeout: 60_000 });
  };
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = (): Promise<void> => run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  const stop = (mode: 'fast' | 'immediate'): Promise<void> => run('pg_ctl', ['-D', data, '-w', '-t', '60', '-m', mode, 'stop']);
  await start();
  const url = (database = 'postgres'): string => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async restart(mode, downMs) {
      await stop(mode);
      const stoppedAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
      return { stoppedAt, startedAt: performance.now() };
    },
    async dispose() {
      await stop('immediate').catch(() => undefined); // already stopped
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a database on the cluster and returns its URL. */
export async function createDatabaseOn(cluster: PrivatePostgres, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return cluster.url(name);
}
