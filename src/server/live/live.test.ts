/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { login, makeTestApp, ORG, SMALL_DRAFT, USERS, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { listenOnLoopback, type ListeningApp } from '../test-support/listening-app.ts';
import type { SseClient } from '../test-support/sse.ts';

describe.each(DATABASE_KINDS)('live updates on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let live: ListeningApp;
  let documentId: string;
  let provisionId: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    documentId = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json().document.id;
    provisionId = (await t.request('secretariat', 'GET', `/api/documents/${documentId}/provisions`)).json().find((p: { kind: string }) => p.kind === 'paragraph').id;
    live = await listenOnLoopback(t);
  });
  afterAll(async () => {
    await live.close();
    await test.dispose();
  });

  async function subscribe(who: UserKey, lastEventId?: number): Promise<SseClient> {
    return live.stream(`/api/documents/${documentId}/live`, {
      cookie: t.sessions[who].cookie,
      ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
    });
  }

  const remark = (text: string) => t.request('ind', 'POST', `/api/documents/${documentId}/proposals`, { kind: 'remark', about: provisionId, text });

  it('tells every allowed subscriber {documentId, version, type} after each commit', async () => {
    const chair = await subscribe('chair');
    const isr = await subscribe('isr');
    expect(chair.status).toBe(200);
    const hello = await chair.waitFor((m) => m.event === 'hello');
    const start = JSON.parse(hello.data).version as number;
    const made = await remark('one');
    const version = made.json().version as number;
    expect(version).toBe(start + 1);
    for (const client of [chair, isr]) {
      const message = await client.waitFor((m) => m.id === String(version));
      expect(JSON.parse(message.data)).toEqual({ documentId, version, type: 'proposal.made' });
    }
  });

  it('does not let an observer subscribe to a document not circulated to observers', async () => {
    const response = await fetch(`${live.base}/api/documents/${documentId}/live`, { headers: { cookie: t.sessions.observer.cookie } });
    expect(response.status).toBe(404);
  });

  it('ends the stream when its session signs out, and sends nothing after', async () => {
    const session = await login(t.app, USERS.ind.username);
    const client = await live.stream(`/api/documents/${documentId}/live`, { cookie: session.cookie });
    await client.waitFor((m) => m.event === 'hello');
    const before = client.messages.length;
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    expect(out.statusCode).toBe(204);
    await client.ended;
    await remark('after the sign-out');
    expect(client.messages.length).toBe(before);
  });

  it('sends nothing for a refused change', async () => {
    const client = await subscribe('chair');
    const hello = await client.waitFor((m) => m.event === 'hello');
    const bad = await t.request('ind', 'POST', `/api/documents/${documentId}/proposals`, { kind: 'insert', anchor: { provisionId, start: 0, end: 9999 }, text: 'x' });
    expect(bad.statusCode).toBe(422);
    const good = await remark('after a refusal');
    const message = await client.waitFor((m) => m.event === 'message');
    expect(JSON.parse(message.data).version).toBe(good.json().version);
    expect(JSON.parse(message.data).version).toBe(JSON.parse(hello.data).version + 1);
  });

  it('resumes from Last-Event-ID without missing a version', async () => {
    const client = await subscribe('ind');
    const hello = await client.waitFor((m) => m.event === 'hello');
    const from = JSON.parse(hello.data).version as number;
    client.close();
    // Changes made while the client is away…
    const missed: number[] = [];
    for (const text of ['a', 'b', 'c']) missed.push((await remark(text)).json().version as number);
    const resumed = await subscribe('ind', from);
    // …and one made right after it reconnects.
    const after = (await remark('d')).json().version as number;
    await resumed.waitFor((m) => m.id === String(after));
    const versions = resumed.messages.filter((m) => m.event === 'message').map((m) => Number(m.id));
    expect(versions).toEqual([...missed, after]);
    expect(versions).toEqual(Array.from({ length: 4 }, (_, i) => from + i + 1));
  });
});
