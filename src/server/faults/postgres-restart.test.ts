/**
 * PostgreSQL restarted under write load — a clean fast shutdown, then a crash (immediate
 * mode, recovered from the WAL) — while one server process keeps running. On a private
 * cluster of this test's own (test-support/private-postgres.ts): the shared server on 5432
 * serves other tests and is never touched.
 * - writes during the outage fail with a 503 problem (ERR_DATABASE_UNAVAILABLE), never a 500;
 * - the server reconnects its pool and its LISTEN connection by itself: writes succeed again,
 *   and a live client connected before the restart receives every version, including the
 *   commits whose notifications the lost LISTEN connection missed (the hub reads them from the log);
 * - every acknowledged proposal is in the log once, the chain verifies, read tables = fold.
 * Skips without initdb (apt-get install -y postgresql); fails instead under CI=true.
 */
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../db/database.ts';
import { DEMO_DOCUMENT_ID } from '../seed/demo.ts';
import { followLive } from '../test-support/live-follower.ts';
import { createDatabaseOn, postgresBinaries, startPrivatePostgres, type PrivatePostgres } from '../test-support/private-postgres.ts';
import { httpLogin, startServer, type ServerProcess } from '../test-support/server-process.ts';
import { skipWithout } from '../test-support/tools.ts';
import { compareWithLog, DELEGATES, readLog, readTablesAndFold, startWriters, verifyLog, waitUntil } from './fault-load.ts';

const WRITERS = 8;
const DOWN_MS = 1500;
// The long version: FAULT_ROUNDS=10 restarts Postgres twenty times (fast, then immediate, ten times over).
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 1);
const MODES = Array.from({ length: ROUNDS }, () => ['fast', 'immediate'] as const).flat();

describe('a PostgreSQL restart under write load', () => {
  it('answers 503 while the database is down, then recovers by itself with nothing lost', { timeout: 60_000 + ROUNDS * 30_000 }, async (context) => {
    const bin = postgresBinaries();
    if (skipWithout(context, 'PostgreSQL server programs (initdb, pg_ctl)', bin !== null, 'apt-get install -y postgresql')) return;
    let cluster: PrivatePostgres | undefined;
    let server: ServerProcess | undefined;
    try {
      cluster = await startPrivatePostgres(bin!);
      const url = await createDatabaseOn(cluster, 'parley_faults');
      server = await startServer({ DATABASE_URL: url }, 45_000);
      const base = server.base;
      const sessions = await Promise.all(DELEGATES.map((name) => httpLogin(base, name, server!.passwords[name]!)));
      const chair = await httpLogin(base, 'chair', server.passwords.chair!);
      const live = followLive(`${base}/api/documents/${DEMO_DOCUMENT_ID}/live`, { cookie: chair.cookie });
      await waitUntil(() => live.startedFrom() !== null, 10_000, 'the live hello');
      const load = startWriters(() => base, sessions, WRITERS, 'pg-restart');
      const figures: Record<string, unknown>[] = [];
      try {
        for (const mode of MODES) {
          const before = load.acknowledged.length;
          await waitUntil(() => load.acknowledged.length >= before + 30, 30_000, `30 acknowledged writes before the ${mode} restart`);
          const refusedBefore = load.refusals.get('503 ERR_DATABASE_UNAVAILABLE') ?? 0;
          const { stoppedAt, startedAt } = await cluster.restart(mode, DOWN_MS);
          await waitUntil(() => load.firstAcknowledgedAfter(startedAt) !== null, 20_000, `a write acknowledged after the ${mode} restart`);
          const recoveredAt = load.firstAcknowledgedAfter(startedAt)!;
          figures.push({
            mode,
            refused503: (load.refusals.get('503 ERR_DATABASE_UNAVAILABLE') ?? 0) - refusedBefore,
            downMs: Math.round(startedAt - stoppedAt),
            databaseUpToFirstWriteMs: Math.round(recoveredAt - startedAt),
          });
        }
        const total = load.acknowledged.length;
        await waitUntil(() => load.acknowledged.length >= total + 20, 20_000, '20 more acknowledged writes');
        await load.stop();

        // Only 503 problems during the outages: no 500, no stack trace, and the server never went away.
        expect([...load.refusals.keys()]).toEqual(['503 ERR_DATABASE_UNAVAILABLE']);
        expect(load.unanswered()).toBe(0);
        const { events, head } = await readLog(base, chair);
        expect(compareWithLog(events, load.acknowledged)).toEqual({ missing: [], duplicated: [] });
        await live.waitForVersion(head, 20_000).catch((error: unknown) => {
          throw new Error(`${(error as Error).message}\nlive connections: ${live.connections()}; server output:\n${server!.output().slice(-3000)}`);
        });
        expect(live.refusals).toEqual([]);
        expect((await fetch(`${base}/api/health`)).status).toBe(200);

        const database = openPostgres(url, 2);
        try {
          const { tables, fold } = await readTablesAndFold(database, events);
          expect(tables).toEqual(fold);
        } finally {
          await database.close();
        }
        const verified = await verifyLog({ DATABASE_URL: url });
        expect(verified.output).toMatch(/the log is intact/u);
        expect(verified.code).toBe(0);
        console.log(
          JSON.stringify({
            figure: 'fault.postgres-restart',
            writers: WRITERS,
            acknowledged: load.acknowledged.length,
            lost: 0,
            restarts: figures,
            liveConnections: live.connections(),
            liveVersionsReceived: live.versions.length,
            logHead: head,
          }),
        );
      } finally {
        live.close();
        await load.stop();
      }
    } finally {
      await server?.kill('SIGKILL');
      await cluster?.dispose();
    }
  });
});
