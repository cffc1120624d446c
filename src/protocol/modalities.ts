/**
 * Wire schemas of section 3's modalities: the bodies that start a process and record its steps
 * (one schema per step type, discriminated by `type`), and the process as the API shows it —
 * where it stands, what is due from whom and by when, and the steps taken.
 */
import { z } from 'zod';
import { DelegationCode } from './schemas.ts';

const instant = z.iso.datetime().describe('An ISO 8601 instant in UTC, such as 2021-06-23T18:00:00.000Z');
const note = z.string().max(2000).nullish().describe('A remark on the step: where it was decided, the SWG meeting of …');
const forState = DelegationCode.nullish().describe('The state the step is taken for: required when the secretariat records it on a state’s behalf');
const text = (max: number) => z.string().trim().min(1).max(max);

export const Modality = z.enum(['A', 'B']);
export const ModalityStage = z.enum([
  'open',
  'interest-expressed',
  'chairman-consulting',
  'coordinator-appointed',
  'paper-drafted',
  'paper-circulated',
  'views-exchanged',
  'database-compiled',
  'experts-nominated',
  'meeting-organised',
  'paper-produced',
  'agreed-by-swg',
  'submitted-to-soc',
  'silence-procedure',
  'approved',
]);
export const ModalityStepType = z.enum([
  'interest.expressed',
  'chairman.consulted',
  'coordinator.appointed',
  'concept-paper.drafted',
  'paper.circulated',
  'views.exchanged',
  'database.compiled',
  'experts.nominated',
  'specialized-meeting.organised',
  'working-paper.produced',
  'swg.considered',
  'soc.submitted',
  'soc.approved',
  'silence.opened',
  'silence.broken',
  'silence.concluded',
]);
export const ModalityActorRole = z.enum(['state', 'chairman', 'secretariat', 'swg', 'soc', 'experts']);

export const StartProcessBody = z.discriminatedUnion('modality', [
  z.object({
    modality: z.literal('A'),
    areaId: text(200).describe('The priority area of the catalogue the process implements'),
    dueBy: instant.nullish().describe('By when states should express interest'),
  }),
  z.object({
    modality: z.literal('B'),
    topic: text(500).describe('The topic on which states exchange views'),
    dueBy: instant.nullish().describe('By when states should share their views'),
  }),
]);

/** A paper to import as a new negotiated document, when the step does not name an existing one. */
const NewPaper = z.object({ title: text(500), text: text(5_000_000), notation: z.enum(['cica', 'un']).nullish() });
const paper = {
  documentId: z.string().min(1).max(100).nullish().describe('An existing document of the organisation that holds the paper'),
  paper: NewPaper.nullish().describe('Or the paper’s text, imported as a new document'),
};

const base = { note };
export const ModalityStepBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('interest.expressed'), state: forState, ...base }),
  z.object({ type: z.literal('chairman.consulted'), ...base }),
  z.object({ type: z.literal('coordinator.appointed'), states: z.array(DelegationCode).min(1).max(50), ...base }),
  z.object({ type: z.literal('concept-paper.drafted'), state: forState, ...paper, ...base }),
  z.object({ type: z.literal('paper.circulated'), ...base }),
  z.object({ type: z.literal('views.exchanged'), state: forState, ...base }),
  z.object({ type: z.literal('database.compiled'), ...base }),
  z.object({ type: z.literal('experts.nominated'), state: forState, experts: z.array(text(300)).min(1).max(100), ...base }),
  z.object({ type: z.literal('specialized-meeting.organised'), meetingId: text(200), hostState: DelegationCode, ...base }),
  z.object({ type: z.literal('working-paper.produced'), ...paper, ...base }),
  z.object({ type: z.literal('swg.considered'), outcome: z.enum(['agreed', 'not-agreed']), ...base }),
  z.object({ type: z.literal('soc.submitted'), ...base }),
  z.object({ type: z.literal('soc.approved'), ...base }),
  z.object({ type: z.literal('silence.opened'), deadline: instant.describe('Until when a state may break silence'), ...base }),
  z.object({ type: z.literal('silence.broken'), state: forState, objection: text(20_000).describe('The written objection'), ...base }),
  z.object({ type: z.literal('silence.concluded'), ...base }),
]);
export type ModalityStepBody = z.infer<typeof ModalityStepBody>;

export const SetDeadlineBody = z.object({
  stage: ModalityStage.describe('The stage the deadline is for: the process’s current stage'),
  dueBy: instant,
});

export const ProcessParams = z.object({ organisationId: z.string().min(1).max(100), processId: z.string().min(1).max(100) });

const ActorView = z.object({ role: ModalityActorRole, state: z.string().optional() });
const RecorderView = z.object({ user: z.string(), delegation: z.string().nullable(), role: z.string() });

export const DueStepView = z.object({
  type: ModalityStepType,
  actors: z.array(ModalityActorRole),
  states: z.array(z.string()).optional(),
  /** Whether the caller may take this step (for the states it may act for). */
  yours: z.boolean(),
});

export const SilenceView = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('running'), deadline: z.string(), remainingMs: z.number() }),
  z.object({ status: z.literal('broken'), deadline: z.string(), by: z.string(), at: z.string(), objection: z.string() }),
  z.object({ status: z.literal('ended'), deadline: z.string(), recorded: z.boolean() }),
]);

export const StepView = z.object({
  type: ModalityStepType,
  at: z.string(),
  actor: ActorView,
  recordedBy: RecorderView,
  note: z.string().nullable(),
  /** The step's own facts: states appointed, the paper's document, the outcome, the objection … */
  details: z.record(z.string(), z.unknown()),
});

export const ProcessView = z.object({
  id: z.string(),
  modality: Modality,
  subject: z.discriminatedUnion('kind', [z.object({ kind: z.literal('area'), areaId: z.string() }), z.object({ kind: z.literal('topic') })]),
  title: z.string(),
  stage: ModalityStage,
  members: z.array(z.string()),
  participants: z.array(z.string()),
  coordinators: z.array(z.string()),
  paperId: z.string().nullable(),
  nominations: z.array(z.object({ state: z.string(), experts: z.array(z.string()), at: z.string() })),
  specializedMeeting: z.object({ meetingId: z.string(), hostState: z.string() }).nullable(),
  silence: SilenceView,
  /** By when the steps due now must be taken (a running silence procedure: its deadline). */
  dueBy: z.string().nullable(),
  due: z.array(DueStepView),
  startedAt: z.string(),
  steps: z.array(StepView),
});
export type ProcessView = z.infer<typeof ProcessView>;

export const ProcessList = z.object({ processes: z.array(ProcessView), version: z.number().int() });
