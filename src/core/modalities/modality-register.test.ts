import { describe, expect, it } from 'vitest';
import type { Actor } from '../events/event.ts';
import { emptyModalityRegister, tryApplyModalityRegisterEvent, type ModalityRegister, type ModalityRegisterEvent } from './modality-register.ts';
import { modalityReminders } from './reminders.ts';
import { chairman, june, MEMBERS, state } from './test-helpers.ts';

const secretariat: Actor = { user: 'u-sec', delegation: null, role: 'secretariat' };
const started: ModalityRegisterEvent = {
  type: 'modality.started',
  at: june(1),
  actor: secretariat,
  data: { processId: 'p1', modality: 'A', subject: { kind: 'area', areaId: 'tourism' }, title: ' Tourism ', members: MEMBERS },
};

function registerWith(...events: ModalityRegisterEvent[]): ModalityRegister {
  const register = emptyModalityRegister();
  for (const event of events) {
    const result = tryApplyModalityRegisterEvent(register, event);
    if (!result.ok) throw new Error(result.rejection.message);
  }
  return register;
}

const step = (at: string, event: Record<string, unknown>): ModalityRegisterEvent =>
  ({ type: 'modality.step.recorded', at, actor: secretariat, data: { processId: 'p1', step: { at, ...event }, note: null } }) as ModalityRegisterEvent;

describe('the modalities register', () => {
  it('starts a process once, and records steps through the state machine with who recorded them', () => {
    const register = registerWith(started, step(june(2), { type: 'interest.expressed', actor: state('KAZ'), state: 'KAZ' }));
    const entry = register.processes.get('p1')!;
    expect(entry.title).toBe('Tourism');
    expect(entry.process.stage).toBe('interest-expressed');
    expect(entry.steps[0]).toMatchObject({ recordedBy: secretariat, note: null });
    expect(register.version).toBe(2);
    expect(tryApplyModalityRegisterEvent(register, started)).toMatchObject({ ok: false, rejection: { code: 'ALREADY_DONE' } });
    const before = structuredClone(register);
    expect(tryApplyModalityRegisterEvent(register, step(june(3), { type: 'coordinator.appointed', actor: chairman, states: ['KAZ'] }))).toMatchObject({ ok: false, rejection: { code: 'OUT_OF_ORDER' } });
    expect(register).toEqual(before);
  });

  it('keeps a deadline for the stage it was set for, and drops it when the stage moves on', () => {
    const deadline: ModalityRegisterEvent = { type: 'modality.deadline.set', at: june(1, 10), actor: secretariat, data: { processId: 'p1', stage: 'open', dueBy: june(10) } };
    const register = registerWith(started, deadline);
    expect(register.processes.get('p1')!.dueBy).toEqual({ stage: 'open', at: june(10), setAt: june(1, 10) });
    expect(tryApplyModalityRegisterEvent(register, { ...deadline, data: { ...deadline.data, stage: 'approved' } })).toMatchObject({ ok: false, rejection: { code: 'OUT_OF_ORDER' } });
    expect(tryApplyModalityRegisterEvent(register, { ...deadline, data: { ...deadline.data, dueBy: june(1) } })).toMatchObject({ ok: false, rejection: { code: 'BAD_DATE' } });
    tryApplyModalityRegisterEvent(register, step(june(2), { type: 'interest.expressed', actor: state('KAZ'), state: 'KAZ' }));
    expect(register.processes.get('p1')!.dueBy).toBeNull();
  });

  it('asks for one reminder per crossed lead time, the nearest, and none before the first or after the deadline', () => {
    const entry = registerWith(started, { type: 'modality.deadline.set', at: june(1, 10), actor: secretariat, data: { processId: 'p1', stage: 'open', dueBy: june(10, 12) } }).processes.get('p1')!;
    expect(modalityReminders(entry, june(7, 11))).toEqual([]);
    expect(modalityReminders(entry, june(7, 12))).toEqual([{ processId: 'p1', kind: 'step', deadline: june(10, 12), leadHours: 72, steps: [expect.objectContaining({ type: 'interest.expressed' })] }]);
    expect(modalityReminders(entry, june(9, 13)).map((r) => r.leadHours)).toEqual([24]);
    expect(modalityReminders(entry, june(10, 12))).toEqual([]);
    expect(modalityReminders(entry, june(9, 13), [1]).length).toBe(0);
  });
});
