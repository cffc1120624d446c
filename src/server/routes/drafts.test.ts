/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Private drafts: Israel drafts a replacement and shares it with Kazakhstan; India, the
 * chair, the secretariat and an observer can learn nothing of it — not from the API (404
 * byte for byte like an id that never existed, empty lists), not from the live stream, not
 * from the document's version — until Israel tables it as one ordinary proposal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { openSse, type SseClient } from '../test-support/sse.ts';
import type { ParleyEvent } from '../../core/index.ts';
import type { DraftViewBody } from '../services/drafts.ts';

type LoggedEvent = { version: number; event: Extract<ParleyEvent, { type: 'proposal.made' }> };

const OUTSIDERS: readonly UserKey[] = ['ind', 'chair', 'secretariat', 'observer'];
const WORDS = 'recommendatory';
const SECRET = 'binding on all Member States';
const NOTE = 'Coalition line: hold until KAZ agrees';

describe.each(DATABASE_KINDS)('private drafts on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let base: string;
  let documentId: string;
  let provisionId: string;
  let provisionText: string;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    // Circulated to observers, so that the observer reads the document and is refused only the drafts.
    const created = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT, circulatedToObservers: true });
    documentId = created.json().document.id;
    const provision = (await t.request('secretariat', 'GET', `/api/documents/${documentId}/provisions`)).json().find((p: { label: string | null }) => p.label === '1.2');
    provisionId = provision.id;
    provisionText = provision.text;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await t.app.close();
    await test.dispose();
  });

  const drafts = `/api/documents/${'{doc}'}/drafts`;
  const url = (suffix = ''): string => `${drafts.replace('{doc}', documentId)}${suffix}`;
  const replacement = (words: string, text: string) => {
    const start = provisionText.indexOf(words);
    return { kind: 'replace', anchor: { provisionId, start, end: start + words.length }, text };
  };
  const version = async (): Promise<number> => (await t.request('chair', 'GET', `/api/documents/${documentId}`)).json().version as number;
  const proposalsMade = async (): Promise<LoggedEvent[]> =>
    ((await t.request('chair', 'GET', `/api/documents/${documentId}/events?after=0&limit=1000`)).json().events as LoggedEvent[]).filter((e) => e.event.type === 'proposal.made');

  async function subscribe(who: UserKey): Promise<SseClient> {
    const stream = await openSse(`${base}/api/documents/${documentId}/live`, { cookie: t.sessions[who].cookie });
    expect(stream.status, who).toBe(200);
    await stream.waitFor((m) => m.event === 'hello');
    streams.push(stream);
    return stream;
  }

  async function newDraft(who: UserKey, body: object): Promise<DraftViewBody> {
    const response = await t.request(who, 'POST', url(), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as DraftViewBody;
  }

  it('is seen by its own delegation and its partner, and by no one else — not even through the live stream', async () => {
    const outsiderStreams = await Promise.all(OUTSIDERS.map(subscribe));
    const before = await version();

    const draft = await newDraft('isr', { proposal: replacement(WORDS, SECRET), note: NOTE });
    expect(draft).toMatchObject({
      delegation: 'ISR',
      status: 'draft',
      revision: 1,
      sharedWith: [],
      note: NOTE,
      proposalId: null,
      proposal: { kind: 'replace', text: SECRET },
      anchor: { words: WORDS, before: 'Measures are ', after: ' and selected voluntarily.', moved: false },
      createdBy: { id: t.ids.isr, name: 'isr' },
    });
    const shared = await t.request('isr', 'PUT', url(`/${draft.id}/shares/KAZ`));
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().sharedWith).toEqual(['KAZ']);
    const edited = await t.request('isr2', 'PATCH', url(`/${draft.id}`), { note: `${NOTE}.`, expectedRevision: 1 });
    expect(edited.json()).toMatchObject({ revision: 2, note: `${NOTE}.`, updatedBy: { id: t.ids.isr2 } });

    // Its own delegation (another delegate of it too) and the partner see it.
    for (const who of ['isr', 'isr2', 'kaz'] as const) {
      const response = await t.request(who, 'GET', url());
      expect(response.headers['cache-control']).toBe('private, no-store');
      const list = response.json();
      expect(list.map((d: { id: string }) => d.id), who).toEqual([draft.id]);
      expect((await t.request(who, 'GET', url(`/${draft.id}`))).json()).toMatchObject({ id: draft.id, proposal: { text: SECRET }, sharedWith: ['KAZ'] });
    }

    // Everyone else: an empty list, and the very answer an id that never existed gets.
    const unknown = 'no-such-draft-0000';
    for (const who of OUTSIDERS) {
      const list = await t.request(who, 'GET', url());
      expect(list.statusCode, who).toBe(200);
      expect(list.json(), who).toEqual([]);
      for (const [method, suffix, payload] of [
        ['GET', '', undefined],
        ['PATCH', '', { note: 'x' }],
        ['POST', '/table', null],
        ['POST', '/discard', null],
        ['PUT', '/shares/CHN', undefined],
        ['DELETE', '/shares/KAZ', undefined],
      ] as const) {
        const hidden = await t.request(who, method, url(`/${draft.id}${suffix}`), payload);
        const missing = await t.request(who, method, url(`/${unknown}${suffix}`), payload);
        expect(hidden.statusCode, `${who} ${method} ${suffix}`).toBe(404);
        expect(hidden.json().code).toBe('ERR_DRAFT_NOT_FOUND');
        expect(hidden.body).toBe(missing.body.replaceAll(unknown, draft.id));
      }
    }

    // Nothing moved on the document: no event, no version, and nothing on anyone's stream.
    expect(await version()).toBe(before);
    const marker = await t.request('ind', 'POST', `/api/documents/${documentId}/proposals`, { kind: 'remark', about: provisionId, text: 'a public remark' });
    expect(marker.statusCode).toBe(201);
    for (const [index, stream] of outsiderStreams.entries()) {
      await stream.waitFor((m) => m.id === String(marker.json().version));
      // On connecting, a stream says hello and sends the meeting's state; then only the public event.
      expect(stream.messages.map((m) => m.event), OUTSIDERS[index]).toEqual(['meeting', 'hello', 'message']);
      expect(JSON.parse(stream.messages[2]!.data)).toEqual({ documentId, version: before + 1, type: 'proposal.made' });
      expect(JSON.stringify(stream.messages)).not.toContain(draft.id);
    }
    const log = JSON.stringify((await t.request('chair', 'GET', `/api/documents/${documentId}/events?after=0&limit=1000`)).json());
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain(draft.id);
  });

  it('lets partners read but only its own delegation change it', async () => {
    const draft = await newDraft('isr', { proposal: replacement('voluntarily', 'by consensus'), sharedWith: ['KAZ'] });
    for (const [method, suffix, payload, action] of [
      ['PATCH', '', { text: 'by the partner' }, 'edit'],
      ['POST', '/table', null, 'table'],
      ['POST', '/discard', null, 'discard'],
      ['PUT', '/shares/CHN', undefined, 'share'],
    ] as const) {
      const refused = await t.request('kaz', method, url(`/${draft.id}${suffix}`), payload);
      expect(refused.statusCode, `${method} ${suffix}`).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'ERR_DRAFT_OWNER_ONLY' });
      expect(refused.json().detail).toContain(`only the delegates of ISR can ${action} it`);
    }
    expect((await t.request('isr', 'GET', url(`/${draft.id}`))).json()).toMatchObject({ revision: 1, proposal: { text: 'by consensus' }, sharedWith: ['KAZ'], status: 'draft' });

    // Unshared, the draft no longer exists for the former partner.
    expect((await t.request('isr', 'DELETE', url(`/${draft.id}/shares/KAZ`))).json().sharedWith).toEqual([]);
    expect((await t.request('kaz', 'GET', url(`/${draft.id}`))).statusCode).toBe(404);
    expect((await t.request('kaz', 'GET', url())).json().map((d: { id: string }) => d.id)).not.toContain(draft.id);
  });

  it('checks what it is shared with, what it proposes, and who drafts', async () => {
    const draft = await newDraft('isr', { proposal: replacement('Measures', 'All measures') });
    const own = await t.request('isr', 'PUT', url(`/${draft.id}/shares/ISR`));
    expect(own.statusCode).toBe(422);
    expect(own.json().code).toBe('ERR_DRAFT_SHARED_WITH_OWNER');
    const stranger = await t.request('isr', 'PUT', url(`/${draft.id}/shares/USA`));
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().code).toBe('ERR_DELEGATION_UNKNOWN');
    const outside = await t.request('isr', 'POST', url(), { proposal: { kind: 'insert', anchor: { provisionId, start: 9999, end: 9999 }, text: 'x' } });
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'ERR_DOCUMENT_EVENT_REJECTED', rejection: 'BAD_RANGE' });
    const chair = await t.request('chair', 'POST', url(), { proposal: replacement('Measures', 'x') });
    expect(chair.statusCode).toBe(403);
    expect(chair.json().code).toBe('ERR_ACCESS_FORBIDDEN');

    const stale = await t.request('isr', 'PATCH', url(`/${draft.id}`), { text: 'Every measure', expectedRevision: 1 });
    expect(stale.json()).toMatchObject({ revision: 2, proposal: { text: 'Every measure' } });
    const late = await t.request('isr2', 'PATCH', url(`/${draft.id}`), { text: 'Some measures', expectedRevision: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'ERR_DRAFT_REVISION_CONFLICT', currentRevision: 2 });

    const discarded = await t.request('isr', 'POST', url(`/${draft.id}/discard`), null);
    expect(discarded.json().status).toBe('discarded');
    const tabled = await t.request('isr', 'POST', url(`/${draft.id}/table`), null);
    expect(tabled.statusCode).toBe(409);
    expect(tabled.json()).toMatchObject({ code: 'ERR_DRAFT_CLOSED' });
    expect((await t.request('isr', 'GET', `${url()}?status=discarded`)).json().map((d: { id: string }) => d.id)).toContain(draft.id);
    expect((await t.request('isr', 'GET', `${url()}?status=draft`)).json().map((d: { id: string }) => d.id)).not.toContain(draft.id);
  });

  it('is tabled as exactly one proposal.made of its delegation, once, and then everyone sees it', async () => {
    const draft = await newDraft('isr', { proposal: { ...replacement('selected', 'chosen'), reason: 'clearer' }, note: NOTE, sharedWith: ['KAZ'] });
    const stream = await subscribe('ind');
    const before = await proposalsMade();

    const tabled = await t.request('isr2', 'POST', url(`/${draft.id}/table`), { expectedRevision: 1 });
    expect(tabled.statusCode, tabled.body).toBe(201);
    const { draft: after, proposal } = tabled.json();
    expect(proposal.events).toEqual([{ version: proposal.version, type: 'proposal.made' }]);
    expect(after).toMatchObject({ status: 'tabled', proposalId: proposal.id, updatedBy: { id: t.ids.isr2 } });

    const made = (await proposalsMade()).slice(before.length);
    expect(made).toHaveLength(1);
    expect(made[0]!.version).toBe(proposal.version);
    expect(made[0]!.event.actor).toEqual({ user: t.ids.isr2, delegation: 'ISR', role: 'delegate' });
    expect(made[0]!.event.data.proposal).toMatchObject({ id: proposal.id, kind: 'replace', proponent: 'ISR', text: 'chosen', reason: 'clearer', anchor: draft.proposal.anchor });
    expect(JSON.stringify(made[0])).not.toContain(NOTE);
    expect(JSON.stringify(made[0])).not.toContain(draft.id);
    const onIndia = await stream.waitFor((m) => m.id === String(proposal.version));
    expect(JSON.parse(onIndia.data)).toEqual({ documentId, version: proposal.version, type: 'proposal.made' });
    const seen = (await t.request('ind', 'GET', `/api/documents/${documentId}/proposals`)).json().find((p: { id: string }) => p.id === proposal.id);
    expect(seen).toMatchObject({ proponent: 'ISR', text: 'chosen' });

    const again = await t.request('isr', 'POST', url(`/${draft.id}/table`), null);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ERR_DRAFT_CLOSED' });
    expect(again.json().detail).toContain('already tabled');
    expect(await proposalsMade()).toHaveLength(before.length + 1);
  });

  it('is tabled once when its delegates table it at the same moment', async () => {
    const draft = await newDraft('isr', { proposal: replacement('Measures are', 'Measures shall be') });
    const before = (await proposalsMade()).length;
    const answers = await Promise.all([t.request('isr', 'POST', url(`/${draft.id}/table`), null), t.request('isr2', 'POST', url(`/${draft.id}/table`), null)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('ERR_DRAFT_CLOSED');
    expect(await proposalsMade()).toHaveLength(before + 1);
    const winner = answers.find((a) => a.statusCode === 201)!.json();
    expect((await t.request('isr', 'GET', url(`/${draft.id}`))).json()).toMatchObject({ status: 'tabled', proposalId: winner.proposal.id });
  });

  it('refuses to table, with 409, a draft whose words have moved — and tables one whose words after it changed', async () => {
    // A fresh paragraph of its own, so that the earlier tests' proposals do not overlap.
    const fresh = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json().document.id as string;
    const paragraph = (await t.request('secretariat', 'GET', `/api/documents/${fresh}/provisions`)).json().find((p: { label: string | null }) => p.label === '1.2');
    const at = (words: string) => paragraph.text.indexOf(words) as number;
    const draftsOf = `/api/documents/${fresh}/drafts`;
    const make = async (words: string, text: string): Promise<string> => {
      const response = await t.request('isr', 'POST', draftsOf, { proposal: { kind: 'replace', anchor: { provisionId: paragraph.id, start: at(words), end: at(words) + words.length }, text } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const early = await make('recommendatory', 'binding');
    const late = await make('Measures', 'All measures');
    // India's insertion after "Measures are " is accepted: the words before `early`'s end change, `late`'s do not.
    const insertion = await t.request('ind', 'POST', `/api/documents/${fresh}/proposals`, { kind: 'insert', anchor: { provisionId: paragraph.id, start: at('recommendatory'), end: at('recommendatory') }, text: 'purely ' });
    expect(insertion.statusCode, insertion.body).toBe(201);
    expect((await t.request('chair', 'POST', `/api/documents/${fresh}/proposals/${insertion.json().id}/consensus`, { outcome: 'accept' })).statusCode).toBe(201);

    expect((await t.request('isr', 'GET', `${draftsOf}/${early}`)).json().anchor).toMatchObject({ words: 'recommendatory', moved: true });
    expect((await t.request('isr', 'GET', `${draftsOf}/${late}`)).json().anchor).toMatchObject({ words: 'Measures', moved: false });
    const versionBefore = (await t.request('chair', 'GET', `/api/documents/${fresh}`)).json().version;
    const refused = await t.request('isr', 'POST', `${draftsOf}/${early}/table`, null);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ERR_DRAFT_ANCHOR_MOVED');
    expect(refused.json().detail).toContain('“recommendatory”');
    expect((await t.request('chair', 'GET', `/api/documents/${fresh}`)).json().version).toBe(versionBefore);
    expect((await t.request('isr', 'GET', `${draftsOf}/${early}`)).json().status).toBe('draft');

    const tabled = await t.request('isr', 'POST', `${draftsOf}/${late}/table`, null);
    expect(tabled.statusCode, tabled.body).toBe(201);
    expect(tabled.json().proposal.version).toBe(versionBefore + 1);

    // Anchored again on the current text, the moved draft tables.
    const reanchored = await t.request('isr', 'PATCH', `${draftsOf}/${early}`, {
      proposal: { kind: 'replace', anchor: { provisionId: paragraph.id, start: at('recommendatory') + 'purely '.length, end: at('recommendatory') + 'purely recommendatory'.length }, text: 'binding' },
    });
    expect(reanchored.json()).toMatchObject({ revision: 2, anchor: { words: 'recommendatory', before: 'Measures are purely ', moved: false } });
    expect((await t.request('isr', 'POST', `${draftsOf}/${early}/table`, null)).statusCode).toBe(201);
  });
});
