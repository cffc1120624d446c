/**
 * Reads what heap-probe.mjs wrote in a server process: the heap in use after each major
 * collection. Its growth after warm-up is the leak figure; RSS (rss-sampler.ts) is the
 * figure an operator sees, which also moves with what V8 and the allocator hold in reserve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { growth } from './rss-sampler.ts';

/** Node options that load the probe; the probe writes only where PARLEY_HEAP_PROBE_FILE says. */
export const HEAP_PROBE_OPTIONS: readonly string[] = ['--import', join(import.meta.dirname, 'heap-probe.mjs')];

interface ProbeLine {
  readonly at: number;
  readonly usedMb: number;
  readonly totalMb: number;
  readonly pauseMs: number;
}

export interface LiveHeapFigures {
  /** Every major collection the process made, warm-up included. */
  readonly majorCollections: number;
  readonly longestMajorPauseMs: number;
  /** After warm-up; null when no major collection happened after it (a short run). */
  readonly afterWarmup: {
    readonly majorCollections: number;
    /** Heap in use after major collections: after warm-up (mean of five) → highest → end (mean of five). */
    readonly liveHeapMbAfterWarmup: number;
    readonly liveHeapMbMaxAfterWarmup: number;
    readonly liveHeapMbAtEnd: number;
    readonly liveHeapMaxGrowthPct: number;
    readonly liveHeapEndGrowthPct: number;
    /** The heap V8 had reserved, at the first and the last major collection after warm-up. */
    readonly heapTotalMbAfterWarmup: number;
    readonly heapTotalMbAtEnd: number;
  } | null;
}

/** `startedAt`: the epoch ms the run's clock counts from (warm-up is measured from it); null when the probe wrote nothing. */
export function liveHeapFigures(file: string, startedAt: number, warmupMs: number): LiveHeapFigures | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProbeLine);
  const after = lines.filter((line) => line.at - startedAt >= warmupMs);
  const used = growth(
    lines.map((line) => ({ at: line.at - startedAt, mb: line.usedMb })),
    warmupMs,
  );
  return {
    majorCollections: lines.length,
    longestMajorPauseMs: Math.max(0, ...lines.map((line) => line.pauseMs)),
    afterWarmup:
      after.length === 0
        ? null
        : {
            majorCollections: after.length,
            liveHeapMbAfterWarmup: used.baseline,
            liveHeapMbMaxAfterWarmup: used.max,
            liveHeapMbAtEnd: used.end,
            liveHeapMaxGrowthPct: used.maxGrowthPct,
            liveHeapEndGrowthPct: used.endGrowthPct,
            heapTotalMbAfterWarmup: after[0]!.totalMb,
            heapTotalMbAtEnd: after.at(-1)!.totalMb,
          },
  };
}
