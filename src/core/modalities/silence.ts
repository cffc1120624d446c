import type { ModalityProcess } from './modality-process.ts';

/**
 * What a silence procedure amounts to at `now` (passed in: core has no clock).
 * - none: no procedure was opened, or a broken one has not been reopened;
 * - running: before the deadline, nobody objected yet;
 * - broken: a state objected in writing before the deadline;
 * - ended: the deadline passed in silence — the paper stands approved, whether or not the
 *   secretariat has recorded silence.concluded yet.
 */
export type SilenceOutcome =
  | { readonly status: 'none' }
  | { readonly status: 'running'; readonly deadline: string; readonly remainingMs: number }
  | { readonly status: 'broken'; readonly deadline: string; readonly by: string; readonly at: string; readonly objection: string }
  | { readonly status: 'ended'; readonly deadline: string; readonly recorded: boolean };

export function silenceOutcome(process: ModalityProcess, now: string): SilenceOutcome {
  const nowMillis = Date.parse(now);
  if (!now.endsWith('Z') || Number.isNaN(nowMillis)) throw new RangeError(`"${now}" is not a UTC instant such as 2021-06-02T08:00:00Z.`);
  const silence = process.silence;
  if (!silence) return { status: 'none' };
  if (silence.broken) return { status: 'broken', deadline: silence.deadline, by: silence.broken.state, at: silence.broken.at, objection: silence.broken.objection };
  const remainingMs = Date.parse(silence.deadline) - nowMillis;
  if (remainingMs > 0) return { status: 'running', deadline: silence.deadline, remainingMs };
  return { status: 'ended', deadline: silence.deadline, recorded: process.stage === 'approved' };
}
