/**
 * Calls `tick(k)` at a steady rate for a duration, on an absolute schedule (start + k / rate),
 * so that a slow tick or a late timer does not lower the rate: the next ticks catch up. Ticks
 * are not awaited — a write that takes long overlaps the next, as with real delegates.
 */
import { monotonicMs } from './latency-histogram.ts';

export async function atSteadyRate(perSecond: number, seconds: number, tick: (k: number) => void): Promise<{ ticks: number; maxLateMs: number }> {
  const interval = 1000 / perSecond;
  const start = monotonicMs();
  const total = Math.floor(perSecond * seconds);
  let maxLateMs = 0;
  for (let k = 0; k < total; k += 1) {
    const due = start + k * interval;
    const wait = due - monotonicMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    maxLateMs = Math.max(maxLateMs, monotonicMs() - due);
    tick(k);
  }
  return { ticks: total, maxLateMs: Math.round(maxLateMs) };
}
