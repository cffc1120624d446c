import { describe, expect, it } from 'vitest';
import { applyModalityEvent, applyModalityEventOrThrow } from './apply-modality-event.ts';
import { dueSteps } from './due-steps.ts';
import type { ModalityEvent } from './modality-event.ts';
import { startProcess, type ModalityProcess } from './modality-process.ts';
import { chairman, experts, june, MEMBERS, secretariat, soc, state, swg } from './test-helpers.ts';

const TO_PAPER: ModalityEvent[] = [
  { type: 'views.exchanged', at: june(1), actor: state('THA'), state: 'THA' },
  { type: 'views.exchanged', at: june(2), actor: state('TUR'), state: 'TUR' },
  { type: 'database.compiled', at: june(5), actor: secretariat },
  { type: 'experts.nominated', at: june(6), actor: state('THA'), state: 'THA', experts: ['Dr A', ' '] },
  { type: 'experts.nominated', at: june(7), actor: state('KAZ'), state: 'KAZ', experts: ['Prof B'] },
  { type: 'specialized-meeting.organised', at: june(8), actor: secretariat, meetingId: 'sme-2021-07', hostState: 'THA' },
  { type: 'working-paper.produced', at: june(20), actor: experts, documentId: 'wp-1' },
];

function processAt(events: readonly ModalityEvent[]): ModalityProcess {
  const process = startProcess({ id: 'p2', modality: 'B', priorityArea: 'environmental/disasters', members: MEMBERS });
  for (const event of events) applyModalityEventOrThrow(process, event);
  return process;
}

describe('modality B', () => {
  it('goes from an exchange of views through experts and a working paper to the SOC', () => {
    const process = processAt([
      ...TO_PAPER,
      { type: 'swg.considered', at: june(22), actor: swg, outcome: 'agreed' },
      { type: 'soc.submitted', at: june(23), actor: chairman },
      { type: 'soc.approved', at: june(28), actor: soc },
    ]);
    expect(process.stage).toBe('approved');
    expect(process.participants).toEqual(['THA', 'TUR']);
    expect(process.nominations.map((nomination) => [nomination.state, nomination.experts])).toEqual([
      ['THA', ['Dr A']],
      ['KAZ', ['Prof B']],
    ]);
    expect(process.specializedMeeting).toEqual({ meetingId: 'sme-2021-07', hostState: 'THA' });
    expect(process.paperId).toBe('wp-1');
  });

  it('keeps taking nominations until the meeting is organised, then waits for the experts', () => {
    const nominating = processAt(TO_PAPER.slice(0, 4));
    expect(dueSteps(nominating).map((step) => step.type)).toEqual(['experts.nominated', 'specialized-meeting.organised']);
    const organised = processAt(TO_PAPER.slice(0, 6));
    expect(dueSteps(organised)).toEqual([expect.objectContaining({ type: 'working-paper.produced', actors: ['experts'] })]);
  });

  it('sends a working paper the SWG does not agree back to the experts', () => {
    const process = processAt([...TO_PAPER, { type: 'swg.considered', at: june(22), actor: swg, outcome: 'not-agreed' }]);
    expect(process.stage).toBe('meeting-organised');
  });

  it.each([
    ['compiling before anyone shared views', [], { type: 'database.compiled', at: june(1), actor: secretariat }, 'OUT_OF_ORDER'],
    ['organising a meeting before any nomination', TO_PAPER.slice(0, 3), { type: 'specialized-meeting.organised', at: june(8), actor: secretariat, meetingId: 'm', hostState: 'THA' }, 'OUT_OF_ORDER'],
    ['a nomination with no names', TO_PAPER.slice(0, 3), { type: 'experts.nominated', at: june(6), actor: state('RUS'), state: 'RUS', experts: [' '] }, 'BAD_VALUE'],
    ['a state nominating for another', TO_PAPER.slice(0, 3), { type: 'experts.nominated', at: june(6), actor: state('RUS'), state: 'THA', experts: ['X'] }, 'WRONG_ACTOR'],
    ['the secretariat writing the working paper', TO_PAPER.slice(0, 6), { type: 'working-paper.produced', at: june(20), actor: secretariat, documentId: 'wp' }, 'WRONG_ACTOR'],
    ['a concept paper, which is modality A', TO_PAPER.slice(0, 6), { type: 'concept-paper.drafted', at: june(20), actor: state('THA'), documentId: 'wp' }, 'WRONG_MODALITY'],
    ['the SOC before the SWG', TO_PAPER, { type: 'soc.submitted', at: june(21), actor: secretariat }, 'OUT_OF_ORDER'],
  ] as const)('refuses %s', (_name, before, event, code) => {
    const process = processAt(before);
    const snapshot = structuredClone(process);
    expect(applyModalityEvent(process, event as ModalityEvent)).toMatchObject({ ok: false, rejection: { code } });
    expect(process).toEqual(snapshot);
  });
});
