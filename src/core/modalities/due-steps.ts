import type { ModalityActorRole, ModalityEventType } from './modality-event.ts';
import type { ModalityProcess } from './modality-process.ts';
import { MODALITY_TRANSITIONS } from './transitions.ts';

/** A step that may come next, and who takes it (states named where the rules name them). */
export interface DueStep {
  readonly type: ModalityEventType;
  readonly actors: readonly ModalityActorRole[];
  /** For a state's step: which states can take it (e.g. the coordinators for the concept paper). */
  readonly states?: readonly string[];
  readonly due: string;
}

/** Where the process can go from here, read from the same table that validates events. */
export function dueSteps(process: ModalityProcess): DueStep[] {
  const steps: DueStep[] = [];
  for (const [type, transition] of Object.entries(MODALITY_TRANSITIONS) as [ModalityEventType, (typeof MODALITY_TRANSITIONS)[ModalityEventType]][]) {
    if (!(transition.from[process.modality] ?? []).includes(process.stage)) continue;
    const states = statesFor(process, type);
    steps.push({ type, actors: transition.actors, due: transition.due, ...(states ? { states } : {}) });
  }
  return steps;
}

function statesFor(process: ModalityProcess, type: ModalityEventType): readonly string[] | undefined {
  switch (type) {
    case 'interest.expressed':
    case 'views.exchanged':
      return process.members.filter((state) => !process.participants.includes(state));
    case 'concept-paper.drafted':
      return process.coordinators;
    case 'experts.nominated':
    case 'silence.broken':
      return process.members;
    default:
      return undefined;
  }
}
