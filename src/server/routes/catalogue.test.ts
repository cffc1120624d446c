/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * The catalogue in use through the API, on the seed draft: the catalogue and its search, the
 * coordinators seeded from the seed's list, a volunteer's way through the SWG and the SOC, a
 * state choosing a measure and reporting on it, and the review (JSON and CSV). Refusals: the
 * wrong role, another state, a step out of order, a catalogue not yet chosen — and the demo's
 * coordination, exactly the seed's list with its three gaps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { packageRoot } from '../db/package-root.ts';
import { createDemo, DEMO_LIST_DATE, DEMO_ORGANISATION_ID } from '../seed/demo.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { login, makeTestApp, ORG, SMALL_DRAFT, type TestApp } from '../test-support/fixtures.ts';

const SEED = readFileSync(join(packageRoot(), 'fixtures', 'cica-draft-2021-05-28.txt'), 'utf8');
const API = `/api/organisations/${ORG}`;

interface AreaView {
  areaId: string;
  title: string;
  coordinator: { state: string; since: string } | null;
  coCoordinators: { state: string }[];
  pending: { state: string; stage: string; role: string }[];
  gap: boolean;
}

function areas(coordination: { dimensions: { areas: AreaView[] }[] }): AreaView[] {
  return coordination.dimensions.flatMap((d) => d.areas);
}

function area(coordination: { dimensions: { areas: AreaView[] }[] }, title: string): AreaView {
  const found = areas(coordination).find((a) => a.title.startsWith(title));
  if (!found) throw new Error(`no area ${title}`);
  return found;
}

describe.each(DATABASE_KINDS)('the catalogue API on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let documentId: string;
  let measureId: string;
  let ictArea: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    const created = await t.request('secretariat', 'POST', `${API}/documents`, { text: SEED, title: 'Catalogue' });
    documentId = created.json().document.id;
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  it('says clearly that no catalogue document is chosen yet, and lets only the secretariat choose one of its own documents', async () => {
    const none = await t.request('ind', 'GET', `${API}/catalogue`);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('ERR_CATALOGUE_NOT_CONFIGURED');
    expect(none.json().detail).toContain('catalogueDocumentId');
    expect((await t.request('chair', 'PATCH', `${API}/settings`, { catalogueDocumentId: documentId })).statusCode).toBe(403);
    expect((await t.request('secretariat', 'PATCH', `${API}/settings`, { catalogueDocumentId: 'no-such-document' })).json().code).toBe('ERR_DOCUMENT_NOT_FOUND');
    const set = await t.request('secretariat', 'PATCH', `${API}/settings`, { catalogueDocumentId: documentId });
    expect(set.statusCode).toBe(200);
    expect(set.json().catalogueDocumentId).toBe(documentId);
    // The other setting is left as it was.
    expect(set.json().secondFactorRequiredFor).toEqual([]);
  });

  it('gives dimensions, areas and measures with their negotiated text and status, and searches them', async () => {
    const catalogue = (await t.request('ind', 'GET', `${API}/catalogue`)).json();
    expect(catalogue.documentId).toBe(documentId);
    expect(catalogue.dimensions.map((d: { label: string }) => d.label)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5']);
    const economic = catalogue.dimensions[2];
    expect(economic.areas.map((a: { title: string }) => a.title)).toContain('Tourism');
    const measure = economic.areas.find((a: { title: string }) => a.title === 'Tourism').measures[0];
    expect(measure.label).toMatch(/^2\.3\./u);
    expect(['open', 'agreed-ad-ref', 'adopted']).toContain(measure.status);
    measureId = measure.id;
    const hits = (await t.request('ind', 'GET', `${API}/catalogue/search?q=tourism&kinds=area`)).json();
    expect(hits.map((h: { title: string }) => h.title)).toEqual(['Tourism']);
    expect((await t.request('ind', 'GET', `${API}/catalogue/search?q=`)).statusCode).toBe(400);
  });

  it('hides the catalogue from outsiders and from observers until its document is circulated to them', async () => {
    const outsider = await createOutsider();
    const response = await t.app.inject({ method: 'GET', url: `${API}/catalogue`, headers: { cookie: outsider.cookie } });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('ERR_ORGANISATION_NOT_FOUND');
    expect((await t.request('observer', 'GET', `${API}/coordination`)).json().code).toBe('ERR_CATALOGUE_NOT_CONFIGURED');
    await t.request('secretariat', 'PATCH', `/api/documents/${documentId}`, { circulatedToObservers: true });
    expect((await t.request('observer', 'GET', `${API}/coordination`)).statusCode).toBe(200);
    expect((await t.request('observer', 'PUT', `${API}/selections/${measureId}`, { mode: 'multilateral' })).statusCode).toBe(403);
  });

  it("seeds the coordinators from the document's list once, naming what is not a member", async () => {
    expect((await t.request('ind', 'POST', `${API}/coordination/seed`, { date: '2021-05-28' })).statusCode).toBe(403);
    const seeded = await t.request('secretariat', 'POST', `${API}/coordination/seed`, { date: '2021-05-28', note: 'note verbale No. 17-1/298' });
    expect(seeded.statusCode).toBe(201);
    expect(seeded.json().events).toBeGreaterThan(10);
    // The test organisation has seven members: Afghanistan, Iran, Korea … are reported, not recorded.
    expect(seeded.json().problems.some((p: { message: string }) => p.message.includes('AFG'))).toBe(true);
    const again = await t.request('secretariat', 'POST', `${API}/coordination/seed`, { date: '2021-05-28' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ERR_CATALOGUE_ALREADY_SEEDED');
    const coordination = (await t.request('kaz', 'GET', `${API}/coordination`)).json();
    expect(area(coordination, 'Military-political').coordinator).toEqual({ state: 'KAZ', since: '2021-05-28' });
    expect(area(coordination, 'Small and medium').coCoordinators.map((h) => h.state)).toEqual(['KAZ', 'THA', 'TUR']);
    expect(area(coordination, 'Epidemiological').pending).toEqual([{ state: 'CHN', role: 'co-coordinator', stage: 'recommended', since: '2021-05-28' }]);
    ictArea = area(coordination, 'Security of and in the use of ICTs').areaId;
    expect(coordination.gaps.map((a: AreaView) => a.areaId)).toContain(ictArea);
  });

  it('takes a volunteer through the SWG and the SOC, each step by whom it belongs to', async () => {
    const url = (action: string) => `${API}/coordination/areas/${encodeURIComponent(ictArea)}/${action}`;
    expect((await t.request('ind', 'POST', url('volunteer'), { role: 'coordinator', date: '2021-06-10', state: 'KAZ' })).json().code).toBe('ERR_ACCESS_OTHER_DELEGATION');
    expect((await t.request('chair', 'POST', url('volunteer'), { role: 'coordinator', date: '2021-06-10', state: 'KAZ' })).statusCode).toBe(403);
    const volunteered = await t.request('kaz', 'POST', url('volunteer'), { role: 'coordinator', date: '2021-06-10' });
    expect(volunteered.statusCode).toBe(201);
    expect(area(volunteered.json(), 'Security of and in the use of ICTs').pending).toEqual([{ state: 'KAZ', role: 'coordinator', stage: 'volunteered', since: '2021-06-10' }]);
    expect((await t.request('kaz', 'POST', url('recommend'), { state: 'KAZ', date: '2021-06-11' })).statusCode).toBe(403);
    const early = await t.request('secretariat', 'POST', url('approve'), { state: 'KAZ', date: '2021-06-11' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('ERR_CATALOGUE_CHANGE_REFUSED');
    expect(early.json().detail).toContain('SWG has not recommended');
    expect((await t.request('chair', 'POST', url('recommend'), { state: 'KAZ', date: '2021-06-11', note: 'SWG, 11 June 2021' })).statusCode).toBe(201);
    const approved = await t.request('secretariat', 'POST', url('approve'), { state: 'KAZ', date: '2021-07-01', note: 'SOC, 1 July 2021' });
    expect(approved.statusCode).toBe(201);
    const ict = area(approved.json(), 'Security of and in the use of ICTs');
    expect(ict.coordinator).toEqual({ state: 'KAZ', since: '2021-07-01' });
    expect(ict.gap).toBe(false);
    expect(approved.json().gaps.map((a: AreaView) => a.areaId)).not.toContain(ictArea);
    expect((await t.request('secretariat', 'POST', url('approve'), { state: 'KAZ', date: '1 July' })).statusCode).toBe(400);
    expect((await t.request('secretariat', 'POST', url('recommend'), { state: 'AUT', date: '2021-07-01' })).json().code).toBe('ERR_DELEGATION_UNKNOWN');
    const withdrawn = await t.request('kaz', 'POST', url('withdraw'), { date: '2021-12-01' });
    expect(area(withdrawn.json(), 'Security of and in the use of ICTs').gap).toBe(true);
  });

  it('lets a state choose a measure bilaterally or multilaterally, report on it and withdraw; the review shows it', async () => {
    const url = `${API}/selections/${measureId}`;
    const noPartner = await t.request('ind', 'PUT', url, { mode: 'bilateral', partners: [] });
    expect(noPartner.statusCode).toBe(400);
    expect(noPartner.json().detail).toContain('partner');
    expect((await t.request('ind', 'PUT', url, { mode: 'bilateral', partners: ['AUT'] })).json().code).toBe('ERR_CATALOGUE_CHANGE_REFUSED');
    expect((await t.request('ind', 'PUT', `${API}/selections/no-such-measure`, { mode: 'multilateral' })).json().code).toBe('ERR_CATALOGUE_CHANGE_REFUSED');
    const chosen = await t.request('ind', 'PUT', url, { mode: 'bilateral', partners: ['KAZ', 'CHN'] });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().selections).toEqual([expect.objectContaining({ measureId, state: 'IND', active: true, spans: [expect.objectContaining({ mode: 'bilateral', partners: ['CHN', 'KAZ'], to: null })] })]);
    expect((await t.request('kaz', 'PUT', url, { mode: 'multilateral', state: 'IND' })).json().code).toBe('ERR_ACCESS_OTHER_DELEGATION');
    const reported = await t.request('ind', 'POST', `${url}/reports`, { period: '2021-H2', status: 'in-progress', text: '=first workshop held' });
    expect(reported.statusCode).toBe(201);
    expect(reported.json().reports).toEqual([expect.objectContaining({ measureId, state: 'IND', period: '2021-H2', status: 'in-progress' })]);
    expect((await t.request('ind', 'POST', `${url}/reports`, { period: '2021-H3', status: 'planned', text: '' })).statusCode).toBe(400);

    const review = (await t.request('observer', 'GET', `${API}/review`)).json();
    const row = review.states.indexOf('IND');
    const column = review.measures.findIndex((m: { id: string }) => m.id === measureId);
    expect(review.cells[row][column]).toEqual(expect.objectContaining({ status: 'in-progress', mode: 'bilateral', partners: ['CHN', 'KAZ'] }));
    expect(review.trends).toEqual([expect.objectContaining({ period: '2021-H2', statesReporting: 1, reports: 1 })]);
    const economic = review.participation.dimensions.find((d: { label: string }) => d.label === '2.3');
    expect(economic).toEqual(expect.objectContaining({ states: 1, selections: 1, reporting: 1 }));
    expect((await t.request('ind', 'GET', `${API}/review?period=2021-Q5`)).statusCode).toBe(400);

    const csv = await t.request('ind', 'GET', `${API}/review.csv?period=2021`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="review-2021.csv"');
    const line = csv.body.split('\r\n').find((l) => l.includes(`,IND,`) && l.includes(measureId));
    expect(line).toContain('in-progress');
    // A delegation's words cannot become a formula in the secretariat's spreadsheet.
    expect(line).toContain("'=first workshop held");

    const withdrawn = await t.request('ind', 'POST', `${url}/withdraw`, null);
    expect(withdrawn.json().selections[0].active).toBe(false);
    expect((await t.request('ind', 'POST', `${url}/withdraw`, null)).json().code).toBe('ERR_CATALOGUE_CHANGE_REFUSED');
  });

  it('refuses a seed from a document without a list', async () => {
    const small = (await t.request('secretariat', 'POST', `${API}/documents`, { text: SMALL_DRAFT })).json().document.id;
    const response = await t.request('secretariat', 'POST', `${API}/coordination/seed`, { date: '2021-05-28', documentId: small });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('ERR_CATALOGUE_NO_LIST');
  });

  it("refuses to seed from another organisation's document as if it did not exist", async () => {
    const { importDocument } = await import('../services/documents.ts');
    const { createOrganisation } = await import('../services/organisations.ts');
    await createOrganisation(test.database.db, { id: 'other-seed-org', slug: 'other-seed', name: 'Other', seat: 'Vienna', seatTimeZone: 'Europe/Vienna', workingLanguages: ['en'], notesLanguage: 'en', members: ['AUT'], aliases: {} }, new Date());
    await importDocument(t.app.parley, { organisationId: 'other-seed-org', documentId: 'foreign-list', text: SEED, actor: { user: 'x', delegation: null, role: 'secretariat' } });
    const response = await t.request('secretariat', 'POST', `${API}/coordination/seed`, { date: '2021-05-28', documentId: 'foreign-list' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('ERR_DOCUMENT_NOT_FOUND');
  });

  async function createOutsider(): Promise<{ cookie: string }> {
    const { createOrganisation } = await import('../services/organisations.ts');
    const { createUser } = await import('../services/users.ts');
    const now = new Date('2021-06-01T00:00:00Z');
    await createOrganisation(test.database.db, { id: 'elsewhere', slug: 'elsewhere', name: 'Elsewhere', seat: 'Vienna', seatTimeZone: 'Europe/Vienna', workingLanguages: ['en'], notesLanguage: 'en', members: ['AUT'], aliases: {} }, now);
    await createUser(test.database.db, { id: 'user-elsewhere', username: 'elsewhere', displayName: 'Elsewhere', organisationId: 'elsewhere', role: 'secretariat', password: 'correct horse battery staple' }, now);
    return login(t.app, 'elsewhere');
  }
});

describe.each(DATABASE_KINDS)('the demo on %s', (kind) => {
  it("coordinates exactly as the seed's list says, with its three gaps", async () => {
    const test = await openTestDatabase(kind);
    const app = await buildApp({ database: test.database, webRoot: null });
    try {
      const accounts = await createDemo(app.parley);
      const secretariat = accounts.find((a) => a.role === 'secretariat')!;
      const session = await login(app, secretariat.username, secretariat.password);
      const response = await app.inject({ method: 'GET', url: `/api/organisations/${DEMO_ORGANISATION_ID}/coordination`, headers: { cookie: session.cookie } });
      expect(response.statusCode).toBe(200);
      const coordination = response.json();
      const table = areas(coordination).map((a) => [a.title, a.coordinator?.state ?? null, a.coCoordinators.map((h) => h.state).join(' '), a.pending.map((p) => `+${p.state}`).join(' ')]);
      expect(table).toEqual([
        ['Military-political dimension', 'KAZ', 'TUR', ''],
        ['New challenges and threats (general)', 'TUR', 'AFG', ''],
        ['Security of and in the use of ICTs', null, '', ''],
        ['Combating illicit drugs', 'IRN', 'AFG', ''],
        ['Epidemiological safety, public health and pharmaceuticals', null, '', '+CHN +JOR'],
        ['Small and medium enterprises (SMEs)', 'RUS', 'KAZ THA TUR', ''],
        ['Energy security', 'KOR', 'IND', ''],
        ['Information technology', 'KOR', 'BGD', ''],
        ['Tourism', 'TJK', 'LKA', ''],
        ['Development of secure and effective systems of transportation corridors', 'AZE', 'IND', '+CHN'],
        ['Agriculture', 'CHN', '', ''],
        ['Finance', 'CHN', '', ''],
        ['Trade and Investment', null, '', ''],
        ['Sustainable Development', 'THA', '', ''],
        ['Natural Disaster Management', 'IRN', '', '+BGD'],
        ['Environment Protection', 'MNG', 'BGD CHN', ''],
        ['Human Dimension', 'UZB', 'KAZ KGZ', ''],
      ]);
      expect(coordination.gaps.map((a: AreaView) => a.title)).toEqual(['Security of and in the use of ICTs', 'Epidemiological safety, public health and pharmaceuticals', 'Trade and Investment']);
      expect(coordination.listOnly).toEqual([]);
      expect(area(coordination, 'Tourism').coordinator?.since).toBe(DEMO_LIST_DATE);
    } finally {
      await app.close();
      await test.dispose();
    }
  });
});
