/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * Notifications end to end: e-mail delivered to a real SMTP server process (smtp-server on
 * loopback, a random port, with a password) — to the users who chose e-mail, in the language
 * each chose, with the right text — and none while the organisation's mail server is off;
 * in-app notifications of a proposal on a followed paragraph (not for the proposer, not after
 * unfollowing), marking read, the choices' rules, and the live nudge.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../db/schema.ts';
import { NOTIFICATION_KINDS } from '../../protocol/notifications.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { openSse } from '../test-support/sse.ts';

const NOTIFY = `/api/organisations/${ORG}/notifications`;
const MODALITIES = `/api/organisations/${ORG}/modalities`;

function channels(email: readonly string[]): Record<string, { inApp: boolean; email: boolean }> {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { inApp: true, email: email.includes(kind) }]));
}

describe.each(DATABASE_KINDS)('notifications on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: { to: string[]; mail: ParsedMail }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth(auth, _session, callback) {
        if (auth.username === 'parley' && auth.password === 'mail-secret') callback(null, { user: 'parley' });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database, { config: { reminderSweepMs: 0, publicUrl: 'https://parley.example.org' } });
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  async function openSilence(topic: string): Promise<string> {
    const id = (await t.request('secretariat', 'POST', MODALITIES, { modality: 'B', topic })).json().id as string;
    for (const [who, body] of [
      ['kaz', { type: 'views.exchanged' }],
      ['secretariat', { type: 'database.compiled' }],
      ['kaz', { type: 'experts.nominated', experts: ['Dr A'] }],
      ['secretariat', { type: 'specialized-meeting.organised', meetingId: 'sme', hostState: 'KAZ' }],
      ['secretariat', { type: 'working-paper.produced', paper: { title: topic, text: '1. Text.\n' } }],
      ['chair', { type: 'swg.considered', outcome: 'agreed' }],
      ['secretariat', { type: 'soc.submitted' }],
      ['secretariat', { type: 'silence.opened', deadline: '2021-06-30T12:00:00.000Z' }],
    ] as [UserKey, object][]) {
      const response = await t.request(who, 'POST', `${MODALITIES}/${id}/steps`, body);
      if (response.statusCode !== 201) throw new Error(response.body);
    }
    return id;
  }

  it('sends no e-mail while the organisation has no mail server, even to a user who chose e-mail', async () => {
    const chosen = await t.request('ind', 'PUT', `${NOTIFY}/preferences`, { language: 'ru', email: 'ind@example.org', channels: channels(['silence-opened', 'silence-broken']) });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().emailAvailable).toBe(false);
    await openSilence('Quiet');
    await t.app.parley.notifications.idle();
    expect(received).toEqual([]);
    const inApp = (await t.request('ind', 'GET', NOTIFY)).json();
    expect(inApp.notifications[0]).toMatchObject({ kind: 'silence-opened', title: 'Объявлена процедура умолчания: Quiet' });
  });

  it('refuses e-mail without an address, and keeps the mail password write-only and the settings the secretariat’s', async () => {
    const missing = await t.request('isr', 'PUT', `${NOTIFY}/preferences`, { language: 'en', email: null, channels: channels(['followed-proposal']) });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('ERR_NOTIFICATION_EMAIL_MISSING');
    const settings = { enabled: true, host: '127.0.0.1', port: smtpPort, secure: false, username: 'parley', password: 'mail-secret', fromAddress: 'secretariat@cica.example.org' };
    expect((await t.request('chair', 'PUT', `${NOTIFY}/smtp`, settings)).statusCode).toBe(403);
    const saved = await t.request('secretariat', 'PUT', `${NOTIFY}/smtp`, settings);
    expect(saved.json()).toEqual({ enabled: true, host: '127.0.0.1', port: smtpPort, secure: false, username: 'parley', passwordSet: true, fromAddress: 'secretariat@cica.example.org' });
    expect(saved.body).not.toContain('mail-secret');
    // Changing the server without a password keeps the stored one.
    const { password: _kept, ...withoutPassword } = settings;
    expect((await t.request('secretariat', 'PUT', `${NOTIFY}/smtp`, withoutPassword)).json().passwordSet).toBe(true);
  });

  it('e-mails a silence procedure to those who chose e-mail, each in their language, through a real SMTP server', async () => {
    await t.request('kaz', 'PUT', `${NOTIFY}/preferences`, { language: 'kk', email: 'kaz@example.org', channels: channels(['silence-opened']) });
    await t.request('isr', 'PUT', `${NOTIFY}/preferences`, { language: 'en', email: 'isr@example.org', channels: channels([]) });
    const processId = await openSilence('Energy security');
    await t.app.parley.notifications.idle();
    expect(received.map((r) => r.to).sort()).toEqual([['ind@example.org'], ['kaz@example.org']]);
    const byRecipient = new Map(received.map((r) => [r.to[0], r.mail]));
    const russian = byRecipient.get('ind@example.org')!;
    expect(russian.subject).toBe('Объявлена процедура умолчания: Energy security');
    expect(russian.text).toContain('Процедура умолчания по «Energy security» продлится до 30 июня 2021 г. в 18:00 GMT+6.');
    expect(russian.text).toContain(`https://parley.example.org/modalities/${processId}`);
    expect(russian.headers.get('content-language')).toBe('ru');
    expect(russian.from?.value[0]).toMatchObject({ address: 'secretariat@cica.example.org', name: 'Test Conference' });
    const kazakh = byRecipient.get('kaz@example.org')!;
    expect(kazakh.subject).toBe('Үнсіздік рәсімі басталды: Energy security');
    expect(kazakh.text).toContain('«Energy security» бойынша үнсіздік рәсімі 2021 ж. 30 маусым, 18:00 GMT+6 дейін жүреді.');
    // Broken silence: only IND chose e-mail for it.
    received.length = 0;
    const broken = await t.request('kaz', 'POST', `${MODALITIES}/${processId}/steps`, { type: 'silence.broken', objection: 'Пункт 1 требует доработки.' });
    expect(broken.statusCode).toBe(201);
    await t.app.parley.notifications.idle();
    expect(received.map((r) => r.to)).toEqual([['ind@example.org']]);
    expect(received[0]!.mail.subject).toBe('Молчание нарушено: Energy security');
    expect(received[0]!.mail.text).toContain('KAZ нарушает молчание по «Energy security» письменным возражением: Пункт 1 требует доработки.');
  });

  it('tells the followers of a paragraph of a proposal on it — in the app, live — but not the proposer, nor after unfollowing', async () => {
    const documentId = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT, title: 'Small draft' })).json().document.id as string;
    const provisions = (await t.request('isr', 'GET', `/api/documents/${documentId}/provisions`)).json() as { id: string; kind: string; label: string }[];
    const paragraph = provisions.find((p) => p.label === '1.2')!;
    const follow = (who: UserKey, method: 'PUT' | 'DELETE') => t.request(who, method, `/api/documents/${documentId}/provisions/${paragraph.id}/follow`);
    expect((await follow('isr', 'PUT')).json()).toEqual({ provisionIds: [paragraph.id] });
    expect((await follow('ind', 'PUT')).statusCode).toBe(200);
    expect((await t.request('observer', 'PUT', `/api/documents/${documentId}/provisions/${paragraph.id}/follow`)).statusCode).toBe(404);
    expect((await t.request('isr', 'PUT', `/api/documents/${documentId}/provisions/no-such-provision/follow`)).json().code).toBe('ERR_DOCUMENT_PART_NOT_FOUND');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const live = await openSse(`http://127.0.0.1:${port}${NOTIFY}/live`, { cookie: t.sessions.isr.cookie });
    expect(live.status).toBe(200);
    const before = (await t.request('isr', 'GET', NOTIFY)).json().unread as number;
    const made = await t.request('ind', 'POST', `/api/documents/${documentId}/proposals`, { kind: 'remark', text: 'Add “of the Member States”.', about: paragraph.id });
    expect(made.statusCode).toBe(201);
    try {
      await live.waitFor((m) => m.event === 'notification', 5000);
    } finally {
      live.close();
    }
    const list = (await t.request('isr', 'GET', NOTIFY)).json();
    expect(list.unread).toBe(before + 1);
    expect(list.notifications[0]).toMatchObject({
      kind: 'followed-proposal',
      title: 'New proposal on paragraph 1.2',
      body: 'IND made a proposal on paragraph 1.2 of “Small draft”, which you follow.',
      link: `/documents/${documentId}#provision-${paragraph.id}`,
      readAt: null,
    });
    expect((await t.request('ind', 'GET', NOTIFY)).json().notifications.filter((n: { kind: string }) => n.kind === 'followed-proposal')).toEqual([]);
    // Marking read: one's own, by id; another's is not found.
    const id = list.notifications[0].id as string;
    expect((await t.request('ind', 'POST', `${NOTIFY}/read`, { ids: [id] })).json().code).toBe('ERR_NOTIFICATION_NOT_FOUND');
    const read = (await t.request('isr', 'POST', `${NOTIFY}/read`, { ids: [id] })).json();
    expect(read.unread).toBe(before);
    expect(read.notifications.find((n: { id: string }) => n.id === id).readAt).not.toBeNull();
    expect((await t.request('isr', 'POST', `${NOTIFY}/read`, {})).json().unread).toBe(0);
    // Unfollowed: the next proposal tells no one.
    expect((await follow('isr', 'DELETE')).json()).toEqual({ provisionIds: [] });
    await t.request('kaz', 'POST', `/api/documents/${documentId}/proposals`, { kind: 'remark', text: 'Another.', about: paragraph.id });
    expect((await t.request('isr', 'GET', `${NOTIFY}?unread=true`)).json().notifications).toEqual([]);
    // IND still follows and hears of KAZ's proposal, in Russian as it chose, and of the chair's.
    const indNews = (await t.request('ind', 'GET', NOTIFY)).json().notifications.find((n: { kind: string }) => n.kind === 'followed-proposal');
    expect(indNews).toMatchObject({ title: 'Новое предложение по пункту 1.2', body: 'Делегация KAZ внесла предложение по пункту 1.2 документа «Small draft», за которым вы следите.' });
    expect((await t.request('chair', 'POST', `/api/documents/${documentId}/chair/proposals`, { kind: 'remark', text: 'A compromise.', about: paragraph.id })).statusCode).toBe(201);
    const fromChair = (await t.request('ind', 'GET', NOTIFY)).json().notifications[0];
    expect(fromChair.body).toBe('Председатель внёс предложение по пункту 1.2 документа «Small draft», за которым вы следите.');
  });

  it('keeps an e-mail the mail server refused queued, retries it, and gives up after three attempts', async () => {
    received.length = 0;
    const settings = { enabled: true, host: '127.0.0.1', port: smtpPort, secure: false, username: 'parley', password: 'wrong', fromAddress: 'secretariat@cica.example.org' };
    await t.request('secretariat', 'PUT', `${NOTIFY}/smtp`, settings);
    await openSilence('Refused');
    await t.app.parley.notifications.idle();
    expect(received).toEqual([]);
    const rows = async () =>
      (await test.database.db.select().from(notifications).where(eq(notifications.emailTo, 'kaz@example.org'))).filter((row) => (row.params as { process?: string }).process === 'Refused');
    expect((await rows()).map((row) => [row.emailStatus, row.emailAttempts])).toEqual([['pending', 1]]);
    expect((await rows())[0]!.emailError).toMatch(/auth|Invalid/iu);
    await t.app.parley.notifications.deliverPending();
    await t.app.parley.notifications.deliverPending();
    expect((await rows()).map((row) => [row.emailStatus, row.emailAttempts])).toEqual([['failed', 3]]);
    // The in-app notification was never held up by the mail server.
    expect((await t.request('kaz', 'GET', NOTIFY)).json().notifications.some((n: { title: string }) => n.title === 'Үнсіздік рәсімі басталды: Refused')).toBe(true);
  });

  it('takes back an e-mail a process claimed and died before sending, but not one another process is sending now', async () => {
    received.length = 0;
    const settings = { enabled: true, host: '127.0.0.1', port: smtpPort, secure: false, username: 'parley', password: 'wrong', fromAddress: 'secretariat@cica.example.org' };
    await t.request('secretariat', 'PUT', `${NOTIFY}/smtp`, settings);
    await openSilence('Crashed');
    await t.app.parley.notifications.idle();
    const crashed = async () =>
      (await test.database.db.select().from(notifications)).filter((row) => (row.params as { process?: string }).process === 'Crashed' && row.emailTo !== null);
    const rowTo = async (to: string) => {
      const row = (await crashed()).find((candidate) => candidate.emailTo === to);
      if (!row) throw new Error(`no e-mail to ${to} was queued`);
      return row;
    };
    const [kaz, ind] = [await rowTo('kaz@example.org'), await rowTo('ind@example.org')];
    // As a process leaves them: claimed (sending) eleven minutes ago and died; another claimed a minute ago and is at it.
    const now = t.app.parley.now().getTime();
    const ago = (minutes: number) => new Date(now - minutes * 60_000);
    await test.database.db.update(notifications).set({ emailStatus: 'sending', emailClaimedAt: ago(11) }).where(eq(notifications.id, kaz.id));
    await test.database.db.update(notifications).set({ emailStatus: 'sending', emailClaimedAt: ago(1) }).where(eq(notifications.id, ind.id));
    await t.request('secretariat', 'PUT', `${NOTIFY}/smtp`, { ...settings, password: 'mail-secret' });
    expect(await t.app.parley.notifications.deliverPending()).toBe(1);
    expect(received.map((r) => r.to)).toEqual([['kaz@example.org']]);
    const after = new Map((await crashed()).map((row) => [row.emailTo, row.emailStatus]));
    expect(Object.fromEntries(after)).toEqual({ 'kaz@example.org': 'sent', 'ind@example.org': 'sending' });
  });
});
