/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * What a server process misses while its LISTEN connection is lost (Postgres restarted) is made
 * up when it listens again: exchange streams catch up from the register's log, notification
 * streams are told to refetch, the caches are emptied, and a live stream whose session was
 * revoked meanwhile (by another process: its message never came) ends — while a stream whose
 * session is still good stays open.
 *
 * The loss is simulated at the listen layer of a real database, on both kinds: while "deaf" the
 * wrapper drops notifications and it reports 'lost' and 'resumed' as the Postgres adapter does
 * (db/database.ts). faults/postgres-restart.test.ts restarts a real PostgreSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database, ListenState } from '../db/database.ts';
import { sessions } from '../db/schema.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { listenOnLoopback, type ListeningApp } from '../test-support/listening-app.ts';
import type { SseClient } from '../test-support/sse.ts';
import { disasterReport } from '../test-support/exchange-payloads.ts';

/** A database whose listeners can be made deaf, as when the listening connection is lost. */
function deafenable(database: Database): { database: Database; deafen(): void; resume(): void } {
  let deaf = false;
  const onConnection = new Set<(state: ListenState) => void>();
  return {
    database: {
      ...database,
      listen(channel, onMessage, connection) {
        if (connection) onConnection.add(connection);
        return database.listen(channel, (payload) => {
          if (!deaf) onMessage(payload);
        });
      },
    },
    deafen() {
      deaf = true;
      for (const listener of onConnection) listener('lost');
    },
    resume() {
      deaf = false;
      for (const listener of onConnection) listener('resumed');
    },
  };
}

const quietly = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('after a lost LISTEN connection on %s', (kind) => {
  let test: TestDatabase;
  let listening: ReturnType<typeof deafenable>;
  let t: TestApp;
  let live: ListeningApp;
  let documentId: string;
  let provisionId: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    listening = deafenable(test.database);
    t = await makeTestApp(listening.database, { now: () => new Date() });
    documentId = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json().document.id;
    provisionId = (await t.request('secretariat', 'GET', `/api/documents/${documentId}/provisions`)).json().find((p: { kind: string }) => p.kind === 'paragraph').id;
    live = await listenOnLoopback(t);
  });
  afterAll(async () => {
    await live.close();
    await test.dispose();
  });

  async function stream(who: UserKey, path: string): Promise<SseClient> {
    const client = await live.stream(path, { cookie: t.sessions[who].cookie });
    expect(client.status).toBe(200);
    await client.waitFor((m) => m.event === 'hello');
    return client;
  }

  it('catches up, nudges, empties the caches and ends the streams of sessions revoked meanwhile', async () => {
    expect((await t.request('ind', 'PUT', `/api/documents/${documentId}/provisions/${provisionId}/follow`)).statusCode).toBe(200);
    const exchange = await stream('ind', `/api/organisations/${ORG}/exchange/live`);
    const notifications = await stream('ind', `/api/organisations/${ORG}/notifications/live`);
    const revoked = await stream('kaz', `/api/documents/${documentId}/live`);
    const kept = await stream('chair', `/api/documents/${documentId}/live`);
    let revokedEnded = false;
    void revoked.ended.then(() => (revokedEnded = true));
    let keptEnded = false;
    void kept.ended.then(() => (keptEnded = true));
    // The signed-in state of KAZ is cached by now.
    expect((await t.request('kaz', 'GET', `/api/documents/${documentId}`)).statusCode).toBe(200);

    listening.deafen();
    const sent = await t.request('isr', 'POST', `/api/organisations/${ORG}/exchange/submissions`, disasterReport(['IND']));
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await t.request('isr', 'POST', `/api/documents/${documentId}/proposals`, { kind: 'remark', about: provisionId, text: 'While the hub was deaf.' })).statusCode).toBe(201);
    // IND's notification of the remark is written (after the commit, asynchronously)…
    for (let tries = 0; ; tries += 1) {
      const list = (await t.request('ind', 'GET', `/api/organisations/${ORG}/notifications`)).json();
      if (JSON.stringify(list).includes('followed-proposal')) break;
      if (tries > 100) throw new Error(`IND was never notified: ${JSON.stringify(list)}`);
      await quietly(50);
    }
    // …another process signs KAZ out; its cache message is lost with the connection.
    await listening.database.db.delete(sessions).where(eq(sessions.userId, t.ids.kaz));
    await quietly(300);
    // Deaf: nothing reached the streams, and nothing ended.
    expect(exchange.messages.filter((m) => m.event === 'notification')).toEqual([]);
    expect(notifications.messages.filter((m) => m.event === 'notification')).toEqual([]);
    expect(revokedEnded).toBe(false);

    listening.resume();
    const caughtUp = await exchange.waitFor((m) => m.event === 'notification');
    expect(JSON.parse(caughtUp.data)).toMatchObject({ kind: 'submission.received', submission: { id: sent.json().id } });
    await notifications.waitFor((m) => m.event === 'notification');
    await revoked.ended;
    expect((await t.request('kaz', 'GET', `/api/documents/${documentId}`)).statusCode).toBe(401);
    // The chair's session is still good: its stream stays open and hears the next change.
    const next = (await t.request('isr', 'POST', `/api/documents/${documentId}/proposals`, { kind: 'remark', about: provisionId, text: 'After.' })).json();
    await kept.waitFor((m) => m.id === String(next.version));
    expect(keptEnded).toBe(false);
  });
});
