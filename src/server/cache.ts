/**
 * In-process caches of what nearly every request reads — the caller's session with their
 * memberships, and the document row — so that a read of an unchanged document costs no
 * database round trip.
 *
 * Every change that could make an entry wrong invalidates it: in this process at once, and
 * in the other server processes through NOTIFY on {@link CACHE_CHANNEL} (sent after the
 * change commits). A loader stores its result only if no invalidation of that key happened
 * while it was loading, so a slow read cannot put a stale entry back. Entries also expire
 * after {@link TTL_MS}, a bound on staleness should a notification ever be lost. When the
 * listening connection itself is lost (Postgres restarted), every cache is emptied — once when
 * it goes deaf, once when it hears again — since which invalidations it missed cannot be known.
 */
import { sql } from 'drizzle-orm';
import type { Database, Db, ListenState } from './db/database.ts';

export const CACHE_CHANNEL = 'parley_cache';
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

export type CacheMessage =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'session'; readonly sessionId: string }
  | { readonly kind: 'document'; readonly documentId: string }
  /** Invalidations may have been missed (the listening connection was lost, or is back): drop everything. */
  | { readonly kind: 'reset'; readonly state: ListenState };

interface Entry<V> {
  readonly value: V;
  readonly loadedAt: number;
}

/** One keyed cache with generation checks against racing invalidations. */
export class KeyedCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #generations = new Map<string, number>();
  /** Bumped by {@link clear}: a load begun before it stores nothing. */
  #epoch = 0;
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.#entries.get(key);
    if (hit && this.#now() - hit.loadedAt < TTL_MS) return hit.value;
    const generation = this.#generations.get(key) ?? 0;
    const epoch = this.#epoch;
    const value = await load();
    if (value !== undefined && (this.#generations.get(key) ?? 0) === generation && this.#epoch === epoch) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
      this.#entries.set(key, { value, loadedAt: this.#now() });
    }
    return value;
  }

  invalidate(key: string): void {
    this.#entries.delete(key);
    this.#generations.set(key, (this.#generations.get(key) ?? 0) + 1);
  }

  /** Invalidates every entry, and every load under way. */
  clear(): void {
    this.#entries.clear();
    this.#generations.clear();
    this.#epoch += 1;
  }

  /** Invalidates every entry whose value matches. */
  invalidateWhere(predicate: (value: V) => boolean): void {
    for (const [key, entry] of this.#entries) if (predicate(entry.value)) this.invalidate(key);
  }
}

/** Tells every server process (this one too, asynchronously) to drop what `message` names. */
export async function publishInvalidation(db: Db, message: CacheMessage): Promise<void> {
  await db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${JSON.stringify(message)})`);
}

export class Caches {
  readonly #onMessage: ((message: CacheMessage) => void)[] = [];
  #stop: (() => Promise<void>) | undefined;

  /** Registers what to drop for each kind of message; returns the way to stop listening. */
  on(handler: (message: CacheMessage) => void): () => void {
    this.#onMessage.push(handler);
    return () => {
      const index = this.#onMessage.indexOf(handler);
      if (index >= 0) this.#onMessage.splice(index, 1);
    };
  }

  async start(database: Database): Promise<void> {
    this.#stop = await database.listen(
      CACHE_CHANNEL,
      (payload) => {
        try {
          this.apply(JSON.parse(payload) as CacheMessage);
        } catch {
          // A malformed message invalidates nothing; the TTL still bounds staleness.
        }
      },
      (state) => this.apply({ kind: 'reset', state }),
    );
  }

  apply(message: CacheMessage): void {
    for (const handler of this.#onMessage) handler(message);
  }

  /** Drops the entries here at once and tells the other processes (inside `db`'s transaction, if it is one). */
  async invalidate(db: Db, message: CacheMessage): Promise<void> {
    this.apply(message);
    await publishInvalidation(db, message);
  }

  async stop(): Promise<void> {
    await this.#stop?.();
  }
}
