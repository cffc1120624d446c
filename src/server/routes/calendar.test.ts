/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * The organisation's meetings through the API: the secretariat convenes the seed's SWG meeting
 * (14:00 Nur-Sultan time = 08:00 UTC) with its draft agenda, the meeting amends, reorders and
 * adopts it, attendance and decisions are recorded, and the record names the revision issued
 * that day. Times across Kazakhstan's 2024 change and Berlin's summer time; calendar files read
 * back by ical.js; who may do what; documents an observer may not see stay out of sight; the
 * hash-chained log covers it all. And the demo's seed meeting.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { meetingInvitation } from '../services/calendar-ics.ts';
import { createDemo, DEMO_DOCUMENT_ID, DEMO_MEETING_ID, DEMO_ORGANISATION_ID } from '../seed/demo.ts';
import { verifyLog } from '../store/verify-log.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { login, makeTestApp, ORG, SMALL_DRAFT, type TestApp } from '../test-support/fixtures.ts';

const API = `/api/organisations/${ORG}/meetings`;

function icsEvents(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe.each(DATABASE_KINDS)('the meetings API on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let documentId: string;
  let hiddenId: string;
  let meetingId: string;
  let items: { id: string; title: { en?: string } }[];

  const swg = () => ({
    body: 'swg',
    title: 'Online meeting of the CICA Special Working Group (SWG)',
    format: { kind: 'online', link: 'https://meet.example.org/swg' },
    localStart: '2021-06-02T14:00',
    durationMinutes: 180,
    documents: [documentId],
  });

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    documentId = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT, title: 'Draft catalogue', circulatedToObservers: true })).json().document.id;
    hiddenId = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT, title: 'Internal paper' })).json().document.id;
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  it("convenes the seed's SWG meeting at the seat's 14:00 = 08:00 UTC; only the secretariat convenes", async () => {
    expect((await t.request('chair', 'POST', API, swg())).statusCode).toBe(403);
    expect((await t.request('kaz', 'POST', API, swg())).json().code).toBe('ERR_ACCESS_FORBIDDEN');
    const created = await t.request('secretariat', 'POST', API, swg());
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    meetingId = meeting.id;
    expect(meeting).toMatchObject({ seatZone: 'Asia/Almaty', localStart: '2021-06-02T14:00', start: '2021-06-02T08:00:00Z', end: '2021-06-02T11:00:00Z', status: 'scheduled' });
    expect(meeting.documents).toEqual([{ id: documentId, title: 'Draft catalogue' }]);
    expect(meeting.agenda).toMatchObject({ status: 'draft', items: [] });
  });

  it("follows the tz database: Kazakhstan's 2024 change, Berlin's summer time, a time the clocks skip", async () => {
    const at = async (localStart: string, seatZone?: string): Promise<{ start: string }> => {
      const reply = await t.request('secretariat', 'POST', API, { ...swg(), localStart, ...(seatZone ? { seatZone } : {}) });
      return reply.json() as { start: string };
    };
    expect((await at('2024-02-29T14:00')).start).toBe('2024-02-29T08:00:00Z');
    expect((await at('2024-03-01T14:00')).start).toBe('2024-03-01T09:00:00Z');
    expect((await at('2021-03-27T10:00', 'Europe/Berlin')).start).toBe('2021-03-27T09:00:00Z');
    expect((await at('2021-03-28T10:00', 'Europe/Berlin')).start).toBe('2021-03-28T08:00:00Z');
    const skipped = await t.request('secretariat', 'POST', API, { ...swg(), localStart: '2021-03-28T02:30', seatZone: 'Europe/Berlin' });
    expect(skipped.statusCode).toBe(422);
    expect(skipped.json()).toMatchObject({ code: 'ERR_CALENDAR_CHANGE_REFUSED' });
    expect(skipped.json().detail).toContain('does not exist in Europe/Berlin');
    const badZone = await t.request('secretariat', 'POST', API, { ...swg(), seatZone: 'Asia/Nur-Sultan' });
    expect(badZone.json().detail).toContain('not a time zone of the tz database');
  });

  it('drafts the three-item agenda; the meeting amends, reorders and adopts it, then it is kept as adopted', async () => {
    const add = (title: Record<string, string>, kind: string, documents: string[] = []) => t.request('secretariat', 'POST', `${API}/${meetingId}/agenda/items`, { kind, title, documents });
    expect((await add({ en: 'Adoption of the agenda', ru: 'Утверждение Повестки дня' }, 'adoption-of-agenda')).statusCode).toBe(201);
    await add({ en: 'Discussion of the draft of the updated CICA Catalogue of Confidence Building Measures' }, 'document', [documentId]);
    items = (await add({ en: 'Any other business', ru: 'Разное' }, 'any-other-business')).json().agenda.items;
    expect(items.map((item) => item.title.en)).toEqual(['Adoption of the agenda', 'Discussion of the draft of the updated CICA Catalogue of Confidence Building Measures', 'Any other business']);
    expect((await t.request('ind', 'POST', `${API}/${meetingId}/agenda/items`, { kind: 'other', title: { en: 'x' } })).statusCode).toBe(403);
    expect((await add({ en: 'No document' }, 'document')).json().code).toBe('ERR_CALENDAR_CHANGE_REFUSED');
    // The chair records the meeting's amendment and a new order.
    const amended = await t.request('chair', 'PUT', `${API}/${meetingId}/agenda/items/${items[2]!.id}`, { kind: 'any-other-business', title: { en: 'Other matters', ru: 'Разное' } });
    expect(amended.statusCode).toBe(200);
    const added = (await t.request('chair', 'POST', `${API}/${meetingId}/agenda/items`, { kind: 'other', title: { en: 'Date of the next meeting' }, position: 0 })).json().agenda.items;
    expect(added[0].title.en).toBe('Date of the next meeting');
    const order = [...added.slice(1).map((item: { id: string }) => item.id), added[0].id];
    const reordered = await t.request('chair', 'PUT', `${API}/${meetingId}/agenda/order`, { order });
    expect(reordered.json().agenda.items.map((item: { title: { en: string } }) => item.title.en)).toEqual([
      'Adoption of the agenda',
      'Discussion of the draft of the updated CICA Catalogue of Confidence Building Measures',
      'Other matters',
      'Date of the next meeting',
    ]);
    expect((await t.request('chair', 'PUT', `${API}/${meetingId}/agenda/order`, { order: order.slice(1) })).json().rejection).toBe('BAD_ORDER');
    expect((await t.request('chair', 'PUT', `${API}/${meetingId}/agenda/items/nope`, { kind: 'other', title: { en: 'x' } })).json().code).toBe('ERR_CALENDAR_ITEM_NOT_FOUND');
    const adopted = await t.request('chair', 'POST', `${API}/${meetingId}/agenda/adoption`, null);
    expect(adopted.statusCode).toBe(201);
    expect(adopted.json().agenda.status).toBe('adopted');
    items = adopted.json().agenda.items;
    const late = await t.request('secretariat', 'DELETE', `${API}/${meetingId}/agenda/items/${items[3]!.id}`);
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'ERR_CALENDAR_CHANGE_REFUSED', rejection: 'AGENDA_ADOPTED' });
  });

  it('names participants per delegation (a delegate for its own only) and the chair (the secretariat only)', async () => {
    const own = await t.request('kaz', 'PUT', `${API}/${meetingId}/participants/KAZ`, { names: ['A. Kazakh', 'B. Kazakh'] });
    expect(own.statusCode).toBe(200);
    expect(own.json().participants).toEqual([{ delegation: 'KAZ', names: ['A. Kazakh', 'B. Kazakh'] }]);
    expect((await t.request('ind', 'PUT', `${API}/${meetingId}/participants/KAZ`, { names: ['X'] })).json().code).toBe('ERR_ACCESS_OTHER_DELEGATION');
    expect((await t.request('secretariat', 'PUT', `${API}/${meetingId}/participants/FRA`, { names: ['X'] })).json().rejection).toBe('NOT_A_MEMBER');
    expect((await t.request('chair', 'PUT', `${API}/${meetingId}/chair`, { chair: { name: 'K. Chair', delegation: 'KAZ' } })).statusCode).toBe(403);
    const chaired = await t.request('secretariat', 'PUT', `${API}/${meetingId}/chair`, { chair: { name: 'K. Chair', delegation: 'KAZ' } });
    expect(chaired.json().chair).toEqual({ name: 'K. Chair', delegation: 'KAZ' });
  });

  it('records attendance and decisions, and makes the record with the revision issued that day', async () => {
    for (const delegation of ['KAZ', 'IND']) {
      expect((await t.request('chair', 'POST', `${API}/${meetingId}/attendance`, { delegation, present: true, names: [`Head of ${delegation}`] })).statusCode).toBe(201);
    }
    expect((await t.request('kaz', 'POST', `${API}/${meetingId}/attendance`, { delegation: 'KAZ', present: true })).statusCode).toBe(403);
    // The stepping clock stands in 2021-06-02 just after 08:00 UTC: the revision is issued during the meeting.
    expect((await t.request('chair', 'POST', `/api/documents/${documentId}/revisions`, {})).statusCode).toBeLessThan(300);
    const decided = await t.request('chair', 'POST', `${API}/${meetingId}/decisions`, { itemId: items[1]!.id, text: 'The SWG took note of Rev.1 and will continue at its next meeting.', documents: [documentId] });
    expect(decided.statusCode).toBe(201);
    expect((await t.request('chair', 'POST', `${API}/${meetingId}/decisions`, { itemId: 'nope', text: 'x' })).statusCode).toBe(404);
    const record = (await t.request('observer', 'GET', `${API}/${meetingId}/record`)).json();
    expect(record.held).toBe(true);
    expect(record.attended.map((each: { delegation: string }) => each.delegation)).toEqual(['IND', 'KAZ']);
    expect(record.absent).toEqual(['CHN', 'ISR', 'RUS', 'THA', 'TUR']);
    expect(record.agenda.items[1].decisions).toMatchObject([{ text: 'The SWG took note of Rev.1 and will continue at its next meeting.', documents: [{ id: documentId }] }]);
    expect(record.revisions).toMatchObject([{ documentId, label: 'Rev.1', number: 1 }]);
  });

  it('gives calendar files that ical.js reads at the right instant, per meeting and per user', async () => {
    const file = await t.request('ind', 'GET', `${API}/${meetingId}/invitation.ics?zone=Europe/Berlin`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/calendar/u);
    expect(file.headers['content-disposition']).toContain('attachment');
    const [event] = icsEvents(file.body);
    expect(event!.startDate.toString()).toBe('2021-06-02T08:00:00Z');
    expect(event!.description).toContain('Starts 2021-06-02 14:00 Asia/Almaty (UTC+6)');
    expect(event!.description).toContain('Your time: 2021-06-02 10:00 Europe/Berlin (UTC+2)');
    // A meeting for Israel alone is in Israel's calendar, not India's.
    const isrOnly = (await t.request('secretariat', 'POST', API, { ...swg(), title: 'Consultations with Israel', localStart: '2024-06-05T14:00', invited: ['ISR'] })).json();
    const mine = (who: 'ind' | 'isr') => t.request(who, 'GET', `/api/organisations/${ORG}/meetings.ics`).then((reply) => icsEvents(reply.body));
    const forIsrael = await mine('isr');
    expect(forIsrael.find((each) => each.summary === 'Consultations with Israel')?.startDate.toString()).toBe('2024-06-05T09:00:00Z');
    expect((await mine('ind')).some((each) => each.summary === 'Consultations with Israel')).toBe(false);
    expect((await mine('ind')).length).toBe(forIsrael.length - 1);
    expect(isrOnly.invited).toEqual(['ISR']);
  });

  it('gives whoever sends invitations the delegations invited and the file to attach', async () => {
    const invitation = await meetingInvitation(t.app.parley, ORG, meetingId);
    expect(invitation).toMatchObject({ delegations: ['CHN', 'IND', 'ISR', 'KAZ', 'RUS', 'THA', 'TUR'], start: '2021-06-02T08:00:00Z' });
    expect(icsEvents(invitation.ics)[0]!.uid).toBe(`${meetingId}@${ORG}.meetings.parley`);
    await expect(meetingInvitation(t.app.parley, ORG, 'no-such-meeting')).rejects.toMatchObject({ code: 'ERR_CALENDAR_MEETING_NOT_FOUND' });
  });

  it('changes and cancels a meeting: a higher sequence, CANCELLED in the calendar, nothing recorded after', async () => {
    const changed = await t.request('secretariat', 'PUT', `${API}/${meetingId}`, { ...swg(), localStart: '2021-06-02T15:00' });
    expect(changed.json()).toMatchObject({ start: '2021-06-02T09:00:00Z', sequence: 1 });
    const cancelled = await t.request('secretariat', 'POST', `${API}/${meetingId}/cancellation`, { reason: 'Postponed' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 2, cancellation: { reason: 'Postponed' } });
    const [event] = icsEvents((await t.request('kaz', 'GET', `${API}/${meetingId}/invitation.ics`)).body);
    expect(event!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event!.sequence).toBe(2);
    expect((await t.request('chair', 'POST', `${API}/${meetingId}/attendance`, { delegation: 'KAZ', present: true })).json().rejection).toBe('CANCELLED');
  });

  it("hides what a reader may not see: unknown meetings are 404, outsiders 404, documents not circulated to observers absent", async () => {
    const withHidden = (await t.request('secretariat', 'POST', API, { ...swg(), documents: [documentId, hiddenId] })).json();
    expect(withHidden.documents.map((d: { id: string }) => d.id)).toEqual([documentId, hiddenId]);
    await t.request('secretariat', 'POST', `${API}/${withHidden.id}/agenda/items`, { kind: 'document', title: { en: 'Internal paper' }, documents: [hiddenId] });
    const seen = (await t.request('observer', 'GET', `${API}/${withHidden.id}`)).json();
    expect(seen.documents.map((d: { id: string }) => d.id)).toEqual([documentId]);
    expect(seen.agenda.items[0].documents).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain(hiddenId);
    expect((await t.request('observer', 'GET', `${API}/${withHidden.id}/invitation.ics`)).body).not.toContain('Internal paper');
    const missing = await t.request('ind', 'GET', `${API}/no-such-meeting`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ERR_CALENDAR_MEETING_NOT_FOUND');
    expect((await t.request('ind', 'GET', `/api/organisations/elsewhere/meetings`)).json().code).toBe('ERR_ORGANISATION_NOT_FOUND');
    expect((await t.request('secretariat', 'POST', API, { ...swg(), documents: ['no-such-document'] })).json().rejection).toBe('UNKNOWN_DOCUMENT');
  });

  it('keeps every calendar event in the hash-chained log, and a refold from it gives the same meetings', async () => {
    expect((await verifyLog(test.database.db)).ok).toBe(true);
    const before = (await t.request('ind', 'GET', API)).json();
    t.app.parley.calendar.forget();
    expect((await t.request('ind', 'GET', API)).json()).toEqual(before);
  });
});

describe.each(DATABASE_KINDS)('the demo meeting on %s', (kind) => {
  it("is the seed's SWG meeting of 2 June 2021 with its three-item draft agenda on the demo document", async () => {
    const test = await openTestDatabase(kind);
    const app = await buildApp({ database: test.database, webRoot: null });
    try {
      const accounts = await createDemo(app.parley);
      const kaz = accounts.find((a) => a.username === 'kaz')!;
      const session = await login(app, kaz.username, kaz.password);
      const response = await app.inject({ method: 'GET', url: `/api/organisations/${DEMO_ORGANISATION_ID}/meetings/${DEMO_MEETING_ID}`, headers: { cookie: session.cookie } });
      const meeting = response.json();
      expect(meeting).toMatchObject({ body: 'swg', start: '2021-06-02T08:00:00Z', localStart: '2021-06-02T14:00', seatZone: 'Asia/Almaty', format: { kind: 'online' } });
      expect(meeting.documents.map((d: { id: string }) => d.id)).toEqual([DEMO_DOCUMENT_ID]);
      expect(meeting.agenda.status).toBe('draft');
      expect(meeting.agenda.items.map((item: { title: { en: string; ru: string } }) => [item.title.en, item.title.ru])).toEqual([
        ['Adoption of the agenda', 'Утверждение Повестки дня'],
        ['Discussion of the draft of the updated CICA Catalogue of Confidence Building Measures', 'Обсуждение проекта обновленного Каталога мер доверия СВМДА'],
        ['Any other business', 'Разное'],
      ]);
      expect(meeting.agenda.items[1].documents.map((d: { id: string }) => d.id)).toEqual([DEMO_DOCUMENT_ID]);
    } finally {
      await app.close();
      await test.dispose();
    }
  });
});
