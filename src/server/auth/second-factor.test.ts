/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   API responses are untyped JSON here; the assertions are what check their shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { audit } from '../db/schema.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { counterIds, PASSWORD, seedOrganisation } from '../test-support/fixtures.ts';
import { totpCode } from './totp.ts';

describe.each(DATABASE_KINDS)('second factor and lockout on %s', (kind) => {
  let test: TestDatabase;
  let app: App;
  let clock = Date.parse('2021-06-02T08:00:00.000Z');
  const now = () => new Date(clock);

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    // The organisation makes a second factor mandatory for the chair and the secretariat only.
    await seedOrganisation(test.database, now(), ['chair', 'secretariat']);
    app = await buildApp({ database: test.database, now, newId: counterIds(), config: { loginRateLimit: { max: 5, windowMs: 60_000 }, lockout: { maxFailures: 3, minutes: 15 } } });
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  async function signIn(username: string, password = PASSWORD, ip = '10.0.0.1') {
    return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  }

  it('makes the chair enrol and pass a TOTP code before anything else', async () => {
    const login = await signIn('chair');
    expect(login.json().secondFactor).toBe('enrolment-required');
    const cookie = login.cookies.find((c) => c.name === 'parley_session')!;
    const headers = { cookie: `parley_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken as string };
    expect((await app.inject({ method: 'GET', url: '/api/organisations', headers })).json()).toMatchObject({ status: 403, code: 'ERR_AUTH_SECOND_FACTOR_ENROLMENT_REQUIRED' });
    const enrol = await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrol', headers });
    const { secret, uri } = enrol.json<{ secret: string; uri: string }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Parley:chair\?/u);
    expect((await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers, payload: { code: '000000' } })).json()).toMatchObject({ code: 'ERR_AUTH_SECOND_FACTOR_INVALID' });
    const passed = await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers, payload: { code: totpCode(secret, now()) } });
    expect(passed.json().secondFactor).toBe('passed');
    expect((await app.inject({ method: 'GET', url: '/api/organisations', headers })).statusCode).toBe(200);

    clock += 60_000;
    const again = await signIn('chair');
    expect(again.json().secondFactor).toBe('required');
    const headers2 = { cookie: `parley_session=${again.cookies.find((c) => c.name === 'parley_session')!.value}`, 'x-csrf-token': again.json().csrfToken as string };
    expect((await app.inject({ method: 'GET', url: '/api/organisations', headers: headers2 })).json()).toMatchObject({ code: 'ERR_AUTH_SECOND_FACTOR_REQUIRED' });
    // A pending session cannot replace the factor it has not passed.
    expect((await app.inject({ method: 'POST', url: '/api/auth/second-factor/enrol', headers: headers2 })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/second-factor', headers: headers2, payload: { code: totpCode(secret, now()) } })).statusCode).toBe(200);
  });

  it('does not ask a delegate for a second factor when the organisation does not require it', async () => {
    expect((await signIn('ind')).json().secondFactor).toBe('passed');
  });

  it('locks an account after repeated failures, audits them, and rate-limits an address', async () => {
    for (let i = 0; i < 3; i += 1) expect((await signIn('isr', 'wrong', '10.0.0.2')).statusCode).toBe(401);
    const locked = await signIn('isr', PASSWORD, '10.0.0.3');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'ERR_AUTH_LOCKED' });
    expect(locked.headers['retry-after']).toBeDefined();
    clock += 16 * 60_000;
    expect((await signIn('isr', PASSWORD, '10.0.0.3')).statusCode).toBe(200);
    const actions = (await test.database.db.select().from(audit)).filter((a) => a.username === 'isr').map((a) => a.action);
    expect(actions).toEqual(['login.failed', 'login.failed', 'login.failed', 'login.locked', 'login']);

    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await signIn('nobody', 'x', '10.0.0.9')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await signIn('nobody', 'x', '10.0.0.9');
    expect(limited.json()).toMatchObject({ code: 'ERR_AUTH_RATE_LIMITED' });
  });
});
