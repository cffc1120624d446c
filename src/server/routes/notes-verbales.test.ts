/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * The notes verbales registry over HTTP, on both databases: the seed's note issued as
 * No. 17-1/298 and circulated to every member state; who sees what (an addressee, a
 * non-addressee, the chair, an observer: a hidden note is answered as an id never used, byte
 * for byte); search; numbers never repeat nor skip under many concurrent creations, also from
 * two app instances (two processes' worth of caches) at once; counters never move back;
 * every field escaped in the HTML; the circulation signal after commit; 503 without Chromium;
 * a draft revised by the secretariat only, numbered by its revised date, never once issued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { DEMO_NOTE_CONTENT, DEMO_NOTE_REGISTRY } from '../seed/demo-note.ts';
import type { NoteCirculation } from '../services/note-circulation.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { login, makeTestApp, ORG, steppingClock, type Reply, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { verifyLog } from '../store/verify-log.ts';
import { shortNote } from '../test-support/notes.ts';

const BASE = `/api/organisations/${ORG}/notes-verbales`;
const MEMBERS = ['CHN', 'IND', 'ISR', 'KAZ', 'RUS', 'THA', 'TUR'];

describe.each(DATABASE_KINDS)('notes verbales on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  const circulations: NoteCirculation[] = [];
  let seedId = '';

  const post = async (who: UserKey, path: string, payload: unknown): Promise<Reply> => t.request(who, 'POST', `${BASE}${path}`, payload);

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    t.app.parley.noteCirculation.on((circulation) => void circulations.push(circulation));
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  it('refuses to issue before the registry is configured, then configures it', async () => {
    const early = await post('secretariat', '', { ...shortNote(['IND']), issue: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ERR_NOTE_REGISTRY_NOT_CONFIGURED');
    const configured = await t.request('secretariat', 'PUT', `${BASE}/registry`, DEMO_NOTE_REGISTRY);
    expect(configured.statusCode, configured.body).toBe(200);
    expect(configured.json().last).toEqual({ '2021': 297 });
    expect((await t.request('ind', 'PUT', `${BASE}/registry`, DEMO_NOTE_REGISTRY)).statusCode).toBe(403);
  });

  it("issues the seed's note as No. 17-1/298 and circulates it to every member state", async () => {
    const created = await post('secretariat', '', { ...DEMO_NOTE_CONTENT, circulate: true });
    expect(created.statusCode, created.body).toBe(201);
    const note = created.json();
    seedId = note.id;
    expect(note).toMatchObject({ number: '17-1/298', status: 'circulated', date: '2021-05-28', circulatedTo: MEMBERS, languages: ['en', 'ru', 'kk'] });
    expect(circulations).toEqual([expect.objectContaining({ organisationId: ORG, noteId: seedId, number: '17-1/298', date: '2021-05-28', delegations: MEMBERS })]);
    expect((await verifyLog(test.database.db)).ok).toBe(true);
  });

  it('shows an addressee its notes only; a non-addressee, the chair and an observer get what an unused id gets', async () => {
    const toKaz = (await post('secretariat', '', { ...shortNote(['KAZ'], 'Only for Kazakhstan'), circulate: true })).json() as { id: string; number: string };
    expect(toKaz.number).toBe('05-3/299');
    const draft = (await post('secretariat', '', shortNote(['IND'], 'Still a draft'))).json();
    expect(draft).toMatchObject({ status: 'draft', number: null });

    const numbers = async (who: UserKey) => (await t.request(who, 'GET', BASE)).json().notes.map((n: { number: string | null }) => n.number);
    expect(await numbers('secretariat')).toEqual([null, '05-3/299', '17-1/298']);
    expect(await numbers('kaz')).toEqual(['05-3/299', '17-1/298']);
    expect(await numbers('ind')).toEqual(['17-1/298']);
    expect(await numbers('chair')).toEqual([]);
    expect(await numbers('observer')).toEqual([]);

    const never = toKaz.id.replace(/.$/u, (c: string) => (c === '9' ? '8' : '9'));
    const strip = (response: Reply, id: string): string => {
      const headers = Object.entries(response.headers).filter(([name]) => name !== 'date');
      return JSON.stringify({ status: response.statusCode, headers, body: response.body.replaceAll(id, '<id>') });
    };
    for (const who of ['ind', 'chair', 'observer'] as const) {
      for (const suffix of ['', '/html?language=en', '/docx', '/pdf']) {
        const hidden = await t.request(who, 'GET', `${BASE}/${toKaz.id}${suffix}`);
        const unused = await t.request(who, 'GET', `${BASE}/${never}${suffix}`);
        expect(hidden.statusCode).toBe(404);
        expect(strip(hidden, toKaz.id), `${who} ${suffix}`).toBe(strip(unused, never));
        expect(hidden.body).not.toContain('Kazakhstan');
      }
    }
    // The draft is the secretariat's until circulated, even to the state it is addressed to.
    expect((await t.request('ind', 'GET', `${BASE}/${draft.id}`)).statusCode).toBe(404);
    expect((await t.request('kaz', 'GET', `${BASE}/${toKaz.id}`)).json().subject.en).toBe('Only for Kazakhstan');
    // Delegates do not write in the registry.
    expect((await post('kaz', '', shortNote(['IND']))).statusCode).toBe(403);
    expect((await post('kaz', `/${toKaz.id}/issue`, null)).statusCode).toBe(403);

    const issued = await post('secretariat', `/${draft.id}/issue`, null);
    expect(issued.json()).toMatchObject({ status: 'issued', number: '05-3/300' });
    expect((await post('secretariat', `/${draft.id}/issue`, null)).json().code).toBe('ERR_NOTE_CHANGE_REFUSED');
    const circulated = await post('secretariat', `/${draft.id}/circulate`, null);
    expect(circulated.json()).toMatchObject({ status: 'circulated', circulatedTo: ['IND'] });
    expect(await numbers('ind')).toEqual(['05-3/300', '17-1/298']);
    expect(circulations.at(-1)).toMatchObject({ number: '05-3/300', delegations: ['IND'] });
  });

  it('searches the registry by words in any language, year, addressee and status', async () => {
    const search = async (who: UserKey, query: string) => (await t.request(who, 'GET', `${BASE}?${query}`)).json().notes.map((n: { number: string }) => n.number);
    expect(await search('secretariat', 'text=catalogue%20SWG')).toEqual(['17-1/298']);
    expect(await search('secretariat', `text=${encodeURIComponent('СВМДА каталога')}`)).toEqual(['17-1/298']);
    expect(await search('secretariat', 'text=17-1%2F298')).toEqual(['17-1/298']);
    expect(await search('secretariat', 'addressee=KAZ&year=2021')).toEqual(['05-3/299', '17-1/298']);
    expect(await search('secretariat', 'status=circulated&text=consultations')).toEqual(['05-3/300', '05-3/299']);
    expect(await search('ind', 'text=Kazakhstan')).toEqual([]);
    expect(await search('secretariat', 'year=2022')).toEqual([]);
  });

  it('refuses incomplete notes, unknown addressees and counters set back, recording nothing', async () => {
    const incomplete = await post('secretariat', '', { ...shortNote(['IND']), purpose: { en: 'x', ru: 'x' } });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().detail).toContain("The note's purpose is missing in kk.");
    const unknown = await post('secretariat', '', { ...shortNote(['FRA']) });
    expect(unknown.json().code).toBe('ERR_DELEGATION_UNKNOWN');
    const back = await t.request('secretariat', 'PUT', `${BASE}/registry`, { ...DEMO_NOTE_REGISTRY, last: { '2021': 5 } });
    expect(back.statusCode).toBe(422);
    expect(back.json().detail).toContain('cannot be set back');
    const count = (await t.request('secretariat', 'GET', BASE)).json().count;
    expect(count).toBe(3);
  });

  it('gives every one of many concurrent notes its own number, consecutively, from two app instances at once', async () => {
    const second: App = await buildApp({ database: test.database, now: steppingClock(Date.parse('2021-07-01T00:00:00Z')), config: { loginRateLimit: { max: 1000, windowMs: 60_000 } } });
    const session = await login(second, 'sec');
    const viaSecond = (i: number) =>
      second.inject({ method: 'POST', url: BASE, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { ...shortNote(['IND'], `second ${i}`), issue: true } });
    const viaFirst = (i: number) => post('secretariat', '', { ...shortNote(['IND'], `first ${i}`), issue: true });
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? viaFirst(i) : viaSecond(i))));
    for (const reply of replies) expect(reply.statusCode, reply.body).toBe(201);
    const numbers = replies.map((reply) => Number((reply.json() as { number: string }).number.split('/')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => 301 + i));
    await second.close();
    expect((await verifyLog(test.database.db)).ok).toBe(true);
  });

  it('escapes every field in the HTML: typed markup stays text', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const note = (await post('secretariat', '', { ...shortNote(['IND']), purpose: { en: evil, ru: evil, kk: evil }, issue: true })).json();
    const html = (await t.request('secretariat', 'GET', `${BASE}/${note.id}/html?language=en`)).body;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await t.request('secretariat', 'GET', `${BASE}/${note.id}/html?language=fr`)).statusCode).toBe(400);
  });

  it('renders the seed note in each language with the letterhead, formulas, number and date', async () => {
    const html = await t.request('kaz', 'GET', `${BASE}/${seedId}/html`);
    expect(html.headers['content-type']).toContain('text/html');
    for (const expected of [
      'SECRETARIAT OF THE CONFERENCE ON INTERACTION',
      'СЕКРЕТАРИАТ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ',
      '№17-1/298',
      'presents its compliments to the CICA Member States and has the honour to forward',
      'свидетельствует свое уважение государствам-членам СВМДА и имеет честь препроводить',
      'өзінің зор ілтипатын білдіре отырып',
      'Nur-Sultan, 28 May 2021',
      'город Нур-Султан, 28 мая 2021 г.',
      'Нұр-Сұлтан қаласы, 2021 жылғы 28 мамыр',
    ]) {
      expect(html.body).toContain(expected);
    }
    expect(html.body.match(/<article class="note"/gu)).toHaveLength(3);
  });

  it('answers a clear 503 for PDF where the server has no Chromium', async () => {
    const noChromium = await buildApp({ database: test.database, config: { chromiumPath: '/nonexistent/chromium', loginRateLimit: { max: 1000, windowMs: 60_000 } } });
    const session = await login(noChromium, 'sec');
    const reply = await noChromium.inject({ method: 'GET', url: `${BASE}/${seedId}/pdf`, headers: { cookie: session.cookie } });
    expect(reply.statusCode).toBe(503);
    expect(reply.json()).toMatchObject({ code: 'ERR_PDF_UNAVAILABLE' });
    expect(reply.json().detail).toContain('/nonexistent/chromium');
    await noChromium.close();
  });

  it('lets the secretariat revise a draft, numbers it by the revised date and index, and never changes it once issued', async () => {
    const put = (who: UserKey, id: string, payload: unknown): Promise<Reply> => t.request(who, 'PUT', `${BASE}/${id}`, payload);
    const draft = (await post('secretariat', '', shortNote(['IND'], 'Consultations on the draft Catalouge'))).json() as { id: string; revisedAt: string | null };
    expect(draft.revisedAt).toBeNull();
    const corrected = { ...shortNote(['IND', 'KAZ'], 'Consultations on the draft Catalogue'), fileIndex: '17-1', date: '2022-01-10' };

    // Only the secretariat writes in the registry; an id never used is not found.
    for (const who of ['ind', 'kaz', 'chair', 'observer'] as const) expect((await put(who, draft.id, corrected)).statusCode, who).toBe(403);
    const unknown = await put('secretariat', 'no-such-note', corrected);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ERR_NOTE_NOT_FOUND');

    // Refused content changes nothing.
    const incomplete = await put('secretariat', draft.id, { ...corrected, purpose: { en: 'x', ru: 'x' } });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().detail).toContain("The note's purpose is missing in kk.");
    expect((await put('secretariat', draft.id, shortNote(['FRA']))).json().code).toBe('ERR_DELEGATION_UNKNOWN');
    expect((await put('secretariat', draft.id, { ...corrected, date: 'tomorrow' })).statusCode).toBe(400);
    expect((await t.request('secretariat', 'GET', `${BASE}/${draft.id}`)).json()).toMatchObject({ subject: { en: 'Consultations on the draft Catalouge' }, date: '2021-06-10', revisedAt: null });

    const revised = await put('secretariat', draft.id, { ...corrected, expectedRevisedAt: null });
    expect(revised.statusCode, revised.body).toBe(200);
    // A second officer who opened the draft before that save is told, not allowed to erase it…
    const stale = await put('secretariat', draft.id, { ...corrected, subject: { ...corrected.subject, en: 'Erasing the first correction' }, expectedRevisedAt: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'ERR_NOTE_DRAFT_CHANGED', detail: expect.stringContaining('Reload it') });
    expect((await t.request('secretariat', 'GET', `${BASE}/${draft.id}`)).json().subject.en).toBe('Consultations on the draft Catalogue');
    // …and saves once they have the current draft; a client that sends no expectation saves over it.
    const again = await put('secretariat', draft.id, { ...corrected, expectedRevisedAt: revised.json().revisedAt });
    expect(again.statusCode, again.body).toBe(200);
    expect((await put('secretariat', draft.id, corrected)).statusCode).toBe(200);
    expect(revised.json()).toMatchObject({ id: draft.id, status: 'draft', number: null, date: '2022-01-10', subject: { en: 'Consultations on the draft Catalogue' }, addressees: { kind: 'states', states: ['IND', 'KAZ'] } });
    expect(revised.json().revisedAt).toEqual(expect.any(String));
    // The printed page is the revised one (its date; the subject is no part of a note's page).
    expect((await t.request('secretariat', 'GET', `${BASE}/${draft.id}/html?language=en`)).body).toContain('Nur-Sultan, 10 January 2022');
    // Still a draft: not shown to its addressees.
    expect((await t.request('ind', 'GET', `${BASE}/${draft.id}`)).statusCode).toBe(404);

    // The number follows the revised index and year (2022 opens a new counter), not the first draft's 05-3 of 2021.
    const issued = await post('secretariat', `/${draft.id}/issue`, null);
    expect(issued.json()).toMatchObject({ status: 'issued', number: '17-1/1' });
    const late = await put('secretariat', draft.id, { ...corrected, subject: { ...corrected.subject, en: 'Too late' } });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'ERR_NOTE_CHANGE_REFUSED', rejection: 'WRONG_STATUS' });
    expect(late.json().detail).toContain('The note was issued as No. 17-1/1, and an issued note is never changed; draft a new note instead.');
    // An issued note is refused as such, whatever the request names.
    expect((await put('secretariat', draft.id, shortNote(['FRA']))).json().code).toBe('ERR_NOTE_CHANGE_REFUSED');
    expect((await t.request('secretariat', 'GET', `${BASE}/${draft.id}`)).json().subject.en).toBe('Consultations on the draft Catalogue');
    expect((await verifyLog(test.database.db)).ok).toBe(true);
  });
});
