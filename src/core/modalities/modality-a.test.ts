import { describe, expect, it } from 'vitest';
import { applyModalityEvent, applyModalityEventOrThrow } from './apply-modality-event.ts';
import { dueSteps } from './due-steps.ts';
import type { ModalityEvent } from './modality-event.ts';
import { startProcess, type ModalityProcess } from './modality-process.ts';
import type { ModalityRejectionCode } from './modality-rejection.ts';
import { silenceOutcome } from './silence.ts';
import { chairman, june, MEMBERS, secretariat, soc, state, swg } from './test-helpers.ts';

/** Modality A up to the SOC: interest, consultation, coordinator, paper, circulation, SWG. */
const UP_TO_SOC: ModalityEvent[] = [
  { type: 'interest.expressed', at: june(1), actor: state('RUS'), state: 'RUS' },
  { type: 'interest.expressed', at: june(2), actor: state('KAZ'), state: 'KAZ' },
  { type: 'chairman.consulted', at: june(3), actor: chairman },
  { type: 'coordinator.appointed', at: june(4), actor: chairman, states: ['RUS', 'KAZ'] },
  { type: 'concept-paper.drafted', at: june(10), actor: state('RUS'), documentId: 'concept-sme' },
  { type: 'paper.circulated', at: june(11), actor: secretariat },
  { type: 'swg.considered', at: june(15), actor: swg, outcome: 'agreed' },
  { type: 'soc.submitted', at: june(16), actor: secretariat },
];

function processAt(events: readonly ModalityEvent[]): ModalityProcess {
  const process = startProcess({ id: 'p1', modality: 'A', priorityArea: 'economic/sme', members: MEMBERS });
  for (const event of events) applyModalityEventOrThrow(process, event);
  return process;
}

function expectRejected(process: ModalityProcess, event: ModalityEvent, code: ModalityRejectionCode, message: RegExp): void {
  const before = structuredClone(process);
  const result = applyModalityEvent(process, event);
  expect(result).toMatchObject({ ok: false, rejection: { code } });
  if (!result.ok) expect(result.rejection.message).toMatch(message);
  // Validate fully, then mutate: a refused step leaves no trace.
  expect(process).toEqual(before);
}

describe('modality A', () => {
  it('goes from interest to SOC approval in session', () => {
    const process = processAt([...UP_TO_SOC, { type: 'soc.approved', at: june(20), actor: soc }]);
    expect(process.stage).toBe('approved');
    expect(process.coordinators).toEqual(['RUS', 'KAZ']);
    expect(process.paperId).toBe('concept-sme');
    expect(process.history).toHaveLength(9);
    expect(dueSteps(process)).toEqual([]);
  });

  it('is approved by a silence procedure that nobody breaks', () => {
    const process = processAt([...UP_TO_SOC, { type: 'silence.opened', at: june(16, 12), actor: secretariat, deadline: june(23, 18) }]);
    expect(silenceOutcome(process, june(20))).toMatchObject({ status: 'running', remainingMs: (3 * 24 + 9) * 3600_000 });
    expect(silenceOutcome(process, june(23, 18))).toEqual({ status: 'ended', deadline: june(23, 18), recorded: false });
    applyModalityEventOrThrow(process, { type: 'silence.concluded', at: june(24), actor: secretariat });
    expect(process.stage).toBe('approved');
    expect(silenceOutcome(process, june(24))).toMatchObject({ status: 'ended', recorded: true });
  });

  it('lets any member state break silence with a written objection before the deadline, then reopens it', () => {
    const process = processAt([...UP_TO_SOC, { type: 'silence.opened', at: june(16, 12), actor: secretariat, deadline: june(23, 18) }]);
    applyModalityEventOrThrow(process, { type: 'silence.broken', at: june(23, 17), actor: state('THA'), objection: ' Paragraph 4 needs more time. ' });
    expect(process.stage).toBe('submitted-to-soc');
    expect(silenceOutcome(process, june(24))).toEqual({ status: 'broken', deadline: june(23, 18), by: 'THA', at: june(23, 17), objection: 'Paragraph 4 needs more time.' });
    applyModalityEventOrThrow(process, { type: 'silence.opened', at: june(25), actor: secretariat, deadline: june(30) });
    expect(silenceOutcome(process, june(26))).toMatchObject({ status: 'running', deadline: june(30) });
  });

  it('sends a paper the SWG does not agree back to the coordinator', () => {
    const process = processAt(UP_TO_SOC.slice(0, 6));
    applyModalityEventOrThrow(process, { type: 'swg.considered', at: june(15), actor: swg, outcome: 'not-agreed' });
    expect(process.stage).toBe('coordinator-appointed');
    expect(dueSteps(process)).toEqual([expect.objectContaining({ type: 'concept-paper.drafted', states: ['RUS', 'KAZ'] })]);
  });

  it('says what is due from whom at the start', () => {
    const process = processAt([]);
    expect(dueSteps(process)).toEqual([{ type: 'interest.expressed', actors: ['state'], states: MEMBERS, due: 'Member states may express interest in the priority area.' }]);
  });

  describe('refuses', () => {
    it('a step out of order', () => {
      expectRejected(processAt(UP_TO_SOC.slice(0, 4)), { type: 'paper.circulated', at: june(5), actor: secretariat }, 'OUT_OF_ORDER', /follows "paper-drafted"/);
      expectRejected(processAt([]), { type: 'chairman.consulted', at: june(1), actor: chairman }, 'OUT_OF_ORDER', /at "open"/);
    });

    it('a step by the wrong actor', () => {
      expectRejected(processAt(UP_TO_SOC.slice(0, 5)), { type: 'paper.circulated', at: june(11), actor: chairman }, 'WRONG_ACTOR', /by the secretariat, not by the chairman/);
      expectRejected(processAt([]), { type: 'interest.expressed', at: june(1), actor: state('KAZ'), state: 'RUS' }, 'WRONG_ACTOR', /Only RUS/);
    });

    it('a coordinator who did not express interest, and a paper drafted by someone else', () => {
      expectRejected(processAt(UP_TO_SOC.slice(0, 3)), { type: 'coordinator.appointed', at: june(4), actor: chairman, states: ['THA'] }, 'NOT_INTERESTED', /THA did not express interest/);
      expectRejected(processAt(UP_TO_SOC.slice(0, 4)), { type: 'concept-paper.drafted', at: june(10), actor: state('TUR'), documentId: 'x' }, 'NOT_COORDINATOR', /RUS, KAZ/);
    });

    it('an objection after the silence deadline, and concluding before it', () => {
      const process = processAt([...UP_TO_SOC, { type: 'silence.opened', at: june(16, 12), actor: secretariat, deadline: june(23, 18) }]);
      expectRejected(process, { type: 'silence.broken', at: june(23, 18), actor: state('THA'), objection: 'Late.' }, 'SILENCE_OVER', /ended at 2021-06-23T18:00:00Z/);
      expectRejected(process, { type: 'silence.concluded', at: june(23, 17), actor: secretariat }, 'SILENCE_RUNNING', /runs until/);
      expectRejected(process, { type: 'silence.broken', at: june(20), actor: state('THA'), objection: '  ' }, 'BAD_VALUE', /written objection/);
      expectRejected(process, { type: 'silence.broken', at: june(20), actor: state('USA'), objection: 'No.' }, 'NOT_A_MEMBER', /USA/);
    });

    it('a deadline before the opening, a date before the last step, a repeated interest, a step of modality B', () => {
      const atSoc = processAt(UP_TO_SOC);
      expectRejected(atSoc, { type: 'silence.opened', at: june(17), actor: secretariat, deadline: june(17) }, 'BAD_DATE', /must come after/);
      expectRejected(atSoc, { type: 'soc.approved', at: june(15), actor: soc }, 'BEFORE_LAST_EVENT', /before the last step/);
      expectRejected(atSoc, { type: 'soc.approved', at: '2021-06-20 09:00', actor: soc }, 'BAD_DATE', /not a UTC instant/);
      expectRejected(processAt(UP_TO_SOC.slice(0, 1)), { type: 'interest.expressed', at: june(2), actor: state('RUS'), state: 'RUS' }, 'ALREADY_DONE', /already expressed interest/);
      expectRejected(processAt([]), { type: 'views.exchanged', at: june(1), actor: state('RUS'), state: 'RUS' }, 'WRONG_MODALITY', /modality B/);
    });

    it('and throws the rejection where asked to', () => {
      expect(() => applyModalityEventOrThrow(processAt([]), { type: 'soc.approved', at: june(1), actor: soc })).toThrow(/cannot happen while the process is at "open"/);
    });
  });
});
