import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/index.ts';
import { events, registers } from '../db/schema.ts';
import { ProblemError } from '../http/problem.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { ORG, seedOrganisation, steppingClock, counterIds } from '../test-support/fixtures.ts';
import { importDocument } from '../services/documents.ts';
import { EventStore } from './event-store.ts';
import { RegisterStore, registerStreamId, type RegisterDomain } from './register-store.ts';
import { verifyLog } from './verify-log.ts';

/** A toy register: a tally of named counters that may never go below zero. */
interface TallyEvent {
  readonly type: 'tally.moved';
  readonly at: string;
  readonly actor: Actor;
  readonly data: { readonly name: string; readonly by: number };
}
type Tally = Map<string, number>;

const tally: RegisterDomain<Tally, TallyEvent> = {
  kind: 'tally',
  empty: () => new Map(),
  apply(state, event) {
    const next = (state.get(event.data.name) ?? 0) + event.data.by;
    if (next < 0) return { code: 'BELOW_ZERO', message: `${event.data.name} would fall below zero.` };
    state.set(event.data.name, next);
    return null;
  },
};

describe.each(DATABASE_KINDS)('register store on %s', (kind) => {
  let test: TestDatabase;
  let store: RegisterStore<Tally, TallyEvent>;
  const now = steppingClock();
  const actor: Actor = { user: 'user-sec', delegation: null, role: 'secretariat' };
  const move = (name: string, by: number): TallyEvent => ({ type: 'tally.moved', at: now().toISOString(), actor, data: { name, by } });

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedOrganisation(test.database, now());
    store = new RegisterStore(test.database, tally, now);
  });
  afterAll(async () => {
    await test.dispose();
  });

  it('starts empty at version 0', async () => {
    const { state, version } = await store.read(ORG);
    expect(version).toBe(0);
    expect(state.size).toBe(0);
  });

  it('appends, chains into the organisation log with the documents, and refolds the same from the log', async () => {
    const documentStore = new EventStore(test.database, now);
    await importDocument({ database: test.database, store: documentStore, now, newId: counterIds('d') }, { organisationId: ORG, text: '1.1 The [text] (+ISR) here.\n', actor, documentId: 'doc-1' });
    const first = await store.append(ORG, { build: () => [move('a', 2), move('b', 1)] });
    expect(first.version).toBe(2);
    expect(first.events.map((e) => e.documentId)).toEqual([registerStreamId('tally', ORG), registerStreamId('tally', ORG)]);
    const second = await store.append(ORG, { build: () => [move('a', -1)] });
    expect(second.version).toBe(3);
    expect(second.events[0]!.seq).toBe(first.events[1]!.seq + 1);

    const report = await verifyLog(test.database.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);

    store.forget();
    const { state, version } = await store.read(ORG);
    expect(version).toBe(3);
    expect(Object.fromEntries(state)).toEqual({ a: 1, b: 1 });
  });

  it('refuses a command whose event does not apply, and writes nothing of it', async () => {
    const before = await test.database.db.select().from(events).where(eq(events.documentId, registerStreamId('tally', ORG)));
    const refused = store.append(ORG, { build: () => [move('c', 5), move('a', -10)] });
    await expect(refused).rejects.toBeInstanceOf(ProblemError);
    await expect(refused).rejects.toMatchObject({ code: 'ERR_REGISTER_CHANGE_REFUSED' });
    const after = await test.database.db.select().from(events).where(eq(events.documentId, registerStreamId('tally', ORG)));
    expect(after.length).toBe(before.length);
    const { state, version } = await store.read(ORG);
    expect(version).toBe(3);
    expect(state.has('c')).toBe(false);
  });

  it('rolls back the events when the alongside writes fail', async () => {
    await expect(
      store.append(ORG, {
        build: () => [move('d', 1)],
        alongside: () => Promise.reject(new Error('the body could not be stored')),
      }),
    ).rejects.toThrow('the body could not be stored');
    const { state, version } = await store.read(ORG);
    expect(version).toBe(3);
    expect(state.has('d')).toBe(false);
  });

  it('sees what another process appended', async () => {
    const other = new RegisterStore(test.database, tally, now);
    await other.append(ORG, { build: () => [move('e', 4)] });
    const { state, version } = await store.read(ORG);
    expect(version).toBe(4);
    expect(state.get('e')).toBe(4);
  });

  it('is caught by verify-log when its last event is removed', async () => {
    const [row] = await test.database.db.select({ version: registers.version }).from(registers).where(eq(registers.id, registerStreamId('tally', ORG)));
    expect(row!.version).toBe(4);
    await test.database.db.update(registers).set({ version: 5 }).where(eq(registers.id, registerStreamId('tally', ORG)));
    const report = await verifyLog(test.database.db);
    expect(report.ok).toBe(false);
    expect(report.problems[0]!.message).toContain('Register tally@');
    await test.database.db.update(registers).set({ version: 4 }).where(eq(registers.id, registerStreamId('tally', ORG)));
  });
});
