/**
 * An in-process lock per cached state: calls queue behind one another, so a write, a
 * catch-up and a refold of the same state never interleave within this process (other
 * processes are ordered by the database's row lock).
 */
export interface Lockable {
  lock: Promise<void>;
}

export async function runLocked<T>(holder: Lockable, fn: () => Promise<T>): Promise<T> {
  const previous = holder.lock;
  let release!: () => void;
  holder.lock = new Promise<void>((resolve) => {
    release = resolve;
  });
  await previous;
  try {
    return await fn();
  } finally {
    release();
  }
}
