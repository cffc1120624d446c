/** The server serves the built web app at `/`, falls back to index.html for its pages, and keeps /api a JSON API. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './app.ts';
import { buildApp } from './app.ts';
import { openTestDatabase, type TestDatabase } from './test-support/databases.ts';

describe('serving the web app', () => {
  let testDb: TestDatabase;
  let app: App;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parley</title><script type="module" src="/assets/app-1234.js"></script>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1);');
    testDb = await openTestDatabase('pglite');
    app = await buildApp({ database: testDb.database, webRoot: root });
  });

  afterAll(async () => {
    await app.close();
    await testDb.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app’s own paths, revalidated on each visit', async () => {
    for (const url of ['/', '/documents/abc']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/u);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>Parley</title>');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps a CSP that allows no inline script', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src ')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
  });

  it('answers unknown /api paths and non-GET requests with problem+json, not the page', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/u);
    const post = await app.inject({ method: 'POST', url: '/documents/abc' });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toMatch(/application\/problem\+json/u);
  });

  it('serves no page when there is no web root', async () => {
    const bare = await buildApp({ database: testDb.database, webRoot: null });
    const response = await bare.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(404);
    await bare.close();
  });
});
