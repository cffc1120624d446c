/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Documents as files over the API: export as Word, PDF and Akoma Ntoso to whoever may read the
 * document (and to nobody else, who learns nothing), import of Word files — bracket notation,
 * tracked changes with the authors' delegations asked for and remembered — and of Akoma
 * Ntoso; a bad file is a clear problem and saves nothing.
 */
import { existsSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../../test/support/seed.ts';
import { bracketedFile, trackedFile } from '../../../test/support/word-files.ts';
import { buildApp } from '../app.ts';
import { documents, events, organisations } from '../db/schema.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { login, makeTestApp, ORG, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { skipWithout } from '../test-support/tools.ts';

const IMPORT = `/api/organisations/${ORG}/documents`;
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

describe.each(DATABASE_KINDS)('documents as files on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let seedId: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    const imported = await t.request('secretariat', 'POST', IMPORT, { text: readSeed(), title: 'Catalogue of CICA CBMs' });
    expect(imported.statusCode).toBe(201);
    seedId = imported.json().document.id;
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  async function download(who: UserKey, url: string): Promise<{ status: number; type: string; disposition: string; bytes: Buffer; body: string }> {
    const session = t.sessions[who];
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    return { status: response.statusCode, type: String(response.headers['content-type']), disposition: String(response.headers['content-disposition']), bytes: response.rawPayload, body: response.body };
  }

  async function stored(): Promise<{ documents: number; events: number }> {
    const [docs] = await test.database.db.select({ n: count() }).from(documents);
    const [log] = await test.database.db.select({ n: count() }).from(events);
    return { documents: docs?.n ?? -1, events: log?.n ?? -1 };
  }

  it('exports a view as Word to a delegate who may read the document', async () => {
    const file = await download('ind', `/api/documents/${seedId}/export?format=docx&view=compiled`);
    expect(file.status, file.body).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(file.bytes))['word/document.xml']);
    expect(xml).toContain('Catalogue of CICA CBMs');
    expect(xml).toContain('w:footnoteReference');
    const agreed = await download('ind', `/api/documents/${seedId}/export?format=docx&view=as:THA`);
    expect(agreed.status).toBe(200);
  });

  it('exports a view as PDF, with the same rule and views as Word; a clear 503 where the server has no Chromium', async (context) => {
    const hidden = await download('observer', `/api/documents/${seedId}/export?format=pdf`);
    const none = await download('observer', `/api/documents/no-such-document/export?format=pdf`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.replaceAll(seedId, 'X')).toBe(none.body.replaceAll('no-such-document', 'X'));
    const noChromium = await buildApp({ database: test.database, config: { chromiumPath: '/nonexistent/chromium', loginRateLimit: { max: 1000, windowMs: 60_000 } } });
    try {
      const session = await login(noChromium, 'ind');
      const reply = await noChromium.inject({ method: 'GET', url: `/api/documents/${seedId}/export?format=pdf&view=as:IND`, headers: { cookie: session.cookie } });
      expect(reply.statusCode).toBe(503);
      expect(reply.json()).toMatchObject({ code: 'ERR_PDF_UNAVAILABLE' });
      expect(reply.json().detail).toContain('/nonexistent/chromium');
    } finally {
      await noChromium.close();
    }
    if (skipWithout(context, 'the PDF download: /usr/bin/chromium', existsSync('/usr/bin/chromium'), 'apt-get install -y chromium')) return;
    const file = await download('ind', `/api/documents/${seedId}/export?format=pdf&view=as:IND`);
    expect(file.status, file.body).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.disposition).toMatch(/^attachment; filename="catalogue-of-cica-cbms-v\d+-as-IND\.pdf"$/u);
  }, 60_000);

  it('exports Akoma Ntoso, and imports it again as a new document with the same proposals', async () => {
    const file = await download('secretariat', `/api/documents/${seedId}/export?format=akn`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('application/akn+xml');
    expect(file.body).toContain('<TLCOrganization eId="ISR"');
    const back = await t.request('secretariat', 'POST', `${IMPORT}/akn`, { xml: file.body });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json().warnings).toEqual([]);
    const original = await t.request('secretariat', 'GET', `/api/documents/${seedId}`);
    const copy = await t.request('secretariat', 'GET', `/api/documents/${back.json().document.id}`);
    expect(copy.json().counts).toEqual(original.json().counts);
  });

  it('refuses an export to an observer of a document not circulated as if the document did not exist', async () => {
    const hidden = await download('observer', `/api/documents/${seedId}/export?format=docx`);
    const none = await download('observer', `/api/documents/no-such-document/export?format=docx`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.replaceAll(seedId, 'X')).toBe(none.body.replaceAll('no-such-document', 'X'));
    expect((await download('ind', `/api/documents/${seedId}/export?format=docx&view=sideways`)).status).toBe(400);
  });

  it('previews a Word file in the bracket notation with each warning placed in the Word file, then imports it', async () => {
    const file = base64(await bracketedFile());
    const before = await stored();
    const preview = await t.request('secretariat', 'POST', `${IMPORT}/docx`, { file, preview: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ document: null, notation: 'cica', counts: { provisions: 3, statements: 1 } });
    expect(preview.json().warnings.find((w: { code: string }) => w.code === 'UNMATCHED_CLOSE').word).toEqual({ paragraph: 3 });
    expect(await stored()).toEqual(before);
    const saved = await t.request('secretariat', 'POST', `${IMPORT}/docx`, { file });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().document.title).toBe('2.2 New challenges and threats dimension');
    expect((await t.request('ind', 'POST', `${IMPORT}/docx`, { file })).statusCode).toBe(403);
  });

  it('refuses bad files with a clear problem and saves nothing', async () => {
    const before = await stored();
    const notWord = zipSync({ 'hello.txt': strToU8('hello') });
    const noBody = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>') });
    const encrypted = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const cases: [Uint8Array, string][] = [
      [strToU8('just some text, not a zip'), 'ERR_DOCX_NOT_ZIP'],
      [notWord, 'ERR_DOCX_NOT_WORD'],
      [noBody, 'ERR_DOCX_NO_BODY'],
      [encrypted, 'ERR_DOCX_ENCRYPTED'],
    ];
    for (const [bytes, code] of cases) {
      const reply = await t.request('secretariat', 'POST', `${IMPORT}/docx`, { file: base64(bytes) });
      expect(reply.json().code, reply.body).toBe(code);
      expect(reply.body).not.toMatch(/at .*\.ts:\d+/u);
    }
    expect(await stored()).toEqual(before);
  });

  it('asks whose tracked changes they are, merges the files once told, and remembers the mapping', async () => {
    const files = [
      { name: 'russia.docx', file: base64(await trackedFile({ 2: ['2.2.2 The Member States ', { del: 'shall', by: 'Ivan Ivanov' }, { ins: 'should', by: 'Ivan Ivanov' }, ' take cooperative measures to combat terrorism.'] })) },
      { name: 'china.docx', file: base64(await trackedFile({ 2: ['2.2.2 The Member States ', { del: 'shall', by: 'Chen Wei' }, { ins: 'should', by: 'Chen Wei' }, ' take cooperative measures to combat terrorism.'] })) },
    ];
    const url = `${IMPORT}/tracked-changes`;
    const before = await stored();
    const asked = await t.request('secretariat', 'POST', url, { files });
    expect(asked.statusCode).toBe(422);
    expect(asked.json()).toMatchObject({ code: 'ERR_DOCX_AUTHORS_UNMAPPED', authors: ['Chen Wei', 'Ivan Ivanov'] });
    expect(await stored()).toEqual(before);
    const preview = await t.request('secretariat', 'POST', url, { files, preview: true, authors: { 'Ivan Ivanov': 'Russia' } });
    expect(preview.json().authors).toEqual([{ author: 'Chen Wei', delegation: null }, { author: 'Ivan Ivanov', delegation: 'RUS' }]);
    const merged = await t.request('secretariat', 'POST', url, { files, authors: { 'Ivan Ivanov': 'RUS', 'Chen Wei': 'CHN' }, title: 'Compilation' });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(merged.json().counts).toMatchObject({ provisions: 4, proposals: 1, optionSets: 0 });
    const [org] = await test.database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, ORG));
    expect(org!.settings.trackedAuthors).toEqual({ 'Ivan Ivanov': 'RUS', 'Chen Wei': 'CHN' });
    // Next time, the remembered mapping answers the question.
    const again = await t.request('secretariat', 'POST', url, { files, preview: true });
    expect(again.json().authors).toEqual([{ author: 'Chen Wei', delegation: 'CHN' }, { author: 'Ivan Ivanov', delegation: 'RUS' }]);
  });
});
