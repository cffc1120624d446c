/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Section 3's modalities through the API, on the seed draft as the catalogue: modality A from
 * interest to approval by a silence procedure that a state breaks and that is then concluded;
 * modality B through experts and a working paper; every step by the capacity section 3 gives
 * it, and each illegal one refused with the reason (wrong actor, another state, out of order,
 * too late). Reminders of deadlines at the right times, with the server's clock injected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../db/package-root.ts';
import { sweepReminders } from '../notifications/reminders.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, type TestApp, type UserKey } from '../test-support/fixtures.ts';

const SEED = readFileSync(join(packageRoot(), 'fixtures', 'cica-draft-2021-05-28.txt'), 'utf8');
const API = `/api/organisations/${ORG}/modalities`;
const DAY = 24 * 3600_000;

/** The server's clock: a second per reading, from wherever the test sets it. */
function settableClock(start: string): { now: () => Date; set: (iso: string) => void } {
  let t = Date.parse(start);
  return { now: () => new Date((t += 1000)), set: (iso) => void (t = Date.parse(iso)) };
}

describe.each(DATABASE_KINDS)('modalities A and B through the API on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  const clock = settableClock('2021-06-01T09:00:00Z');
  let areaId: string;

  async function step(who: UserKey, processId: string, body: Record<string, unknown>, status = 201): Promise<any> {
    const response = await t.request(who, 'POST', `${API}/${processId}/steps`, body);
    expect(response.statusCode, `${who} ${String(body.type)}: ${response.body}`).toBe(status);
    return response.json();
  }

  async function refused(who: UserKey, processId: string, body: Record<string, unknown>, status: number, code: string, rejection?: string): Promise<void> {
    const before = (await t.request('secretariat', 'GET', `${API}/${processId}`)).json();
    const answer = await step(who, processId, body, status);
    expect(answer.code).toBe(code);
    if (rejection) expect(answer.rejection).toBe(rejection);
    // Nothing was recorded.
    expect((await t.request('secretariat', 'GET', `${API}/${processId}`)).json().steps).toEqual(before.steps);
  }

  async function notificationsOf(who: UserKey): Promise<{ kind: string; title: string; body: string; link: string }[]> {
    return (await t.request(who, 'GET', `/api/organisations/${ORG}/notifications`)).json().notifications;
  }

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database, { now: clock.now, config: { sessionTtlMs: 365 * DAY, reminderSweepMs: 0 } });
    const created = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SEED, title: 'Catalogue' });
    await t.request('secretariat', 'PATCH', `/api/organisations/${ORG}/settings`, { catalogueDocumentId: created.json().document.id });
    const catalogue = (await t.request('secretariat', 'GET', `/api/organisations/${ORG}/catalogue`)).json();
    areaId = catalogue.dimensions[2].areas.find((a: { title: string }) => a.title === 'Tourism').id;
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  it('starts a process only for the secretariat or the chair, and modality A only for an area of the catalogue', async () => {
    expect((await t.request('ind', 'POST', API, { modality: 'A', areaId })).statusCode).toBe(403);
    expect((await t.request('observer', 'GET', API)).statusCode).toBe(403);
    const unknown = await t.request('secretariat', 'POST', API, { modality: 'A', areaId: 'no-such-area' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('ERR_MODALITY_AREA_NOT_FOUND');
    expect((await t.request('secretariat', 'POST', API, { modality: 'B' })).statusCode).toBe(400);
    const started = await t.request('chair', 'POST', API, { modality: 'A', areaId });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ modality: 'A', title: 'Tourism', stage: 'open', subject: { kind: 'area', areaId }, steps: [] });
    expect(started.json().members).toEqual(['CHN', 'IND', 'ISR', 'KAZ', 'RUS', 'THA', 'TUR']);
    expect((await t.request('ind', 'GET', `${API}/no-such-process`)).json().code).toBe('ERR_MODALITY_PROCESS_NOT_FOUND');
  });

  it('takes modality A from interest to approval, each step by its actor, refusing the others', async () => {
    clock.set('2021-06-01T09:00:00Z');
    const id = (await t.request('secretariat', 'POST', API, { modality: 'A', areaId })).json().id as string;
    // Interest: a delegate for its own state; the secretariat for a state it names; nobody else.
    const first = await step('ind', id, { type: 'interest.expressed' });
    expect(first.participants).toEqual(['IND']);
    expect(first.steps[0]).toMatchObject({ type: 'interest.expressed', actor: { role: 'state', state: 'IND' }, recordedBy: { user: t.ids.ind, role: 'delegate', delegation: 'IND' } });
    await refused('ind', id, { type: 'interest.expressed', state: 'KAZ' }, 403, 'ERR_ACCESS_OTHER_DELEGATION');
    await refused('chair', id, { type: 'interest.expressed' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    await refused('ind', id, { type: 'interest.expressed' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'ALREADY_DONE');
    await refused('secretariat', id, { type: 'interest.expressed' }, 400, 'ERR_REQUEST_INVALID');
    await step('kaz', id, { type: 'interest.expressed' });
    const third = await step('secretariat', id, { type: 'interest.expressed', state: 'RUS', note: 'note verbale of the Russian Federation' });
    expect(third.steps[2]).toMatchObject({ actor: { state: 'RUS' }, recordedBy: { role: 'secretariat', delegation: 'RUS' }, note: 'note verbale of the Russian Federation' });
    // What is due, and whose it is.
    expect(third.due.map((d: { type: string; yours: boolean }) => [d.type, d.yours])).toEqual([
      ['interest.expressed', true],
      ['chairman.consulted', false],
    ]);
    expect((await t.request('chair', 'GET', `${API}/${id}`)).json().due.find((d: { type: string }) => d.type === 'chairman.consulted').yours).toBe(true);
    // The Chairman consults and appoints.
    await refused('secretariat', id, { type: 'chairman.consulted' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    await refused('chair', id, { type: 'coordinator.appointed', states: ['KAZ'] }, 422, 'ERR_MODALITY_STEP_REFUSED', 'OUT_OF_ORDER');
    await step('chair', id, { type: 'chairman.consulted' });
    await refused('chair', id, { type: 'coordinator.appointed', states: ['KAZ', 'THA'] }, 422, 'ERR_MODALITY_STEP_REFUSED', 'NOT_INTERESTED');
    await refused('kaz', id, { type: 'coordinator.appointed', states: ['KAZ'] }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    const appointed = await step('chair', id, { type: 'coordinator.appointed', states: ['KAZ'] });
    expect(appointed.coordinators).toEqual(['KAZ']);
    expect(appointed.due).toEqual([{ type: 'concept-paper.drafted', actors: ['state'], states: ['KAZ'], yours: false }]);
    // The coordinator drafts the concept paper: a negotiated document of the engine.
    await refused('ind', id, { type: 'concept-paper.drafted', paper: { title: 'Concept', text: '1. Tourism.' } }, 422, 'ERR_MODALITY_STEP_REFUSED', 'NOT_COORDINATOR');
    await refused('kaz', id, { type: 'concept-paper.drafted' }, 400, 'ERR_REQUEST_INVALID');
    await refused('kaz', id, { type: 'concept-paper.drafted', documentId: 'no-such-document' }, 404, 'ERR_DOCUMENT_NOT_FOUND');
    const drafted = await step('kaz', id, { type: 'concept-paper.drafted', paper: { title: 'Concept paper on tourism', text: '1. The Member States [shall] (+KAZ) promote tourism.\n' } });
    expect(drafted.stage).toBe('paper-drafted');
    const paper = await t.request('ind', 'GET', `/api/documents/${drafted.paperId}`);
    expect(paper.statusCode).toBe(200);
    expect(paper.json().title).toBe('Concept paper on tourism');
    // Circulation, the SWG, the SOC.
    await refused('kaz', id, { type: 'paper.circulated' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    await step('secretariat', id, { type: 'paper.circulated' });
    await refused('ind', id, { type: 'swg.considered', outcome: 'agreed' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    await refused('secretariat', id, { type: 'soc.submitted' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'OUT_OF_ORDER');
    const agreed = await step('chair', id, { type: 'swg.considered', outcome: 'agreed', note: 'SWG, 2 June 2021' });
    expect(agreed.steps.at(-1)).toMatchObject({ actor: { role: 'swg' }, recordedBy: { role: 'chair' }, details: { outcome: 'agreed' } });
    await step('secretariat', id, { type: 'soc.submitted' });
    // The SOC by a silence procedure: opened, broken by a written objection, reopened, concluded.
    clock.set('2021-06-10T09:00:00Z');
    await refused('secretariat', id, { type: 'silence.opened', deadline: '2021-06-09T18:00:00.000Z' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'BAD_DATE');
    await refused('ind', id, { type: 'silence.opened', deadline: '2021-06-17T12:00:00.000Z' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    const opened = await step('secretariat', id, { type: 'silence.opened', deadline: '2021-06-17T12:00:00.000Z' });
    expect(opened.stage).toBe('silence-procedure');
    expect(opened.silence).toMatchObject({ status: 'running', deadline: '2021-06-17T12:00:00.000Z' });
    expect(opened.dueBy).toBe('2021-06-17T12:00:00.000Z');
    expect((await notificationsOf('isr'))[0]).toMatchObject({ kind: 'silence-opened', title: 'Silence procedure opened: Tourism', link: `/modalities/${id}` });
    expect((await notificationsOf('isr'))[0]!.body).toContain('June 17, 2021 at 06:00 PM GMT+6');
    await refused('chair', id, { type: 'silence.broken', objection: 'No.' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    await refused('ind', id, { type: 'silence.broken', objection: '   ' }, 400, 'ERR_REQUEST_INVALID');
    clock.set('2021-06-16T09:00:00Z');
    const broken = await step('ind', id, { type: 'silence.broken', objection: 'Paragraph 1 needs the words of the Tourism Ministers.' });
    expect(broken.stage).toBe('submitted-to-soc');
    expect(broken.silence).toMatchObject({ status: 'broken', by: 'IND', objection: 'Paragraph 1 needs the words of the Tourism Ministers.' });
    const news = (await notificationsOf('kaz'))[0];
    expect(news).toMatchObject({ kind: 'silence-broken', title: 'Silence broken: Tourism' });
    expect(news!.body).toContain('IND broke the silence on “Tourism” with a written objection: Paragraph 1 needs the words');
    await step('secretariat', id, { type: 'silence.opened', deadline: '2021-06-23T12:00:00.000Z' });
    await refused('secretariat', id, { type: 'silence.concluded' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'SILENCE_RUNNING');
    clock.set('2021-06-23T12:00:00Z');
    await refused('kaz', id, { type: 'silence.broken', objection: 'Too late, as it happens.' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'SILENCE_OVER');
    const approved = await step('secretariat', id, { type: 'silence.concluded' });
    expect(approved.stage).toBe('approved');
    expect(approved.due).toEqual([]);
    expect(approved.silence).toMatchObject({ status: 'ended', recorded: true });
    await refused('chair', id, { type: 'soc.approved' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'OUT_OF_ORDER');
    await refused('ind', id, { type: 'views.exchanged' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'WRONG_MODALITY');
  });

  it('takes modality B through views, the database, experts, a specialized meeting and a working paper', async () => {
    clock.set('2021-07-01T09:00:00Z');
    const id = (await t.request('secretariat', 'POST', API, { modality: 'B', topic: 'Energy security' })).json().id as string;
    await refused('chair', id, { type: 'database.compiled' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'OUT_OF_ORDER');
    await step('kaz', id, { type: 'views.exchanged' });
    await step('isr', id, { type: 'views.exchanged' });
    await refused('ind', id, { type: 'interest.expressed' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'WRONG_MODALITY');
    await refused('kaz', id, { type: 'database.compiled' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    await step('secretariat', id, { type: 'database.compiled' });
    await refused('secretariat', id, { type: 'specialized-meeting.organised', meetingId: 'sme-1', hostState: 'KAZ' }, 422, 'ERR_MODALITY_STEP_REFUSED', 'OUT_OF_ORDER');
    const nominated = await step('kaz', id, { type: 'experts.nominated', experts: ['Dr A. Experts'] });
    expect(nominated.nominations).toEqual([{ state: 'KAZ', experts: ['Dr A. Experts'], at: expect.any(String) }]);
    await refused('chair', id, { type: 'specialized-meeting.organised', meetingId: 'sme-1', hostState: 'KAZ' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    await step('secretariat', id, { type: 'specialized-meeting.organised', meetingId: 'sme-1', hostState: 'KAZ' });
    // The experts' working paper: recorded by the secretariat, or a delegate of a nominating state.
    await refused('ind', id, { type: 'working-paper.produced', paper: { title: 'WP', text: '1. Energy.' } }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    const doc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: '1. Energy security [cooperation] (+KAZ).\n', title: 'Working paper' })).json().document.id;
    const produced = await step('kaz', id, { type: 'working-paper.produced', documentId: doc });
    expect(produced).toMatchObject({ stage: 'paper-produced', paperId: doc });
    expect(produced.steps.at(-1)).toMatchObject({ actor: { role: 'experts' }, recordedBy: { role: 'delegate', delegation: 'KAZ' } });
    // The SWG does not agree: back to the experts; then agreed, submitted, approved in session.
    expect((await step('chair', id, { type: 'swg.considered', outcome: 'not-agreed' })).stage).toBe('meeting-organised');
    await step('secretariat', id, { type: 'working-paper.produced', documentId: doc });
    await step('secretariat', id, { type: 'swg.considered', outcome: 'agreed' });
    await step('chair', id, { type: 'soc.submitted' });
    await refused('ind', id, { type: 'soc.approved' }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    expect((await step('secretariat', id, { type: 'soc.approved', note: 'SOC, 12 October 2021' })).stage).toBe('approved');
    const list = (await t.request('ind', 'GET', API)).json();
    expect(list.processes.find((p: { id: string }) => p.id === id).stage).toBe('approved');
  });

  it('reminds whoever is to act as a deadline comes near, once per lead time, and not after the stage has moved', async () => {
    clock.set('2021-08-01T09:00:00Z');
    const id = (await t.request('secretariat', 'POST', API, { modality: 'A', areaId, dueBy: '2021-08-10T12:00:00.000Z' })).json().id as string;
    expect((await t.request('ind', 'GET', `${API}/${id}`)).json().dueBy).toBe('2021-08-10T12:00:00.000Z');
    const sweep = (at: string) => sweepReminders(t.app.parley, new Date(at));
    const reminders = async (who: UserKey) => (await notificationsOf(who)).filter((n) => n.kind === 'deadline-approaching' && n.link === `/modalities/${id}`);
    expect(await sweep('2021-08-07T11:59:00Z')).toBe(0);
    expect(await reminders('ind')).toEqual([]);
    // 72 hours before: every member state's delegates (interest is due from states).
    expect(await sweep('2021-08-07T12:00:00Z')).toBeGreaterThan(0);
    const first = await reminders('ind');
    expect(first).toHaveLength(1);
    expect(first[0]!.title).toBe('Deadline approaching: Tourism');
    expect(first[0]!.body).toBe('Due by August 10, 2021 at 06:00 PM GMT+6 on “Tourism”: member states express interest in the priority area.');
    expect(await reminders('chair')).toEqual([]);
    // Swept again, by this process or another: nobody is told twice.
    expect(await sweep('2021-08-08T00:00:00Z')).toBe(0);
    expect(await reminders('ind')).toHaveLength(1);
    // 24 hours before: the second reminder.
    await sweep('2021-08-09T13:00:00Z');
    expect(await reminders('ind')).toHaveLength(2);
    // Interest expressed; the stage moved on and the deadline went with it.
    await step('ind', id, { type: 'interest.expressed' });
    await step('chair', id, { type: 'chairman.consulted' });
    expect((await t.request('ind', 'GET', `${API}/${id}`)).json().dueBy).toBeNull();
    await sweep('2021-08-10T11:00:00Z');
    expect(await reminders('ind')).toHaveLength(2);
    // The chair is given until the 20th to appoint: the reminder is the chair's alone.
    await refused('secretariat', id, { type: 'coordinator.appointed', states: ['IND'] }, 403, 'ERR_MODALITY_NOT_YOUR_STEP');
    const late = await t.request('secretariat', 'POST', `${API}/${id}/deadline`, { stage: 'interest-expressed', dueBy: '2021-08-20T12:00:00.000Z' });
    expect(late.json()).toMatchObject({ code: 'ERR_MODALITY_STEP_REFUSED', rejection: 'OUT_OF_ORDER' });
    expect((await t.request('ind', 'POST', `${API}/${id}/deadline`, { stage: 'chairman-consulting', dueBy: '2021-08-20T12:00:00.000Z' })).statusCode).toBe(403);
    expect((await t.request('secretariat', 'POST', `${API}/${id}/deadline`, { stage: 'chairman-consulting', dueBy: '2021-08-20T12:00:00.000Z' })).statusCode).toBe(201);
    await sweep(new Date(Date.parse('2021-08-20T12:00:00Z') - 2 * DAY).toISOString());
    const chairs = await reminders('chair');
    expect(chairs).toHaveLength(1);
    expect(chairs[0]!.body).toContain('the Chairman appoints the coordinating country');
    expect(await reminders('ind')).toHaveLength(2);
    // After the deadline nothing more is sent.
    expect(await sweep('2021-08-20T12:00:01Z')).toBe(0);
  });

  it('reminds member states before a silence procedure ends', async () => {
    clock.set('2021-09-01T09:00:00Z');
    const id = (await t.request('secretariat', 'POST', API, { modality: 'B', topic: 'Water' })).json().id as string;
    await step('kaz', id, { type: 'views.exchanged' });
    await step('secretariat', id, { type: 'database.compiled' });
    await step('kaz', id, { type: 'experts.nominated', experts: ['Prof B'] });
    await step('secretariat', id, { type: 'specialized-meeting.organised', meetingId: 'sme-2', hostState: 'KAZ' });
    await step('secretariat', id, { type: 'working-paper.produced', paper: { title: 'Water', text: '1. Water.\n' } });
    await step('chair', id, { type: 'swg.considered', outcome: 'agreed' });
    await step('secretariat', id, { type: 'soc.submitted' });
    await step('secretariat', id, { type: 'silence.opened', deadline: '2021-09-15T12:00:00.000Z' });
    await sweepReminders(t.app.parley, new Date('2021-09-14T13:00:00Z'));
    const told = (await notificationsOf('isr')).filter((n) => n.kind === 'deadline-approaching' && n.link === `/modalities/${id}`);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: 'Silence procedure ends soon: Water' });
    expect(told[0]!.body).toContain('ends on September 15, 2021 at 06:00 PM GMT+6');
    expect((await notificationsOf('chair')).filter((n) => n.link === `/modalities/${id}` && n.kind === 'deadline-approaching')).toEqual([]);
  });

  it('keeps the register in the log: a refold gives the same processes', async () => {
    // A running silence procedure's remaining time moves with the clock: compare the rest.
    const read = async () => (await t.request('secretariat', 'GET', API)).json().processes.map(({ silence, ...rest }: { silence: { status: string } }) => ({ ...rest, silence: silence.status }));
    const before = await read();
    expect(before.length).toBeGreaterThanOrEqual(5);
    t.app.parley.modalities.forget();
    expect(await read()).toEqual(before);
  });
});
