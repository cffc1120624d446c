 
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fold, snapshot, type ParleyEvent } from '../../core/index.ts';
import type { Db } from '../db/database.ts';
import { audit, events } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { asc, eq } from 'drizzle-orm';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { ORG, seedOrganisation, steppingClock, counterIds } from '../test-support/fixtures.ts';
import { EventStore } from './event-store.ts';
import { importDocument } from '../services/documents.ts';
import { comparable, readTablesSnapshot } from './read-model.ts';
import { verifyLog } from './verify-log.ts';
import { seedText } from '../seed/demo.ts';

describe.each(DATABASE_KINDS)('event store on %s', (kind) => {
  let test: TestDatabase;
  let store: EventStore;
  const now = steppingClock();
  const newId = counterIds('s');
  const actor = { user: 'user-sec', delegation: null, role: 'secretariat' } as const;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedOrganisation(test.database, now());
    store = new EventStore(test.database, now);
  });
  afterAll(async () => {
    await test.dispose();
  });

  async function logOf(documentId: string): Promise<ParleyEvent[]> {
    const rows = await test.database.db.select({ payload: events.payload }).from(events).where(eq(events.documentId, documentId)).orderBy(asc(events.docVersion));
    return rows.map((r) => r.payload as ParleyEvent);
  }

  it('imports the seed draft and its read tables equal the fold of its log', async () => {
    const { doc, warnings } = await importDocument({ database: test.database, store, now, newId }, { organisationId: ORG, text: seedText(), actor, documentId: 'seed' });
    expect(doc.version).toBeGreaterThan(100);
    expect(warnings.length).toBeGreaterThan(0);
    const folded = fold(await logOf('seed'));
    expect(comparable((await readTablesSnapshot(test.database.db, 'seed'))!)).toEqual(comparable(snapshot(folded)));
  });

  it('keeps the read tables equal to the fold after proposals, positions, consensus and a revision', async () => {
    const state = (await store.read('seed'))!;
    const provision = [...state.provisions.values()].find((p) => p.kind === 'paragraph' && p.text.length > 40)!;
    const open = [...state.proposals.values()].filter((p) => p.status === 'open');
    const at = () => now().toISOString();
    const ind = { user: 'user-ind', delegation: 'IND', role: 'delegate' } as const;
    const chair = { user: 'user-chair', delegation: null, role: 'chair' } as const;
    await store.append('seed', { expectedVersion: state.version, build: () => [{ type: 'proposal.made', at: at(), actor: ind, data: { proposal: { id: 'p-new', kind: 'insert', proponent: 'IND', anchor: { provisionId: provision.id, parent: null, start: 0, end: 0 }, text: 'Where appropriate, ' } } }] });
    await store.append('seed', { expectedVersion: null, build: () => [{ type: 'position.taken', at: at(), actor: ind, data: { proposalId: open[0]!.id, delegation: 'IND', stance: 'objects', reason: 'duplication' } }] });
    await store.append('seed', { expectedVersion: null, build: () => [{ type: 'consensus.declared', at: at(), actor: chair, data: { proposalId: open[1]!.id, outcome: 'accept' } }] });
    await store.append('seed', { expectedVersion: null, build: () => [{ type: 'consensus.declared', at: at(), actor: chair, data: { proposalId: open[2]!.id, outcome: 'drop' } }] });
    await store.append('seed', { expectedVersion: null, build: () => [{ type: 'provision.agreed', at: at(), actor: chair, data: { provisionId: provision.id, status: 'agreed-ad-ref' } }] });
    await store.append('seed', { expectedVersion: null, build: () => [{ type: 'revision.issued', at: at(), actor: chair, data: { number: 1, label: 'Rev.1' } }] });
    await store.append('seed', { expectedVersion: null, build: () => [{ type: 'position.withdrawn', at: at(), actor: ind, data: { proposalId: open[0]!.id, delegation: 'IND' } }] });
    const folded = fold(await logOf('seed'));
    expect(folded.version).toBe(state.version);
    expect(comparable((await readTablesSnapshot(test.database.db, 'seed'))!)).toEqual(comparable(snapshot(folded)));
    store.forget();
    expect(comparable(snapshot((await store.read('seed'))!))).toEqual(comparable(snapshot(folded)));
  });

  it('refuses a stale expected version with 409 and the current version', async () => {
    const state = (await store.read('seed'))!;
    const current = state.version;
    const stale = store.append('seed', { expectedVersion: current - 1, build: () => [] });
    await expect(stale).rejects.toMatchObject({ status: 409, code: 'ERR_DOCUMENT_VERSION_CONFLICT', extra: { currentVersion: current } });
  });

  it('refuses an event the engine rejects and changes nothing', async () => {
    const before = (await store.read('seed'))!.version;
    const bad = store.append('seed', { expectedVersion: null, build: () => [{ type: 'consensus.declared', at: now().toISOString(), actor, data: { proposalId: 'nope', outcome: 'accept' } }] });
    await expect(bad).rejects.toMatchObject({ status: 422, code: 'ERR_DOCUMENT_EVENT_REJECTED' });
    expect((await store.read('seed'))!.version).toBe(before);
    expect((await verifyLog(test.database.db)).ok).toBe(true);
  });

  it("commits a command's alongside writes with its events, and refuses only that command when they fail", async () => {
    const state = (await store.read('seed'))!;
    const about = [...state.provisions.values()].find((p) => p.kind === 'paragraph')!.id;
    const before = state.version;
    const remark = (id: string) => (): ParleyEvent[] => [
      { type: 'proposal.made', at: now().toISOString(), actor: { user: 'user-ind', delegation: 'IND', role: 'delegate' }, data: { proposal: { id, kind: 'remark', proponent: 'IND', about, text: id } } },
    ];
    const mark = async (tx: Db, action: string): Promise<void> => {
      await tx.insert(audit).values({ at: now(), action });
    };
    // Queued together, so that they share one batch and one transaction.
    const [kept, refused, plain] = await Promise.allSettled([
      store.append('seed', { expectedVersion: null, build: remark('r-kept'), alongside: (tx) => mark(tx, 'alongside.kept') }),
      store.append('seed', {
        expectedVersion: null,
        build: remark('r-refused'),
        alongside: async (tx) => {
          await mark(tx, 'alongside.refused');
          throw problem('ERR_DRAFT_CLOSED', { status: 'tabled' });
        },
      }),
      store.append('seed', { expectedVersion: null, build: remark('r-plain') }),
    ]);
    expect(kept.status).toBe('fulfilled');
    expect(plain.status).toBe('fulfilled');
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'ERR_DRAFT_CLOSED' } });
    const log = await logOf('seed');
    expect(log.slice(before).map((e) => (e.type === 'proposal.made' ? e.data.proposal.id : e.type))).toEqual(['r-kept', 'r-plain']);
    const marks = (await test.database.db.select({ action: audit.action }).from(audit)).map((a) => a.action).filter((a) => a.startsWith('alongside.'));
    expect(marks).toEqual(['alongside.kept']);
    expect((await verifyLog(test.database.db)).ok).toBe(true);
    expect(comparable((await readTablesSnapshot(test.database.db, 'seed'))!)).toEqual(comparable(snapshot(fold(log))));
  });

  it('reads the seed text from the repository fixtures', () => {
    expect(seedText()).toBe(readFileSync(new URL('../../../fixtures/cica-draft-2021-05-28.txt', import.meta.url), 'utf8'));
  });
});
