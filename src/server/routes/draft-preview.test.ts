/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * The dry run of an import: it reports what an import would (the warnings, each with its
 * source line, and the counts), to exactly those who may import, and saves nothing.
 */
import { count } from 'drizzle-orm';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../../../test/support/golden.ts';
import { DRAFT_TEXT_MAX_CHARS } from '../../protocol/schemas.ts';
import { documents, events } from '../db/schema.ts';
import { EXCERPT_MAX, excerpt } from '../services/draft-preview.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, USERS, type TestApp, type UserKey } from '../test-support/fixtures.ts';

const PREVIEW = `/api/organisations/${ORG}/documents/preview`;
/** The answer for DEFECTIVE, which the import screen's test renders: the one shape both sides hold to. */
const PREVIEW_GOLDEN = join(fileURLToPath(new URL('.', import.meta.url)), 'golden', 'draft-preview.json');
const IMPORT = `/api/organisations/${ORG}/documents`;

/** Line 3 has a `]` without its `[`; line 5 names Thailand by the organisation's alias. */
const DEFECTIVE = [
  '1. General provisions',
  '',
  '1.1 The Member States shall exchange information] (+ISR) on military activities.',
  '',
  '1.2 Measures are [recommendatory] (+Thai) (-IND) and selected voluntarily.',
  '',
].join('\r\n');

describe.each(DATABASE_KINDS)('import preview on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  async function stored(): Promise<{ documents: number; events: number }> {
    const db = test.database.db;
    const [docs] = await db.select({ n: count() }).from(documents);
    const [log] = await db.select({ n: count() }).from(events);
    return { documents: docs?.n ?? -1, events: log?.n ?? -1 };
  }

  it('reports each warning with the text of its line, and the counts, as an import would', async () => {
    const preview = await t.request('secretariat', 'POST', PREVIEW, { text: DEFECTIVE, notation: 'cica' });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.title).toBe('1. General provisions');
    expect(body.notation).toBe('cica');
    expect(body.counts).toEqual({ provisions: 3, proposals: 1, optionSets: 0, footnotes: 0, statements: 0, delegations: ['IND', 'THA'] });
    const unmatched = body.warnings.find((w: { code: string }) => w.code === 'UNMATCHED_CLOSE');
    expect(unmatched).toMatchObject({ line: 3, column: 49 });
    // The line as written, without the \r of its line ending; the column points at the bracket.
    expect(unmatched.source).toEqual({ text: '1.1 The Member States shall exchange information] (+ISR) on military activities.', column: 49 });
    expect(unmatched.source.text[unmatched.source.column - 1]).toBe(']');
    expectGolden(PREVIEW_GOLDEN, `${JSON.stringify(body, null, 2)}\n`);

    const imported = await t.request('secretariat', 'POST', IMPORT, { text: DEFECTIVE, notation: 'cica' });
    expect(imported.statusCode).toBe(201);
    expect(body.warnings.map(({ source: _, ...warning }: { source: unknown }) => warning)).toEqual(imported.json().warnings);
  });

  it('detects the notation when none is given, and takes the given title', async () => {
    const un = await t.request('secretariat', 'POST', PREVIEW, { text: 'The Conference of the Parties,\n\n[Recalling Article 7 of the Paris Agreement - AGN, LMDC]\n\n1. Welcomes the work programme; [Agreed ad ref]\n', title: 'Adaptation' });
    expect(un.statusCode, un.body).toBe(200);
    expect(un.json()).toMatchObject({ title: 'Adaptation', notation: 'un' });
  });

  it('saves nothing: no document, no event, the list unchanged', async () => {
    const before = await stored();
    const listBefore = (await t.request('secretariat', 'GET', IMPORT)).json();
    for (let i = 0; i < 3; i += 1) expect((await t.request('secretariat', 'POST', PREVIEW, { text: `${SMALL_DRAFT}\n1.3 More [words] (+IND).`, title: `Try ${i}` })).statusCode).toBe(200);
    expect(await stored()).toEqual(before);
    expect((await t.request('secretariat', 'GET', IMPORT)).json()).toEqual(listBefore);
  });

  it('answers every other role exactly as an import does, and strangers with 404', async () => {
    const others = (Object.keys(USERS) as UserKey[]).filter((key) => key !== 'secretariat');
    for (const who of [...others, null]) {
      const preview = await t.request(who, 'POST', PREVIEW, { text: SMALL_DRAFT });
      const importing = await t.request(who, 'POST', IMPORT, { text: SMALL_DRAFT });
      expect([preview.statusCode, preview.json().code], String(who)).toEqual([importing.statusCode, importing.json().code]);
      expect(preview.statusCode, String(who)).toBe(who === null ? 401 : 403);
    }
    expect((await t.request('observer', 'POST', PREVIEW, { text: SMALL_DRAFT })).json().detail).toContain('only the secretariat imports');
    const elsewhere = await t.request('secretariat', 'POST', '/api/organisations/elsewhere/documents/preview', { text: SMALL_DRAFT });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toMatchObject({ code: 'ERR_ORGANISATION_NOT_FOUND' });
  });

  it('refuses a bad body with a clear 400, an empty draft with 422, and says what to change', async () => {
    const missing = await t.request('secretariat', 'POST', PREVIEW, { title: 'No text' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'ERR_REQUEST_INVALID' });
    expect(missing.json().detail).toMatch(/^Some fields are missing or malformed: text: /u);
    const notation = await t.request('secretariat', 'POST', PREVIEW, { text: SMALL_DRAFT, notation: 'latex' });
    expect(notation.statusCode).toBe(400);
    expect(notation.json().detail).toContain('notation');
    const long = await t.request('secretariat', 'POST', PREVIEW, { text: 'x'.repeat(DRAFT_TEXT_MAX_CHARS + 1) });
    expect(long.statusCode).toBe(400);
    expect(long.json().detail).toContain('text');
    const nul = await t.request('secretariat', 'POST', PREVIEW, { text: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().detail).toContain('NUL');
    const empty = await t.request('secretariat', 'POST', PREVIEW, { text: ' \n ' });
    expect(empty.json()).toMatchObject({ status: 422, code: 'ERR_DOCUMENT_IMPORT_EMPTY' });
    const notJson = await t.app.inject({
      method: 'POST',
      url: PREVIEW,
      headers: { cookie: t.sessions.secretariat.cookie, 'x-csrf-token': t.sessions.secretariat.csrf, 'content-type': 'application/json' },
      payload: '{"text": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'ERR_REQUEST_INVALID' });
    expect(notJson.body).not.toMatch(/at .*\.ts:\d+/u);
  });

  it('is documented in the OpenAPI document, body and answer', async () => {
    const spec = (await t.request(null, 'GET', '/api/openapi.json')).json();
    const operation = spec.paths['/api/organisations/{organisationId}/documents/preview'].post;
    expect(Object.keys(operation.requestBody.content['application/json'].schema.properties).sort()).toEqual(['notation', 'text', 'title']);
    const answer = operation.responses['200'].content['application/json'].schema;
    expect(Object.keys(answer.properties).sort()).toEqual(['counts', 'notation', 'title', 'warnings']);
    expect(Object.keys(answer.properties.warnings.items.properties).sort()).toEqual(['code', 'column', 'line', 'message', 'source']);
  });

  it('cuts a long line around the column of its warning', async () => {
    const line = `1.1 ${'word '.repeat(100)}x] (+ISR) ${'tail '.repeat(100)}`;
    const body = (await t.request('secretariat', 'POST', PREVIEW, { text: line })).json();
    const unmatched = body.warnings.find((w: { code: string }) => w.code === 'UNMATCHED_CLOSE');
    expect(unmatched.column).toBe(506);
    expect(unmatched.source.text.length).toBe(EXCERPT_MAX + 2);
    expect(unmatched.source.text.startsWith('…') && unmatched.source.text.endsWith('…')).toBe(true);
    expect(unmatched.source.text.slice(unmatched.source.column - 2, unmatched.source.column + 1)).toBe('x] ');
  });
});

describe('excerpt', () => {
  it('keeps a short line whole and cuts a long one at either end without splitting a character', () => {
    expect(excerpt('short [line', 7)).toEqual({ text: 'short [line', column: 7 });
    const start = excerpt(`]${'a'.repeat(300)}`, 1);
    expect(start).toEqual({ text: `]${'a'.repeat(EXCERPT_MAX - 1)}…`, column: 1 });
    const end = excerpt(`${'a'.repeat(300)}]`, 301);
    expect(end.text).toBe(`…${'a'.repeat(EXCERPT_MAX - 1)}]`);
    expect(end.text[end.column - 1]).toBe(']');
    // A cut that would fall inside a surrogate pair moves past it.
    const emoji = excerpt(`${'😀'.repeat(200)}]`, 401);
    expect(emoji.text[emoji.column - 1]).toBe(']');
    expect(() => encodeURIComponent(emoji.text), 'no lone surrogate').not.toThrow();
  });
});
