/**
 * `kill -9` of the server process under write load, on its embedded database (a data folder)
 * and on PostgreSQL (TEST_DATABASE_URL), then a restart on the same port:
 * - every proposal the server acknowledged (201) is in the log exactly once;
 * - nothing is half-written: the hash chain verifies and the read tables equal the fold of the log;
 * - PGlite's lock file, left behind by the killed process, does not stop the restart;
 * - a live client connected before the kill reconnects by itself (as EventSource does, with
 *   Last-Event-ID) and receives every version it missed; writers carry on against the new process.
 * Figures (acknowledged, lost, time to ready, reconnect) are printed as one JSON line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../db/database.ts';
import { DEMO_DOCUMENT_ID } from '../seed/demo.ts';
import { createPostgresDatabase, DATABASE_KINDS } from '../test-support/databases.ts';
import { followLive } from '../test-support/live-follower.ts';
import { freePort, httpLogin, startServer, type ServerProcess } from '../test-support/server-process.ts';
import { compareWithLog, DELEGATES, readLog, readTablesAndFold, startWriters, verifyLog, waitUntil } from './fault-load.ts';

const WRITERS = 8;
const ACKNOWLEDGED_BEFORE_KILL = 60;
// The long version: FAULT_ROUNDS=20 kills and restarts the server twenty times in one run.
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 1);

describe.each(DATABASE_KINDS)('kill -9 under write load (%s)', (kind: DatabaseKind) => {
  it('loses no acknowledged write, leaves nothing half-written, and clients catch up by themselves', { timeout: 60_000 + ROUNDS * 30_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-kill9-'));
    const postgres = kind === 'postgres' ? await createPostgresDatabase() : null;
    const env: Record<string, string> = { PORT: String(await freePort()), ...(postgres ? { DATABASE_URL: postgres.url } : { PARLEY_DATA_DIR: dataDir }) };
    const servers: ServerProcess[] = [];
    try {
      const first = await startServer(env, 45_000);
      servers.push(first);
      const passwords = first.passwords;
      const sessions = await Promise.all(DELEGATES.map((name) => httpLogin(first.base, name, passwords[name]!)));
      const chair = await httpLogin(first.base, 'chair', passwords.chair!);
      const live = followLive(`${first.base}/api/documents/${DEMO_DOCUMENT_ID}/live`, { cookie: chair.cookie });
      await waitUntil(() => live.startedFrom() !== null, 10_000, 'the live hello');
      const load = startWriters(() => first.base, sessions, WRITERS, 'kill-9');
      const rounds: Record<string, number>[] = [];
      try {
        let current = first;
        for (let round = 0; round < ROUNDS; round += 1) {
          const before = load.acknowledged.length;
          await waitUntil(() => load.acknowledged.length >= before + ACKNOWLEDGED_BEFORE_KILL, 30_000, `${ACKNOWLEDGED_BEFORE_KILL} acknowledged writes`);
          const killedAt = performance.now();
          await current.kill('SIGKILL');
          const acknowledgedAtKill = load.acknowledged.length;
          // The killed process could not remove its lock; the next start must see it is stale.
          if (kind === 'pglite') expect(readFileSync(join(dataDir, 'parley.lock'), 'utf8')).toBe(String(current.child.pid));

          current = await startServer(env, 45_000);
          servers.push(current);
          const readyAt = performance.now();
          expect(current.base).toBe(first.base);
          await waitUntil(() => load.firstAcknowledgedAfter(readyAt) !== null, 20_000, 'a write acknowledged by the restarted server');
          await waitUntil(() => live.reconnectedAt.some((at) => at > killedAt), 20_000, 'the live client reconnected');
          rounds.push({
            acknowledgedBeforeKill: acknowledgedAtKill,
            killToReadyMs: Math.round(readyAt - killedAt),
            readyToFirstWriteMs: Math.round(load.firstAcknowledgedAfter(readyAt)! - readyAt),
            readyToLiveReconnectMs: Math.round(live.reconnectedAt.find((at) => at > killedAt)! - readyAt),
          });
        }
        const second = current;
        await load.stop();

        const { events, head } = await readLog(second.base, chair);
        expect(compareWithLog(events, load.acknowledged)).toEqual({ missing: [], duplicated: [] });
        await live.waitForVersion(head, 20_000);
        expect(live.refusals).toEqual([]);
        expect(live.connections()).toBeGreaterThanOrEqual(ROUNDS + 1);

        await second.kill('SIGTERM');
        if (kind === 'pglite') expect(existsSync(join(dataDir, 'parley.lock'))).toBe(false);
        const database: Database = postgres ? openPostgres(postgres.url, 2) : await openPglite({ dataDir });
        try {
          const { tables, fold } = await readTablesAndFold(database, events);
          expect(tables).toEqual(fold);
        } finally {
          await database.close();
        }
        const verified = await verifyLog(env);
        expect(verified.output).toMatch(/the log is intact/u);
        expect(verified.code).toBe(0);

        console.log(
          JSON.stringify({
            figure: 'fault.kill9',
            database: kind,
            writers: WRITERS,
            acknowledged: load.acknowledged.length,
            lost: 0,
            unansweredDuringOutages: load.unanswered(),
            refusals: Object.fromEntries(load.refusals),
            rounds,
            liveVersionsReceived: live.versions.length,
            logHead: head,
          }),
        );
      } finally {
        live.close();
        await load.stop();
      }
    } finally {
      for (const server of servers) await server.kill('SIGKILL');
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
