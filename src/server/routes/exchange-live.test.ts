/**
 * The exchange's live stream: each connection is told only what notificationsFor gives its
 * viewer — the addressed states learn of an urgent disaster notification at once, a third
 * state and the chair learn nothing, not even that something happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { openSse, type SseClient } from '../test-support/sse.ts';

const BASE = `/api/organisations/${ORG}/exchange`;

describe.each(DATABASE_KINDS)('exchange live notifications on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let base: string;
  const open: SseClient[] = [];

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t.app.close();
    await test.dispose();
  });

  async function subscribe(who: UserKey): Promise<SseClient> {
    const client = await openSse(`${base}${BASE}/live`, { cookie: t.sessions[who].cookie });
    open.push(client);
    await client.waitFor((m) => m.event === 'hello');
    return client;
  }

  it('tells the addressed states, then the provider of a read, and nobody else', async () => {
    const ind = await subscribe('ind');
    const isr2 = await subscribe('isr2');
    const kaz = await subscribe('kaz');
    const chair = await subscribe('chair');
    const sent = await t.request('isr', 'POST', `${BASE}/submissions`, {
      category: 'disaster',
      to: ['IND'],
      subject: 'Chemical spill upstream',
      legalBasis: '2.4.3',
      language: 'en',
      dissemination: { kind: 'addressees-only' },
      urgent: true,
      kind: 'report',
      body: { hazard: 'industrial', event: 'Spill', occurredAt: '2021-06-02T06:00:00.000Z', location: 'Plant 4', mayAffect: ['IND'], description: 'Chlorine', assistanceRequested: true },
    });
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
