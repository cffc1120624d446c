import type { ModalityEvent } from './modality-event.ts';

export type Modality = 'A' | 'B';

/** Where a process stands. Each event type moves it from some stages to one other. */
export type ModalityStage =
  | 'open'
  | 'interest-expressed'
  | 'chairman-consulting'
  | 'coordinator-appointed'
  | 'paper-drafted'
  | 'paper-circulated'
  | 'views-exchanged'
  | 'database-compiled'
  | 'experts-nominated'
  | 'meeting-organised'
  | 'paper-produced'
  | 'agreed-by-swg'
  | 'submitted-to-soc'
  | 'silence-procedure'
  | 'approved';

export interface SilenceProcedure {
  readonly openedAt: string;
  readonly deadline: string;
  /** Set when a state broke the silence with a written objection before the deadline. */
  broken?: { readonly state: string; readonly at: string; readonly objection: string };
}

/**
 * One priority area taken through modality A or B. Mutable on purpose: applyModalityEvent
 * validates an event completely before it changes anything, so a rejected event leaves the
 * process as it was.
 */
export interface ModalityProcess {
  readonly id: string;
  readonly modality: Modality;
  readonly priorityArea: string;
  /** The member states that may act as states in this process. */
  readonly members: readonly string[];
  stage: ModalityStage;
  /** Modality A: states that expressed interest; modality B: states that shared views. */
  readonly participants: string[];
  coordinators: readonly string[];
  paperId?: string;
  readonly nominations: { readonly state: string; readonly experts: readonly string[]; readonly at: string }[];
  specializedMeeting?: { readonly meetingId: string; readonly hostState: string };
  /** The latest silence procedure, if any; earlier broken ones stay in the history. */
  silence?: SilenceProcedure;
  readonly history: ModalityEvent[];
}

export function startProcess(input: { id: string; modality: Modality; priorityArea: string; members: readonly string[] }): ModalityProcess {
  if (!input.id.trim()) throw new RangeError('A process needs an id.');
  if (!input.priorityArea.trim()) throw new RangeError('A process needs the priority area it implements.');
  if (input.members.length === 0) throw new RangeError('A process needs the list of member states.');
  return {
    ...input,
    stage: 'open',
    participants: [],
    coordinators: [],
    nominations: [],
    history: [],
  };
}
