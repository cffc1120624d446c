/**
 * 2.1.1 c over HTTP: a deploying state withdraws a permission it gave. From then on the host's
 * reports that needed it are refused; the permission stays in both states' history; to any
 * other state it answers exactly like an id never used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { ORG, makeTestApp, type TestApp } from '../test-support/fixtures.ts';
import { contingentsReport } from '../test-support/exchange-payloads.ts';

const BASE = `/api/organisations/${ORG}/exchange`;

describe.each(DATABASE_KINDS)('withdrawing a contingent permission on %s', (kind) => {
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

  it('refuses the host what needed it from then on, keeps the history, and hides it from other states', async () => {
    // IND's contingent is on ISR's territory: IND lets ISR tell KAZ.
    const permitted = await t.request('ind', 'POST', `${BASE}/contingent-permissions`, { hostState: 'ISR', releaseTo: ['KAZ'] });
    expect(permitted.statusCode, permitted.body).toBe(201);
    const permissionId = (permitted.json() as { id: string }).id;
    const first = await t.request('isr', 'POST', `${BASE}/submissions`, contingentsReport(['KAZ'], 'IND', '2021'));
    expect(first.statusCode, first.body).toBe(201);

    // Neither KAZ (a stranger to the permission) nor the secretariat learns it exists.
    const hidden = await t.request('kaz', 'POST', `${BASE}/contingent-permissions/${permissionId}/withdraw`, {});
    const unknown = await t.request('kaz', 'POST', `${BASE}/contingent-permissions/never-used/withdraw`, {});
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body.split(permissionId).join('<id>')).toBe(unknown.body.split('never-used').join('<id>'));
    expect(hidden.json()).toMatchObject({ code: 'ERR_EXCHANGE_PERMISSION_NOT_FOUND' });
    expect((await t.request('secretariat', 'POST', `${BASE}/contingent-permissions/${permissionId}/withdraw`, {})).statusCode).toBe(403);

    // The host sees it, but cannot withdraw it.
    const byHost = await t.request('isr', 'POST', `${BASE}/contingent-permissions/${permissionId}/withdraw`, {});
    expect(byHost.statusCode).toBe(422);
    expect(byHost.json()).toMatchObject({ code: 'ERR_EXCHANGE_CHANGE_REFUSED', rejection: 'NOT_ALLOWED' });

    const withdrawn = await t.request('ind', 'POST', `${BASE}/contingent-permissions/${permissionId}/withdraw`, { reason: 'Exercise over' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    expect(withdrawn.json()).toMatchObject({ id: permissionId });

    const again = await t.request('ind', 'POST', `${BASE}/contingent-permissions/${permissionId}/withdraw`, null);
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ rejection: 'NOT_OPEN' });

    const later = await t.request('isr', 'POST', `${BASE}/submissions`, contingentsReport(['KAZ'], 'IND', '2022'));
    expect(later.statusCode).toBe(422);
    expect(later.json()).toMatchObject({ code: 'ERR_EXCHANGE_CHANGE_REFUSED', rejection: 'NO_PERMISSION' });

    // What was released stays released.
    expect((await t.request('kaz', 'GET', `${BASE}/submissions/${(first.json() as { id: string }).id}`)).statusCode).toBe(200);

    for (const who of ['ind', 'isr'] as const) {
      const { permissions } = (await t.request(who, 'GET', `${BASE}/duties`)).json() as { permissions: Record<string, unknown>[] };
      expect(permissions, who).toHaveLength(1);
      expect(permissions[0], who).toMatchObject({ id: permissionId, deployingState: 'IND', hostState: 'ISR', releaseTo: ['KAZ'], withdrawalReason: 'Exercise over' });
      expect(Date.parse(String(permissions[0]!['withdrawnAt'])), who).toBeGreaterThan(Date.parse(String(permissions[0]!['at'])));
    }
    expect(((await t.request('kaz', 'GET', `${BASE}/duties`)).json() as { permissions: unknown[] }).permissions).toEqual([]);
  });
});
