/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Paragraph-level acts through the API: a new paragraph after a provision, a paragraph put
 * forward as an alternative to another (an option set formed, then joined), statements on
 * proposals, agreement ad referendum — and the read tables stay the fold of the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, snapshot, type ParleyEvent } from '../../core/index.ts';
import { comparable, readTablesSnapshot } from '../store/read-model.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, type TestApp } from '../test-support/fixtures.ts';

describe.each(DATABASE_KINDS)('paragraph acts on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let doc: string;
  let provisions: { id: string; label: string | null; text: string }[];

  const labelled = (label: string): string => provisions.find((p) => p.label === label)!.id;
  const compiled = async (): Promise<string> => (await t.request('ind', 'GET', `/api/documents/${doc}/views/compiled`)).body;
  const log = async (): Promise<ParleyEvent[]> =>
    (await t.request('ind', 'GET', `/api/documents/${doc}/events?limit=1000`)).json().events.map((e: { event: ParleyEvent }) => e.event);

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    doc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json().document.id;
    provisions = (await t.request('ind', 'GET', `/api/documents/${doc}/provisions`)).json();
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  it('puts a new paragraph forward after a given provision', async () => {
    const made = await t.request('ind', 'POST', `/api/documents/${doc}/proposals`, {
      kind: 'new-provision',
      provisions: [{ kind: 'paragraph', label: '1.1bis', text: 'States may nominate experts.' }],
      after: labelled('1.1'),
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().events.map((e: { type: string }) => e.type)).toEqual(['proposal.made']);
    const text = await compiled();
    expect(text.indexOf('[1.1bis States may nominate experts.] (+IND)')).toBeGreaterThan(text.indexOf('1.1 The Member States'));
    expect(text.indexOf('[1.1bis States may nominate experts.]')).toBeLessThan(text.indexOf('1.2 Measures'));
  });

  it('forms an option set for an alternative paragraph, joins it for the next, and accepting one replaces the paragraph', async () => {
    const target = labelled('1.2');
    const first = await t.request('isr', 'POST', `/api/documents/${doc}/proposals`, {
      kind: 'new-provision',
      provisions: [{ kind: 'paragraph', label: '1.2', text: 'Measures are voluntary.' }],
      alternativeTo: target,
      after: labelled('1.1'),
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().events.map((e: { type: string }) => e.type)).toEqual(['proposal.made', 'option-set.formed']);
    const second = await t.request('chair', 'POST', `/api/documents/${doc}/chair/proposals`, {
      kind: 'new-provision',
      provisions: [{ kind: 'paragraph', label: '1.2', text: 'Measures are recommendatory.' }],
      alternativeTo: target,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().events.map((e: { type: string }) => e.type)).toEqual(['chair.proposal.made', 'option-set.joined']);
    expect(await compiled()).toContain('1.2 Measures are recommendatory and selected voluntarily.\n\nOR\n\n[1.2 Measures are voluntary.] (+ISR)\n\nOR\n\n[1.2 Measures are recommendatory.]');

    const state = fold(await log());
    const set = [...state.optionSets.values()].find((s) => s.status === 'open')!;
    expect(set.members).toEqual([
      { t: 'provision', id: target },
      { t: 'proposal', id: first.json().id },
      { t: 'proposal', id: second.json().id },
    ]);
    expect((await t.request('chair', 'POST', `/api/documents/${doc}/proposals/${first.json().id}/consensus`, { outcome: 'accept' })).statusCode).toBe(201);
    const after = await compiled();
    expect(after).toContain('1.2 Measures are voluntary.');
    expect(after).not.toContain('recommendatory');
    expect(comparable((await readTablesSnapshot(test.database.db, doc))!)).toEqual(comparable(snapshot(fold(await log()))));
  });

  it('refuses an alternative that is not a new paragraph, or to a provision the document does not have', async () => {
    const insert = await t.request('ind', 'POST', `/api/documents/${doc}/proposals`, { kind: 'insert', anchor: { provisionId: labelled('1.1'), start: 0, end: 0 }, text: 'x', alternativeTo: labelled('1.1') });
    expect(insert.statusCode).toBe(400);
    expect(insert.json()).toMatchObject({ code: 'ERR_REQUEST_INVALID' });
    expect(insert.json().detail).toContain('alternativeTo');
    const nowhere = await t.request('ind', 'POST', `/api/documents/${doc}/proposals`, { kind: 'new-provision', provisions: [{ kind: 'paragraph', text: 'x' }], alternativeTo: 'no-such-provision' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toMatchObject({ code: 'ERR_DOCUMENT_PART_NOT_FOUND' });
    expect((await log()).filter((e) => e.type === 'proposal.made' && e.data.proposal.text === 'x')).toEqual([]);
  });

  it('keeps a statement on a proposal as the words sent, and records the chair marking a paragraph agreed ad ref', async () => {
    const state = fold(await log());
    const proposal = [...state.proposals.values()].find((p) => p.status === 'open' && p.kind === 'insert')!;
    const text = '<script>alert(1)</script><b>x</b>';
    const added = await t.request('isr', 'POST', `/api/documents/${doc}/statements`, { kind: 'interpretative', text, anchor: { proposalId: proposal.id } });
    expect(added.statusCode).toBe(201);
    const statement = fold(await log()).statements.get(added.json().id)!;
    expect(statement).toMatchObject({ kind: 'interpretative', by: 'ISR', text, anchor: { proposalId: proposal.id } });

    const agreed = await t.request('chair', 'POST', `/api/documents/${doc}/provisions/${labelled('1')}/agreement`, { status: 'agreed-ad-ref' });
    expect(agreed.statusCode).toBe(201);
    expect(fold(await log()).provisions.get(labelled('1'))!.status).toBe('agreed-ad-ref');
  });
});
