/**
 * Fans live messages out to the SSE subscribers of this process. Messages arrive through
 * the database's LISTEN (PGlite: in-process; Postgres: from every server process), so a
 * commit made by any process reaches the subscribers of all of them, and only after it
 * committed. Two kinds travel on the channel: a committed event of a document's log, and a
 * meeting's new state (services/meetings.ts).
 */
import type { Database, ListenState } from '../db/database.ts';
import type { MeetingLiveMessage } from '../services/meetings.ts';
import { LIVE_CHANNEL, type LiveMessage } from '../store/event-store.ts';

export type HubMessage = LiveMessage | MeetingLiveMessage;
export type Subscriber = (message: HubMessage) => void;

export function isMeetingMessage(message: HubMessage): message is MeetingLiveMessage {
  return message.type === 'meeting' && 'meeting' in message;
}

export class LiveHub {
  readonly #byDocument = new Map<string, Set<Subscriber>>();
  readonly #onConnection = new Set<(state: ListenState) => void>();
  readonly #onCommit: (message: LiveMessage) => void;

  /** `onCommit` sees every committed event's message, whether or not anyone subscribed to its document. */
  constructor(onCommit: (message: LiveMessage) => void = () => undefined) {
    this.#onCommit = onCommit;
  }
  #stop: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.#stop = await database.listen(LIVE_CHANNEL, (payload) => {
      let message: HubMessage;
      try {
        message = JSON.parse(payload) as HubMessage;
      } catch {
        return;
      }
      this.publish(message);
    }, (state) => {
      for (const listener of this.#onConnection) listener(state);
    });
  }

  /**
   * Calls `listener('lost')` when the hub stops hearing (the database connection was lost)
   * and `listener('resumed')` when it hears again: the messages of commits made in between
   * never came, so a connection reads them from the log.
   */
  onConnection(listener: (state: ListenState) => void): () => void {
    this.#onConnection.add(listener);
    return () => {
      this.#onConnection.delete(listener);
    };
  }

  publish(message: HubMessage): void {
    if (!isMeetingMessage(message)) this.#onCommit(message);
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
    this.#onConnection.clear();
  }
}
