/** mulberry32: a small, fast, seeded generator, the same sequence for the same seed everywhere (randomized tests print their seed). Not for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, below) from a generator. */
export function below(random: () => number, below: number): number {
  return Math.floor(random() * below);
}
