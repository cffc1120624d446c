/**
 * Delivery delays as a histogram of 0.1 ms buckets (up to 60 s, then one overflow bucket):
 * a 10-minute soak with 1,000 clients records millions of delays, which a list would hold in
 * memory and ship between processes; buckets keep memory constant, merge across client
 * processes, and give percentiles exact to 0.1 ms.
 */
const RESOLUTION_MS = 0.1;
const BUCKETS = 600_000;

export class LatencyHistogram {
  readonly #counts = new Uint32Array(BUCKETS + 1);
  #total = 0;
  #max = 0;

  record(ms: number): void {
    const value = Math.max(0, ms);
    this.#counts[Math.min(BUCKETS, Math.floor(value / RESOLUTION_MS))]! += 1;
    this.#total += 1;
    if (value > this.#max) this.#max = value;
  }

  get count(): number {
    return this.#total;
  }

  /** The smallest recorded delay such that `p` % of all are at or below it (bucket upper bound). */
  percentile(p: number): number {
    if (this.#total === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.#total));
    let seen = 0;
    for (let bucket = 0; bucket <= BUCKETS; bucket += 1) {
      seen += this.#counts[bucket]!;
      if (seen >= rank) return bucket === BUCKETS ? this.#max : Math.min(this.#max, (bucket + 1) * RESOLUTION_MS);
    }
    return this.#max;
  }

  /** The non-empty buckets as [bucket, count] pairs, for sending to another process. */
  toJSON(): { buckets: [number, number][]; max: number } {
    const buckets: [number, number][] = [];
    this.#counts.forEach((count, bucket) => {
      if (count > 0) buckets.push([bucket, count]);
    });
    return { buckets, max: this.#max };
  }

  merge(other: { buckets: [number, number][]; max: number }): void {
    for (const [bucket, count] of other.buckets) {
      this.#counts[bucket]! += count;
      this.#total += count;
    }
    this.#max = Math.max(this.#max, other.max);
  }

  summary(): { count: number; p50Ms: number; p90Ms: number; p99Ms: number; p999Ms: number; maxMs: number } {
    const round = (ms: number): number => Math.round(ms * 10) / 10;
    return { count: this.#total, p50Ms: round(this.percentile(50)), p90Ms: round(this.percentile(90)), p99Ms: round(this.percentile(99)), p999Ms: round(this.percentile(99.9)), maxMs: round(this.#max) };
  }
}

/** The machine's monotonic clock in ms: the same in every process, unlike timeOrigin + now(). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
