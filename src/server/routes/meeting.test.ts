/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Meeting mode: only the chair runs the meeting; its state is kept in the database (a
 * restart or another process knows it) and reaches the live clients of that document — and
 * of no other — as `meeting` events; an oral proposal is the floor delegation's, recorded by
 * the chair.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { openPostgres, type Database } from '../db/database.ts';
import { audit } from '../db/schema.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, steppingClock, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { listenOnLoopback, type ListeningApp } from '../test-support/listening-app.ts';
import type { SseClient } from '../test-support/sse.ts';

describe.each(DATABASE_KINDS)('meeting mode on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let live: ListeningApp;
  let doc: string;
  let otherDoc: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    doc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json().document.id;
    otherDoc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json().document.id;
    const paragraphs = (await t.request('chair', 'GET', `/api/documents/${doc}/provisions`)).json().filter((p: { kind: string }) => p.kind === 'paragraph');
    [first, second] = paragraphs.map((p: { id: string }) => p.id);
    live = await listenOnLoopback(t);
  });
  afterAll(async () => {
    await live.close();
    await test.dispose();
  });

  function subscribe(who: UserKey, documentId: string, origin = live.base): Promise<SseClient> {
    return live.stream(`${origin}/api/documents/${documentId}/live`, { cookie: t.sessions[who].cookie });
  }

  const meetingEvents = (client: SseClient) => client.messages.filter((m) => m.event === 'meeting').map((m) => JSON.parse(m.data));
  const meeting = (who: UserKey, documentId = doc) => t.request(who, 'GET', `/api/documents/${documentId}/meeting`);

  it('is not running on a new document, and every reader may read that', async () => {
    for (const who of ['chair', 'secretariat', 'ind'] as const) {
      const response = await meeting(who);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ documentId: doc, organisationId: ORG, active: false, provisionId: null, floor: null, chair: null, startedAt: null, updatedAt: null, revision: 0 });
    }
    // An observer does not see a document not circulated to observers, nor its meeting.
    expect((await meeting('observer')).json()).toMatchObject({ status: 404, code: 'ERR_DOCUMENT_NOT_FOUND' });
  });

  it('lets only the chair start it, move the discussion and give the floor', async () => {
    const attempts: [string, string, unknown][] = [
      ['POST', 'start', null],
      ['PUT', 'focus', { provisionId: first }],
      ['PUT', 'floor', { delegation: 'IND' }],
      ['POST', 'end', null],
    ];
    for (const [method, action, payload] of attempts) {
      for (const who of ['ind', 'isr', 'secretariat'] as const) {
        const refused = await t.request(who, method, `/api/documents/${doc}/meeting/${action}`, payload);
        expect(refused.statusCode, `${who} ${action}`).toBe(403);
        expect(refused.json()).toMatchObject({ code: 'ERR_ACCESS_FORBIDDEN', detail: expect.stringContaining('only the chair runs the meeting') });
      }
      const hidden = await t.request('observer', method, `/api/documents/${doc}/meeting/${action}`, payload);
      expect(hidden.json()).toMatchObject({ status: 404, code: 'ERR_DOCUMENT_NOT_FOUND' });
    }
    expect((await meeting('ind')).json()).toMatchObject({ active: false, revision: 0 });
  });

  it('refuses to move or give the floor when no meeting runs, and names what is unknown', async () => {
    expect((await t.request('chair', 'PUT', `/api/documents/${doc}/meeting/focus`, { provisionId: first })).json()).toMatchObject({ status: 409, code: 'ERR_MEETING_NOT_ACTIVE' });
    expect((await t.request('chair', 'PUT', `/api/documents/${doc}/meeting/floor`, { delegation: 'IND' })).json()).toMatchObject({ status: 409, code: 'ERR_MEETING_NOT_ACTIVE' });
    expect((await t.request('chair', 'POST', `/api/documents/${doc}/meeting/start`, { provisionId: 'no-such-provision' })).json()).toMatchObject({ status: 404, code: 'ERR_DOCUMENT_PART_NOT_FOUND' });
    expect((await t.request('chair', 'PUT', `/api/documents/${doc}/meeting/floor`, { delegation: 'ind' })).json()).toMatchObject({ status: 400, code: 'ERR_REQUEST_INVALID' });
    expect((await meeting('chair')).json()).toMatchObject({ active: false, revision: 0 });
  });

  it('sends each change to the live clients of that document within a second, and to no other', async () => {
    const delegate = await subscribe('ind', doc);
    const elsewhere = await subscribe('isr', otherDoc);
    // On connecting, each learns the current state: no meeting yet.
    expect(JSON.parse((await delegate.waitFor((m) => m.event === 'meeting')).data)).toMatchObject({ documentId: doc, active: false, revision: 0 });
    expect(JSON.parse((await elsewhere.waitFor((m) => m.event === 'meeting')).data)).toMatchObject({ documentId: otherDoc, active: false, revision: 0 });

    const started = await t.request('chair', 'POST', `/api/documents/${doc}/meeting/start`, { provisionId: first });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ active: true, provisionId: first, floor: null, chair: { userId: t.ids.chair, displayName: 'chair' }, revision: 1 });
    expect(started.json().startedAt).toBe(started.json().updatedAt);

    const sentAt = performance.now();
    const focused = await t.request('chair', 'PUT', `/api/documents/${doc}/meeting/focus`, { provisionId: second });
    expect(focused.json()).toMatchObject({ provisionId: second, revision: 2 });
    const heard = await delegate.waitFor((m) => m.event === 'meeting' && JSON.parse(m.data).revision === 2, 1000);
    expect(heard.at - sentAt, 'the delegate hears of the move within a second').toBeLessThan(1000);
    expect(heard.id, 'a meeting event is not a version of the document').toBeNull();
    expect(JSON.parse(heard.data)).toEqual(focused.json());

    const floor = await t.request('chair', 'PUT', `/api/documents/${doc}/meeting/floor`, { delegation: 'IND' });
    expect(floor.json()).toMatchObject({ floor: 'IND', provisionId: second, revision: 3 });
    await delegate.waitFor((m) => m.event === 'meeting' && JSON.parse(m.data).floor === 'IND');
    // The same focus again changes nothing and sends nothing.
    expect((await t.request('chair', 'PUT', `/api/documents/${doc}/meeting/focus`, { provisionId: second })).json().revision).toBe(3);

    // A change to the other document's meeting reaches its client; by then this document's three would have too.
    await t.request('chair', 'POST', `/api/documents/${otherDoc}/meeting/start`, null);
    await elsewhere.waitFor((m) => m.event === 'meeting' && JSON.parse(m.data).active === true);
    expect(meetingEvents(elsewhere).map((m) => [m.documentId, m.revision])).toEqual([
      [otherDoc, 0],
      [otherDoc, 1],
    ]);
    expect(meetingEvents(delegate).map((m) => m.revision)).toEqual([0, 1, 2, 3]);
    expect(meetingEvents(delegate).every((m) => m.documentId === doc)).toBe(true);
    await t.request('chair', 'POST', `/api/documents/${otherDoc}/meeting/end`, null);
  });

  it('keeps the state for a late reader, a restarted server and another process', async () => {
    const expected = (await meeting('chair')).json();
    expect(expected).toMatchObject({ active: true, provisionId: second, floor: 'IND' });
    // A client that connects late is told the state at once.
    const late = await subscribe('isr', doc);
    expect(JSON.parse((await late.waitFor((m) => m.event === 'meeting')).data)).toEqual(expected);

    // Another server on the same database: on Postgres a process of its own (its own pool and LISTEN connection).
    const database: Database = kind === 'postgres' ? openPostgres(test.url!) : test.database;
    // Its clock is near the first one's, so the sessions signed in there are still valid.
    const other: App = await buildApp({ database, webRoot: null, now: steppingClock(Date.parse('2021-06-02T09:00:00.000Z')) });
    let viaOther: SseClient | undefined;
    try {
      const read = await other.inject({ method: 'GET', url: `/api/documents/${doc}/meeting`, headers: { cookie: t.sessions.ind.cookie } });
      expect(read.json()).toEqual(expected);
      await other.listen({ port: 0, host: '127.0.0.1' });
      viaOther = await subscribe('ind', doc, `http://127.0.0.1:${(other.server.address() as AddressInfo).port}`);
      await viaOther.waitFor((m) => m.event === 'meeting');
      // A change made through the first server reaches a client of the second.
      const sentAt = performance.now();
      const moved = await t.request('chair', 'PUT', `/api/documents/${doc}/meeting/focus`, { provisionId: first });
      const heard = await viaOther.waitFor((m) => m.event === 'meeting' && JSON.parse(m.data).revision === moved.json().revision, 1000);
      expect(heard.at - sentAt).toBeLessThan(1000);
      expect(JSON.parse(heard.data)).toMatchObject({ provisionId: first, floor: 'IND' });
    } finally {
      // A server closes once its streams have.
      viaOther?.close();
      await other.close();
      if (database !== test.database) await database.close();
    }
  });

  it('records an oral proposal as the floor delegation’s, with the chair as the one who recorded it', async () => {
    const sentence: string = (await t.request('chair', 'GET', `/api/documents/${doc}/provisions/${first}`)).json().provision.text;
    const start = sentence.indexOf('military');
    expect(start).toBeGreaterThan(0);
    const body = { kind: 'replace', delegation: 'IND', anchor: { provisionId: first, start, end: start + 'military'.length }, text: 'defence' };
    const made = await t.request('chair', 'POST', `/api/documents/${doc}/meeting/proposals`, body);
    expect(made.statusCode, made.body).toBe(201);
    const page = (await t.request('ind', 'GET', `/api/documents/${doc}/events?after=${made.json().version - 1}`)).json();
    expect(page.events).toHaveLength(1);
    expect(page.events[0].event).toMatchObject({
      type: 'proposal.made',
      actor: { user: t.ids.chair, delegation: 'IND', role: 'chair' },
      data: { proposal: { id: made.json().id, kind: 'replace', proponent: 'IND', text: 'defence' } },
    });
    const proposal = (await t.request('isr', 'GET', `/api/documents/${doc}/proposals`)).json().find((p: { id: string }) => p.id === made.json().id);
    expect(proposal).toMatchObject({ proponent: 'IND', byChair: false, status: 'open' });
    const compiled = (await t.request('isr', 'GET', `/api/documents/${doc}/views/compiled`)).body;
    expect(compiled).toContain('[military] (-IND) [defence] (+IND)');
  });

  it('refuses an oral proposal for anyone but the delegation that has the floor, and a delegate’s for another delegation', async () => {
    const body = { kind: 'remark', text: 'from the floor', about: first };
    expect((await t.request('chair', 'POST', `/api/documents/${doc}/meeting/proposals`, { ...body, delegation: 'ISR' })).json()).toMatchObject({
      status: 409,
      code: 'ERR_MEETING_FLOOR_CHANGED',
      floor: 'IND',
      detail: 'IND has the floor now, not ISR. Check who is speaking, give them the floor, and record the proposal again.',
    });
    expect((await t.request('ind', 'POST', `/api/documents/${doc}/meeting/proposals`, { ...body, delegation: 'IND' })).json()).toMatchObject({ status: 403, code: 'ERR_ACCESS_FORBIDDEN' });
    expect((await t.request('ind', 'POST', `/api/documents/${doc}/proposals`, { ...body, delegation: 'ISR' })).json()).toMatchObject({ status: 403, code: 'ERR_ACCESS_OTHER_DELEGATION' });
    await t.request('chair', 'PUT', `/api/documents/${doc}/meeting/floor`, { delegation: null });
    expect((await t.request('chair', 'POST', `/api/documents/${doc}/meeting/proposals`, { ...body, delegation: 'IND' })).json()).toMatchObject({ status: 409, code: 'ERR_MEETING_NO_FLOOR' });
    await t.request('chair', 'POST', `/api/documents/${doc}/meeting/end`, null);
    expect((await t.request('chair', 'POST', `/api/documents/${doc}/meeting/proposals`, { ...body, delegation: 'IND' })).json()).toMatchObject({ status: 409, code: 'ERR_MEETING_NOT_ACTIVE' });
    const versions = (await t.request('ind', 'GET', `/api/documents/${doc}/events?after=0&limit=1000`)).json().events;
    expect(versions.filter((e: { event: { data: { proposal?: { text?: string } } } }) => e.event.data.proposal?.text === 'from the floor')).toEqual([]);
  });

  it('ends the meeting for everyone and audits start, floor and end', async () => {
    expect((await meeting('ind')).json()).toMatchObject({ active: false, provisionId: null, floor: null, chair: null, startedAt: null });
    const rows = await test.database.db
      .select()
      .from(audit)
      .where(and(like(audit.action, 'meeting.%'), eq(audit.userId, t.ids.chair)))
      .orderBy(asc(audit.id));
    const forDoc = rows.filter((row) => row.detail.documentId === doc);
    expect(forDoc.map((row) => [row.action, row.detail.floor ?? null])).toEqual([
      ['meeting.started', null],
      ['meeting.floor.given', 'IND'],
      ['meeting.floor.given', null],
      ['meeting.ended', null],
    ]);
    expect(forDoc.every((row) => row.username === 'chair')).toBe(true);
  });
});
