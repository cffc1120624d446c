/** Medians of repeated runs, after warm-up: the only way figures are taken in bench/. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function time(run: () => unknown, { warmup = 5, runs = 31 }: { warmup?: number; runs?: number } = {}): number {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export function report(figure: Record<string, unknown>): void {
  const rounded = Object.fromEntries(Object.entries(figure).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : v]));
  process.stdout.write(JSON.stringify(rounded) + '\n');
}
