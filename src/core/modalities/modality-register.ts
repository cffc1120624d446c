/**
 * An organisation's modality processes as a register of its log: each process started, each
 * step recorded, each deadline set is one event. The register wraps the section 3 state
 * machine (apply-modality-event) with what the log needs and the machine does not: who
 * recorded a step (a user), a remark on it, what the process is about, and by when the steps
 * of the current stage are due.
 *
 * A deadline belongs to the stage it was set for: once the process moves to another stage,
 * what was due there is no longer due, so the deadline goes with it.
 */
import type { Actor } from '../events/event.ts';
import { applyModalityEventOrThrow, checkModalityEvent } from './apply-modality-event.ts';
import type { ModalityEvent } from './modality-event.ts';
import { startProcess, type Modality, type ModalityProcess, type ModalityStage } from './modality-process.ts';
import { rejectModality, type ModalityRejection } from './modality-rejection.ts';

/** What a process implements: a priority area of the catalogue (modality A) or a topic (modality B). */
export type ProcessSubject = { readonly kind: 'area'; readonly areaId: string } | { readonly kind: 'topic' };

interface RegisterEventBase<T extends string, D> {
  readonly type: T;
  readonly at: string;
  /** The user who recorded it and the capacity they acted in. */
  readonly actor: Actor;
  readonly data: D;
}

export type ModalityRegisterEvent =
  | RegisterEventBase<
      'modality.started',
      {
        readonly processId: string;
        readonly modality: Modality;
        readonly subject: ProcessSubject;
        readonly title: string;
        readonly members: readonly string[];
      }
    >
  | RegisterEventBase<'modality.step.recorded', { readonly processId: string; readonly step: ModalityEvent; readonly note: string | null }>
  | RegisterEventBase<'modality.deadline.set', { readonly processId: string; readonly stage: ModalityStage; readonly dueBy: string }>;

/** A step as the register keeps it: the machine's event, who recorded it, and the remark. */
export interface RecordedStep {
  readonly step: ModalityEvent;
  readonly recordedBy: Actor;
  readonly note: string | null;
}

export interface RegisteredProcess {
  readonly process: ModalityProcess;
  readonly subject: ProcessSubject;
  readonly title: string;
  readonly startedAt: string;
  readonly startedBy: Actor;
  readonly steps: RecordedStep[];
  /** When the steps due at `dueBy.stage` must be taken; dropped when the stage changes. */
  dueBy: { readonly stage: ModalityStage; readonly at: string; readonly setAt: string } | null;
}

export interface ModalityRegister {
  readonly processes: Map<string, RegisteredProcess>;
  version: number;
}

export function emptyModalityRegister(): ModalityRegister {
  return { processes: new Map(), version: 0 };
}

export type ModalityRegisterResult = { readonly ok: true } | { readonly ok: false; readonly rejection: ModalityRejection };

function isInstant(value: string): boolean {
  return value.endsWith('Z') && !Number.isNaN(Date.parse(value));
}

/** Applies one register event: validated completely first, so a refused event changes nothing. */
export function tryApplyModalityRegisterEvent(register: ModalityRegister, event: ModalityRegisterEvent): ModalityRegisterResult {
  const rejection = checkModalityRegisterEvent(register, event);
  if (rejection) return { ok: false, rejection };
  mutate(register, event);
  register.version += 1;
  return { ok: true };
}

/** Why `event` cannot apply to `register` now, or undefined when it can. Changes nothing. */
export function checkModalityRegisterEvent(register: ModalityRegister, event: ModalityRegisterEvent): ModalityRejection | undefined {
  if (!isInstant(event.at)) return rejectModality('BAD_DATE', `"${event.at}" is not a UTC instant such as 2021-06-02T08:00:00Z.`);
  switch (event.type) {
    case 'modality.started': {
      const { processId, modality, title, members } = event.data;
      if (!processId.trim()) return rejectModality('BAD_VALUE', 'A process needs an id.');
      if (register.processes.has(processId)) return rejectModality('ALREADY_DONE', `A process ${processId} already exists.`);
      if (modality !== 'A' && modality !== 'B') return rejectModality('BAD_VALUE', `There is no modality ${String(modality)}; section 3 has A and B.`);
      if (!title.trim()) return rejectModality('BAD_VALUE', 'A process needs a title: the priority area or the topic.');
      if (members.length === 0) return rejectModality('BAD_VALUE', 'A process needs the list of member states.');
      return undefined;
    }
    case 'modality.step.recorded': {
      const entry = register.processes.get(event.data.processId);
      if (!entry) return rejectModality('BAD_VALUE', `There is no process ${event.data.processId}.`);
      if (event.data.step.at !== event.at) return rejectModality('BAD_DATE', 'A step is recorded when it is taken: its date and the record’s must be the same.');
      return checkModalityEvent(entry.process, event.data.step);
    }
    case 'modality.deadline.set': {
      const entry = register.processes.get(event.data.processId);
      if (!entry) return rejectModality('BAD_VALUE', `There is no process ${event.data.processId}.`);
      const { stage, dueBy } = event.data;
      if (entry.process.stage === 'approved') return rejectModality('OUT_OF_ORDER', 'The process is complete: nothing more is due.');
      if (stage !== entry.process.stage) return rejectModality('OUT_OF_ORDER', `The process is at "${entry.process.stage}", not "${stage}": reload it and set the deadline again.`);
      if (!isInstant(dueBy)) return rejectModality('BAD_DATE', `The deadline "${dueBy}" is not a UTC instant.`);
      if (Date.parse(dueBy) <= Date.parse(event.at)) return rejectModality('BAD_DATE', `The deadline ${dueBy} must come after the day it is set (${event.at}).`);
      return undefined;
    }
    default:
      return rejectModality('BAD_VALUE', `Unknown modality event ${(event as { type: string }).type}.`);
  }
}

function mutate(register: ModalityRegister, event: ModalityRegisterEvent): void {
  switch (event.type) {
    case 'modality.started': {
      const { processId, modality, subject, title, members } = event.data;
      register.processes.set(processId, {
        process: startProcess({ id: processId, modality, priorityArea: subject.kind === 'area' ? subject.areaId : title.trim(), members }),
        subject,
        title: title.trim(),
        startedAt: event.at,
        startedBy: event.actor,
        steps: [],
        dueBy: null,
      });
      break;
    }
    case 'modality.step.recorded': {
      const entry = register.processes.get(event.data.processId)!;
      const before = entry.process.stage;
      applyModalityEventOrThrow(entry.process, event.data.step);
      entry.steps.push({ step: event.data.step, recordedBy: event.actor, note: event.data.note });
      if (entry.dueBy && entry.process.stage !== before) entry.dueBy = null;
      break;
    }
    case 'modality.deadline.set': {
      const entry = register.processes.get(event.data.processId)!;
      entry.dueBy = { stage: event.data.stage, at: event.data.dueBy, setAt: event.at };
      break;
    }
  }
}
