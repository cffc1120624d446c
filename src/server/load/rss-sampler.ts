/**
 * Samples the resident memory of server processes once a period, and judges whether it stayed
 * flat: the baseline is the mean of the samples taken just after warm-up (caches filled,
 * connections open, JIT done), growth is the highest later sample against it. Every tenth
 * sample also reads how much of it is transparent huge pages, which the kernel may collapse
 * small pages into at any moment: a step in RSS with as large a step in those is the kernel's,
 * not the program's.
 */
import { readFileSync } from 'node:fs';
import { monotonicMs } from './latency-histogram.ts';

export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

/** The process's anonymous memory backed by transparent huge pages, in MB (a walk of its page tables: read it seldom). */
export function anonHugePagesMb(pid: number): number {
  const match = /AnonHugePages:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

export interface MemoryFigures {
  readonly pid: number;
  readonly samples: number;
  readonly rssMbAtStart: number;
  readonly rssMbAfterWarmup: number;
  readonly rssMbMaxAfterWarmup: number;
  readonly rssMbAtEnd: number;
  /** (highest sample after warm-up − baseline) / baseline, in %. */
  readonly maxGrowthPct: number;
  /** (mean of the last five samples − baseline) / baseline, in %. */
  readonly endGrowthPct: number;
  /** RSS in transparent huge pages: the first reading after warm-up, the last. */
  readonly hugePagesMbAfterWarmup: number;
  readonly hugePagesMbAtEnd: number;
}

export class RssSampler {
  readonly #samples = new Map<number, { at: number; mb: number }[]>();
  readonly #hugePages = new Map<number, { at: number; mb: number }[]>();
  readonly #timer: NodeJS.Timeout;
  readonly #startedAt = monotonicMs();

  constructor(pids: readonly number[], periodMs: number) {
    for (const pid of pids) {
      this.#samples.set(pid, []);
      this.#hugePages.set(pid, []);
    }
    const sample = (): void => {
      const at = monotonicMs() - this.#startedAt;
      for (const [pid, list] of this.#samples) {
        try {
          list.push({ at, mb: rssMb(pid) });
          if (list.length % 10 === 1) this.#hugePages.get(pid)!.push({ at, mb: anonHugePagesMb(pid) });
        } catch {
          // the process is gone; the soak reports that as an error of its own
        }
      }
    };
    sample();
    this.#timer = setInterval(sample, periodMs);
  }

  latest(pid: number): number {
    return this.#samples.get(pid)?.at(-1)?.mb ?? 0;
  }

  stop(warmupMs: number): MemoryFigures[] {
    clearInterval(this.#timer);
    return [...this.#samples].map(([pid, list]) => {
      const flat = growth(list, warmupMs);
      const hugePages = this.#hugePages.get(pid)!;
      return {
        pid,
        samples: list.length,
        rssMbAtStart: round(list[0]?.mb ?? 0),
        rssMbAfterWarmup: flat.baseline,
        rssMbMaxAfterWarmup: flat.max,
        rssMbAtEnd: flat.end,
        maxGrowthPct: flat.maxGrowthPct,
        endGrowthPct: flat.endGrowthPct,
        hugePagesMbAfterWarmup: round(hugePages.find((h) => h.at >= warmupMs)?.mb ?? 0),
        hugePagesMbAtEnd: round(hugePages.at(-1)?.mb ?? 0),
      };
    });
  }
}

const round = (n: number): number => Math.round(n * 10) / 10;
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export interface Growth {
  /** The mean of the first five samples after warm-up. */
  readonly baseline: number;
  readonly max: number;
  /** The mean of the last five samples. */
  readonly end: number;
  /** (highest sample after warm-up − baseline) / baseline, in %. */
  readonly maxGrowthPct: number;
  /** (end − baseline) / baseline, in %. */
  readonly endGrowthPct: number;
}

/** How far a series of samples (`at` in ms from the start) rose after warm-up. */
export function growth(samples: readonly { at: number; mb: number }[], warmupMs: number): Growth {
  const after = samples.filter((s) => s.at >= warmupMs);
  const baseline = mean(after.slice(0, 5).map((s) => s.mb));
  const max = Math.max(...after.map((s) => s.mb));
  const end = mean(after.slice(-5).map((s) => s.mb));
  return {
    baseline: round(baseline),
    max: round(max),
    end: round(end),
    maxGrowthPct: round(((max - baseline) / baseline) * 100),
    endGrowthPct: round(((end - baseline) / baseline) * 100),
  };
}
