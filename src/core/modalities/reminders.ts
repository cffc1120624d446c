/**
 * Which reminders a process calls for at `now` (passed in: core has no clock): a deadline set
 * for the current stage's steps, or the deadline of a running silence procedure, once `now`
 * is within one of the lead times before it. Only the nearest lead time crossed counts, so a
 * sweep that ran late sends one reminder, not one per lead time it slept through; the caller
 * keys each reminder by process, deadline and lead so that it is sent once.
 */
import { dueSteps, type DueStep } from './due-steps.ts';
import type { RegisteredProcess } from './modality-register.ts';

export interface ModalityReminder {
  readonly processId: string;
  /** 'step': the steps due at this stage; 'silence': the last chance to object. */
  readonly kind: 'step' | 'silence';
  readonly deadline: string;
  /** The lead time crossed, in hours before the deadline. */
  readonly leadHours: number;
  /** For 'step': who is to act. */
  readonly steps: readonly DueStep[];
}

/** Lead times when no others are configured: three days, then one day, before the deadline. */
export const DEFAULT_REMINDER_LEAD_HOURS: readonly number[] = [72, 24];

export function modalityReminders(entry: RegisteredProcess, now: string, leadHours: readonly number[] = DEFAULT_REMINDER_LEAD_HOURS): ModalityReminder[] {
  const nowMillis = Date.parse(now);
  if (!now.endsWith('Z') || Number.isNaN(nowMillis)) throw new RangeError(`"${now}" is not a UTC instant such as 2021-06-02T08:00:00Z.`);
  const { process } = entry;
  const reminders: ModalityReminder[] = [];
  const lead = (deadline: string): number | undefined => {
    const remaining = Date.parse(deadline) - nowMillis;
    if (remaining <= 0) return undefined;
    const crossed = leadHours.filter((hours) => remaining <= hours * 3600_000);
    return crossed.length === 0 ? undefined : Math.min(...crossed);
  };
  if (entry.dueBy && entry.dueBy.stage === process.stage) {
    const hours = lead(entry.dueBy.at);
    if (hours !== undefined) reminders.push({ processId: process.id, kind: 'step', deadline: entry.dueBy.at, leadHours: hours, steps: dueSteps(process) });
  }
  if (process.stage === 'silence-procedure' && process.silence && !process.silence.broken) {
    const hours = lead(process.silence.deadline);
    if (hours !== undefined) reminders.push({ processId: process.id, kind: 'silence', deadline: process.silence.deadline, leadHours: hours, steps: [] });
  }
  return reminders;
}
