/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * The information exchange over HTTP, on both databases: the happy path (send → addressed
 * read → consent request → grant → a third state reads → the provider's read log with the
 * bases), "what a state may not see it may not learn exists" (every route, every role, a
 * hidden id against a never-used one, byte for byte), retention erasure, and atomicity of
 * the body with its event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { exchangeBodies, events } from '../db/schema.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { login, makeTestApp, ORG, USERS, type Reply, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { registerStreamId } from '../store/register-store.ts';
import { verifyLog } from '../store/verify-log.ts';
import { disasterReport } from '../test-support/exchange-payloads.ts';

const BASE = `/api/organisations/${ORG}/exchange`;
const DAY = 24 * 3600 * 1000;

const disaster = (to: string[], event?: string): Record<string, unknown> => disasterReport(to, event);

const militaryCv = (to: string[]) => ({
  category: 'military-cv',
  to,
  subject: 'CV of the Chief of General Staff',
  legalBasis: '2.1.4 c',
  language: 'en',
  dissemination: { kind: 'addressees-only' },
  kind: 'report',
  body: { person: { name: 'A. Person', rank: 'General', position: 'Chief of General Staff' }, career: [], education: ['Staff college'] },
});

describe.each(DATABASE_KINDS)('information exchange on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let offset = 0;
  const clock = (): Date => new Date(Date.parse('2021-06-02T08:00:00.000Z') + (offset += 1000));

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database, { now: clock });
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  async function send(who: UserKey, payload: unknown): Promise<{ id: string; registryNumber: string }> {
    const response = await t.request(who, 'POST', `${BASE}/submissions`, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('sends, reads under "addressed", asks and grants consent, lets a third state read, and shows the provider every read with its basis', async () => {
    const sent = await send('isr', disaster(['IND']));
    expect(sent.registryNumber).toMatch(/^[A-Z0-9-]+\/EX\/2021\/0001$/u);

    // The body is outside the log: the event carries its digest only.
    const [row] = await test.database.db.select().from(exchangeBodies).where(eq(exchangeBodies.submissionId, sent.id));
    expect(row!.body).toMatchObject({ event: 'Mudflow on the Ile river' });
    const logged = await test.database.db.select().from(events).where(eq(events.documentId, registerStreamId('exchange', ORG)));
    const payload = JSON.stringify(logged.map((e) => e.payload));
    expect(payload).not.toContain('blocked the river');
    expect(payload).toContain(row!.digest);

    const read = await t.request('ind', 'GET', `${BASE}/submissions/${sent.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ outcome: 'ok', basis: { via: 'addressed' }, submission: { from: 'ISR', body: { location: 'Almaty region' } } });
    expect(read.headers['cache-control']).toBe('private, no-store');

    expect((await t.request('kaz', 'GET', `${BASE}/submissions/${sent.id}`)).statusCode).toBe(404);
    expect((await t.request('kaz', 'GET', `${BASE}/counts`)).json()).toEqual({ all: 0, sent: 0, received: 0, urgent: 0 });

    const asked = await t.request('ind', 'POST', `${BASE}/submissions/${sent.id}/consent-requests`, { widening: { kind: 'states', states: ['KAZ'] }, reason: 'KAZ is downstream too' });
    expect(asked.statusCode, asked.body).toBe(201);
    const granted = await t.request('isr', 'POST', `${BASE}/submissions/${sent.id}/grants`, { widening: { kind: 'states', states: ['KAZ'] }, inAnswerTo: asked.json().id });
    expect(granted.statusCode, granted.body).toBe(201);

    const consent = (await t.request('isr', 'GET', `${BASE}/submissions/${sent.id}/consent`)).json();
    expect(consent.requests).toMatchObject([{ party: 'IND', answer: { outcome: 'granted' } }]);
    expect(consent.grants.map((g: { id: string }) => g.id)).toEqual([granted.json().id]);
    expect((await t.request('ind', 'GET', `${BASE}/submissions/${sent.id}/consent`)).json().grants).toEqual([]);

    const third = await t.request('kaz', 'GET', `${BASE}/submissions/${sent.id}`);
    expect(third.json()).toMatchObject({ outcome: 'ok', basis: { via: 'grant', grantId: granted.json().id } });
    expect((await t.request('kaz', 'GET', `${BASE}/counts`)).json()).toMatchObject({ all: 1 });
    const why = (await t.request('kaz', 'GET', `${BASE}/submissions/${sent.id}/why`)).json();
    expect(why.chains[0].links.map((l: { step: string }) => l.step)).toEqual(['sent', 'granted']);

    await t.request('isr2', 'GET', `${BASE}/submissions/${sent.id}`);
    const log = await t.request('isr', 'GET', `${BASE}/submissions/${sent.id}/reads`);
    expect(log.statusCode).toBe(200);
    expect(log.json().entries.map((e: { delegation: string; basis: { via: string } }) => `${e.delegation} ${e.basis.via}`)).toEqual(['IND addressed', 'KAZ grant', 'ISR provider']);
    const notProvider = await t.request('ind', 'GET', `${BASE}/submissions/${sent.id}/reads`);
    expect(notProvider.statusCode).toBe(403);
    expect(notProvider.json().code).toBe('ERR_EXCHANGE_READ_LOG_PROVIDER_ONLY');

    const list = (await t.request('ind', 'GET', `${BASE}/submissions?text=mudflow`)).json();
    expect(list.count).toBe(1);
    expect((await t.request('ind', 'GET', `${BASE}/submissions?text=blocked%20river`)).json().count).toBe(1);
    expect((await t.request('ind', 'GET', `${BASE}/submissions?text=volcano`)).json().count).toBe(0);

    const csv = await t.request('kaz', 'GET', `${BASE}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toContain("without ISR's consent");

    const report = await verifyLog(test.database.db);
    expect(report.problems).toEqual([]);
  });

  it('refuses a body that does not fit its category, and writes nothing', async () => {
    const before = await test.database.db.select().from(exchangeBodies);
    const bad = await t.request('isr', 'POST', `${BASE}/submissions`, { ...disaster(['IND']), body: { hazard: 'cosmic' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('ERR_REQUEST_INVALID');
    const notUrgent = await t.request('isr', 'POST', `${BASE}/submissions`, { ...disaster(['IND']), urgent: false });
    expect(notUrgent.statusCode).toBe(422);
    expect(notUrgent.json().code).toBe('ERR_EXCHANGE_CHANGE_REFUSED');
    expect(await test.database.db.select().from(exchangeBodies)).toHaveLength(before.length);
  });

  it('answers a hidden submission exactly as an id never used, on every route, for every role', async () => {
    const hidden = await send('isr', disaster(['IND'], 'Hidden flood'));
    const never = hidden.id.replace(/.$/u, (c) => (c === '9' ? '8' : '9'));
    expect(never).not.toBe(hidden.id);
    const routes: { method: string; path: (id: string) => string; payload?: unknown }[] = [
      { method: 'GET', path: (id) => `${BASE}/submissions/${id}` },
      { method: 'GET', path: (id) => `${BASE}/submissions/${id}/reads` },
      { method: 'GET', path: (id) => `${BASE}/submissions/${id}/why` },
      { method: 'GET', path: (id) => `${BASE}/submissions/${id}/consent` },
      { method: 'POST', path: (id) => `${BASE}/submissions/${id}/consent-requests`, payload: { widening: { kind: 'states', states: ['CHN'] } } },
      { method: 'POST', path: (id) => `${BASE}/submissions/${id}/grants`, payload: { widening: { kind: 'publication' } } },
      { method: 'POST', path: (id) => `${BASE}/submissions/${id}/grants/envelope/revocation`, payload: {} },
      { method: 'POST', path: (id) => `${BASE}/submissions/${id}/disseminations`, payload: { to: ['CHN'] } },
      { method: 'POST', path: (id) => `${BASE}/submissions/${id}/contact-checks`, payload: null },
    ];
    const strip = (response: Reply, id: string): string => {
      const headers = Object.entries(response.headers).filter(([name]) => name !== 'date');
      return JSON.stringify({ status: response.statusCode, headers, body: response.body.replaceAll(id, '<id>') });
    };
    const outsiders: UserKey[] = ['kaz', 'secretariat', 'chair', 'observer'];
    let compared = 0;
    for (const who of outsiders) {
      for (const route of routes) {
        const a = await t.request(who, route.method, route.path(hidden.id), route.payload);
        const b = await t.request(who, route.method, route.path(never), route.payload);
        // 422 only for a refusal that does not depend on the submission (the comparison below proves it).
        expect([403, 404, 422]).toContain(a.statusCode);
        expect(strip(a, hidden.id), `${who} ${route.method} ${route.path(':id')}`).toBe(strip(b, never));
        expect(a.body).not.toContain('Hidden');
        expect(a.headers['etag']).toBeUndefined();
        compared += 1;
      }
      const list = (await t.request(who, 'GET', `${BASE}/submissions?text=hidden`)).json();
      expect(list.count).toBe(0);
      const csv = await t.request(who, 'GET', `${BASE}/export.csv`);
      expect(csv.body).not.toContain('Hidden');
    }
    expect(compared).toBe(outsiders.length * routes.length);
  });

  it('erases a personal-data body at its retention limit: the envelope stays, reads answer expired', async () => {
    const cv = await send('isr', militaryCv(['IND']));
    const first = await t.request('ind', 'GET', `${BASE}/submissions/${cv.id}`);
    expect(first.json().outcome).toBe('ok');
    offset += 366 * DAY;
    // Sessions end long before a year: sign in again.
    for (const key of Object.keys(USERS) as UserKey[]) t.sessions[key] = await login(t.app, USERS[key].username);
    const later = await t.request('ind', 'GET', `${BASE}/submissions/${cv.id}`);
    expect(later.statusCode).toBe(200);
    expect(later.json()).toMatchObject({ outcome: 'expired', envelope: { id: cv.id } });
    expect(later.body).not.toContain('A. Person');
    await t.request('ind', 'GET', `${BASE}/submissions`);
    const [row] = await test.database.db.select().from(exchangeBodies).where(eq(exchangeBodies.submissionId, cv.id));
    expect(row!.body).toBeNull();
    expect(row!.erasedAt).not.toBeNull();
  });

  it('commits the body with its event or neither', async () => {
    const before = (await test.database.db.select().from(events).where(eq(events.documentId, registerStreamId('exchange', ORG)))).length;
    // A body row already holding the id the next submission gets makes the alongside write fail.
    const nextId = `id-${String(Number(/\d+$/u.exec((await send('isr', disaster(['IND'], 'Probe'))).id)![0]) + 1).padStart(4, '0')}`;
    await test.database.db.insert(exchangeBodies).values({ submissionId: nextId, organisationId: ORG, body: {}, digest: 'sha256:x', retainUntil: null, erasedAt: null });
    const failed = await t.request('isr', 'POST', `${BASE}/submissions`, disaster(['IND'], 'Lost'));
    expect(failed.statusCode).toBe(500);
    const after = (await test.database.db.select().from(events).where(eq(events.documentId, registerStreamId('exchange', ORG)))).length;
    expect(after).toBe(before + 1);
    const list = (await t.request('ind', 'GET', `${BASE}/submissions?text=lost`)).json();
    expect(list.count).toBe(0);
    const again = await t.request('isr', 'POST', `${BASE}/submissions`, disaster(['IND'], 'Found'));
    expect(again.statusCode, again.body).toBe(201);
  });
});
