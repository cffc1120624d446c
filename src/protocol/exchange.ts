/**
 * Wire schemas of the information exchange (Catalogue 1.6, 1.7, 2.1–2.4): the typed forms of
 * each category, the commands a client sends, the settings an organisation keeps, and the
 * views the server answers with. The domain types they produce are src/core/exchange's; each
 * body schema is type-checked against its core type, so the two cannot drift apart.
 *
 * Ids, registry numbers, the provider (`from`: the sender's delegation), the sent time and the
 * retention limit of personal data are the server's to assign: a client never sends them.
 */
import { z } from 'zod';
import { CATEGORY_IDS, type BodyOf, type CategoryId } from '../core/exchange/index.ts';

/** ISO 3166-1 alpha-3 code of a state. */
export const StateCode = z.string().regex(/^[A-Z]{3}$/u, 'an ISO 3166-1 alpha-3 code in capitals, such as KAZ').describe('ISO 3166-1 alpha-3');
const states = (max = 200) => z.array(StateCode).min(1).max(max);
const instant = z.iso.datetime().describe('ISO 8601 instant in UTC, such as 2021-06-02T08:00:00.000Z');
const date = z.iso.date().describe('ISO 8601 date, such as 2021-06-02');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().max(max).nullable().default(null);
const count = z.number().int().min(0).max(10_000_000);
const id = z.string().min(1).max(200);

export const CategorySchema = z.enum(CATEGORY_IDS as [CategoryId, ...CategoryId[]]);

// ---------------------------------------------------------------------------------------
// The typed forms, one per category.

const ArmedForces = z.object({
  asOf: date,
  components: z
    .array(
      z.object({
        service: z.enum(['land', 'air', 'naval', 'air-defence', 'other']),
        name: text(200),
        personnel: count,
        majorUnits: count.nullable().default(null),
      }),
    )
    .min(1)
    .max(100),
  notes: optionalText(5000),
});

const DefenceBudget = z.object({
  fiscalYear: z.number().int().min(1900).max(2200),
  currency: z.string().regex(/^[A-Z]{3}$/u, 'an ISO 4217 currency code, such as KZT'),
  total: z.number().min(0),
  lines: z.array(z.object({ heading: text(200), amount: z.number().min(0) })).max(200),
  notes: optionalText(5000),
});

const ForeignContingents = z.object({
  asOf: date,
  contingents: z
    .array(z.object({ deployingState: StateCode, location: text(300), strength: count, mission: text(1000) }))
    .min(1, 'list the foreign contingents, or send a nil report when there are none')
    .max(200),
});

const MilitaryActivity = z
  .object({
    title: text(300),
    activity: z.enum(['exercise', 'activity']),
    start: instant,
    end: instant,
    area: text(1000),
    personnel: count,
    foreignParticipants: z.array(StateCode).max(200),
    observersInvited: z.boolean(),
  })
  .refine((a) => a.start <= a.end, { message: 'the activity ends before it starts', path: ['end'] });

const ObserverInvitation = z.object({
  exercise: text(300),
  start: date,
  end: date,
  place: text(300),
  observersPerState: z.number().int().min(1).max(100),
});

const ObserverInvitationReply = z.object({ accepted: z.boolean(), observers: z.number().int().min(0).max(100), note: optionalText(2000) });

const IncidentConsultation = z.object({
  occurredAt: instant,
  location: text(1000),
  nearBorderWith: z.array(StateCode).max(50),
  description: text(10_000),
  requestedAction: text(5000),
});

const IncidentConsultationReply = z.object({
  response: text(10_000),
  meetingProposed: z.object({ at: instant, place: text(300) }).nullable().default(null),
});

const MilitaryCv = z.object({
  person: z.object({ name: text(200), rank: text(200), position: text(300) }),
  career: z.array(z.object({ from: date, to: date.nullable(), post: text(300) })).max(100),
  education: z.array(text(300)).max(50),
});

const InstrumentStatus = z.object({
  instruments: z
    .array(
      z.object({
        instrument: text(500),
        status: z.enum(['not-party', 'signed', 'in-progress', 'ratified', 'acceded']),
        date: date.nullable().default(null),
      }),
    )
    .min(1)
    .max(500),
});

const PointsOfContact = z.object({
  authorities: z
    .array(
      z.object({
        field: z.enum(['2.3.5', '2.4.4']).describe('2.3.5 tourism, 2.4.4 disaster management and search-rescue'),
        name: text(300),
        email: z.email().nullable().default(null),
        phone: z.string().max(50).nullable().default(null),
        address: optionalText(1000),
        availability: z.enum(['round-the-clock', 'office-hours']),
      }),
    )
    .min(1)
    .max(50),
});

const Disaster = z.object({
  hazard: z.enum(['natural', 'industrial']),
  event: text(300),
  occurredAt: instant,
  location: text(1000),
  mayAffect: z.array(StateCode).max(50),
  description: text(10_000),
  assistanceRequested: z.boolean(),
});

/** The form of each category's full report. */
export const BODY_SCHEMAS = {
  'armed-forces': ArmedForces,
  'defence-budget': DefenceBudget,
  'foreign-contingents': ForeignContingents,
  'military-activity': MilitaryActivity,
  'observer-invitation': ObserverInvitation,
  'observer-invitation-reply': ObserverInvitationReply,
  'incident-consultation': IncidentConsultation,
  'incident-consultation-reply': IncidentConsultationReply,
  'military-cv': MilitaryCv,
  'instrument-status': InstrumentStatus,
  'points-of-contact': PointsOfContact,
  disaster: Disaster,
} as const satisfies { readonly [C in CategoryId]: z.ZodType<BodyOf[C]> };

// ---------------------------------------------------------------------------------------
// Consent.

const DisseminationScope = z
  .union([z.literal('none'), z.literal('any'), states()])
  .describe('Whom the secretariat may pass it on to: nobody, any state, or the states listed');

export const DisseminationPolicySchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('addressees-only') }),
    z.object({ kind: z.literal('secretariat'), disseminateTo: DisseminationScope }),
  ])
  .describe('addressees-only, or also the secretariat (1.6), which may pass it on within disseminateTo');

export const WideningSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('states'), states: states() }),
    z.object({ kind: z.literal('secretariat'), disseminateTo: DisseminationScope }),
    z.object({ kind: z.literal('publication') }),
  ])
  .describe('How far access widens: named states, the secretariat (and whom it may pass it to), or everyone');

// ---------------------------------------------------------------------------------------
// Commands.

const envelopeFields = {
  to: states(50).describe('The states concerned'),
  subject: text(1000),
  legalBasis: z.string().min(1).max(20).describe("The Catalogue paragraph, one of the category's (2.1.1 a)"),
  replyTo: id.nullable().default(null),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u, 'a BCP 47 language tag, such as en or ru'),
  dissemination: DisseminationPolicySchema,
  urgent: z.boolean().default(false),
  kind: z.enum(['report', 'nil', 'no-change']).describe('nil: nothing to report; no-change: as in `previous`'),
  previous: id.nullable().default(null).describe("no-change only: the provider's latest submission of the category"),
  period: z.string().max(20).nullable().default(null).describe('Periodic categories: the reporting period, such as 2021'),
};

function submissionVariant<C extends CategoryId>(category: C) {
  return z.object({ category: z.literal(category), ...envelopeFields, body: BODY_SCHEMAS[category].nullable() });
}

/** What a delegate sends to submit information on behalf of its state. */
export const NewSubmissionBody = z
  .discriminatedUnion(
    'category',
    CATEGORY_IDS.map((category) => submissionVariant(category)) as unknown as [
      ReturnType<typeof submissionVariant<CategoryId>>,
      ...ReturnType<typeof submissionVariant<CategoryId>>[],
    ],
  )
  .superRefine((s, context) => {
    if (s.kind === 'report' && s.body === null) context.addIssue({ code: 'custom', path: ['body'], message: 'a report needs its body' });
    if (s.kind !== 'report' && s.body !== null) context.addIssue({ code: 'custom', path: ['body'], message: `a ${s.kind} report has no body` });
    if (s.kind === 'no-change' && s.previous === null) context.addIssue({ code: 'custom', path: ['previous'], message: 'say which report still holds' });
  });
export type NewSubmissionBody = z.infer<typeof NewSubmissionBody>;

export const ConsentRequestBody = z.object({ widening: WideningSchema, reason: optionalText(2000) });
export const ConsentGrantBody = z.object({
  widening: WideningSchema,
  inAnswerTo: id.nullable().default(null).describe('The consent request this grant answers'),
  until: instant.nullable().default(null).describe('The grant lapses at this instant; null: until revoked'),
});
export const ConsentRefusalBody = z.object({ reason: optionalText(2000) });
export const ConsentRevocationBody = z.object({ reason: optionalText(2000) }).nullish();
export const DisseminationBody = z.object({ to: states() });
export const ContingentPermissionWithdrawalBody = z.object({ reason: optionalText(2000) }).nullish();
export const ContingentPermissionBody = z.object({
  hostState: StateCode,
  releaseTo: z.union([z.literal('any'), z.array(z.union([StateCode, z.literal('SECRETARIAT')])).min(1).max(200)]),
});

export const SubmissionQuerySchema = z.object({
  text: z.string().max(200).optional(),
  category: CategorySchema.optional(),
  from: StateCode.optional(),
  to: StateCode.optional(),
  kind: z.enum(['report', 'nil', 'no-change']).optional(),
  urgent: z.stringbool().optional(),
  sentFrom: instant.optional(),
  sentBefore: instant.optional(),
});

// ---------------------------------------------------------------------------------------
// An organisation's deadlines (core's ExchangeSettings).

const hours = z.number().min(0).max(24 * 366);
const CategoryDeadlinesSchema = z.object({
  annual: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), firstYear: z.number().int().min(1990).max(2200) }).optional(),
  leadHours: hours,
  replyWithinHours: hours.optional(),
  noticeDays: z.number().int().min(0).max(366).optional(),
  notifyWithinHours: hours.optional(),
  retentionDays: z.number().int().min(1).max(36_600).optional(),
});

export const ExchangeSettingsSchema = z.object({
  categories: z.partialRecord(CategorySchema, CategoryDeadlinesSchema),
  reporting: z.partialRecord(CategorySchema, z.array(StateCode).max(200)),
  contactChecks: z.object({ everyDays: z.number().int().min(1).max(3660), confirmWithinHours: hours, leadHours: hours }),
});

// ---------------------------------------------------------------------------------------
// Views.

const ViewerView = z.object({ user: z.string(), delegation: z.string().nullable(), role: z.enum(['delegate', 'chair', 'secretariat', 'observer']) });

export const AccessBasisSchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('provider') }),
  z.object({ via: z.literal('addressed') }),
  z.object({ via: z.literal('grant'), grantId: z.string() }),
  z.object({ via: z.literal('dissemination'), disseminationId: z.string(), grantId: z.string() }),
]);

export const GrantChainView = z.object({
  basis: AccessBasisSchema,
  links: z.array(
    z.discriminatedUnion('step', [
      z.object({ step: z.literal('sent'), registryNumber: z.string(), from: z.string(), to: z.array(z.string()), by: ViewerView, at: z.string() }),
      z.object({
        step: z.literal('granted'),
        grantId: z.string(),
        widening: WideningSchema,
        by: ViewerView,
        at: z.string(),
        until: z.string().nullable(),
        inAnswerTo: z.object({ requestId: z.string(), requestedBy: z.string() }).nullable(),
      }),
      z.object({ step: z.literal('disseminated'), disseminationId: z.string(), to: z.array(z.string()), by: ViewerView, at: z.string() }),
    ]),
  ),
});

export const EnvelopeView = z.object({
  id: z.string(),
  registryNumber: z.string(),
  category: CategorySchema,
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  legalBasis: z.string(),
  replyTo: z.string().nullable(),
  language: z.string(),
  dissemination: DisseminationPolicySchema,
  urgent: z.boolean(),
  kind: z.enum(['report', 'nil', 'no-change']),
  previous: z.string().nullable(),
  period: z.string().nullable(),
  retainUntil: z.string().nullable(),
  sentAt: z.string(),
});

export const SubmissionHitView = z.object({ envelope: EnvelopeView, basis: AccessBasisSchema, expired: z.boolean() });
export const SubmissionListView = z.object({ submissions: z.array(SubmissionHitView), count: z.number().int() });
/** What the caller may see, counted: all, sent by its state, addressed to it, urgent. */
export const ExchangeCountsView = z.object({ all: z.number().int(), sent: z.number().int(), received: z.number().int(), urgent: z.number().int() });

export const SubmissionView = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), submission: EnvelopeView.extend({ body: z.unknown() }), basis: AccessBasisSchema }),
  z.object({ outcome: z.literal('expired'), envelope: EnvelopeView, basis: AccessBasisSchema }),
]);

export const WhyView = z.object({ chains: z.array(GrantChainView) });

export const ReadLogView = z.object({
  entries: z.array(
    z.object({
      user: z.string(),
      delegation: z.string().nullable(),
      role: ViewerView.shape.role,
      at: z.string(),
      basis: AccessBasisSchema,
      chain: GrantChainView,
      revokedSince: z.string().nullable(),
    }),
  ),
});

export const NotificationView = z.object({
  kind: z.enum([
    'submission.received',
    'submission.shared',
    'submission.read',
    'consent.requested',
    'consent.granted',
    'consent.refused',
    'submission.disseminated',
    'contingent.permission',
    'contingent.permission.withdrawn',
    'contact.check',
    'contact.confirmed',
  ]),
  at: z.string(),
  by: z.string().nullable(),
  urgent: z.boolean(),
  submission: z.object({ id: z.string(), registryNumber: z.string(), category: CategorySchema, from: z.string(), subject: z.string() }).nullable(),
});

export const ExportRowView = z.object({
  registryNumber: z.string(),
  category: CategorySchema,
  legalBasis: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  sentAt: z.string(),
  kind: z.enum(['report', 'nil', 'no-change']),
  period: z.string(),
  urgent: z.boolean(),
  language: z.string(),
  basis: z.enum(['provider', 'addressed', 'grant', 'dissemination']),
  handling: z.string(),
});

/** The caller's duties and standing in the exchange: its state's obligations, the reminders due to it, contact checks, permissions. */
export const ExchangeDutiesView = z.object({
  obligations: z.array(
    z.object({
      kind: z.enum(['report', 'reply', 'contact-confirmation']),
      category: CategorySchema,
      period: z.string().nullable(),
      about: z.string().nullable(),
      dueAt: z.string(),
      status: z.enum(['met', 'late', 'open', 'overdue']),
      metBy: z.string().nullable(),
    }),
  ),
  reminders: z.array(z.object({ kind: z.string(), key: z.string(), to: z.string(), dueAt: z.string() }).loose()),
  contactChecks: z.array(
    z.object({
      id: z.string(),
      submissionId: z.string(),
      registryNumber: z.string(),
      provider: z.string(),
      checkedBy: z.string(),
      at: z.string(),
      dueAt: z.string(),
      status: z.enum(['awaiting', 'confirmed', 'overdue']),
      confirmedAt: z.string().nullable(),
    }),
  ),
  permissions: z.array(
    z.object({
      id: z.string(),
      deployingState: z.string(),
      hostState: z.string(),
      releaseTo: z.union([z.literal('any'), z.array(z.string())]),
      at: z.string(),
      /** When the deploying state withdrew it (null while in force); a withdrawn permission stays listed as history. */
      withdrawnAt: z.string().nullable(),
      withdrawalReason: z.string().nullable(),
    }),
  ),
  /** The organisation's deadlines per category (data it sets, no secret): forms show reply windows and retention limits before sending. */
  deadlines: ExchangeSettingsSchema.shape.categories,
});

/** A submission's consent requests and grants: all of them for its provider, a requester's own requests for anyone else who sees it. */
export const ConsentView = z.object({
  requests: z.array(
    z.object({
      id: z.string(),
      party: z.string(),
      widening: WideningSchema,
      reason: z.string().nullable(),
      at: z.string(),
      answer: z.object({ outcome: z.enum(['granted', 'refused']), at: z.string(), grantId: z.string().nullable(), reason: z.string().nullable() }).nullable(),
    }),
  ),
  grants: z.array(z.object({ id: z.string(), widening: WideningSchema, at: z.string(), until: z.string().nullable(), revokedAt: z.string().nullable() })),
});
