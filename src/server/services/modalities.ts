/**
 * Section 3's modalities on the server: an organisation's processes are a register of its log
 * (store/modality-register.ts), so every step is dated, chained and
 * replayable. Each step is checked by the state machine WITH the caller as its actor before it
 * is appended; a concept or working paper is a negotiated document of the engine, named or
 * imported. After a step commits, those concerned are notified (a silence procedure opened or
 * broken); reminders of deadlines come from the sweep (notifications/reminders.ts).
 */
import { and, eq } from 'drizzle-orm';
import {
  allAreas,
  checkModalityEvent,
  dueSteps,
  silenceOutcome,
  tryApplyModalityRegisterEvent,
  type Actor,
  type ModalityEvent,
  type ModalityRegister,
  type ModalityRegisterEvent,
  type RegisteredProcess,
} from '../../core/index.ts';
import type { ModalityStepBody, ProcessView } from '../../protocol/modalities.ts';
import { requireMember, requireRule, type AccessRule } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { Context } from '../context.ts';
import { documents } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { catalogueFor, memberStates } from './catalogue.ts';
import { importDocument } from './documents.ts';
import { isYours, stepActors, type ModalityCaller } from './modality-actor.ts';

export interface ModalityAccess extends ModalityCaller {
  readonly organisationId: string;
}

/** Members only (others: 404 for the organisation), then the rule's role check. */
export function modalityAccess(principal: Principal | null, organisationId: string, rule: AccessRule): ModalityAccess {
  if (!principal) throw problem('ERR_AUTH_REQUIRED');
  const list = requireMember(principal, organisationId);
  requireRule(list, rule);
  return { organisationId, principal, list };
}

export function processLink(processId: string): string {
  return `/modalities/${encodeURIComponent(processId)}`;
}

/** A process as the API shows it to `caller` at `now`. */
export function presentProcess(entry: RegisteredProcess, caller: ModalityCaller, now: Date): ProcessView {
  const { process } = entry;
  const silence = silenceOutcome(process, now.toISOString());
  return {
    id: process.id,
    modality: process.modality,
    subject: entry.subject,
    title: entry.title,
    stage: process.stage,
    members: [...process.members],
    participants: [...process.participants],
    coordinators: [...process.coordinators],
    paperId: process.paperId ?? null,
    nominations: process.nominations.map((n) => ({ state: n.state, experts: [...n.experts], at: n.at })),
    specializedMeeting: process.specializedMeeting ?? null,
    silence,
    dueBy: process.stage === 'silence-procedure' && process.silence ? process.silence.deadline : (entry.dueBy?.at ?? null),
    due: dueSteps(process).map((step) => ({
      type: step.type,
      actors: [...step.actors],
      ...(step.states ? { states: [...step.states] } : {}),
      yours: isYours(caller, step.type, process, step.states),
    })),
    startedAt: entry.startedAt,
    steps: entry.steps.map(({ step, recordedBy, note }) => {
      const { type, at, actor, ...details } = step;
      return { type, at, actor: actor.role === 'state' ? { role: 'state' as const, state: actor.state } : { role: actor.role }, recordedBy, note, details };
    }),
  };
}

export async function findProcess(context: Pick<Context, 'modalities'>, organisationId: string, processId: string): Promise<RegisteredProcess> {
  const { state } = await context.modalities.read(organisationId);
  const entry = state.processes.get(processId);
  if (!entry) throw problem('ERR_MODALITY_PROCESS_NOT_FOUND', { processId });
  return entry;
}

function refused(rejection: { code: string; message: string }): never {
  throw problem('ERR_MODALITY_STEP_REFUSED', { message: rejection.message }, { extra: { rejection: rejection.code } });
}

type StartInput = { modality: 'A'; areaId: string; dueBy?: string | null | undefined } | { modality: 'B'; topic: string; dueBy?: string | null | undefined };

/** Starts a process: A for a priority area of the catalogue in use, B on a topic. */
export async function startModalityProcess(context: Context, access: ModalityAccess, input: StartInput): Promise<string> {
  let subject: { kind: 'area'; areaId: string } | { kind: 'topic' };
  let title: string;
  if (input.modality === 'A') {
    const { catalogue } = await catalogueFor(context, access.principal, access.organisationId, 'catalogue.read');
    const area = allAreas(catalogue).find((candidate) => candidate.id === input.areaId);
    if (!area) throw problem('ERR_MODALITY_AREA_NOT_FOUND', { areaId: input.areaId, organisationId: access.organisationId });
    subject = { kind: 'area', areaId: area.id };
    title = area.title;
  } else {
    subject = { kind: 'topic' };
    title = input.topic;
  }
  const members = await memberStates(context, access.organisationId);
  const processId = context.newId();
  const at = context.now().toISOString();
  const actor = managerActor(access);
  const events: ModalityRegisterEvent[] = [{ type: 'modality.started', at, actor, data: { processId, modality: input.modality, subject, title, members } }];
  if (input.dueBy) events.push({ type: 'modality.deadline.set', at, actor, data: { processId, stage: 'open', dueBy: new Date(input.dueBy).toISOString() } });
  await appendChecked(context, access.organisationId, () => events);
  return processId;
}

/** The secretariat's or the chair's hand on starting a process or setting a deadline. */
function managerActor(access: ModalityAccess): Actor {
  return { user: access.principal.userId, delegation: null, role: access.list.some((m) => m.role === 'secretariat') ? 'secretariat' : 'chair' };
}

async function appendChecked(context: Pick<Context, 'modalities'>, organisationId: string, build: (register: ModalityRegister) => ModalityRegisterEvent[]): Promise<void> {
  await context.modalities.append(organisationId, {
    build(register) {
      const events = build(register);
      // Each event is checked against the register as the earlier ones leave it: a copy, so the cached state is untouched.
      const scratch: ModalityRegister = { processes: new Map([...register.processes].map(([id, entry]) => [id, structuredClone(entry)])), version: register.version };
      for (const event of events) {
        const result = tryApplyModalityRegisterEvent(scratch, event);
        if (!result.ok) refused(result.rejection);
      }
      return events;
    },
  });
}

export async function setProcessDeadline(context: Context, access: ModalityAccess, processId: string, stage: RegisteredProcess['process']['stage'], dueBy: string): Promise<void> {
  await findProcess(context, access.organisationId, processId);
  const at = context.now().toISOString();
  await appendChecked(context, access.organisationId, () => [{ type: 'modality.deadline.set', at, actor: managerActor(access), data: { processId, stage, dueBy: new Date(dueBy).toISOString() } }]);
}

/** The machine's event for a step body, the caller as its actor. */
function stepEvent(body: ModalityStepBody, at: string, actor: ModalityEvent['actor'], documentId: string): ModalityEvent {
  switch (body.type) {
    case 'interest.expressed':
    case 'views.exchanged':
      return { type: body.type, at, actor, state: actor.role === 'state' ? actor.state : '' };
    case 'coordinator.appointed':
      return { type: body.type, at, actor, states: body.states };
    case 'concept-paper.drafted':
    case 'working-paper.produced':
      return { type: body.type, at, actor, documentId };
    case 'experts.nominated':
      return { type: body.type, at, actor, state: actor.role === 'state' ? actor.state : '', experts: body.experts };
    case 'specialized-meeting.organised':
      return { type: body.type, at, actor, meetingId: body.meetingId, hostState: body.hostState };
    case 'swg.considered':
      return { type: body.type, at, actor, outcome: body.outcome };
    case 'silence.opened':
      return { type: body.type, at, actor, deadline: new Date(body.deadline).toISOString() };
    case 'silence.broken':
      return { type: body.type, at, actor, objection: body.objection };
    default:
      return { type: body.type, at, actor };
  }
}

/**
 * Records one step. A paper given as text is imported as a new document only once the step is
 * known to apply (checked with the register as it is now, and again when appending).
 */
export async function recordModalityStep(context: Context, access: ModalityAccess, processId: string, body: ModalityStepBody): Promise<void> {
  const entry = await findProcess(context, access.organisationId, processId);
  const state = 'state' in body ? body.state : undefined;
  const { actor, recorder } = stepActors(access, body.type, entry.process, state);
  let documentId = '';
  if (body.type === 'concept-paper.drafted' || body.type === 'working-paper.produced') {
    if (body.documentId) {
      const [doc] = await context.database.db
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.id, body.documentId), eq(documents.organisationId, access.organisationId)));
      if (!doc) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId: body.documentId });
      documentId = doc.id;
    } else if (!body.paper) {
      throw problem('ERR_REQUEST_INVALID', { issues: 'documentId or paper: name the document that holds the paper, or give its text' });
    } else {
      const early = checkModalityEvent(entry.process, stepEvent(body, context.now().toISOString(), actor, 'to-be-imported'));
      if (early) refused(early);
      const { doc } = await importDocument(context, {
        organisationId: access.organisationId,
        text: body.paper.text,
        title: body.paper.title,
        notation: body.paper.notation ?? null,
        actor: recorder,
      });
      documentId = doc.id;
    }
  }
  const at = context.now().toISOString();
  const step = stepEvent(body, at, actor, documentId);
  await appendChecked(context, access.organisationId, () => [{ type: 'modality.step.recorded', at, actor: recorder, data: { processId, step, note: body.note ?? null } }]);
  await notifyStep(context, access.organisationId, entry, step);
}

/** After a step commits: a silence procedure opened or broken is news to every member. */
async function notifyStep(context: Pick<Context, 'notifications'>, organisationId: string, entry: RegisteredProcess, step: ModalityEvent): Promise<void> {
  const everyone = { delegations: entry.process.members, roles: ['secretariat', 'chair'] as const };
  const key = `${entry.process.id}:${step.type}:${step.at}`;
  if (step.type === 'silence.opened') {
    await context.notifications.notifySafely({
      organisationId,
      kind: 'silence-opened',
      params: { process: entry.title, deadline: step.deadline },
      audience: everyone,
      link: processLink(entry.process.id),
      dedupeKey: `silence-opened:${key}`,
    });
  } else if (step.type === 'silence.broken' && step.actor.role === 'state') {
    await context.notifications.notifySafely({
      organisationId,
      kind: 'silence-broken',
      params: { process: entry.title, state: step.actor.state, objection: step.objection.trim() },
      audience: everyone,
      link: processLink(entry.process.id),
      dedupeKey: `silence-broken:${key}`,
    });
  }
}
