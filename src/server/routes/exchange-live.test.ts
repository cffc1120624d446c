/**
 * The exchange's live stream: each connection is told only what notificationsFor gives its
 * viewer — the addressed states learn of an urgent disaster notification at once, a third
 * state and the chair learn nothing, not even that something happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { listenOnLoopback, type ListeningApp } from '../test-support/listening-app.ts';
import type { SseClient } from '../test-support/sse.ts';
import { disasterReport } from '../test-support/exchange-payloads.ts';

const BASE = `/api/organisations/${ORG}/exchange`;

describe.each(DATABASE_KINDS)('exchange live notifications on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let live: ListeningApp;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    live = await listenOnLoopback(t);
  });
  afterAll(async () => {
    await live.close();
    await test.dispose();
  });

  async function subscribe(who: UserKey): Promise<SseClient> {
    const client = await live.stream(`${BASE}/live`, { cookie: t.sessions[who].cookie });
    await client.waitFor((m) => m.event === 'hello');
    return client;
  }

  it('tells the addressed states, then the provider of a read, and nobody else', async () => {
    const ind = await subscribe('ind');
    const isr2 = await subscribe('isr2');
    const kaz = await subscribe('kaz');
    const chair = await subscribe('chair');
    const sent = await t.request('isr', 'POST', `${BASE}/submissions`, disasterReport(['IND'], 'Chemical spill upstream'));
    expect(sent.statusCode, sent.body).toBe(201);
    const id = (sent.json() as { id: string }).id;
    const received = await ind.waitFor((m) => m.event === 'notification');
    expect(JSON.parse(received.data)).toMatchObject({ kind: 'submission.received', urgent: true, submission: { id, from: 'ISR' } });

    await t.request('ind', 'GET', `${BASE}/submissions/${id}`);
    const read = await isr2.waitFor((m) => m.event === 'notification');
    expect(JSON.parse(read.data)).toMatchObject({ kind: 'submission.read', by: 'IND' });

    // Both events have reached every connection by now (the provider's was the later one).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kaz.messages.filter((m) => m.event !== 'hello')).toEqual([]);
    expect(chair.messages.filter((m) => m.event !== 'hello')).toEqual([]);
    expect(isr2.messages.filter((m) => m.event === 'notification')).toHaveLength(1);
  });
});
