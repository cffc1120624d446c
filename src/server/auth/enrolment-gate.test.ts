/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Enrolling a second factor from the browser: the session of a user who must enrol is signed
 * in, but until a code confirms the new key every route other than sign-in, "who am I",
 * enrolment, the code and sign-out refuses it — before the key is asked for, while it is
 * unconfirmed, and after a wrong code. Walks the app's whole route table, so a new route is covered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { counterIds, PASSWORD, seedOrganisation } from '../test-support/fixtures.ts';
import { totpCode } from './totp.ts';

describe.each(DATABASE_KINDS)('the enrolment gate on %s', (kind) => {
  let test: TestDatabase;
  let app: App;
  const now = () => new Date('2021-06-02T08:00:00.000Z');

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await seedOrganisation(test.database, now(), ['chair']);
    app = await buildApp({ database: test.database, now, newId: counterIds(), config: { loginRateLimit: { max: 100, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  async function signIn(): Promise<{ headers: Record<string, string>; secondFactor: string }> {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chair', password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'parley_session')!;
    return { headers: { cookie: `parley_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken as string }, secondFactor: login.json().secondFactor as string };
  }

  /** Every route that needs more than a session, with what it answered. */
  async function gatedAnswers(headers: Record<string, string>): Promise<string[]> {
    const answers: string[] = [];
    for (const route of app.routeTable) {
      if (route.access === 'public' || route.access === 'session') continue;
      const url = route.url.replace(/:(\w+)/gu, 'x');
      const response = await app.inject({ method: route.method as 'GET', url, headers, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }) });
      answers.push(`${route.method} ${route.url} ${response.statusCode} ${response.json().code as string}`);
    }
    return answers;
  }

  it('refuses everything else until a code confirms the key, then lets the user in', async () => {
    const { headers, secondFactor } = await signIn();
    expect(secondFactor).toBe('enrolment-required');
    const refused = (answers: string[]) => answers.filter((a) => !a.endsWith(' 403 ERR_AUTH_SECOND_FACTOR_ENROLMENT_REQUIRED'));
    const before = await gatedAnswers(headers);
    expect(before.length).toBeGreaterThan(25);
    expect(refused(before)).toEqual([]);

    const first = (await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrol', headers })).json().secret as string;
    expect(refused(await gatedAnswers(headers))).toEqual([]);
    expect((await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers, payload: { code: totpCode(first, new Date(now().getTime() + 600_000)) } })).statusCode).toBe(401);
    expect(refused(await gatedAnswers(headers))).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).json().secondFactor).toBe('enrolment-required');

    // Signing in again before confirming: still enrolling; a new key replaces the unconfirmed one.
    const again = await signIn();
    expect(again.secondFactor).toBe('enrolment-required');
    const second = (await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrol', headers: again.headers })).json().secret as string;
    expect(second).not.toBe(first);
    expect((await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: again.headers, payload: { code: totpCode(first, now()) } })).json().code).toBe('ERR_AUTH_SECOND_FACTOR_INVALID');
    const passed = await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: again.headers, payload: { code: totpCode(second, now()) } });
    expect(passed.json().secondFactor).toBe('passed');
    expect((await app.inject({ method: 'GET', url: '/api/organisations', headers: again.headers })).statusCode).toBe(200);
    // The first session never passed: it stays shut, now asking for the factor that exists.
    expect((await app.inject({ method: 'GET', url: '/api/organisations', headers })).json().code).toBe('ERR_AUTH_SECOND_FACTOR_REQUIRED');
    // Nor can it replace the confirmed key with one of its own.
    expect((await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrol', headers })).json().code).toBe('ERR_AUTH_SECOND_FACTOR_REQUIRED');
  });
});
