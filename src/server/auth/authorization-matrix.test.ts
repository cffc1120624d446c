/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * The authorization matrix: every route of the app's route table × every kind of caller,
 * own and other delegation. The expected outcome comes from the route's access rule (the
 * table EXPECTED below, written from the rules in issue 3, not from the code); a route
 * needs a sample request here, so a new route without a rule or a sample fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../db/package-root.ts';
import { createOrganisation } from '../services/organisations.ts';
import { createUser } from '../services/users.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { login, makeTestApp, ORG, PASSWORD, SMALL_DRAFT, USERS, type Session, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import type { AccessRule } from './policy.ts';
import { DEMO_NOTE_CONTENT, DEMO_NOTE_REGISTRY } from '../seed/demo-note.ts';
import { createDelegationRegistry, importDraft } from '../../core/index.ts';
import { writeAkn } from '../akn/akn-write.ts';
import { bracketedFile, trackedFile } from '../../../test/support/word-files.ts';

type Subject = 'anonymous' | 'outsider' | 'secretariat' | 'chair' | 'delegate' | 'delegateOther' | 'head' | 'headOther' | 'observer' | 'observerCirculated';
const SUBJECTS: readonly Subject[] = ['anonymous', 'outsider', 'secretariat', 'chair', 'delegate', 'delegateOther', 'head', 'headOther', 'observer', 'observerCirculated'];
type Outcome = 'allow' | 401 | 403 | 404 | 422;

/** Who may do what, per rule (issue 3, "Accounts and access"). */
const EXPECTED: Record<AccessRule, Partial<Record<Subject, Outcome>> & { default: Outcome }> = {
  public: { default: 'allow' },
  session: { anonymous: 401, default: 'allow' },
  user: { anonymous: 401, default: 'allow' },
  'organisation.read': { anonymous: 401, outsider: 404, default: 'allow' },
  'organisation.admin': { anonymous: 401, outsider: 404, secretariat: 'allow', default: 403 },
  'users.admin': { anonymous: 401, outsider: 404, secretariat: 'allow', head: 'allow', default: 403 },
  'document.create': { anonymous: 401, outsider: 404, secretariat: 'allow', default: 403 },
  'document.read': { anonymous: 401, outsider: 404, observer: 404, default: 'allow' },
  'document.manage': { anonymous: 401, outsider: 404, observer: 404, secretariat: 'allow', default: 403 },
  'delegation.act': { anonymous: 401, outsider: 404, observer: 404, secretariat: 'allow', delegate: 'allow', head: 'allow', default: 403 },
  'statement.add': { anonymous: 401, outsider: 404, observer: 404, secretariat: 'allow', chair: 'allow', delegate: 'allow', head: 'allow', default: 403 },
  'chair.act': { anonymous: 401, outsider: 404, observer: 404, chair: 'allow', default: 403 },
  'meeting.chair': { anonymous: 401, outsider: 404, observer: 404, chair: 'allow', default: 403 },
  // The samples share each draft with the "other" subjects' delegation: they read it as partners, and may not change it.
  'draft.read': { anonymous: 401, outsider: 404, observer: 404, delegate: 'allow', head: 'allow', delegateOther: 'allow', headOther: 'allow', default: 404 },
  'draft.create': { anonymous: 401, outsider: 404, observer: 404, secretariat: 403, chair: 403, observerCirculated: 403, default: 'allow' },
  'draft.act': { anonymous: 401, outsider: 404, observer: 404, delegate: 'allow', head: 'allow', delegateOther: 403, headOther: 403, default: 404 },
  // The catalogue document is circulated to observers here; catalogue.test.ts checks that before that they see none.
  'catalogue.read': { anonymous: 401, outsider: 404, default: 'allow' },
  'catalogue.act': { anonymous: 401, outsider: 404, secretariat: 'allow', delegate: 'allow', head: 'allow', default: 403 },
  'catalogue.record': { anonymous: 401, outsider: 404, secretariat: 'allow', chair: 'allow', default: 403 },
  'catalogue.seed': { anonymous: 401, outsider: 404, secretariat: 'allow', default: 403 },
  // The samples use submissions the subject may see (a published one for reads): the consent rule's 404s are exchange.test.ts's.
  'exchange.read': { anonymous: 401, outsider: 404, default: 'allow' },
  'exchange.send': { anonymous: 401, outsider: 404, delegate: 'allow', head: 'allow', delegateOther: 'allow', headOther: 'allow', default: 403 },
  'exchange.act': { anonymous: 401, outsider: 404, secretariat: 'allow', delegate: 'allow', head: 'allow', delegateOther: 'allow', headOther: 'allow', default: 403 },
  'log.bundle': { anonymous: 401, outsider: 404, secretariat: 'allow', delegate: 'allow', head: 'allow', delegateOther: 'allow', headOther: 'allow', default: 403 },
  'calendar.read': { anonymous: 401, outsider: 404, default: 'allow' },
  'calendar.manage': { anonymous: 401, outsider: 404, secretariat: 'allow', default: 403 },
  'calendar.record': { anonymous: 401, outsider: 404, secretariat: 'allow', chair: 'allow', default: 403 },
  // The "other" subjects name the other delegation's participants: refused (ERR_ACCESS_OTHER_DELEGATION).
  'calendar.participants': { anonymous: 401, outsider: 404, secretariat: 'allow', delegate: 'allow', head: 'allow', default: 403 },
  // The samples use a note circulated to every member state: the addressee rule's 404s are notes-verbales.test.ts's.
  'note.read': { anonymous: 401, outsider: 404, default: 'allow' },
  'note.write': { anonymous: 401, outsider: 404, secretariat: 'allow', default: 403 },
  'modality.read': { anonymous: 401, outsider: 404, observer: 403, observerCirculated: 403, default: 'allow' },
  'modality.manage': { anonymous: 401, outsider: 404, secretariat: 'allow', chair: 'allow', default: 403 },
  // The samples take a step the subject's capacity allows; the "other" subjects name another state's step (403).
  'modality.act': { anonymous: 401, outsider: 404, observer: 403, observerCirculated: 403, delegateOther: 403, headOther: 403, default: 'allow' },
  'notifications.own': { anonymous: 401, outsider: 404, default: 'allow' },
};

/** Per-route exceptions, each with its reason. */
const OVERRIDES: Record<string, Partial<Record<Subject, Outcome>>> = {
  // A head of delegation sees the list of their own delegation's users; others' users do not exist for them.
  'GET /api/organisations/:organisationId/users': { headOther: 'allow' },
  'POST /api/organisations/:organisationId/users/:userId/disable': { headOther: 404 },
  'POST /api/organisations/:organisationId/users/:userId/reset-second-factor': { headOther: 404 },
  // Those outside every draft's audience get an empty list, which reveals nothing (drafts.test.ts checks it is empty).
  'GET /api/documents/:documentId/drafts': { secretariat: 'allow', chair: 'allow', observerCirculated: 'allow' },
  // The read log is the provider's (IND in the sample): everyone else who sees the submission is told so.
  'GET /api/organisations/:organisationId/exchange/submissions/:submissionId/reads': { secretariat: 403, chair: 403, head: 403, headOther: 403, observer: 403, observerCirculated: 403 },
  // Only the providing state grants, refuses, revokes and confirms; the secretariat is refused by the domain.
  'POST /api/organisations/:organisationId/exchange/submissions/:submissionId/grants': { secretariat: 422 },
  'POST /api/organisations/:organisationId/exchange/consent-requests/:requestId/refusal': { secretariat: 422 },
  'POST /api/organisations/:organisationId/exchange/submissions/:submissionId/grants/:grantId/revocation': { secretariat: 422 },
  'POST /api/organisations/:organisationId/exchange/contact-checks/:checkId/confirmation': { secretariat: 422 },
  // Only the secretariat disseminates; a state's delegate is refused by the domain.
  'POST /api/organisations/:organisationId/exchange/submissions/:submissionId/disseminations': { delegate: 422, head: 422, delegateOther: 422, headOther: 422 },
  // A permission is a deploying state's: the secretariat speaks for none.
  'POST /api/organisations/:organisationId/exchange/contingent-permissions': { secretariat: 403 },
  'POST /api/organisations/:organisationId/exchange/contingent-permissions/:permissionId/withdraw': { secretariat: 403 },
  // Notes verbales go to member states: the chair and observers are no addressees, so a note does not exist for them (the list is empty).
  ...Object.fromEntries(
    ['', '/html', '/pdf', '/docx'].map((suffix) => [`GET /api/organisations/:organisationId/notes-verbales/:noteId${suffix}`, { chair: 404, observer: 404, observerCirculated: 404 }]),
  ),
};

interface Sample {
  readonly method: string;
  readonly url: string;
  readonly payload?: unknown;
  /** Use this session instead of the subject's (for requests that end it). */
  readonly session?: Session | null;
}

describe.each(DATABASE_KINDS)('authorization matrix on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let outsider: Session;
  let doc: string;
  let circulated: string;
  let provisionId: string;
  let port: number;
  let counter = 0;
  let areaId: string;
  let measureId: string;
  const provisionOfMeasure = (): string => measureId;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    const now = new Date('2021-06-01T00:00:00Z');
    await createOrganisation(test.database.db, { id: 'other-org', slug: 'other', name: 'Other', seat: 'Vienna', seatTimeZone: 'Europe/Vienna', workingLanguages: ['en'], notesLanguage: 'en', members: ['AUT'], aliases: {} }, now);
    await createUser(test.database.db, { id: 'user-outsider', username: 'outsider', displayName: 'Outsider', organisationId: 'other-org', role: 'secretariat', password: PASSWORD }, now);
    outsider = await login(t.app, 'outsider');
    doc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json().document.id;
    circulated = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT, circulatedToObservers: true })).json().document.id;
    provisionId = ((await t.request('secretariat', 'GET', `/api/documents/${doc}/provisions`)).json() as { id: string; kind: string }[]).find((p) => p.kind === 'paragraph')!.id;
    // The catalogue is read from the seed draft, circulated to observers; its register stays empty
    // until the seed route's sample (the first catalogue write in route order) seeds it.
    const seed = readFileSync(join(packageRoot(), 'fixtures', 'cica-draft-2021-05-28.txt'), 'utf8');
    const catalogueDoc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: seed, circulatedToObservers: true })).json().document.id;
    await t.request('secretariat', 'PATCH', `/api/organisations/${ORG}/settings`, { catalogueDocumentId: catalogueDoc });
    const catalogue = (await t.request('secretariat', 'GET', `/api/organisations/${ORG}/catalogue`)).json();
    areaId = catalogue.dimensions[1].areas[1].id;
    measureId = catalogue.dimensions[2].areas[0].measures[0].id;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  function who(subject: Subject): UserKey | null {
    switch (subject) {
      case 'anonymous':
      case 'outsider':
        return null;
      case 'delegate':
      case 'delegateOther':
        return 'ind';
      case 'head':
      case 'headOther':
        return 'isr';
      case 'observerCirculated':
        return 'observer';
      default:
        return subject;
    }
  }

  /** The delegation the subject acts for (own) or against (other). */
  function target(subject: Subject): string {
    if (subject === 'delegateOther') return 'ISR';
    if (subject === 'headOther') return 'IND';
    if (subject === 'head') return 'ISR';
    return 'IND';
  }

  async function freshProposal(documentId: string, delegation: string): Promise<string> {
    const response = await t.request('secretariat', 'POST', `/api/documents/${documentId}/proposals`, {
      kind: 'remark',
      delegation,
      text: `remark ${(counter += 1)}`,
      about: await provisionOf(documentId),
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().id as string;
  }

  async function provisionOf(documentId: string): Promise<string> {
    if (documentId === doc) return provisionId;
    return ((await t.request('secretariat', 'GET', `/api/documents/${documentId}/provisions`)).json() as { id: string; kind: string }[]).find((p) => p.kind === 'paragraph')!.id;
  }

  /** A running meeting on the document, with the floor given to `floor` when named (done by the chair). */
  async function runningMeeting(documentId: string, floor?: string): Promise<void> {
    const started = await t.request('chair', 'POST', `/api/documents/${documentId}/meeting/start`, null);
    if (started.statusCode !== 200) throw new Error(started.body);
    if (floor === undefined) return;
    const given = await t.request('chair', 'PUT', `/api/documents/${documentId}/meeting/floor`, { delegation: floor });
    if (given.statusCode !== 200) throw new Error(given.body);
  }

  /** A draft of the subject's target delegation, shared with the subject's own delegation when the subject is the "other" one. */
  async function freshDraft(documentId: string, subject: Subject): Promise<string> {
    const owner = target(subject);
    const sharedWith = subject === 'delegateOther' ? ['IND'] : subject === 'headOther' ? ['ISR'] : [];
    const response = await t.request(owner === 'ISR' ? 'isr' : 'ind', 'POST', `/api/documents/${documentId}/drafts`, {
      proposal: { kind: 'remark', text: `draft ${(counter += 1)}`, about: await provisionOf(documentId) },
      sharedWith,
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().id as string;
  }

  /** Brings `state`'s candidacy in the sample area to `stage` (by the secretariat; a step that does not apply is skipped). */
  async function candidacy(state: string, stage: 'none' | 'volunteered' | 'recommended'): Promise<void> {
    const url = (action: string) => `/api/organisations/${ORG}/coordination/areas/${encodeURIComponent(areaId)}/${action}`;
    const step = { state, date: '2021-06-01' };
    await t.request('secretariat', 'POST', url('withdraw'), step);
    if (stage === 'none') return;
    await t.request('secretariat', 'POST', url('volunteer'), { ...step, role: 'co-coordinator' });
    if (stage === 'recommended') await t.request('secretariat', 'POST', url('recommend'), step);
  }

  /** Whether `state` has the sample measure chosen (by the secretariat). */
  async function selection(state: string, measureId: string, chosen: boolean): Promise<void> {
    const url = `/api/organisations/${ORG}/selections/${measureId}`;
    if (chosen) await t.request('secretariat', 'PUT', url, { mode: 'multilateral', state });
    else await t.request('secretariat', 'POST', `${url}/withdraw`, { state });
  }

  async function freshUser(delegation: string): Promise<string> {
    const response = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/users`, { username: `u${(counter += 1)}`, displayName: 'x', role: 'delegate', delegation });
    return response.json().user.id as string;
  }

  /** The exchange user of the subject's own state (IND or ISR), and of the other one; the secretariat's partner is IND. */
  function exchangeUsers(subject: Subject): { own: UserKey; other: UserKey; otherState: string } {
    const own: UserKey = who(subject) === 'isr' ? 'isr' : 'ind';
    return own === 'isr' ? { own, other: 'ind', otherState: 'IND' } : { own, other: 'isr', otherState: 'ISR' };
  }

  const NV = `/api/organisations/${ORG}/notes-verbales`;
  let registryConfigured = false;
  /** A new note of the registry (configured on first use): a draft, issued, or circulated to every member state. */
  async function freshNote(stage: 'draft' | 'issued' | 'circulated'): Promise<string> {
    if (!registryConfigured) {
      const configured = await t.request('secretariat', 'PUT', `${NV}/registry`, DEMO_NOTE_REGISTRY);
      if (configured.statusCode !== 200) throw new Error(configured.body);
      registryConfigured = true;
    }
    const response = await t.request('secretariat', 'POST', NV, { ...DEMO_NOTE_CONTENT, issue: stage !== 'draft', circulate: stage === 'circulated' });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().id as string;
  }

  async function noteSample(key: string, method: string, url: string): Promise<Sample | null> {
    if (!url.startsWith('/api/organisations/:organisationId/notes-verbales')) return null;
    const fill = (values: Record<string, string>) => url.replace(/:(\w+)/gu, (_, name: string) => values[name] ?? `:${name}`);
    switch (key) {
      case 'PUT /api/organisations/:organisationId/notes-verbales/registry':
        // No counter named: the numbering goes on where it is.
        return { method, url: fill({ organisationId: ORG }), payload: { ...DEMO_NOTE_REGISTRY, last: {} } };
      case 'POST /api/organisations/:organisationId/notes-verbales':
        await freshNote('draft');
        return { method, url: fill({ organisationId: ORG }), payload: DEMO_NOTE_CONTENT };
      case 'PUT /api/organisations/:organisationId/notes-verbales/:noteId':
        return { method, url: fill({ organisationId: ORG, noteId: await freshNote('draft') }), payload: { ...DEMO_NOTE_CONTENT, subject: { ...DEMO_NOTE_CONTENT.subject, en: 'Draft Catalogue (revised)' } } };
      case 'POST /api/organisations/:organisationId/notes-verbales/:noteId/issue':
        return { method, url: fill({ organisationId: ORG, noteId: await freshNote('draft') }), payload: null };
      case 'POST /api/organisations/:organisationId/notes-verbales/:noteId/circulate':
        return { method, url: fill({ organisationId: ORG, noteId: await freshNote('issued') }), payload: null };
      default:
        return { method, url: fill({ organisationId: ORG, noteId: await freshNote('circulated') }) };
    }
  }

  const EX = `/api/organisations/${ORG}/exchange`;
  async function exchangePost(user: UserKey, path: string, payload: unknown): Promise<string> {
    const response = await t.request(user, 'POST', `${EX}${path}`, payload);
    if (response.statusCode !== 201) throw new Error(`${path}: ${response.body}`);
    return response.json().id as string;
  }
  /** A disaster notification from `from` to `to`, which the secretariat may also see and pass on. */
  function disaster(to: string): unknown {
    return {
      category: 'disaster', to: [to], subject: `Flood ${(counter += 1)}`, legalBasis: '2.4.3', language: 'en', urgent: true, kind: 'report',
      dissemination: { kind: 'secretariat', disseminateTo: 'any' },
      body: { hazard: 'natural', event: 'Flood', occurredAt: '2021-06-01T00:00:00.000Z', location: 'Valley', mayAffect: [to], description: 'Rising water', assistanceRequested: false },
    };
  }
  function contacts(to: string): unknown {
    return {
      category: 'points-of-contact', to: [to], subject: `Contacts ${(counter += 1)}`, legalBasis: '2.4.4', language: 'en', kind: 'report', period: '2021',
      dissemination: { kind: 'secretariat', disseminateTo: 'any' },
      body: { authorities: [{ field: '2.4.4', name: 'Emergencies ministry', email: 'duty@example.org', phone: null, address: null, availability: 'round-the-clock' }] },
    };
  }
  let published: string | undefined;
  async function publishedSubmission(): Promise<string> {
    if (published === undefined) {
      published = await exchangePost('ind', '/submissions', disaster('ISR'));
      await exchangePost('ind', `/submissions/${published}/grants`, { widening: { kind: 'publication' } });
    }
    return published;
  }

  async function exchangeSample(key: string, method: string, url: string, subject: Subject): Promise<Sample | null> {
    const fill = (values: Record<string, string>) => url.replace(/:(\w+)/gu, (_, name: string) => (name === 'organisationId' ? ORG : values[name] ?? `:${name}`));
    const { own, other, otherState } = exchangeUsers(subject);
    const ownState = own === 'isr' ? 'ISR' : 'IND';
    switch (key) {
      case 'POST /api/organisations/:organisationId/exchange/submissions':
        return { method, url: fill({}), payload: disaster('KAZ') };
      case 'GET /api/organisations/:organisationId/exchange/submissions/:submissionId':
      case 'GET /api/organisations/:organisationId/exchange/submissions/:submissionId/why':
      case 'GET /api/organisations/:organisationId/exchange/submissions/:submissionId/reads':
      case 'GET /api/organisations/:organisationId/exchange/submissions/:submissionId/consent':
        return { method, url: fill({ submissionId: await publishedSubmission() }) };
      case 'POST /api/organisations/:organisationId/exchange/submissions/:submissionId/consent-requests':
        // Sent by the other state to the subject's: the subject (or the secretariat) asks to pass it on.
        return { method, url: fill({ submissionId: await exchangePost(other, '/submissions', disaster(ownState)) }), payload: { widening: { kind: 'states', states: ['KAZ'] } } };
      case 'POST /api/organisations/:organisationId/exchange/submissions/:submissionId/grants':
        return { method, url: fill({ submissionId: await exchangePost(own, '/submissions', disaster(otherState)) }), payload: { widening: { kind: 'states', states: ['KAZ'] } } };
      case 'POST /api/organisations/:organisationId/exchange/consent-requests/:requestId/refusal': {
        const submissionId = await exchangePost(own, '/submissions', disaster(otherState));
        return { method, url: fill({ requestId: await exchangePost(other, `/submissions/${submissionId}/consent-requests`, { widening: { kind: 'publication' } }) }), payload: { reason: 'not now' } };
      }
      case 'POST /api/organisations/:organisationId/exchange/submissions/:submissionId/grants/:grantId/revocation':
        return { method, url: fill({ submissionId: await exchangePost(own, '/submissions', disaster(otherState)), grantId: 'envelope' }), payload: {} };
      case 'POST /api/organisations/:organisationId/exchange/submissions/:submissionId/disseminations':
        return { method, url: fill({ submissionId: await exchangePost(other, '/submissions', disaster(ownState)) }), payload: { to: ['KAZ'] } };
      case 'POST /api/organisations/:organisationId/exchange/contingent-permissions':
        return { method, url: fill({}), payload: { hostState: 'KAZ', releaseTo: 'any' } };
      case 'POST /api/organisations/:organisationId/exchange/contingent-permissions/:permissionId/withdraw':
        // The subject's own state gave it (the secretariat's sample: IND's); the domain's 404/422 for others are exchange-permissions.test.ts's.
        return { method, url: fill({ permissionId: await exchangePost(own, '/contingent-permissions', { hostState: 'KAZ', releaseTo: 'any' }) }), payload: { reason: 'mission ended' } };
      case 'POST /api/organisations/:organisationId/exchange/submissions/:submissionId/contact-checks':
        return { method, url: fill({ submissionId: await exchangePost(other, '/submissions', contacts(ownState)) }), payload: null };
      case 'POST /api/organisations/:organisationId/exchange/contact-checks/:checkId/confirmation': {
        const submissionId = await exchangePost(own, '/submissions', contacts(otherState));
        return { method, url: fill({ checkId: await exchangePost(other, `/submissions/${submissionId}/contact-checks`, null) }), payload: null };
      }
      default:
        return null;
    }
  }

  const MEETINGS = `/api/organisations/${ORG}/meetings`;
  const meetingBody = { body: 'swg', title: 'SWG', format: { kind: 'venue', venue: 'Astana' }, localStart: '2021-06-02T14:00', durationMinutes: 60 };
  /** A fresh meeting (by the secretariat) with one draft item, adopted when asked. */
  async function freshMeeting(adopted = false): Promise<{ id: string; itemId: string }> {
    const created = await t.request('secretariat', 'POST', MEETINGS, meetingBody);
    if (created.statusCode !== 201) throw new Error(created.body);
    const id = created.json().id as string;
    const withItem = await t.request('secretariat', 'POST', `${MEETINGS}/${id}/agenda/items`, { kind: 'adoption-of-agenda', title: { en: 'Adoption of the agenda' } });
    const itemId = withItem.json().agenda.items[0].id as string;
    if (adopted) await t.request('secretariat', 'POST', `${MEETINGS}/${id}/agenda/adoption`, null);
    return { id, itemId };
  }

  async function calendarSample(key: string, method: string, url: string, subject: Subject): Promise<Sample | null> {
    if (!url.startsWith('/api/organisations/:organisationId/meetings')) return null;
    const fill = (values: Record<string, string>) => url.replace(/:(\w+)/gu, (_, name: string) => (name === 'organisationId' ? ORG : values[name] ?? `:${name}`));
    switch (key) {
      case 'POST /api/organisations/:organisationId/meetings':
        return { method, url: fill({}), payload: meetingBody };
      case 'PUT /api/organisations/:organisationId/meetings/:meetingId':
        return { method, url: fill({ meetingId: (await freshMeeting()).id }), payload: { ...meetingBody, localStart: '2021-06-03T14:00' } };
      case 'POST /api/organisations/:organisationId/meetings/:meetingId/cancellation':
        return { method, url: fill({ meetingId: (await freshMeeting()).id }), payload: { reason: 'Postponed' } };
      case 'PUT /api/organisations/:organisationId/meetings/:meetingId/chair':
        return { method, url: fill({ meetingId: (await freshMeeting()).id }), payload: { chair: { name: 'K. Chair' } } };
      case 'PUT /api/organisations/:organisationId/meetings/:meetingId/participants/:delegation':
        return { method, url: fill({ meetingId: (await freshMeeting()).id, delegation: target(subject) }), payload: { names: ['A. Delegate'] } };
      case 'POST /api/organisations/:organisationId/meetings/:meetingId/agenda/items':
        return { method, url: fill({ meetingId: (await freshMeeting()).id }), payload: { kind: 'any-other-business', title: { en: 'Any other business' } } };
      case 'PUT /api/organisations/:organisationId/meetings/:meetingId/agenda/items/:itemId':
      case 'DELETE /api/organisations/:organisationId/meetings/:meetingId/agenda/items/:itemId': {
        const { id, itemId } = await freshMeeting();
        return { method, url: fill({ meetingId: id, itemId }), ...(method === 'PUT' ? { payload: { kind: 'adoption-of-agenda', title: { en: 'Adoption of the agenda', ru: 'Утверждение Повестки дня' } } } : {}) };
      }
      case 'PUT /api/organisations/:organisationId/meetings/:meetingId/agenda/order': {
        const { id, itemId } = await freshMeeting();
        return { method, url: fill({ meetingId: id }), payload: { order: [itemId] } };
      }
      case 'POST /api/organisations/:organisationId/meetings/:meetingId/agenda/adoption':
        return { method, url: fill({ meetingId: (await freshMeeting()).id }), payload: null };
      case 'POST /api/organisations/:organisationId/meetings/:meetingId/attendance':
        return { method, url: fill({ meetingId: (await freshMeeting()).id }), payload: { delegation: 'KAZ', present: true } };
      case 'POST /api/organisations/:organisationId/meetings/:meetingId/decisions': {
        const { id, itemId } = await freshMeeting(true);
        return { method, url: fill({ meetingId: id }), payload: { itemId, text: 'Adopted.' } };
      }
      default:
        return method === 'GET' ? { method, url: fill({ meetingId: (await freshMeeting()).id }) } : null;
    }
  }

  /** A fresh modality B process, taken to `stage` by the secretariat and the chair. */
  async function freshProcess(stage: 'open' | 'views-exchanged'): Promise<string> {
    const started = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/modalities`, { modality: 'B', topic: `Topic ${(counter += 1)}` });
    if (started.statusCode !== 201) throw new Error(started.body);
    const processId = started.json().id as string;
    if (stage === 'views-exchanged') await t.request('secretariat', 'POST', `/api/organisations/${ORG}/modalities/${processId}/steps`, { type: 'views.exchanged', state: 'KAZ' });
    return processId;
  }

  async function modalitySample(key: string, method: string, url: string, subject: Subject): Promise<Sample | null> {
    const fill = (values: Record<string, string>) => url.replace(/:(\w+)/gu, (_, name: string) => (name === 'organisationId' ? ORG : values[name] ?? `:${name}`));
    switch (key) {
      case 'GET /api/organisations/:organisationId/modalities/:processId':
        return { method, url: fill({ processId: await freshProcess('open') }) };
      case 'POST /api/organisations/:organisationId/modalities':
        return { method, url: fill({}), payload: { modality: 'B', topic: 'Energy security' } };
      case 'POST /api/organisations/:organisationId/modalities/:processId/deadline':
        return { method, url: fill({ processId: await freshProcess('open') }), payload: { stage: 'open', dueBy: '2031-01-01T00:00:00.000Z' } };
      case 'POST /api/organisations/:organisationId/modalities/:processId/steps':
        // The chair compiles the views as the Chairman; a state (or the secretariat for one) shares its views.
        if (subject === 'chair') return { method, url: fill({ processId: await freshProcess('views-exchanged') }), payload: { type: 'database.compiled' } };
        return { method, url: fill({ processId: await freshProcess('open') }), payload: { type: 'views.exchanged', state: target(subject) } };
      case 'POST /api/organisations/:organisationId/notifications/read':
        return { method, url: fill({}), payload: {} };
      case 'PUT /api/organisations/:organisationId/notifications/preferences':
        return { method, url: fill({}), payload: { language: 'ru', email: null, channels: Object.fromEntries(['note-verbale', 'meeting-invitation', 'followed-proposal', 'deadline-approaching', 'silence-opened', 'silence-broken'].map((k) => [k, { inApp: true, email: false }])) } };
      case 'PUT /api/organisations/:organisationId/notifications/smtp':
        return { method, url: fill({}), payload: { enabled: false, host: '127.0.0.1', port: 2525, secure: false, fromAddress: 'secretariat@example.org' } };
      default:
        return null;
    }
  }

  /** The files the import routes' samples send, made once. */
  const files = (async () => ({
    bracketed: Buffer.from(await bracketedFile()).toString('base64'),
    tracked: Buffer.from(await trackedFile({})).toString('base64'),
    akn: writeAkn(importDraft(SMALL_DRAFT).state, { organisation: { id: ORG, name: 'Test' }, date: '2021-06-02', registry: createDelegationRegistry() }),
  }))();

  /** A request that exercises the route for `subject`; resources it consumes are made fresh. */
  async function sample(method: string, url: string, subject: Subject): Promise<Sample> {
    const d = subject === 'observerCirculated' ? circulated : doc;
    const own = target(subject);
    const fill = (u: string, values: Record<string, string>) => u.replace(/:(\w+)/gu, (_, name: string) => values[name] ?? `:${name}`);
    const base = { organisationId: ORG, documentId: d };
    const key = `${method} ${url}`;
    const exchange = (await exchangeSample(key, method, url, subject)) ?? (await calendarSample(key, method, url, subject)) ?? (await modalitySample(key, method, url, subject));
    if (exchange !== null) return exchange;
    const note = await noteSample(key, method, url);
    if (note !== null) return note;
    switch (key) {
      case 'GET /api/health':
      case 'GET /api/openapi.json':
      case 'GET /api/errors':
      case 'GET /api/auth/me':
      case 'GET /api/organisations':
        return { method, url };
      case 'POST /api/auth/login':
        return { method, url, payload: { username: 'chair', password: PASSWORD } };
      case 'POST /api/auth/logout': {
        const user = who(subject);
        return { method, url, session: user === null ? (subject === 'outsider' ? await login(t.app, 'outsider') : null) : await login(t.app, user === 'isr' ? 'isr2' : USERS[user].username) };
      }
      case 'POST /api/auth/second-factor/enrol':
      case 'POST /api/auth/second-factor':
        // Exercised with real codes in second-factor.test.ts; here only who may reach it.
        return { method: 'GET', url: '/api/auth/me' };
      case 'PATCH /api/organisations/:organisationId/settings':
        return { method, url: fill(url, base), payload: { secondFactorRequiredFor: [] } };
      case 'POST /api/organisations/:organisationId/users':
        return { method, url: fill(url, base), payload: { username: `n${(counter += 1)}`, displayName: 'x', role: 'delegate', delegation: own } };
      case 'POST /api/organisations/:organisationId/users/:userId/disable':
      case 'POST /api/organisations/:organisationId/users/:userId/reset-second-factor':
        return { method, url: fill(url, { ...base, userId: await freshUser(own) }), payload: null };
      case 'POST /api/organisations/:organisationId/documents':
      case 'POST /api/organisations/:organisationId/documents/preview':
        return { method, url: fill(url, base), payload: { text: SMALL_DRAFT } };
      case 'PATCH /api/documents/:documentId':
        return { method, url: fill(url, base), payload: { circulatedToObservers: d === circulated } };
      case 'GET /api/documents/:documentId/export':
        return { method, url: `${fill(url, base)}?format=akn` };
      case 'GET /api/documents/:documentId/languages':
        await t.request('secretariat', 'PUT', `/api/documents/${d}/languages`, null);
        return { method, url: fill(url, base) };
      case 'PUT /api/documents/:documentId/languages':
        return { method, url: fill(url, base), payload: null };
      case 'PUT /api/documents/:documentId/translations/:target/:id/:language': {
        await t.request('secretariat', 'PUT', `/api/documents/${d}/languages`, null);
        const id = await provisionOf(d);
        const state = (await t.request('secretariat', 'GET', `/api/documents/${d}/state`)).json() as { provisions: { id: string; text: string }[] };
        const original = state.provisions.find((p) => p.id === id)!.text;
        return { method, url: fill(url, { ...base, target: 'provision', id, language: 'ru' }), payload: { text: 'Перевод.', original } };
      }
      case 'POST /api/organisations/:organisationId/documents/docx':
        return { method, url: fill(url, base), payload: { file: (await files).bracketed, preview: true } };
      case 'POST /api/organisations/:organisationId/documents/tracked-changes':
        return { method, url: fill(url, base), payload: { files: [{ name: 'a.docx', file: (await files).tracked }], preview: true } };
      case 'POST /api/organisations/:organisationId/documents/akn':
        return { method, url: fill(url, base), payload: { xml: (await files).akn } };
      case 'PUT /api/documents/:documentId/provisions/:provisionId/follow':
      case 'DELETE /api/documents/:documentId/provisions/:provisionId/follow':
      case 'GET /api/documents/:documentId/provisions/:provisionId':
        return { method, url: fill(url, { ...base, provisionId: await provisionOf(d) }) };
      case 'GET /api/documents/:documentId/views/:view':
        return { method, url: fill(url, { ...base, view: 'compiled' }) };
      case 'GET /api/documents/:documentId/compare':
        return { method, url: `${fill(url, base)}?from=0` };
      case 'POST /api/documents/:documentId/proposals':
        return { method, url: fill(url, base), payload: { kind: 'remark', text: 'r', about: await provisionOf(d), ...(subject === 'secretariat' || subject === 'delegateOther' || subject === 'headOther' ? { delegation: own } : {}) } };
      case 'POST /api/documents/:documentId/proposals/:proposalId/withdraw':
        return { method, url: fill(url, { ...base, proposalId: await freshProposal(d, own) }), payload: null };
      case 'PUT /api/documents/:documentId/proposals/:proposalId/positions/:delegation':
        return { method, url: fill(url, { ...base, proposalId: await freshProposal(d, 'CHN'), delegation: own }), payload: { stance: 'supports' } };
      case 'DELETE /api/documents/:documentId/proposals/:proposalId/positions/:delegation': {
        const proposalId = await freshProposal(d, 'CHN');
        await t.request('secretariat', 'PUT', `/api/documents/${d}/proposals/${proposalId}/positions/${own}`, { stance: 'objects' });
        return { method, url: fill(url, { ...base, proposalId, delegation: own }) };
      }
      case 'POST /api/documents/:documentId/chair/proposals':
        return { method, url: fill(url, base), payload: { kind: 'remark', text: 'chair remark', about: await provisionOf(d) } };
      case 'POST /api/documents/:documentId/proposals/:proposalId/consensus':
        return { method, url: fill(url, { ...base, proposalId: await freshProposal(d, 'CHN') }), payload: { outcome: 'drop' } };
      case 'POST /api/documents/:documentId/provisions/:provisionId/agreement':
        return { method, url: fill(url, { ...base, provisionId: await provisionOf(d) }), payload: { status: 'agreed-ad-ref' } };
      case 'POST /api/documents/:documentId/revisions':
        return { method, url: fill(url, base), payload: null };
      case 'POST /api/documents/:documentId/statements':
        return { method, url: fill(url, base), payload: { kind: 'interpretative', text: 's', anchor: { provisionId: await provisionOf(d) }, ...(subject === 'secretariat' || subject === 'delegateOther' || subject === 'headOther' ? { by: own } : {}) } };
      case 'POST /api/documents/:documentId/meeting/start':
      case 'POST /api/documents/:documentId/meeting/end':
        return { method, url: fill(url, base), payload: null };
      case 'PUT /api/documents/:documentId/meeting/focus':
        await runningMeeting(d);
        return { method, url: fill(url, base), payload: { provisionId: await provisionOf(d) } };
      case 'PUT /api/documents/:documentId/meeting/floor':
        await runningMeeting(d);
        return { method, url: fill(url, base), payload: { delegation: own } };
      case 'POST /api/documents/:documentId/meeting/proposals':
        await runningMeeting(d, own);
        return { method, url: fill(url, base), payload: { kind: 'remark', text: 'oral remark', about: await provisionOf(d), delegation: own } };
      case 'GET /api/documents/:documentId/drafts':
        return { method, url: fill(url, base) };
      case 'POST /api/documents/:documentId/drafts':
        return { method, url: fill(url, base), payload: { proposal: { kind: 'remark', text: 'draft', about: await provisionOf(d) } } };
      case 'GET /api/documents/:documentId/drafts/:draftId':
        return { method, url: fill(url, { ...base, draftId: await freshDraft(d, subject) }) };
      case 'PATCH /api/documents/:documentId/drafts/:draftId':
        return { method, url: fill(url, { ...base, draftId: await freshDraft(d, subject) }), payload: { note: 'a note' } };
      case 'PUT /api/documents/:documentId/drafts/:draftId/shares/:delegation':
      case 'DELETE /api/documents/:documentId/drafts/:draftId/shares/:delegation':
        return { method, url: fill(url, { ...base, draftId: await freshDraft(d, subject), delegation: 'CHN' }) };
      case 'POST /api/documents/:documentId/drafts/:draftId/table':
      case 'POST /api/documents/:documentId/drafts/:draftId/discard':
        return { method, url: fill(url, { ...base, draftId: await freshDraft(d, subject) }), payload: null };
      case 'GET /api/organisations/:organisationId/catalogue/search':
        return { method, url: `${fill(url, base)}?q=tourism` };
      case 'POST /api/organisations/:organisationId/coordination/seed':
        return { method, url: fill(url, base), payload: { date: '2021-05-28' } };
      case 'POST /api/organisations/:organisationId/coordination/areas/:areaId/volunteer':
        await candidacy(own, 'none');
        return { method, url: fill(url, { ...base, areaId }), payload: { role: 'co-coordinator', date: '2021-06-01', state: own } };
      case 'POST /api/organisations/:organisationId/coordination/areas/:areaId/withdraw':
        await candidacy(own, 'volunteered');
        return { method, url: fill(url, { ...base, areaId }), payload: { date: '2021-06-01', state: own } };
      case 'POST /api/organisations/:organisationId/coordination/areas/:areaId/recommend':
        await candidacy(own, 'volunteered');
        return { method, url: fill(url, { ...base, areaId }), payload: { date: '2021-06-01', state: own } };
      case 'POST /api/organisations/:organisationId/coordination/areas/:areaId/approve':
      case 'POST /api/organisations/:organisationId/coordination/areas/:areaId/reject':
        await candidacy(own, 'recommended');
        return { method, url: fill(url, { ...base, areaId }), payload: { date: '2021-06-01', state: own } };
      case 'PUT /api/organisations/:organisationId/selections/:measureId':
        await selection(own, provisionOfMeasure(), false);
        return { method, url: fill(url, { ...base, measureId: provisionOfMeasure() }), payload: { mode: 'multilateral', state: own } };
      case 'POST /api/organisations/:organisationId/selections/:measureId/withdraw':
        await selection(own, provisionOfMeasure(), true);
        return { method, url: fill(url, { ...base, measureId: provisionOfMeasure() }), payload: { state: own } };
      case 'POST /api/organisations/:organisationId/selections/:measureId/reports':
        await selection(own, provisionOfMeasure(), true);
        return { method, url: fill(url, { ...base, measureId: provisionOfMeasure() }), payload: { period: '2021', status: 'planned', text: `report ${(counter += 1)}`, state: own } };
      default:
        if (method === 'GET' && url.startsWith('/api/organisations/:organisationId')) return { method, url: fill(url, base) };
        if (method === 'GET' && url.startsWith('/api/documents/:documentId')) return { method, url: fill(url, base) };
        throw new Error(`No sample request for ${key}: add one to the authorization matrix.`);
    }
  }

  async function send(s: Sample, subject: Subject): Promise<number> {
    const user = who(subject);
    const session = s.session !== undefined ? s.session : subject === 'outsider' ? outsider : user === null ? null : t.sessions[user];
    const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
    if (s.url.endsWith('/live')) {
      // A stream never ends, so it is opened over a real socket and closed after the status line.
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}${s.url}`, { headers, signal: controller.signal });
      controller.abort();
      return response.status;
    }
    const response = await t.app.inject({ method: s.method as 'GET', url: s.url, headers, ...(s.payload === undefined ? {} : { payload: s.payload as object }) });
    return response.statusCode;
  }

  it('has an access rule and a sample for every route, and every rule gives the expected outcome', async () => {
    const failures: string[] = [];
    const routes = t.app.routeTable;
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      expect(route.access, `${route.method} ${route.url} has no access rule`).toBeDefined();
      const rule = EXPECTED[route.access!];
      for (const subject of SUBJECTS) {
        const key = `${route.method} ${route.url}`;
        const expected: Outcome = OVERRIDES[key]?.[subject] ?? rule[subject] ?? rule.default;
        const status = await send(await sample(route.method, route.url, subject), subject);
        const ok = expected === 'allow' ? status >= 200 && status < 300 : status === expected;
        if (!ok) failures.push(`${key} as ${subject}: expected ${expected}, got ${status}`);
      }
    }
    expect(failures).toEqual([]);
    // Every route × every subject, with PDF printed by Chromium: minutes on a loaded two-core machine.
    // Every route × ten callers, one request each (and fresh resources for many): well over the default 30 s on two cores.
  }, 180_000);
});
