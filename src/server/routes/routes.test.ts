/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument --
   API responses are untyped JSON here; the assertions are what check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, fromTransfer, snapshot, type ParleyEvent } from '../../core/index.ts';
import { audit } from '../db/schema.ts';
import { comparable, readTablesSnapshot } from '../store/read-model.ts';
import { verifyLog } from '../store/verify-log.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, type TestApp } from '../test-support/fixtures.ts';
import { seedText } from '../seed/demo.ts';

describe.each(DATABASE_KINDS)('API on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let seedId: string;
  let smallId: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  it('reports health and the database in use', async () => {
    const response = await t.request(null, 'GET', '/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('answers unknown routes and bad input with problem+json from the catalogue, never a stack trace', async () => {
    const missing = await t.request(null, 'GET', '/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/u);
    expect(missing.json()).toMatchObject({ code: 'ERR_ROUTE_NOT_FOUND', status: 404, type: '/api/errors#ERR_ROUTE_NOT_FOUND' });
    const invalid = await t.request(null, 'POST', '/api/auth/login', { username: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'ERR_REQUEST_INVALID' });
    expect(invalid.body).not.toMatch(/at .*\.ts:\d+/u);
  });

  it('signs in, tells who is signed in, audits, and signs out', async () => {
    const me = await t.request('ind', 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'ind' }, memberships: [{ role: 'delegate', delegation: 'IND' }], secondFactor: 'passed' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ind', password: 'wrong password' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'ERR_AUTH_INVALID_CREDENTIALS' });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chair', password: 'correct horse battery staple' } });
    const cookie = login.cookies.find((c) => c.name === 'parley_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const headers = { cookie: `parley_session=${cookie.value}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    const actions = (await test.database.db.select().from(audit)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'login.failed', 'logout']));
  });

  it('refuses a state-changing cookie request without the CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${ORG}/documents`,
      headers: { cookie: t.sessions.secretariat.cookie },
      payload: { text: SMALL_DRAFT },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ERR_AUTH_CSRF_MISSING' });
  });

  it('lists organisations and delegations', async () => {
    const orgs = await t.request('ind', 'GET', '/api/organisations');
    expect(orgs.json()).toMatchObject([{ id: ORG, seatTimeZone: 'Asia/Almaty', workingLanguages: ['en', 'ru'] }]);
    const delegations = await t.request('observer', 'GET', `/api/organisations/${ORG}/delegations`);
    expect(delegations.json().map((d: { code: string }) => d.code)).toContain('ISR');
    expect((await t.request('ind', 'GET', '/api/organisations/elsewhere')).statusCode).toBe(404);
  });

  it('creates documents by importing drafts and returns the warnings', async () => {
    const seed = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: seedText(), title: 'Seed', notation: 'cica' });
    expect(seed.statusCode).toBe(201);
    const body = seed.json();
    seedId = body.document.id;
    expect(body.document).toMatchObject({ title: 'Seed', notation: 'cica' });
    expect(body.warnings.length).toBeGreaterThan(0);
    expect(body.warnings[0]).toEqual({ code: expect.any(String), line: expect.any(Number), column: expect.any(Number), message: expect.any(String) });
    const small = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT });
    smallId = small.json().document.id;
    const empty = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: '  ' });
    expect(empty.json()).toMatchObject({ status: 422, code: 'ERR_DOCUMENT_IMPORT_EMPTY' });
    const binary = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: 'a\u0000b [x] (+ISR)' });
    expect(binary.json()).toMatchObject({ status: 400, code: 'ERR_REQUEST_INVALID' });
    expect(binary.json().detail).toContain('NUL');
    const list = await t.request('ind', 'GET', `/api/organisations/${ORG}/documents`);
    expect(list.json().map((d: { id: string }) => d.id)).toEqual([seedId, smallId]);
  });

  it('renders the compiled view of the seed, with an ETag that revalidates to 304', async () => {
    const view = await t.request('ind', 'GET', `/api/documents/${seedId}/views/compiled`);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toMatch(/^text\/plain/u);
    expect(view.body).toContain('CICA');
    const etag = view.headers.etag as string;
    const again = await t.app.inject({ method: 'GET', url: `/api/documents/${seedId}/views/compiled`, headers: { cookie: t.sessions.ind.cookie, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const un = await t.request('ind', 'GET', `/api/documents/${seedId}/views/compiled?notation=un`);
    expect(un.statusCode).toBe(200);
    expect(un.body).not.toBe(view.body);
    for (const name of ['agreed', 'as:ISR']) expect((await t.request('ind', 'GET', `/api/documents/${seedId}/views/${name}?notation=cica`)).statusCode).toBe(200);
    expect((await t.request('ind', 'GET', `/api/documents/${seedId}/views/sideways`)).json()).toMatchObject({ code: 'ERR_REQUEST_UNSUPPORTED_VIEW' });
    const detail = await t.request('ind', 'GET', `/api/documents/${seedId}`);
    expect(detail.headers.etag).toBeDefined();
    const counts = await t.request('chair', 'GET', `/api/documents/${seedId}/counts`);
    expect(counts.json().openProposals).toBeGreaterThan(0);
  });

  it('sends the folded state, which is the fold of the log, revalidating by version', async () => {
    const response = await t.request('ind', 'GET', `/api/documents/${seedId}/state`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/u);
    const restored = fromTransfer(response.json());
    const log = (await t.request('ind', 'GET', `/api/documents/${seedId}/events?limit=1000`)).json().events.map((e: { event: ParleyEvent }) => e.event);
    expect(restored.version).toBe(log.length);
    expect(snapshot(restored)).toEqual(snapshot(fold(log)));
    const again = await t.app.inject({ method: 'GET', url: `/api/documents/${seedId}/state`, headers: { cookie: t.sessions.ind.cookie, 'if-none-match': response.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });

  it('lets a delegate propose and take positions for their own delegation only', async () => {
    const provisions = (await t.request('isr', 'GET', `/api/documents/${smallId}/provisions`)).json() as { id: string; text: string; kind: string }[];
    const target = provisions.find((p) => p.text.startsWith('Measures'))!;
    const made = await t.request('ind', 'POST', `/api/documents/${smallId}/proposals`, {
      kind: 'insert',
      anchor: { provisionId: target.id, start: 0, end: 0 },
      text: 'All ',
      reason: 'clarity',
    });
    expect(made.statusCode).toBe(201);
    const proposalId = made.json().id as string;
    expect(made.json().events).toEqual([{ version: expect.any(Number), type: 'proposal.made' }]);
    const forOther = await t.request('ind', 'POST', `/api/documents/${smallId}/proposals`, { kind: 'insert', delegation: 'ISR', anchor: { provisionId: target.id, start: 0, end: 0 }, text: 'x' });
    expect(forOther.json()).toMatchObject({ status: 403, code: 'ERR_ACCESS_OTHER_DELEGATION' });
    expect((await t.request('isr', 'PUT', `/api/documents/${smallId}/proposals/${proposalId}/positions/ISR`, { stance: 'objects', reason: 'not needed' })).statusCode).toBe(201);
    expect((await t.request('isr', 'PUT', `/api/documents/${smallId}/proposals/${proposalId}/positions/IND`, { stance: 'supports' })).statusCode).toBe(403);
    expect((await t.request('secretariat', 'PUT', `/api/documents/${smallId}/proposals/${proposalId}/positions/CHN`, { stance: 'supports' })).statusCode).toBe(201);
    expect((await t.request('isr', 'DELETE', `/api/documents/${smallId}/proposals/${proposalId}/positions/ISR`)).statusCode).toBe(201);
    expect((await t.request('isr', 'POST', `/api/documents/${smallId}/proposals/${proposalId}/withdraw`, null)).statusCode).toBe(403);
    const list = (await t.request('observer', 'GET', `/api/documents/${smallId}/proposals?status=open`));
    expect(list.statusCode).toBe(404);
    const proposals = (await t.request('chair', 'GET', `/api/documents/${smallId}/proposals?status=open`)).json() as { id: string; positions: { delegation: string }[] }[];
    expect(proposals.find((p) => p.id === proposalId)!.positions.map((p) => p.delegation).sort()).toEqual(['CHN', 'IND']);
    expect((await t.request('ind', 'POST', `/api/documents/${smallId}/proposals/${proposalId}/withdraw`, null)).statusCode).toBe(201);
  });

  it('returns 409 with the current version for a stale expectedVersion, and 422 for what the engine rejects', async () => {
    const doc = (await t.request('ind', 'GET', `/api/documents/${smallId}`)).json();
    const provisions = (await t.request('ind', 'GET', `/api/documents/${smallId}/provisions`)).json() as { id: string }[];
    const stale = await t.request('ind', 'POST', `/api/documents/${smallId}/proposals`, { kind: 'insert', anchor: { provisionId: provisions[1]!.id, start: 0, end: 0 }, text: 'x', expectedVersion: doc.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'ERR_DOCUMENT_VERSION_CONFLICT', currentVersion: doc.version });
    const bad = await t.request('ind', 'POST', `/api/documents/${smallId}/proposals`, { kind: 'insert', anchor: { provisionId: provisions[1]!.id, start: 0, end: 99_999 }, text: 'x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'ERR_DOCUMENT_EVENT_REJECTED', rejection: 'BAD_RANGE' });
  });

  it("keeps the chair's actions to the chair: chair's proposal, consensus, agreement, revision", async () => {
    const provisions = (await t.request('chair', 'GET', `/api/documents/${smallId}/provisions`)).json() as { id: string; text: string }[];
    const target = provisions.find((p) => p.text.startsWith('Measures'))!;
    const chairProposal = { kind: 'replace', anchor: { provisionId: target.id, start: 0, end: 8 }, text: 'These measures' };
    expect((await t.request('ind', 'POST', `/api/documents/${smallId}/chair/proposals`, chairProposal)).statusCode).toBe(403);
    const made = await t.request('chair', 'POST', `/api/documents/${smallId}/chair/proposals`, chairProposal);
    expect(made.statusCode).toBe(201);
    const id = made.json().id as string;
    expect((await t.request('secretariat', 'POST', `/api/documents/${smallId}/proposals/${id}/consensus`, { outcome: 'accept' })).statusCode).toBe(403);
    expect((await t.request('chair', 'POST', `/api/documents/${smallId}/proposals/${id}/consensus`, { outcome: 'accept' })).statusCode).toBe(201);
    expect((await t.request('chair', 'POST', `/api/documents/${smallId}/provisions/${target.id}/agreement`, { status: 'agreed-ad-ref' })).statusCode).toBe(201);
    const rev = await t.request('chair', 'POST', `/api/documents/${smallId}/revisions`, null);
    expect(rev.statusCode).toBe(201);
    expect(rev.json().id).toBe('1');
    const agreed = await t.request('ind', 'GET', `/api/documents/${smallId}/views/agreed`);
    expect(agreed.body).toContain('These measures');
    const compare = await t.request('ind', 'GET', `/api/documents/${smallId}/compare?from=0&to=1`);
    expect(compare.statusCode).toBe(200);
    expect(compare.json().parts.some((p: { added?: boolean; value: string }) => p.added && p.value.includes('These'))).toBe(true);
    expect((await t.request('ind', 'GET', `/api/documents/${smallId}/compare?from=7`)).json()).toMatchObject({ code: 'ERR_REVISION_NOT_FOUND' });
    expect((await t.request('ind', 'GET', `/api/documents/${smallId}/views/compiled?revision=1`)).statusCode).toBe(200);
  });

  it('adds statements attributed to the right speaker', async () => {
    const provisions = (await t.request('isr', 'GET', `/api/documents/${smallId}/provisions`)).json() as { id: string }[];
    const isr = await t.request('isr', 'POST', `/api/documents/${smallId}/statements`, { kind: 'interpretative', text: 'Israel understands …', anchor: { provisionId: provisions[1]!.id } });
    expect(isr.statusCode).toBe(201);
    expect((await t.request('isr', 'POST', `/api/documents/${smallId}/statements`, { kind: 'chair-note', text: 'x', anchor: { provisionId: provisions[1]!.id } })).statusCode).toBe(403);
    expect((await t.request('chair', 'POST', `/api/documents/${smallId}/statements`, { kind: 'chair-note', text: 'Former p. 1.3', anchor: { provisionId: provisions[1]!.id, at: 'label' } })).statusCode).toBe(201);
    const statements = (await t.request('ind', 'GET', `/api/documents/${smallId}/statements`)).json() as { by: string; kind: string }[];
    expect(statements.filter((s) => s.kind !== 'footnote').map((s) => s.by)).toEqual(['ISR', 'CHAIR']);
  });

  it('pages the event log, and the read tables equal the fold of the log', async () => {
    const first = (await t.request('ind', 'GET', `/api/documents/${smallId}/events?limit=3`)).json();
    expect(first.events.map((e: { version: number }) => e.version)).toEqual([1, 2, 3]);
    expect(first.next).toBe(3);
    const all: ParleyEvent[] = [];
    let after = 0;
    for (;;) {
      const page = (await t.request('ind', 'GET', `/api/documents/${smallId}/events?after=${after}&limit=5`)).json();
      all.push(...page.events.map((e: { event: ParleyEvent }) => e.event));
      if (page.next === null) break;
      after = page.next;
    }
    const folded = fold(all);
    for (const id of [smallId, seedId]) {
      const log: ParleyEvent[] = (await t.request('ind', 'GET', `/api/documents/${id}/events?limit=1000`)).json().events.map((e: { event: ParleyEvent }) => e.event);
      expect(comparable((await readTablesSnapshot(test.database.db, id))!)).toEqual(comparable(snapshot(fold(log))));
    }
    expect(folded.id).toBe(smallId);
    expect((await verifyLog(test.database.db)).ok).toBe(true);
  });

  it('shows observers only what is circulated to them', async () => {
    expect((await t.request('observer', 'GET', `/api/documents/${smallId}`)).statusCode).toBe(404);
    expect((await t.request('observer', 'GET', `/api/organisations/${ORG}/documents`)).json()).toEqual([]);
    expect((await t.request('isr', 'PATCH', `/api/documents/${smallId}`, { circulatedToObservers: true })).statusCode).toBe(403);
    expect((await t.request('secretariat', 'PATCH', `/api/documents/${smallId}`, { circulatedToObservers: true })).statusCode).toBe(200);
    expect((await t.request('observer', 'GET', `/api/documents/${smallId}/views/compiled`)).statusCode).toBe(200);
    expect((await t.request('observer', 'POST', `/api/documents/${smallId}/statements`, { kind: 'footnote', text: 'x', anchor: { provisionId: 'x' } })).statusCode).toBe(403);
  });

  it('lets the secretariat and a head of delegation administer accounts', async () => {
    const created = await t.request('isr', 'POST', `/api/organisations/${ORG}/users`, { username: 'isr3', displayName: 'Another Israeli delegate', role: 'delegate' });
    expect(created.statusCode).toBe(201);
    expect(created.json().password).toMatch(/^\S{20}$/u);
    expect(created.json().user.memberships).toEqual([{ organisationId: ORG, role: 'delegate', delegation: 'ISR', isHead: false }]);
    expect((await t.request('isr', 'POST', `/api/organisations/${ORG}/users`, { username: 'ind9', displayName: 'x', role: 'delegate', delegation: 'IND' })).statusCode).toBe(403);
    expect((await t.request('isr', 'POST', `/api/organisations/${ORG}/users`, { username: 'sec9', displayName: 'x', role: 'secretariat' })).statusCode).toBe(403);
    expect((await t.request('ind', 'GET', `/api/organisations/${ORG}/users`)).statusCode).toBe(403);
    const own = (await t.request('isr', 'GET', `/api/organisations/${ORG}/users`)).json() as { username: string; id: string }[];
    expect(own.map((u) => u.username).sort()).toEqual(['isr', 'isr2', 'isr3']);
    expect((await t.request('isr', 'POST', `/api/organisations/${ORG}/users/${t.ids.ind}/disable`, null)).statusCode).toBe(404);
    const isr3 = own.find((u) => u.username === 'isr3')!;
    expect((await t.request('isr', 'POST', `/api/organisations/${ORG}/users/${isr3.id}/disable`, null)).json()).toMatchObject({ disabled: true });
    const duplicate = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/users`, { username: 'isr3', displayName: 'x', role: 'observer' });
    expect(duplicate.json()).toMatchObject({ status: 409, code: 'ERR_USER_EXISTS' });
    expect((await t.request('secretariat', 'POST', `/api/organisations/${ORG}/users/${t.ids.ind}/reset-second-factor`, null)).statusCode).toBe(200);
  });

  it('serves the OpenAPI 3.1 document and a browsable page', async () => {
    const spec = (await t.request(null, 'GET', '/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/documents/{documentId}/proposals');
    const page = await t.request(null, 'GET', '/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });
});
