/**
 * Wire schemas of the catalogue in use: its events as the log stores them, the bodies of the
 * commands that make them, and the views (catalogue, search, coordination, review) as the API
 * sends them. A test parses what src/core produces with these schemas and checks at compile
 * time that a parsed event is a core event, so the two cannot drift apart.
 */
import { z } from 'zod';
import { DelegationCode } from './schemas.ts';

const id = z.string().min(1).max(200);
const note = z.string().max(2000).nullish().describe('Where the step was decided or recorded: "SOC meeting of 12 October 2021"');
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date written YYYY-MM-DD')
  .describe('The day the step was taken, at the seat (YYYY-MM-DD)');
export const PeriodLabel = z
  .string()
  .regex(/^\d{4}(?:-(?:H[12]|Q[1-4]))?$/u, 'a year (2021), a half (2021-H1) or a quarter (2021-Q3)')
  .describe('A reporting period: 2021, 2021-H1 or 2021-Q3');

export const CoordinatorRole = z.enum(['coordinator', 'co-coordinator']);
export const SelectionMode = z.enum(['bilateral', 'multilateral']);
export const ImplementationStatus = z.enum(['planned', 'in-progress', 'implemented', 'not-implemented']);
export const AgreementStatus = z.enum(['open', 'agreed-ad-ref', 'adopted']);

export const ActorSchema = z.object({
  user: z.string(),
  delegation: z.string().nullable(),
  role: z.enum(['delegate', 'chair', 'secretariat', 'system']),
});

const base = { at: z.string(), actor: ActorSchema };
const step = { areaId: id, state: DelegationCode, date: CalendarDate, note };

export const CatalogueEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('coordinator.volunteered'), ...base, data: z.object({ ...step, role: CoordinatorRole }) }),
  z.object({ type: z.literal('coordinator.recommended'), ...base, data: z.object(step) }),
  z.object({ type: z.literal('coordinator.approved'), ...base, data: z.object(step) }),
  z.object({ type: z.literal('coordinator.rejected'), ...base, data: z.object(step) }),
  z.object({ type: z.literal('coordinator.withdrawn'), ...base, data: z.object(step) }),
  z.object({
    type: z.literal('area.listed'),
    ...base,
    data: z.object({ areaId: id, dimensionId: id.nullable(), dimension: z.string().max(500), title: z.string().min(1).max(500) }),
  }),
  z.object({
    type: z.literal('measure.selected'),
    ...base,
    data: z.object({ measureId: id, state: DelegationCode, mode: SelectionMode, partners: z.array(DelegationCode).max(200) }),
  }),
  z.object({ type: z.literal('measure.withdrawn'), ...base, data: z.object({ measureId: id, state: DelegationCode }) }),
  z.object({
    type: z.literal('implementation.reported'),
    ...base,
    data: z.object({ measureId: id, state: DelegationCode, period: PeriodLabel, status: ImplementationStatus, text: z.string().max(20_000) }),
  }),
]);
export type CatalogueEventSchema = z.infer<typeof CatalogueEventSchema>;

// ---------------------------------------------------------------------------------------
// Command bodies. The state acting is the caller's delegation; the secretariat names it.

const forState = DelegationCode.nullish().describe('Required when the secretariat or the chair records the step for a state');

export const VolunteerBody = z.object({ role: CoordinatorRole, date: CalendarDate, note, state: forState });
/** The SWG's recommendation, the SOC's approval or rejection, or a withdrawal, of one state's candidacy. */
export const CoordinatorStepBody = z.object({ state: DelegationCode, date: CalendarDate, note });
/** A state withdraws its candidacy, or leaves the role it holds. */
export const WithdrawCandidacyBody = z.object({ date: CalendarDate, note, state: forState });
/** Records a document's list of coordinators as the register's start (on an empty register only). */
export const SeedCoordinatorsBody = z.object({
  documentId: z.string().min(1).max(100).nullish().describe("The document holding the list; the organisation's catalogue document when absent"),
  date: CalendarDate.describe('The day the list speaks for: the date of the note verbale that circulated it (YYYY-MM-DD)'),
  note,
});
export const SeedCoordinatorsResult = z.object({
  events: z.number().int(),
  version: z.number().int(),
  problems: z.array(z.object({ code: z.string(), provisionId: z.string(), line: z.number().int(), message: z.string() })),
});
export const SelectMeasureBody = z
  .object({ mode: SelectionMode, partners: z.array(DelegationCode).max(200).default([]), state: forState })
  .refine((body) => (body.mode === 'bilateral') === body.partners.length > 0, {
    message: 'A bilateral selection names its partner states; a multilateral one names none',
    path: ['partners'],
  });
export const WithdrawMeasureBody = z.object({ state: forState }).nullish();
export const ReportBody = z.object({ period: PeriodLabel, status: ImplementationStatus, text: z.string().max(20_000), state: forState });

// ---------------------------------------------------------------------------------------
// Views.

const SubMeasureView = z.object({
  id: z.string(),
  provisionId: z.string(),
  measureId: z.string(),
  label: z.string(),
  fullLabel: z.string().describe('As cited: "2.1.1 c)"'),
  text: z.string(),
  status: AgreementStatus,
  openBrackets: z.number().int(),
  proposedWords: z.array(z.string()),
});

export const MeasureView = z.object({
  id: z.string().describe('The provision id: what selections and reports name'),
  provisionId: z.string(),
  dimensionId: z.string(),
  areaId: z.string().nullable(),
  label: z.string().describe('"2.2.1", "2.2.x", "2.5.12(a)": not unique while negotiated'),
  text: z.string().describe('The agreed text'),
  status: AgreementStatus,
  openBrackets: z.number().int(),
  proposedWords: z.array(z.string()),
  provisional: z.boolean(),
  proposedBy: z.object({ proposalId: z.string(), proponent: z.string().nullable() }).nullable(),
  alternatives: z.array(z.string()),
  parts: z.array(SubMeasureView),
});

export const PriorityAreaView = z.object({
  id: z.string(),
  provisionId: z.string().nullable(),
  dimensionId: z.string(),
  title: z.string(),
  implicit: z.boolean(),
  measures: z.array(MeasureView),
});

export const CatalogueView = z.object({
  documentId: z.string(),
  version: z.number().int(),
  dimensions: z.array(
    z.object({
      id: z.string(),
      provisionId: z.string(),
      label: z.string(),
      title: z.string(),
      areas: z.array(PriorityAreaView),
      unassigned: z.array(MeasureView),
    }),
  ),
  notes: z.array(z.object({ code: z.enum(['IMPLICIT_AREA', 'OUTSIDE_AREA', 'DUPLICATE_NUMBER', 'STRAY_ITEM']), provisionId: z.string(), message: z.string() })),
});

const HitKind = z.enum(['dimension', 'area', 'measure', 'sub-measure']);

export const CatalogueSearchQuery = z.object({
  q: z.string().min(1).max(500),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  kinds: z
    .string()
    .transform((text) => text.split(','))
    .pipe(z.array(HitKind))
    .optional()
    .describe('Comma-separated: dimension, area, measure, sub-measure'),
  proposed: z.enum(['true', 'false']).default('true').describe('Also search words still in brackets'),
});

export const CatalogueHitView = z.object({
  kind: HitKind,
  id: z.string(),
  provisionId: z.string().nullable(),
  dimensionId: z.string(),
  areaId: z.string().nullable(),
  label: z.string().nullable(),
  title: z.string(),
  field: z.enum(['label', 'title', 'text', 'proposed']),
  excerpt: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

const Holder = z.object({ state: z.string(), since: z.string() });
const AreaCoordinationView = z.object({
  areaId: z.string(),
  dimensionId: z.string().nullable(),
  title: z.string(),
  implicit: z.boolean(),
  listOnly: z.boolean(),
  coordinator: Holder.nullable(),
  coCoordinators: z.array(Holder),
  pending: z.array(z.object({ state: z.string(), role: CoordinatorRole, stage: z.enum(['volunteered', 'recommended']), since: z.string() })),
  gap: z.boolean().describe('No coordinator in office'),
});

export const CoordinationView = z.object({
  dimensions: z.array(z.object({ dimensionId: z.string(), label: z.string(), title: z.string(), areas: z.array(AreaCoordinationView) })),
  listOnly: z.array(AreaCoordinationView),
  gaps: z.array(AreaCoordinationView),
  unknownAreas: z.array(z.string()),
});

export const ReviewQuery = z.object({ period: PeriodLabel.optional(), format: z.enum(['json', 'csv', 'csv-wide']).default('json') });

const Participation = z.object({
  id: z.string(),
  label: z.string().nullable(),
  title: z.string(),
  measures: z.number().int(),
  states: z.number().int(),
  share: z.number().min(0).max(1),
  selections: z.number().int(),
  reporting: z.number().int(),
});

export const ReviewMatrixView = z.object({
  period: z.string().nullable(),
  states: z.array(z.string()),
  measures: z.array(z.object({ id: z.string(), label: z.string(), dimensionId: z.string(), areaId: z.string().nullable(), text: z.string() })),
  cells: z.array(
    z.array(
      z.object({
        status: z.enum(['not-selected', 'selected', 'withdrawn', 'planned', 'in-progress', 'implemented', 'not-implemented']),
        mode: SelectionMode.nullable(),
        partners: z.array(z.string()),
        report: z.object({ period: z.string(), status: ImplementationStatus, text: z.string(), at: z.string() }).nullable(),
      }),
    ),
  ),
  participation: z.object({ dimensions: z.array(Participation), areas: z.array(Participation) }),
  trends: z.array(
    z.object({
      period: z.string(),
      start: z.string(),
      end: z.string(),
      statesSelecting: z.number().int(),
      statesReporting: z.number().int(),
      reports: z.number().int(),
      byStatus: z.object({ planned: z.number().int(), 'in-progress': z.number().int(), implemented: z.number().int(), 'not-implemented': z.number().int() }),
    }),
  ),
});

const Actor = ActorSchema;

export const SelectionsView = z.object({
  version: z.number().int().describe("The catalogue register's version"),
  selections: z.array(
    z.object({
      measureId: z.string(),
      state: z.string(),
      active: z.boolean(),
      spans: z.array(z.object({ from: z.string(), to: z.string().nullable(), mode: SelectionMode, partners: z.array(z.string()) })),
    }),
  ),
  reports: z.array(
    z.object({
      measureId: z.string(),
      state: z.string(),
      period: z.string(),
      status: ImplementationStatus,
      text: z.string(),
      at: z.string(),
      actor: Actor,
    }),
  ),
});

export const CoordinationResult = CoordinationView.extend({ version: z.number().int().describe("The catalogue register's version") });
export const ReviewCsvQuery = z.object({
  period: PeriodLabel.optional(),
  layout: z.enum(['long', 'wide']).default('long').describe('long: a row per state and measure; wide: a row per state, a column per measure'),
});
