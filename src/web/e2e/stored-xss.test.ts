/**
 * Stored XSS in every text field, checked in the real browser (issue 8, attack surface): on the
 * demo organisation, hostile texts — an <img onerror>, a <script>, an attribute break-out into
 * an <svg onload>, a template-injection string, an alert, a bidi override — are stored through
 * the real HTTP API (session cookie and CSRF token, as the app sends them) in every field a user
 * can write: a document's title and its draft text, proposals' texts and reasons, positions'
 * reasons, statements, the chair's proposals, a revision's label, a translation, private and shared drafts, a
 * user's display name, an exchange submission and a consent request, a note verbale in all its
 * languages, meetings (title, venue, agenda, chair, participants, attendance, decisions,
 * cancellation), the modalities (topic, remarks, experts, a working paper, a silence objection).
 * Each text names its field, so a hit says where it came from. Then Chromium opens, as the
 * secretariat and as delegates, every screen that shows them and requires on each: no script of
 * ours ran (window.__xss unset in the page and its frames, the sandboxed note included), no
 * dialog opened, no element was made of the text (no [onerror]/[onload], no javascript: link),
 * and the text is on the screen as text — so a screen that silently dropped a field would fail.
 * A `javascript:` link for an online meeting is refused by validation (a 4xx problem).
 *
 * Needs Debian's Chromium at /usr/bin/chromium (skipped without it, failed under CI=true).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, skipWithoutChromium, signInToDemo, startDemoHarness, type DemoHarness } from './browser-harness.ts';

const ORG = 'cica';

/**
 * The hostile shapes; each field gets the next one, and its own name inside it. No square
 * brackets: proposed text may not hold them (they mark proposals), and a refusal would test nothing.
 */
const SHAPES: readonly ((field: string) => string)[] = [
  (f) => `<img src=x onerror="window.__xss=(window.__xss||'')+' ${f}'"> ${f}`,
  (f) => `<script>window.__xss='${f}'</script> ${f}`,
  (f) => `"><svg onload="window.__xss='${f}'"> ${f}`,
  (f) => `{{constructor.constructor('window.__xss="${f}"')()}} ${f}`,
  (f) => `'><img src=x onerror=alert('${f}')> ${f}`,
  (f) => `\u202E${f} <img src=x onerror="window.__xss='${f}'"> gpj.exe`,
];
let shape = 0;
/** Every hostile text stored, by field, for the screens to look for. */
const stored = new Map<string, string>();
function hostile(field: string): string {
  const text = SHAPES[shape++ % SHAPES.length]!(field);
  stored.set(field, text);
  return text;
}
/** The draft's own lines: the importer reads […] and (+XXX) as notation, so no brackets here. */
function hostileLine(field: string): string {
  const text = shape++ % 2 === 0 ? `<img src=x onerror="window.__xss='${field}'"> ${field}` : `<svg onload="window.__xss='${field}'"></svg> ${field}`;
  stored.set(field, text);
  return text;
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}
/** The fields this test reads from the replies (each route sends its own shape; only these are used). */
interface Reply {
  readonly id: string;
  readonly code: string;
  readonly password: string;
  readonly paperId?: string;
  readonly document: { readonly id: string };
  readonly agenda?: { readonly items: readonly { readonly id: string }[] };
  readonly items?: readonly { readonly id: string }[];
}
interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: Reply;
}

describe('stored XSS in Chromium', () => {
  let harness: DemoHarness | undefined;
  const sessions = new Map<string, Session>();
  /** What was set up, for the screens. */
  const ids = { document: '', proposal: '', submission: '', note: '', meeting: '', cancelled: '', process: '', paper: '' };
  const newUser = { username: 'xss-user', password: '', role: 'delegate' as const, delegation: 'TUR' };

  async function login(username: string, password?: string): Promise<Session> {
    const known = sessions.get(username);
    if (known) return known;
    const account = harness!.accounts.find((a) => a.username === username);
    const reply = await fetch(`${harness!.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: password ?? account!.password }) });
    expect(reply.status, `signing in ${username}`).toBe(200);
    const session = { cookie: reply.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await reply.json()) as { csrfToken: string }).csrfToken };
    sessions.set(username, session);
    return session;
  }

  async function call(username: string, method: string, path: string, body?: unknown): Promise<Answer> {
    const { cookie, csrf } = await login(username);
    const reply = await fetch(`${harness!.base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await reply.text();
    return { status: reply.status, type: reply.headers.get('content-type') ?? '', body: (text ? JSON.parse(text) : null) as Reply };
  }

  /** A change that must be accepted; its reply. */
  async function ok(username: string, method: string, path: string, body?: unknown): Promise<Reply> {
    const answer = await call(username, method, path, body);
    expect(answer.status, `${username} ${method} ${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    return answer.body;
  }

  /** A change validation must refuse: a 4xx problem with its code. */
  async function refused(username: string, method: string, path: string, body: unknown): Promise<void> {
    const answer = await call(username, method, path, body);
    expect(answer.status, `${method} ${path} refuses ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.code).toMatch(/^ERR_/u);
  }

  async function storeDocumentFields(): Promise<void> {
    const text = ['1. General provisions', '', `1.1 The Member States shall [exchange information] (+ISR) on military activities. ${hostileLine('draft-text')}`, '', `1.2 Measures are recommendatory and selected voluntarily.`, '', `1.3 ${hostileLine('draft-provision')}`, ''].join('\n');
    const created = await ok('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text, title: hostile('document-title') });
    ids.document = created.document.id;
    const base = `/api/documents/${ids.document}`;
    const provisions = (await ok('secretariat', 'GET', `${base}/provisions`)) as unknown as { id: string; text: string }[];
    const target = provisions.find((p) => p.text.startsWith('Measures'))!;
    expect(target, 'provision 1.2').toBeDefined();
    // A Russian version of 1.2, for the side-by-side view of the language versions.
    await ok('secretariat', 'PUT', `${base}/languages`, { original: 'en', others: ['ru'] });
    await ok('secretariat', 'PUT', `${base}/translations/provision/${target.id}/ru`, { text: hostile('translation-text'), original: target.text });
    const inserted = await ok('ind', 'POST', `${base}/proposals`, { kind: 'insert', anchor: { provisionId: target.id, start: 0, end: 0 }, text: hostile('proposal-insertion'), reason: hostile('proposal-reason') });
    ids.proposal = inserted.id;
    await ok('isr', 'POST', `${base}/proposals`, { kind: 'replace', anchor: { provisionId: target.id, start: 13, end: 27 }, text: hostile('proposal-replacement'), reason: hostile('replacement-reason') });
    await ok('kaz', 'PUT', `${base}/proposals/${ids.proposal}/positions/KAZ`, { stance: 'objects', reason: hostile('position-reason') });
    await ok('isr', 'POST', `${base}/statements`, { kind: 'interpretative', text: hostile('statement-text'), anchor: { proposalId: ids.proposal } });
    await ok('chair', 'POST', `${base}/chair/proposals`, { kind: 'remark', about: target.id, text: hostile('chair-remark'), reason: hostile('chair-reason') });
    await ok('chair', 'POST', `${base}/revisions`, { label: `<img src=x onerror=alert('revision-label')> revision-label` });
    stored.set('revision-label', `<img src=x onerror=alert('revision-label')> revision-label`);
    await ok('kaz', 'POST', `${base}/drafts`, { proposal: { kind: 'replace', anchor: { provisionId: target.id, start: 0, end: 8 }, text: hostile('private-draft-text'), reason: hostile('private-draft-reason') }, note: hostile('private-draft-note') });
    await ok('kaz', 'POST', `${base}/drafts`, { proposal: { kind: 'insert', anchor: { provisionId: target.id, start: 0, end: 0 }, text: hostile('shared-draft-text') }, note: hostile('shared-draft-note'), sharedWith: ['IND'] });
  }

  async function storeUser(): Promise<void> {
    const created = await ok('secretariat', 'POST', `/api/organisations/${ORG}/users`, { username: newUser.username, displayName: hostile('user-display-name'), role: 'delegate', delegation: 'TUR' });
    newUser.password = created.password;
  }

  async function storeExchange(): Promise<void> {
    const base = `/api/organisations/${ORG}/exchange`;
    const sent = await ok('ind', 'POST', `${base}/submissions`, {
      category: 'disaster',
      to: ['KAZ'],
      subject: hostile('exchange-subject'),
      legalBasis: '2.4.3',
      language: 'en',
      dissemination: { kind: 'addressees-only' },
      urgent: true,
      kind: 'report',
      body: { hazard: 'natural', event: hostile('exchange-event'), occurredAt: '2021-06-02T06:00:00.000Z', location: hostile('exchange-location'), mayAffect: ['KAZ'], description: hostile('exchange-description'), assistanceRequested: false },
    });
    ids.submission = sent.id;
    await ok('kaz', 'POST', `${base}/submissions/${ids.submission}/consent-requests`, { widening: { kind: 'states', states: ['CHN'] }, reason: hostile('consent-reason') });
  }

  async function storeNote(): Promise<void> {
    const three = (field: string) => ({ en: hostile(`${field}-en`), ru: hostile(`${field}-ru`), kk: hostile(`${field}-kk`) });
    const lines = (field: string) => ({ en: [hostile(`${field}-en`)], ru: [hostile(`${field}-ru`)], kk: [hostile(`${field}-kk`)] });
    const note = await ok('secretariat', 'POST', `/api/organisations/${ORG}/notes-verbales`, {
      fileIndex: '17-1',
      date: '2021-06-01',
      subject: three('note-subject'),
      addressees: { kind: 'states', states: ['KAZ'] },
      addressee: three('note-addressee'),
      addresseeBlock: lines('note-block'),
      purpose: three('note-purpose'),
      openingContinuation: three('note-continuation'),
      body: lines('note-body'),
      enclosures: [{ title: three('note-enclosure'), pages: 2 }],
      circulate: true,
    });
    ids.note = note.id;
  }

  async function storeMeetings(): Promise<void> {
    const api = `/api/organisations/${ORG}/meetings`;
    const meeting = (title: string, format: object) => ({ body: 'swg', title, format, localStart: '2026-11-02T10:00', durationMinutes: 120, documents: [ids.document] });
    for (const link of ['javascript:window.__xss=1', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) await refused('secretariat', 'POST', api, meeting('A link that runs', { kind: 'online', link }));
    const created = await ok('secretariat', 'POST', api, meeting(hostile('meeting-title'), { kind: 'venue', venue: hostile('meeting-venue') }));
    ids.meeting = created.id;
    const agenda = await ok('secretariat', 'POST', `${api}/${ids.meeting}/agenda/items`, { kind: 'other', title: { en: hostile('agenda-item-en'), ru: hostile('agenda-item-ru'), kk: hostile('agenda-item-kk') }, documents: [ids.document] });
    const items = agenda.agenda?.items ?? agenda.items ?? [];
    await ok('kaz', 'PUT', `${api}/${ids.meeting}/participants/KAZ`, { names: [hostile('participant-name')] });
    await ok('secretariat', 'PUT', `${api}/${ids.meeting}/chair`, { chair: { name: hostile('meeting-chair-name'), delegation: 'KAZ' } });
    await ok('chair', 'POST', `${api}/${ids.meeting}/agenda/adoption`, null);
    await ok('chair', 'POST', `${api}/${ids.meeting}/attendance`, { delegation: 'KAZ', present: true, names: [hostile('attendance-name')] });
    await ok('chair', 'POST', `${api}/${ids.meeting}/decisions`, { itemId: items.at(-1)!.id, text: hostile('decision-text'), documents: [ids.document] });
    const other = await ok('secretariat', 'POST', api, meeting('A meeting to cancel', { kind: 'online', link: 'https://meet.example.org/x' }));
    ids.cancelled = other.id;
    await ok('secretariat', 'POST', `${api}/${ids.cancelled}/cancellation`, { reason: hostile('cancellation-reason') });
  }

  async function storeModality(): Promise<void> {
    const api = `/api/organisations/${ORG}/modalities`;
    const created = await ok('secretariat', 'POST', api, { modality: 'B', topic: hostile('modality-topic') });
    ids.process = created.id;
    const step = (who: string, body: object) => ok(who, 'POST', `${api}/${ids.process}/steps`, body);
    await step('kaz', { type: 'views.exchanged', note: hostile('modality-remark') });
    await step('secretariat', { type: 'database.compiled' });
    await step('kaz', { type: 'experts.nominated', experts: [hostile('modality-expert')] });
    await step('secretariat', { type: 'specialized-meeting.organised', meetingId: 'sme-1', hostState: 'KAZ' });
    const paper = await step('secretariat', { type: 'working-paper.produced', paper: { title: hostile('working-paper-title'), text: `1. ${hostileLine('working-paper-text')}\n` } });
    ids.paper = paper.paperId ?? '';
    await step('chair', { type: 'swg.considered', outcome: 'agreed', note: hostile('swg-remark') });
    await step('secretariat', { type: 'soc.submitted' });
    await step('secretariat', { type: 'silence.opened', deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString() });
    await step('kaz', { type: 'silence.broken', objection: hostile('silence-objection') });
  }

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startDemoHarness();
  }, 120_000);
  afterAll(() => harness?.close());

  /** What must hold on every screen: nothing of ours ran, became an element, or opened a dialog. */
  async function expectInert(page: Page, dialogs: string[], screen: string): Promise<void> {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => ({
        xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
        handlers: Array.from(document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]')).map((e) => e.outerHTML.slice(0, 120)),
        scripts: Array.from(document.scripts).filter((s) => (s.textContent ?? '').includes('__xss')).length,
        links: Array.from(document.querySelectorAll('a[href],iframe[src],form[action]')).map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '').filter((h) => /^\s*(javascript|data|vbscript):/iu.test(h)),
      }));
      expect(found, `${screen}: frame ${frame.url()}`).toEqual({ xss: null, handlers: [], scripts: 0, links: [] });
    }
    expect(dialogs, `${screen}: dialogs`).toEqual([]);
  }

  /** The field's hostile text is on the screen, as text (in the page or one of its frames). */
  async function expectShown(page: Page, screen: string, fields: readonly string[]): Promise<void> {
    const texts = async () => (await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')))).join('\n');
    for (const field of fields) {
      const text = stored.get(field)!;
      await expect.poll(texts, { message: `${screen}: ${field} shown as text`, timeout: 10_000 }).toContain(text);
    }
  }

  async function open(username: string): Promise<{ page: Page; dialogs: string[]; problems: string[] }> {
    const dialogs: string[] = [];
    const account = username === newUser.username ? { ...harness!, accounts: [...harness!.accounts, newUser] } : harness!;
    const { page, problems } = await signInToDemo(account, username);
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return { page, dialogs, problems };
  }

  async function visit(page: Page, dialogs: string[], path: string, screen: string, fields: readonly string[]): Promise<void> {
    await page.goto(`${harness!.base}${path}`);
    await expectShown(page, screen, fields);
    await expectInert(page, dialogs, screen);
  }

  it('stores hostile text in every field and shows it as text on every screen, running none of it', async (context) => {
    if (skipWithoutChromium(context)) return;
    const startedAt = Date.now();
    await storeDocumentFields();
    await storeUser();
    await storeExchange();
    await storeNote();
    await storeMeetings();
    await storeModality();

    const { page: secretariat, dialogs } = await open('secretariat');
    await visit(secretariat, dialogs, '/', 'documents list', ['document-title']);
    await visit(secretariat, dialogs, `/documents/${ids.document}`, 'document', ['document-title', 'draft-text', 'draft-provision', 'proposal-insertion', 'proposal-replacement', 'statement-text', 'chair-remark']);
    await visit(secretariat, dialogs, `/documents/${ids.document}?view=bilingual`, 'language versions', ['translation-text']);
    await visit(secretariat, dialogs, '/exchange', 'exchange list (secretariat)', []);
    await visit(secretariat, dialogs, '/notes-verbales', 'notes registry', ['note-subject-en']);
    await visit(secretariat, dialogs, `/notes-verbales/${ids.note}`, 'note', ['note-subject-en']);
    // The note's printed page (the frame's source, here opened as a page of its own, unsandboxed), in all three languages; it prints no subject.
    const noteFields = ['addressee', 'block', 'purpose', 'continuation', 'body', 'enclosure'].flatMap((f) => ['en', 'ru', 'kk'].map((l) => `note-${f}-${l}`));
    await visit(secretariat, dialogs, `/api/organisations/${ORG}/notes-verbales/${ids.note}/html?language=all`, 'note page, all languages', noteFields);
    await visit(secretariat, dialogs, '/meetings', 'meetings list', ['meeting-title']);
    await visit(secretariat, dialogs, `/meetings/${ids.meeting}`, 'meeting', ['meeting-title', 'meeting-venue', 'agenda-item-en', 'participant-name', 'meeting-chair-name', 'decision-text']);
    await visit(secretariat, dialogs, `/meetings/${ids.cancelled}`, 'cancelled meeting', ['cancellation-reason']);
    await visit(secretariat, dialogs, '/modalities', 'modalities list', ['modality-topic']);
    await visit(secretariat, dialogs, `/modalities/${ids.process}`, 'modality process', ['modality-topic', 'modality-remark', 'swg-remark', 'silence-objection']);
    expect(ids.paper, 'the working paper became a document').not.toBe('');
    await visit(secretariat, dialogs, `/documents/${ids.paper}`, 'working paper', ['working-paper-title', 'working-paper-text']);
    await visit(secretariat, dialogs, '/catalogue', 'catalogue', []);
    await visit(secretariat, dialogs, '/notifications', 'notifications (secretariat)', []);

    const { page: kazakhstan, dialogs: kazDialogs } = await open('kaz');
    await visit(kazakhstan, kazDialogs, `/documents/${ids.document}`, 'document and drafts panel (KAZ)', ['document-title', 'proposal-insertion', 'private-draft-text', 'private-draft-note', 'shared-draft-note']);
    // Each notation writes the brackets its own way; each must still write the text as text.
    for (const index of [1, 2, 0]) {
      await kazakhstan.getByRole('combobox', { name: 'Notation' }).selectOption({ index });
      await expectShown(kazakhstan, `notation ${index} (KAZ)`, ['draft-text', 'proposal-replacement']);
      await expectInert(kazakhstan, kazDialogs, `notation ${index} (KAZ)`);
    }
    // The proposal's panel: its reason, the positions and their reasons, its history.
    await kazakhstan.locator('.bracket[data-proponent="IND"]').getByRole('button').first().click();
    await expectShown(kazakhstan, 'proposal panel (KAZ)', ['proposal-reason', 'position-reason']);
    await expectInert(kazakhstan, kazDialogs, 'proposal panel (KAZ)');
    await kazakhstan.getByRole('button', { name: 'Revisions and comparison' }).click();
    await expectShown(kazakhstan, 'revisions and comparison (KAZ)', ['revision-label']);
    await expectInert(kazakhstan, kazDialogs, 'revisions and comparison (KAZ)');
    await visit(kazakhstan, kazDialogs, '/exchange', 'exchange list (KAZ)', ['exchange-subject']);
    await visit(kazakhstan, kazDialogs, `/exchange/${ids.submission}`, 'submission (KAZ)', ['exchange-subject', 'exchange-event', 'exchange-location', 'exchange-description']);
    await visit(kazakhstan, kazDialogs, `/notes-verbales/${ids.note}`, 'note (KAZ)', ['note-subject-en']);
    await visit(kazakhstan, kazDialogs, '/notifications', 'notifications (KAZ)', ['note-subject-en']);

    const { page: india, dialogs: indDialogs } = await open('ind');
    await visit(india, indDialogs, `/documents/${ids.document}`, 'document and shared draft (IND)', ['shared-draft-text', 'shared-draft-note']);
    await visit(india, indDialogs, `/exchange/${ids.submission}`, 'submission (IND, with the consent request)', ['exchange-subject', 'consent-reason']);

    await visit(india, indDialogs, '/notifications', 'notifications (IND)', ['silence-objection']);

    const { page: newcomer, dialogs: newDialogs } = await open(newUser.username);
    await visit(newcomer, newDialogs, '/', 'documents list (the hostile user)', ['user-display-name']);
    console.info(`stored-xss: ${stored.size} hostile fields, ${Math.round((Date.now() - startedAt) / 1000)} s`);
  }, 240_000);
});
