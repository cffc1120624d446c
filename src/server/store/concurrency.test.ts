/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Twenty delegates act on the same provision at once. With the same expectedVersion exactly
 * one lands and the others get 409 with the current version; retrying from there, each lands
 * exactly once. Without expectedVersion, all land, with contiguous versions. Nothing is
 * lost or applied twice, and the read tables still equal the fold of the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, snapshot, type ParleyEvent } from '../../core/index.ts';
import { buildApp, type App } from '../app.ts';
import { createUser } from '../services/users.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { counterIds, login, ORG, PASSWORD, seedOrganisation, SMALL_DRAFT, steppingClock, type Session } from '../test-support/fixtures.ts';
import { comparable, readTablesSnapshot } from './read-model.ts';
import { verifyLog } from './verify-log.ts';

const DELEGATIONS = ['CHN', 'IND', 'ISR', 'KAZ', 'RUS', 'THA', 'TUR'];

describe.each(DATABASE_KINDS)('concurrent writers on %s', (kind) => {
  let test: TestDatabase;
  let app: App;
  let delegates: Session[];
  let secretariat: Session;
  let documentId: string;
  let provisionId: string;

  const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    const now = steppingClock();
    await seedOrganisation(test.database, now());
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createUser(test.database.db, { id: `d${i}`, username: `d${i}`, displayName: `Delegate ${i}`, organisationId: ORG, role: 'delegate', delegation: DELEGATIONS[i % DELEGATIONS.length]!, password: PASSWORD }, now()),
      ),
    );
    app = await buildApp({ database: test.database, now, newId: counterIds('c'), config: { loginRateLimit: { max: 1000, windowMs: 60_000 } } });
    delegates = await Promise.all(Array.from({ length: 20 }, (_, i) => login(app, `d${i}`)));
    secretariat = await login(app, 'sec');
    documentId = (await call(secretariat, 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json().document.id;
    provisionId = (await call(secretariat, 'GET', `/api/documents/${documentId}/provisions`)).json().find((p: { kind: string }) => p.kind === 'paragraph').id;
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  async function version(): Promise<number> {
    return (await call(secretariat, 'GET', `/api/documents/${documentId}`)).json().version as number;
  }

  async function log(): Promise<ParleyEvent[]> {
    return (await call(secretariat, 'GET', `/api/documents/${documentId}/events?limit=1000`)).json().events.map((e: { event: ParleyEvent }) => e.event);
  }

  it('with one expectedVersion: exactly one lands, nineteen get 409; retried, each lands once', async () => {
    const start = await version();
    const propose = (i: number, expectedVersion: number) =>
      call(delegates[i]!, 'POST', `/api/documents/${documentId}/proposals`, { kind: 'insert', anchor: { provisionId, start: 0, end: 0 }, text: `w${i} `, expectedVersion });
    const first = await Promise.all(delegates.map((_, i) => propose(i, start)));
    const statuses = first.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const conflict of first.filter((r) => r.statusCode === 409)) expect(conflict.json()).toMatchObject({ code: 'ERR_DOCUMENT_VERSION_CONFLICT', currentVersion: start + 1 });

    // Each refused delegate reloads and tries again until it lands, as a client would.
    const pending = new Set(first.flatMap((r, i) => (r.statusCode === 409 ? [i] : [])));
    for (let round = 0; pending.size > 0 && round < 40; round += 1) {
      const current = await version();
      const results = await Promise.all([...pending].map(async (i) => [i, await propose(i, current)] as const));
      for (const [i, r] of results) {
        expect([201, 409]).toContain(r.statusCode);
        if (r.statusCode === 201) pending.delete(i);
      }
    }
    expect(pending.size).toBe(0);
    expect(await version()).toBe(start + 20);
    const texts = (await log()).slice(start).map((e) => (e.type === 'proposal.made' ? e.data.proposal.text : e.type));
    expect([...texts].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `w${i} `).sort());
  });

  it('without expectedVersion: all twenty land, each once, with contiguous versions', async () => {
    const start = await version();
    const results = await Promise.all(
      delegates.map((session, i) => call(session, 'POST', `/api/documents/${documentId}/proposals`, { kind: 'remark', about: provisionId, text: `remark ${i}` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(results.map((r) => r.json().version as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
    const events = await log();
    expect(events).toHaveLength(start + 20);
    expect(comparable((await readTablesSnapshot(test.database.db, documentId))!)).toEqual(comparable(snapshot(fold(events))));
    expect((await verifyLog(test.database.db)).ok).toBe(true);
  });
});
