/**
 * The one schema for PGlite and PostgreSQL 15+. Migrations are generated from it by
 * drizzle-kit (`npx drizzle-kit generate --config src/server/db/drizzle.config.ts`).
 *
 * The `events` table is the source of truth; `documents`, `provisions`, `proposals`,
 * `positions`, `statements`, `option_sets` and `revisions` are read tables written in the
 * same transaction as the events that change them. Each read row keeps the engine's record
 * in `record` (what `snapshot()` gives) beside the columns used for queries.
 *
 * `drafts` is not part of the log: a delegation's private drafts, seen only by its own
 * delegates and those of the delegations it shares them with, until tabled as a proposal.
 */
import { sql } from 'drizzle-orm';
import type { ExchangeSettings } from '../../core/index.ts';
import type { DraftProposal } from '../../protocol/schemas.ts';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface OrganisationSettings {
  /** Roles whose members must pass a TOTP second factor to sign in. */
  readonly secondFactorRequiredFor: readonly MembershipRole[];
  /** Draft codes of this organisation's drafts → delegation code (Turk → TUR). */
  readonly aliases: Readonly<Record<string, string>>;
  /** The document the catalogue of measures is read from (absent: none chosen yet). */
  readonly catalogueDocumentId?: string | null;
  /** The information exchange's deadlines, retention and lead times; absent: DEFAULT_EXCHANGE_SETTINGS. */
  readonly exchange?: ExchangeSettings;
  /** How registry numbers are written: {org} (the slug in capitals), {year}, {number} (4 digits, per year). Default '{org}/EX/{year}/{number}'. */
  readonly registryFormat?: string;
  /** Authors of tracked changes in Word files → delegation code, remembered from the last import that named them. */
  readonly trackedAuthors?: Readonly<Record<string, string>>;
}

export type MembershipRole = 'secretariat' | 'chair' | 'delegate' | 'observer';
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['secretariat', 'chair', 'delegate', 'observer'];

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  seat: text('seat').notNull(),
  seatTimeZone: text('seat_time_zone').notNull(),
  workingLanguages: jsonb('working_languages').$type<string[]>().notNull(),
  notesLanguage: text('notes_language').notNull(),
  settings: jsonb('settings').$type<OrganisationSettings>().notNull(),
  createdAt: at('created_at').notNull(),
});

export const delegations = pgTable(
  'delegations',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    nameEn: text('name_en').notNull(),
    nameRu: text('name_ru').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  totpSecret: text('totp_secret'),
  totpConfirmed: boolean('totp_confirmed').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: at('locked_until'),
  createdAt: at('created_at').notNull(),
});

export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<MembershipRole>().notNull(),
    /** The delegation a delegate speaks for; null for the other roles. */
    delegation: text('delegation'),
    /** Head of delegation: administers the accounts of their own delegation. */
    isHead: boolean('is_head').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId, t.role] }),
    check('memberships_role_known', sql`${t.role} in ('secretariat', 'chair', 'delegate', 'observer')`),
    check('memberships_delegate_has_delegation', sql`(${t.role} = 'delegate') = (${t.delegation} is not null)`),
    check('memberships_head_is_delegate', sql`not ${t.isHead} or ${t.role} = 'delegate'`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a stolen table does not give working cookies. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    secondFactorPassed: boolean('second_factor_passed').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const audit = pgTable(
  'audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    action: text('action').notNull(),
    userId: text('user_id'),
    username: text('username'),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_user').on(t.userId, t.at)],
);

/** The head of each organisation's event stream: what the next append chains onto. */
export const streams = pgTable('streams', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  headSeq: bigint('head_seq', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
});

export const events = pgTable(
  'events',
  {
    organisationId: text('organisation_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    documentId: text('document_id').notNull(),
    /** The document's version once this event is applied (1 for document.created). */
    docVersion: integer('doc_version').notNull(),
    type: text('type').notNull(),
    /** The whole engine event: { type, at, actor, data }. */
    payload: jsonb('payload').notNull(),
    actorUser: text('actor_user').notNull(),
    actorRole: text('actor_role').notNull(),
    delegation: text('delegation'),
    at: at('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.seq] }),
    uniqueIndex('events_document_version').on(t.documentId, t.docVersion),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    notation: text('notation').notNull(),
    version: integer('version').notNull(),
    /** The version the document had once created (its import): "revision 0" in comparisons. */
    initialVersion: integer('initial_version').notNull(),
    /** Provision ids in document order. */
    provisionOrder: jsonb('provision_order').$type<string[]>().notNull(),
    circulatedToObservers: boolean('circulated_to_observers').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('documents_organisation').on(t.organisationId)],
);

const documentRef = () =>
  text('document_id')
    .notNull()
    .references(() => documents.id);

export const provisions = pgTable(
  'provisions',
  {
    documentId: documentRef(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    label: text('label'),
    status: text('status').notNull(),
    record: jsonb('record').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.id] })],
);

export const proposals = pgTable(
  'proposals',
  {
    documentId: documentRef(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    proponent: text('proponent'),
    status: text('status').notNull(),
    provisionId: text('provision_id'),
    record: jsonb('record').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.id] }), index('proposals_provision').on(t.documentId, t.provisionId)],
);

export const positions = pgTable(
  'positions',
  {
    documentId: documentRef(),
    proposalId: text('proposal_id').notNull(),
    delegation: text('delegation').notNull(),
    stance: text('stance').notNull(),
    record: jsonb('record').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.proposalId, t.delegation] })],
);

export const statements = pgTable(
  'statements',
  {
    documentId: documentRef(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    by: text('by'),
    record: jsonb('record').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.id] })],
);

export const optionSets = pgTable(
  'option_sets',
  {
    documentId: documentRef(),
    id: text('id').notNull(),
    status: text('status').notNull(),
    record: jsonb('record').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.id] })],
);

export const revisions = pgTable(
  'revisions',
  {
    documentId: documentRef(),
    number: integer('number').notNull(),
    label: text('label').notNull(),
    version: integer('version').notNull(),
    record: jsonb('record').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.number] })],
);

/**
 * The meeting running on a document, if any: which provision is under discussion and who has
 * the floor. Not part of the negotiated record (no event): it is where the room is now, kept
 * here so that a restart or another server process knows it. `revision` grows with every
 * change, so a client keeps the newest of the states it receives.
 */
export const meetings = pgTable('meetings', {
  documentId: text('document_id')
    .primaryKey()
    .references(() => documents.id),
  active: boolean('active').notNull(),
  provisionId: text('provision_id'),
  /** The delegation that has the floor, or null when no one has. */
  floor: text('floor'),
  chairUserId: text('chair_user_id').references(() => users.id),
  startedAt: at('started_at'),
  updatedAt: at('updated_at').notNull(),
  revision: integer('revision').notNull(),
});
/**
 * A register: a stream of the organisation's log that is not a document — the catalogue's
 * coordinators and chosen measures, the information exchange. Its events are rows of `events`
 * (`document_id` holds the register's stream id), chained with the documents' events; this row
 * keeps the register's version, as `documents.version` does for a document.
 */
export const registers = pgTable(
  'registers',
  {
    /** The stream id its events carry in `events.document_id`: `<kind>@<organisation id>`. */
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('registers_organisation_kind').on(t.organisationId, t.kind)],
);

export type DraftStatus = 'draft' | 'tabled' | 'discarded';

/**
 * A proposal a delegation prepares in private. Never an event: the stream is read by every
 * reader of the document, and a draft must not be learnt of by anyone outside its audience.
 */
export const drafts = pgTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    documentId: documentRef(),
    /** The owning delegation: only its delegates edit, share, table or discard the draft. */
    delegation: text('delegation').notNull(),
    /** The proposal it would make, as POST /api/documents/:id/proposals takes it. */
    proposal: jsonb('proposal').$type<DraftProposal>().notNull(),
    /** The anchor container's words when the draft was saved: tabling refuses if they have changed. */
    anchoredText: text('anchored_text'),
    note: text('note').notNull().default(''),
    /** Partner delegations that may read the draft (never the owner itself). */
    sharedWith: jsonb('shared_with').$type<string[]>().notNull().default([]),
    status: text('status').$type<DraftStatus>().notNull(),
    /** The proposal made when the draft was tabled. */
    proposalId: text('proposal_id'),
    /** Counts edits, so that an edit or a tabling made on an older copy is refused. */
    revision: integer('revision').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    updatedBy: text('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('drafts_document_delegation').on(t.documentId, t.delegation),
    check('drafts_status_known', sql`${t.status} in ('draft', 'tabled', 'discarded')`),
    check('drafts_tabled_has_proposal', sql`(${t.status} = 'tabled') = (${t.proposalId} is not null)`),
  ],
);

/**
 * The bodies of exchanged submissions, outside the hash-chained log: personal data must be
 * erasable at its retention limit and the log is append-only. The `submission.sent` event
 * carries the body's SHA-256 digest; the row is written in the same transaction as the event.
 */
export const exchangeBodies = pgTable(
  'exchange_bodies',
  {
    submissionId: text('submission_id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Null once erased. */
    body: jsonb('body').$type<unknown>(),
    /** 'sha256:<hex>' of the body's canonical JSON, as the event carries it. */
    digest: text('digest').notNull(),
    retainUntil: at('retain_until'),
    erasedAt: at('erased_at'),
  },
  (t) => [
    index('exchange_bodies_retention').on(t.retainUntil),
    check('exchange_bodies_erased_has_no_body', sql`(${t.erasedAt} is null) or (${t.body} is null)`),
  ],
);

export type NotificationEmailStatus = 'none' | 'pending' | 'sending' | 'sent' | 'failed';

/**
 * What a user is told: one row per user and happening, shown in the app (when `in_app`) and
 * sent by e-mail (an outbox: `email_status` pending → sending → sent or failed; a sending row
 * whose claim is stale goes back to pending, so a crash mid-send means at most a second copy). The text is
 * not stored: it is made from `kind` and `params` in the user's language when read or sent.
 * `dedupe_key` makes a notification idempotent per user (a reminder swept twice is one row).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    /** Where in the web app it leads: /modalities/…, /documents/…#provision-… */
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    inApp: boolean('in_app').notNull(),
    emailStatus: text('email_status').$type<NotificationEmailStatus>().notNull(),
    emailTo: text('email_to'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailError: text('email_error'),
    emailedAt: at('emailed_at'),
    /** When a process claimed the e-mail (pending → sending): a claim this old was left by a process that died, and is taken back. */
    emailClaimedAt: at('email_claimed_at'),
    createdAt: at('created_at').notNull(),
    readAt: at('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe').on(t.userId, t.dedupeKey),
    index('notifications_user_created').on(t.userId, t.createdAt),
    index('notifications_email_status').on(t.emailStatus),
    check('notifications_email_status_known', sql`${t.emailStatus} in ('none', 'pending', 'sending', 'sent', 'failed')`),
    check('notifications_email_has_address', sql`${t.emailStatus} = 'none' or ${t.emailTo} is not null`),
  ],
);

export type NotificationChannels = Readonly<Record<string, { readonly inApp: boolean; readonly email: boolean }>>;

/** What a user chooses to receive in an organisation: by kind, by channel, in which language, at which address. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    language: text('language').notNull(),
    email: text('email'),
    /** Kind → channels; a kind not named takes the default (in the app, no e-mail). */
    channels: jsonb('channels').$type<NotificationChannels>().notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), check('notification_preferences_language', sql`${t.language} in ('en', 'ru', 'kk')`)],
);

/** Provisions a user follows: a proposal on one notifies them. */
export const provisionFollows = pgTable(
  'provision_follows',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    documentId: documentRef(),
    provisionId: text('provision_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.documentId, t.provisionId] }), index('provision_follows_provision').on(t.documentId, t.provisionId)],
);

/**
 * An organisation's outgoing mail server. No row, or `enabled` false: no e-mail is sent (the
 * embedded demo has none). The password is write-only through the API.
 */
export const organisationSmtp = pgTable('organisation_smtp', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  enabled: boolean('enabled').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean('secure').notNull(),
  username: text('username'),
  password: text('password'),
  fromAddress: text('from_address').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const schema = {
  organisations,
  delegations,
  users,
  memberships,
  sessions,
  audit,
  streams,
  events,
  documents,
  provisions,
  proposals,
  positions,
  statements,
  optionSets,
  revisions,
  meetings,
  drafts,
  registers,
  exchangeBodies,
  notifications,
  notificationPreferences,
  provisionFollows,
  organisationSmtp,
};
