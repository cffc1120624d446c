/**
 * Preloaded into a server process by the soak (`node --import …/heap-probe.mjs`), never by
 * `npm start`: after each major garbage collection it appends the heap's size to the file
 * named by PARLEY_HEAP_PROBE_FILE, one JSON line `{ at, usedMb, totalMb, pauseMs }`.
 *
 * Why: resident memory (RSS) also moves with what the allocator and V8 keep in reserve, so a
 * step in it does not tell a leak from a heap that grew its capacity. The heap in use right
 * after a major collection is what the program still holds; if that is flat, nothing leaks.
 * Plain JavaScript, so that it loads into the bundle as operators run it, without tsx.
 */
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

const file = process.env.PARLEY_HEAP_PROBE_FILE;
if (file) {
  const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      const heap = v8.getHeapStatistics();
      appendFileSync(file, `${JSON.stringify({ at: Date.now(), usedMb: mb(heap.used_heap_size), totalMb: mb(heap.total_heap_size), pauseMs: Math.round(entry.duration * 10) / 10 })}\n`);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
}
