/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * A document in English and Russian over the API: the secretariat sets the languages and
 * records translations, adoption waits for them (and says which), a proposal keeps the
 * language it was made in, and the versions come out side by side in a Word table.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, type TestApp } from '../test-support/fixtures.ts';

const RU_11 = 'Государства-члены обмениваются сведениями о военной деятельности.';

describe.each(DATABASE_KINDS)('language versions on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let doc: string;
  let p11: { id: string; text: string };

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    const imported = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT, title: 'Bilingual test' });
    expect(imported.statusCode, imported.body).toBe(201);
    doc = imported.json().document.id;
    const state = (await t.request('ind', 'GET', `/api/documents/${doc}/state`)).json();
    const provision = state.provisions.find((p: { label: string | null }) => p.label === '1.1');
    p11 = { id: provision.id, text: provision.text };
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  it('has no versions until the secretariat sets the languages, among the working languages', async () => {
    const single = await t.request('ind', 'GET', `/api/documents/${doc}/languages`);
    expect(single.statusCode).toBe(409);
    expect(single.json().code).toBe('ERR_LANGUAGE_SINGLE');
    expect((await t.request('ind', 'PUT', `/api/documents/${doc}/languages`, null)).statusCode).toBe(403);
    const french = await t.request('secretariat', 'PUT', `/api/documents/${doc}/languages`, { original: 'en', others: ['fr'] });
    expect(french.statusCode).toBe(422);
    expect(french.json().detail).toContain('fr is not a working language of the organisation, which works in en, ru');
    const set = await t.request('secretariat', 'PUT', `/api/documents/${doc}/languages`, null);
    expect(set.statusCode, set.body).toBe(201);
    const view = (await t.request('ind', 'GET', `/api/documents/${doc}/languages`)).json();
    expect(view.languages).toEqual(['en', 'ru']);
    const row = view.provisions.find((p: { id: string }) => p.id === p11.id);
    expect(row.versions.map((v: { status: string }) => v.status)).toEqual(['original', 'pending']);
  });

  it('refuses adoption while the Russian version is pending, and adopts once the secretariat recorded it', async () => {
    const refused = await t.request('chair', 'POST', `/api/documents/${doc}/provisions/${p11.id}/agreement`, { status: 'adopted' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toBe('Provision 1.1 cannot be adopted while its Russian version is pending (not translated yet).');
    const url = `/api/documents/${doc}/translations/provision/${p11.id}/ru`;
    expect((await t.request('ind', 'PUT', url, { text: RU_11, original: p11.text })).statusCode).toBe(403);
    const stale = await t.request('secretariat', 'PUT', url, { text: RU_11, original: 'The Member States shall meet.' });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().detail).toContain('has changed since this translation was made');
    const recorded = await t.request('secretariat', 'PUT', url, { text: RU_11, original: p11.text });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const row = (await t.request('ind', 'GET', `/api/documents/${doc}/languages`)).json().provisions.find((p: { id: string }) => p.id === p11.id);
    expect(row.versions[1]).toEqual({ language: 'ru', status: 'done', text: RU_11, translatedFrom: null });
    const adopted = await t.request('chair', 'POST', `/api/documents/${doc}/provisions/${p11.id}/agreement`, { status: 'adopted' });
    expect(adopted.statusCode, adopted.body).toBe(201);
  });

  it('keeps the language a proposal was made in', async () => {
    const made = await t.request('ind', 'POST', `/api/documents/${doc}/proposals`, { kind: 'remark', about: p11.id, text: 'Уточнить формулировку.', language: 'ru' });
    expect(made.statusCode, made.body).toBe(201);
    const row = (await t.request('kaz', 'GET', `/api/documents/${doc}/languages`)).json().provisions.find((p: { id: string }) => p.id === p11.id);
    const proposal = row.proposals.find((p: { id: string }) => p.id === made.json().id);
    expect(proposal).toMatchObject({ language: 'ru', proponent: 'IND' });
    expect(proposal.versions.map((v: { language: string; status: string }) => `${v.language}:${v.status}`)).toEqual(['en:pending', 'ru:original']);
    const french = await t.request('ind', 'POST', `/api/documents/${doc}/proposals`, { kind: 'remark', about: p11.id, text: 'x', language: 'fr' });
    expect(french.statusCode).toBe(422);
  });

  it('exports the versions side by side as a Word table, the status in words', async () => {
    const session = t.sessions.ind;
    const response = await t.app.inject({ method: 'GET', url: `/api/documents/${doc}/export?format=docx&view=bilingual&languages=en,ru`, headers: { cookie: session.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    expect(String(response.headers['content-disposition'])).toContain('-en-ru.docx');
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(response.rawPayload))['word/document.xml']);
    expect(xml).toContain('<w:tbl>');
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows[0]).toContain('English');
    expect(rows[0]).toContain('Русский');
    // 1.1's row: the English original in the first cell and the Russian version in the second.
    const row = rows.find((r) => r.includes(RU_11))!;
    const cells = row.split('<w:tc>').slice(1);
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('on military activities.');
    expect(cells[1]).toContain(RU_11);
    // 1.2 has no Russian version yet: its cell says so in Russian.
    expect(rows.find((r) => r.includes('Measures are recommendatory'))).toContain('Перевод ожидается');
    const pdf = await t.request('ind', 'GET', `/api/documents/${doc}/export?format=pdf&view=bilingual`);
    expect(pdf.json().code).toBe('ERR_LANGUAGE_EXPORT_FORMAT');
    const kazakh = await t.request('ind', 'GET', `/api/documents/${doc}/export?format=docx&view=bilingual&languages=en,kk`);
    expect(kazakh.json().code).toBe('ERR_LANGUAGE_UNKNOWN');
  });
});
