/**
 * Fans live messages out to the SSE subscribers of this process. Messages arrive through
 * the database's LISTEN (PGlite: in-process; Postgres: from every server process), so a
 * commit made by any process reaches the subscribers of all of them, and only after it
 * committed.
 */
import type { Database } from '../db/database.ts';
import { LIVE_CHANNEL, type LiveMessage } from '../store/event-store.ts';

export type Subscriber = (message: LiveMessage) => void;

export class LiveHub {
  readonly #byDocument = new Map<string, Set<Subscriber>>();
  readonly #onAny: Subscriber;

  /** `onAny` sees every message, whether or not anyone subscribed to its document. */
  constructor(onAny: Subscriber = () => undefined) {
    this.#onAny = onAny;
  }
  #stop: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.#stop = await database.listen(LIVE_CHANNEL, (payload) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(payload) as LiveMessage;
      } catch {
        return;
      }
      this.publish(message);
    });
  }

  publish(message: LiveMessage): void {
    this.#onAny(message);
    const subscribers = this.#byDocument.get(message.documentId);
    if (!subscribers) return;
    for (const subscriber of subscribers) subscriber(message);
  }

  subscribe(documentId: string, subscriber: Subscriber): () => void {
    let set = this.#byDocument.get(documentId);
    if (!set) {
      set = new Set();
      this.#byDocument.set(documentId, set);
    }
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.#byDocument.delete(documentId);
    };
  }

  async stop(): Promise<void> {
    await this.#stop?.();
    this.#stop = undefined;
    this.#byDocument.clear();
  }
}
