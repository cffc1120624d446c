/**
 * The demo organisation a first start creates on an empty database: CICA with its 27 member
 * states of 2021, the seed draft imported as a document and chosen as the catalogue document,
 * its list of coordinators recorded in the catalogue register, the SWG meeting the seed's note
 * verbale convenes (2 June 2021, 14:00 Nur-Sultan time) with its draft agenda, that note verbale,
 * No. 17-1/298, issued and circulated in the notes verbales registry, and demo accounts whose
 * generated passwords are returned (and printed by main.ts) once.
 */
import { eq, sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CICA_ALIASES, CICA_MEMBER_STATES_2021, seedSwgAgenda, seedSwgMeeting, type Actor, type CalendarEvent } from '../../core/index.ts';
import type { Context } from '../context.ts';
import { packageRoot } from '../db/package-root.ts';
import { organisations } from '../db/schema.ts';
import type { MembershipRole } from '../db/schema.ts';
import { calendarScopeOf, recordCalendarEvents } from '../services/calendar.ts';
import { seedCatalogueCoordinators } from '../services/catalogue.ts';
import { importDocument } from '../services/documents.ts';
import { createOrganisation } from '../services/organisations.ts';
import { createUser } from '../services/users.ts';
import { issueDemoNote } from './demo-note.ts';

export const DEMO_ORGANISATION_ID = 'cica';
export const DEMO_DOCUMENT_ID = 'cica-catalogue-2021-05-28';
export const DEMO_DOCUMENT_TITLE = 'Draft updated CICA Catalogue of CBMs (28 May 2021)';
/**
 * The list of coordinators carries no date of its own: it speaks for the day the note verbale
 * No. 17-1/298 circulated it, 28 May 2021, and its steps are recorded with that date.
 */
export const DEMO_LIST_DATE = '2021-05-28';
export const DEMO_LIST_NOTE = 'List of coordinating and co-coordinating countries, circulated with note verbale No. 17-1/298 of 28 May 2021';

type DemoContext = Pick<Context, 'database' | 'store' | 'catalogue' | 'calendar' | 'notesVerbales' | 'now' | 'newId'>;

/** The SWG meeting that note verbale No. 17-1/298 convenes, under a stable id (a link to it stays valid). */
export const DEMO_MEETING_ID = 'swg-2021-06-02';

/** The seed draft, kept in the repository's fixtures so that a fresh clone has it. */
export function seedText(): string {
  return readFileSync(join(packageRoot(), 'fixtures', 'cica-draft-2021-05-28.txt'), 'utf8');
}

export interface DemoAccount {
  readonly username: string;
  readonly role: MembershipRole;
  readonly delegation: string | null;
  readonly password: string;
}

const DEMO_USERS: readonly { username: string; displayName: string; role: MembershipRole; delegation: string | null }[] = [
  { username: 'secretariat', displayName: 'Secretariat officer', role: 'secretariat', delegation: null },
  { username: 'chair', displayName: 'Chair of the SWG', role: 'chair', delegation: null },
  { username: 'isr', displayName: 'Delegate of Israel', role: 'delegate', delegation: 'ISR' },
  { username: 'ind', displayName: 'Delegate of India', role: 'delegate', delegation: 'IND' },
  { username: 'chn', displayName: 'Delegate of China', role: 'delegate', delegation: 'CHN' },
  { username: 'rus', displayName: 'Delegate of Russia', role: 'delegate', delegation: 'RUS' },
  { username: 'tha', displayName: 'Delegate of Thailand', role: 'delegate', delegation: 'THA' },
  { username: 'tur', displayName: 'Delegate of Türkiye', role: 'delegate', delegation: 'TUR' },
  { username: 'kaz', displayName: 'Delegate of Kazakhstan', role: 'delegate', delegation: 'KAZ' },
];

/** Creates the demo on an empty database; returns the accounts, or null if there was data already. */
export async function createDemoIfEmpty(context: DemoContext): Promise<DemoAccount[] | null> {
  const [row] = await context.database.db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  if ((row?.n ?? 0) > 0) return null;
  return createDemo(context);
}

/** Creates the demo organisation beside whatever the database holds (browser tests use it). */
export async function createDemo(context: DemoContext): Promise<DemoAccount[]> {
  const db = context.database.db;
  const now = context.now();
  await createOrganisation(
    db,
    {
      id: DEMO_ORGANISATION_ID,
      slug: 'cica',
      name: 'Conference on Interaction and Confidence Building Measures in Asia (CICA)',
      seat: 'Astana',
      seatTimeZone: 'Asia/Almaty',
      workingLanguages: ['en', 'ru'],
      notesLanguage: 'kk',
      members: CICA_MEMBER_STATES_2021,
      aliases: CICA_ALIASES,
    },
    now,
  );
  const created = await Promise.all(
    DEMO_USERS.map(async (user) => {
      const result = await createUser(
        db,
        { id: context.newId(), username: user.username, displayName: user.displayName, organisationId: DEMO_ORGANISATION_ID, role: user.role, delegation: user.delegation, isHead: user.role === 'delegate' },
        now,
      );
      return { ...user, id: result.id, password: result.password ?? '' };
    }),
  );
  const secretariat = created[0]!;
  const actor = { user: secretariat.id, delegation: null, role: 'secretariat' } as const;
  await importDocument(context, {
    organisationId: DEMO_ORGANISATION_ID,
    documentId: DEMO_DOCUMENT_ID,
    text: seedText(),
    title: DEMO_DOCUMENT_TITLE,
    notation: 'cica',
    actor,
  });
  const [org] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, DEMO_ORGANISATION_ID));
  await db
    .update(organisations)
    .set({ settings: { ...org!.settings, catalogueDocumentId: DEMO_DOCUMENT_ID } })
    .where(eq(organisations.id, DEMO_ORGANISATION_ID));
  await seedCatalogueCoordinators(context, { organisationId: DEMO_ORGANISATION_ID, documentId: DEMO_DOCUMENT_ID, actor, date: DEMO_LIST_DATE, note: DEMO_LIST_NOTE });
  await conveneSeedMeeting(context, actor);
  // The note verbale that circulated the draft, in the registry as No. 17-1/298.
  await issueDemoNote(context, DEMO_ORGANISATION_ID, actor, now.toISOString());
  return created.map(({ username, role, delegation, password }) => ({ username, role, delegation, password }));
}

/**
 * The seed's SWG meeting of 2 June 2021, 14:00 Nur-Sultan time, with the three-item draft agenda
 * the note verbale forwards, recorded as the secretariat convening it on the note's date.
 */
async function conveneSeedMeeting(context: DemoContext, actor: Actor): Promise<void> {
  const { id: _id, participants: _participants, chair: _chair, ...particulars } = seedSwgMeeting();
  const at = `${DEMO_LIST_DATE}T06:00:00.000Z`;
  const target = await calendarScopeOf(context, DEMO_ORGANISATION_ID, []);
  const items = seedSwgAgenda(DEMO_DOCUMENT_ID, [context.newId(), context.newId(), context.newId()]);
  await recordCalendarEvents(context, target, () => [
    {
      type: 'meeting.convened',
      at,
      actor,
      data: { meetingId: DEMO_MEETING_ID, details: { ...particulars, documents: [{ id: DEMO_DOCUMENT_ID, title: DEMO_DOCUMENT_TITLE }], invited: null } },
    },
    ...items.map((item): CalendarEvent => ({ type: 'agenda.item-added', at, actor, data: { meetingId: DEMO_MEETING_ID, item, position: null } })),
  ]);
}
