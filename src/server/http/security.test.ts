/**
 * The attack surface a security office checks first (docs/security.md names each test):
 * response headers on pages and API, over http and behind https; the session cookie's flags;
 * session fixation (a cookie the client brings is never adopted; each sign-in makes a new
 * session); expiry; sign-out ending the session on the server; CSRF.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { DEFAULT_CONFIG } from '../config.ts';
import { openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { counterIds, ORG, PASSWORD, seedOrganisation, USERS } from '../test-support/fixtures.ts';

const START = Date.parse('2021-06-02T08:00:00.000Z');

describe('security of the HTTP surface', () => {
  let test: TestDatabase;
  let root: string;
  let clock = START;
  const apps: App[] = [];
  const appWith = async (secureCookies: boolean): Promise<App> => {
    const app = await buildApp({ database: test.database, webRoot: root, now: () => new Date(clock), newId: counterIds(secureCookies ? 's' : 'p'), config: { ...DEFAULT_CONFIG, secureCookies, loginRateLimit: { max: 1000, windowMs: 60_000 } } });
    apps.push(app);
    return app;
  };
  let http: App;
  let https: App;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parley</title><script type="module" src="/assets/app.js"></script>');
    test = await openTestDatabase('pglite');
    await seedOrganisation(test.database, new Date(START));
    http = await appWith(false);
    https = await appWith(true);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await test.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const directives = (csp: unknown): Map<string, string> =>
    new Map(
      String(csp)
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]),
    );
  const signIn = (app: App, cookie?: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: USERS.ind.username, password: PASSWORD }, ...(cookie ? { headers: { cookie } } : {}) });
  const sessionCookie = (response: Awaited<ReturnType<typeof signIn>>) => response.cookies.find((c) => c.name === 'parley_session')!;

  it('sends a strict CSP (no inline or eval script, no framing, no plugins), nosniff, no referrer leak, on pages and API alike', async () => {
    for (const url of ['/', '/documents/x', '/api/health', '/api/nothing']) {
      const response = await http.inject({ method: 'GET', url });
      const csp = directives(response.headers['content-security-policy']);
      expect(csp.get('default-src'), url).toBe("'self'");
      expect(csp.get('script-src'), url).toBe("'self'");
      expect(csp.get('script-src-attr'), url).toBe("'none'");
      expect(csp.get('object-src'), url).toBe("'none'");
      expect(csp.get('frame-ancestors'), url).toBe("'none'");
      expect(csp.get('base-uri'), url).toBe("'self'");
      expect(csp.get('form-action'), url).toBe("'self'");
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(response.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('sends HSTS and upgrade-insecure-requests only when served over https', async () => {
    const plain = await http.inject({ method: 'GET', url: '/' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(directives(plain.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(false);
    const secure = await https.inject({ method: 'GET', url: '/' });
    expect(secure.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/u);
    expect(directives(secure.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
  });

  it('sets the session cookie HttpOnly, SameSite, path /, for the session’s life, and Secure behind https', async () => {
    const plain = sessionCookie(await signIn(http));
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: DEFAULT_CONFIG.sessionTtlMs / 1000 });
    expect(plain.secure).toBeUndefined();
    expect(plain.value).toMatch(/^[A-Za-z0-9_-]{40,}$/u);
    expect(sessionCookie(await signIn(https)).secure).toBe(true);
  });

  it('never adopts a session id the client brings, and makes a new session at every sign-in (no fixation)', async () => {
    const planted = 'attacker-chosen-session-token-0123456789abcdefghij';
    const first = await signIn(http, `parley_session=${planted}`);
    expect(first.statusCode).toBe(200);
    const issued = sessionCookie(first).value;
    expect(issued).not.toBe(planted);
    expect((await http.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `parley_session=${planted}` } })).statusCode).toBe(401);
    const second = sessionCookie(await signIn(http, `parley_session=${issued}`)).value;
    expect(second).not.toBe(issued);
  });

  it('ends a session at sign-out on the server (the old cookie is refused) and at expiry', async () => {
    const login = await signIn(http);
    const cookie = `parley_session=${sessionCookie(login).value}`;
    const csrf = (login.json<{ csrfToken: string }>()).csrfToken;
    expect((await http.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await http.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);
    expect((await http.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);

    const later = `parley_session=${sessionCookie(await signIn(http)).value}`;
    clock += DEFAULT_CONFIG.sessionTtlMs - 1000;
    expect((await http.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: later } })).statusCode).toBe(200);
    clock += 2000;
    const expired = await http.inject({ method: 'GET', url: `/api/organisations/${ORG}`, headers: { cookie: later } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ code: string }>().code).toBe('ERR_AUTH_REQUIRED');
  });

  it('refuses a state-changing request with a missing or another session’s CSRF token', async () => {
    const mine = await signIn(http);
    const theirs = await signIn(http);
    const cookie = `parley_session=${sessionCookie(mine).value}`;
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': theirs.json<{ csrfToken: string }>().csrfToken }]) {
      const response = await http.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(response.statusCode).toBe(403);
      expect(response.json<{ code: string }>().code).toBe('ERR_AUTH_CSRF_MISSING');
    }
    expect((await http.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 'the refused sign-out changed nothing').toBe(200);
  });
});
