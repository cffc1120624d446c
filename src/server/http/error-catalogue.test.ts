/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Keeps the one error catalogue, the codes the server uses and the API documentation in step:
 * every code used in src/server is in the catalogue, every catalogue code is used, and the
 * OpenAPI document lists exactly the catalogue's codes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERRORS } from '../../protocol/errors.ts';
import { buildApp } from '../app.ts';
import { openTestDatabase } from '../test-support/databases.ts';
import { packageRoot } from '../db/package-root.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('error catalogue', () => {
  const used = new Set(sources(join(packageRoot(), 'src', 'server')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(ERR_[A-Z_]+)'/gu)].map((m) => m[1]!)));

  it('names every error with ERR_<AREA>_<REASON>, a status and an actionable message', () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^ERR_[A-Z]+_[A-Z_]+$/u);
      const spec = ERRORS[code];
      expect(spec.status).toBeGreaterThanOrEqual(400);
      // ERR_DOCUMENT_EVENT_REJECTED passes on the engine's own message, which says what was wrong.
      if (spec.detail !== '{message}') expect(spec.detail.length).toBeGreaterThan(20);
    }
  });

  it('has every code the server throws, and no code the server never throws', () => {
    expect([...used].filter((code) => !(code in ERRORS))).toEqual([]);
    expect(ERROR_CODES.filter((code) => !used.has(code))).toEqual([]);
  });

  it('publishes exactly the catalogue in the OpenAPI document and at /api/errors', async () => {
    const test = await openTestDatabase('pglite');
    const app = await buildApp({ database: test.database });
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const problemSchemas = JSON.stringify(spec).match(/"enum":\["ERR_[^\]]+\]/gu) ?? [];
    expect(problemSchemas.length).toBeGreaterThan(0);
    for (const list of new Set(problemSchemas)) expect(JSON.parse(`{${list}}`).enum).toEqual(ERROR_CODES);
    const page = (await app.inject({ method: 'GET', url: '/api/errors' })).json<{ code: string }[]>();
    expect(page.map((e) => e.code)).toEqual(ERROR_CODES);
    await app.close();
    await test.dispose();
  });
});
