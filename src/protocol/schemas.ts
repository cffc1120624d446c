/**
 * Wire schemas of the Parley API, shared by the server (validation, OpenAPI) and clients.
 * Names follow the one `resource.action` vocabulary of routes and events.
 */
import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';

export const ROLES = ['secretariat', 'chair', 'delegate', 'observer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

const id = z.string().min(1).max(100);
/** ISO 3166-1 alpha-3 or a group code, upper case. */
export const DelegationCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,11}$/u, 'a delegation code in capitals, such as IND')
  .describe('ISO 3166-1 alpha-3 code of a member state (or a group code)');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    instance: z.string().optional(),
  })
  .loose()
  .describe('RFC 9457 problem details; `code` is from the catalogue at /api/errors');

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export const LoginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });
export const SecondFactorBody = z.object({ code: z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/u, 'six digits') });

export const MembershipView = z.object({
  organisationId: z.string(),
  role: Role,
  delegation: z.string().nullable(),
  isHead: z.boolean(),
});

export const Me = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
  memberships: z.array(MembershipView),
  csrfToken: z.string(),
  secondFactor: z.enum(['passed', 'required', 'enrolment-required', 'not-required']),
});

export const Enrolment = z.object({ secret: z.string(), uri: z.string() });

export const Organisation = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  seat: z.string(),
  seatTimeZone: z.string(),
  workingLanguages: z.array(z.string()),
  notesLanguage: z.string(),
  secondFactorRequiredFor: z.array(Role),
  catalogueDocumentId: z.string().nullable().describe('The document the catalogue of measures is read from; null until the secretariat chooses it'),
});

/** Settings to change; those absent stay as they are. */
export const OrganisationSettingsBody = z.object({
  secondFactorRequiredFor: z.array(Role).optional(),
  catalogueDocumentId: z.string().min(1).max(100).nullish().describe('The document the catalogue of measures is read from (null: none)'),
});

export const DelegationView = z.object({ code: z.string(), names: z.object({ en: z.string(), ru: z.string() }) });

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  secondFactor: z.boolean(),
  memberships: z.array(MembershipView),
});

export const NewUserBody = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/u, 'lower-case letters, digits, dot, dash or underscore'),
  displayName: z.string().min(1).max(200),
  role: Role,
  delegation: DelegationCode.nullish(),
  isHead: z.boolean().nullish(),
  password: z.string().min(12).max(1000).nullish().describe('Generated when absent and returned once'),
});

export const NewUser = z.object({ user: UserView, password: z.string().nullable() });

export const DocumentSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  title: z.string(),
  notation: z.string(),
  version: z.number().int(),
  circulatedToObservers: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The notations a draft can be written in (src/core/notations/registry.ts). */
export const Notation = z.enum(['cica', 'un']);

export const ImportWarningSchema = z.object({ code: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() });

/** The longest draft the server takes, in characters (UTF-16 code units, as JavaScript counts them). */
export const DRAFT_TEXT_MAX_CHARS = 5_000_000;
/** The largest request body the server accepts, in bytes: a draft sent as JSON must fit in it. */
export const REQUEST_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export const NewDocumentBody = z.object({
  text: z.string().max(DRAFT_TEXT_MAX_CHARS).describe('The draft as plain text'),
  title: z.string().min(1).max(300).nullish(),
  notation: Notation.nullish().describe('Detected from the text when absent'),
  circulatedToObservers: z.boolean().nullish(),
});

export const NewDocument = z.object({ document: DocumentSummary, warnings: z.array(ImportWarningSchema) });

export const DraftPreviewBody = NewDocumentBody.pick({ text: true, title: true, notation: true });

export const DraftPreview = z.object({
  title: z.string().describe('The title the document would get'),
  notation: Notation.describe('The notation the draft was read in (given, or detected)'),
  counts: z.object({
    provisions: z.number().int(),
    proposals: z.number().int().describe('Open brackets'),
    optionSets: z.number().int(),
    footnotes: z.number().int(),
    statements: z.number().int().describe('Footnotes and other statements'),
    delegations: z.array(z.string()).describe('Codes of the delegations named in positions, sorted'),
  }),
  warnings: z.array(
    ImportWarningSchema.extend({
      source: z.object({
        text: z.string().describe('The source line of the warning, cut to at most 240 characters around the column (… marks a cut)'),
        column: z.number().int().describe('Where the warning points within `text`, 1-based'),
      }),
    }),
  ),
});

export const DocumentPatchBody = z.object({ circulatedToObservers: z.boolean().nullish(), expectedVersion: z.number().int().nullish() });

export const DocumentDetail = DocumentSummary.extend({
  revisions: z.array(z.object({ number: z.number().int(), label: z.string(), version: z.number().int(), at: z.string() })),
  counts: z.record(z.string(), z.unknown()),
});

const expectedVersion = z
  .number()
  .int()
  .min(0)
  .nullish()
  .describe('The document version the change was made against; a stale one gets 409 with the current version');

export const AnchorBody = z.object({
  provisionId: id,
  parent: id.nullish().describe('The proposal whose text is amended (a nested bracket)'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

export const NewProvisionBody = z.object({
  kind: z.enum(['heading', 'paragraph', 'sub-item', 'preamble', 'table', 'free-text']),
  label: z.string().max(50).nullish(),
  text: z.string().max(100_000),
});

export const ProposalBody = z.object({
  kind: z.enum(['insert', 'delete', 'replace', 'new-provision', 'delete-provision', 'move', 'remark']),
  delegation: DelegationCode.nullish().describe('Required when the secretariat records a proposal for a delegation'),
  anchor: AnchorBody.nullish(),
  text: z.string().max(100_000).nullish(),
  provisions: z.array(NewProvisionBody).max(200).nullish(),
  after: id.nullish(),
  alternativeTo: id
    .nullish()
    .describe('new-provision only: the provision the new paragraphs are an alternative to (they join its option set, or form one with it, and are placed after it; `after` is then ignored)'),
  provisionIds: z.array(id).max(200).nullish(),
  moveAfter: id.nullish(),
  about: id.nullish(),
  reason: z.string().max(10_000).nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/u)
    .nullish()
    .describe('In a document with several languages: the language the proposal is made in (absent: that of the proposal it amends, else the original language)'),
  expectedVersion,
});
export type ProposalBody = z.infer<typeof ProposalBody>;

export const ChairProposalBody = ProposalBody.omit({ delegation: true });

export const WithdrawBody = z.object({ expectedVersion }).nullish();

export const PositionBody = z.object({
  stance: z.enum(['proposes', 'supports', 'objects', 'reserves']),
  reason: z.string().max(10_000).nullish(),
  expectedVersion,
});

export const ConsensusBody = z.object({ outcome: z.enum(['accept', 'drop']), expectedVersion });
export const AgreementBody = z.object({ status: z.enum(['agreed-ad-ref', 'adopted']), expectedVersion });
export const RevisionBody = z.object({ label: z.string().min(1).max(100).nullish(), expectedVersion }).nullish();

export const StatementBody = z.object({
  kind: z.enum(['footnote', 'interpretative', 'reservation', 'chair-note', 'provenance', 'renumbering']),
  text: z.string().min(1).max(100_000),
  by: DelegationCode.nullish().describe('Only the secretariat may attribute a statement to another delegation'),
  anchor: z.union([
    z.object({ provisionId: id, at: z.union([z.number().int().min(0), z.literal('label'), z.literal('end')]).nullish() }),
    z.object({ proposalId: id }),
  ]),
  expectedVersion,
});

export const CommandAccepted = z.object({
  documentId: z.string(),
  version: z.number().int(),
  id: z.string().nullable().describe('The id of what was created (proposal, statement), when something was'),
  events: z.array(z.object({ version: z.number().int(), type: z.string() })),
});

export const ViewName = z.string().describe('compiled, agreed or as:ISO3 (for example as:IND)');

export const ViewQuery = z.object({
  notation: Notation.optional(),
  revision: z.coerce.number().int().min(1).optional().describe('Render the document as it stood at this revision'),
});

export const CompareQuery = z.object({
  from: z.coerce.number().int().min(0).describe('Revision number; 0 is the document as imported'),
  to: z.coerce.number().int().min(0).optional().describe('Revision number; absent means the current text'),
  view: ViewName.optional(),
  notation: Notation.optional(),
});

export const Comparison = z.object({
  from: z.number().int(),
  to: z.number().int().nullable(),
  parts: z.array(z.object({ value: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() })),
});

export const EventPageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0).describe('Return events after this document version'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const EventPage = z.object({
  documentId: z.string(),
  events: z.array(z.object({ version: z.number().int(), seq: z.number().int(), hash: z.string(), event: z.record(z.string(), z.unknown()) })),
  next: z.number().int().nullable().describe('Pass as `after` to get the next page; null at the end'),
});

/** Where the room is: the provision under discussion and who has the floor. Not part of the negotiated record. */
export const MeetingState = z.object({
  documentId: z.string(),
  organisationId: z.string(),
  active: z.boolean(),
  provisionId: z.string().nullable().describe('The provision under discussion'),
  floor: z.string().nullable().describe('The delegation that has the floor'),
  chair: z.object({ userId: z.string(), displayName: z.string() }).nullable().describe('Who runs the meeting'),
  startedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  revision: z.number().int().describe('Grows with every change: of two states, keep the one with the higher revision'),
});
export type MeetingState = z.infer<typeof MeetingState>;

export const MeetingStartBody = z.object({ provisionId: id.nullish().describe('The provision to begin with') }).nullish();
export const MeetingFocusBody = z.object({ provisionId: id.nullable().describe('null: no provision under discussion') });
export const MeetingFloorBody = z.object({ delegation: DelegationCode.nullable().describe('null: no delegation has the floor') });
export const OralProposalBody = ProposalBody.extend({
  delegation: DelegationCode.describe('The delegation that has the floor, for which the chair records the proposal'),
});

/**
 * What each SSE message of /api/documents/:id/live carries; its SSE id is the version. The
 * same stream also sends named `meeting` events (no id) whose data is a {@link MeetingState}.
 */
export const LiveMessageSchema = z.object({ documentId: z.string(), version: z.number().int(), type: z.string() });
export type LiveMessage = z.infer<typeof LiveMessageSchema>;

/** A delegation's private draft: the proposal it would make (POST …/proposals without delegation or version). */
export const DraftProposal = ProposalBody.omit({ delegation: true, expectedVersion: true });
export type DraftProposal = z.infer<typeof DraftProposal>;

export const DraftStatus = z.enum(['draft', 'tabled', 'discarded']);

const draftNote = z.string().max(10_000).describe('Private to the delegation and its partners; never tabled');
const expectedRevision = z
  .number()
  .int()
  .min(1)
  .nullish()
  .describe("The draft's revision the change was made against; a stale one gets 409 with the current revision");

export const NewDraftBody = z.object({ proposal: DraftProposal, note: draftNote.nullish(), sharedWith: z.array(DelegationCode).max(200).nullish() });

export const DraftPatchBody = z.object({
  proposal: DraftProposal.nullish().describe('Replaces the whole proposal, anchored afresh on the current text'),
  text: z.string().max(100_000).nullish().describe('The proposed words (insert, replace, remark)'),
  reason: z.string().max(10_000).nullish().describe('Tabled with the proposal'),
  note: draftNote.nullish(),
  expectedRevision,
});

export const DraftActionBody = z.object({ expectedRevision }).nullish();

export const DraftListQuery = z.object({ status: DraftStatus.optional().describe('Only drafts with this status; all when absent') });

export const DraftView = z.object({
  id: z.string(),
  documentId: z.string(),
  delegation: z.string().describe('The owning delegation'),
  proposal: DraftProposal,
  note: z.string(),
  sharedWith: z.array(z.string()),
  status: DraftStatus,
  proposalId: z.string().nullable().describe('The proposal made when the draft was tabled'),
  revision: z.number().int(),
  anchor: z
    .object({
      before: z.string(),
      words: z.string().describe('The words the proposal would change (empty for an insertion)'),
      after: z.string(),
      moved: z.boolean().describe('The text around the anchor has changed since the draft was saved: tabling it would be refused'),
    })
    .nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedBy: z.object({ id: z.string(), name: z.string() }),
  updatedAt: z.string(),
});

export const TabledDraft = z.object({ draft: DraftView, proposal: CommandAccepted });
