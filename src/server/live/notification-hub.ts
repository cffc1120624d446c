/**
 * Fans new notifications out to this process's live connections: the notifier NOTIFYs
 * NOTIFICATION_CHANNEL with the users told (any process), and each of their connections is
 * nudged to refetch its list. Nothing but "you have something new" travels on it. When
 * listening resumes after a lost database connection, every connection is nudged, since
 * notifications may have been made while the hub was deaf.
 */
import type { Database } from '../db/database.ts';
import { NOTIFICATION_CHANNEL } from '../notifications/notifier.ts';

type Subscriber = () => void;

export class NotificationHub {
  readonly #byUser = new Map<string, Set<Subscriber>>();
  #stop: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.#stop = await database.listen(
      NOTIFICATION_CHANNEL,
      (payload) => {
        const message = JSON.parse(payload) as { organisationId: string; userIds: string[] };
        for (const userId of message.userIds) for (const subscriber of this.#byUser.get(`${message.organisationId}\u0000${userId}`) ?? []) subscriber();
      },
      (state) => {
        if (state !== 'resumed') return;
        for (const subscribers of this.#byUser.values()) for (const subscriber of subscribers) subscriber();
      },
    );
  }

  subscribe(organisationId: string, userId: string, subscriber: Subscriber): () => void {
    const key = `${organisationId}\u0000${userId}`;
    let set = this.#byUser.get(key);
    if (!set) {
      set = new Set();
      this.#byUser.set(key, set);
    }
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.#byUser.delete(key);
    };
  }

  async stop(): Promise<void> {
    await this.#stop?.();
    this.#stop = undefined;
  }
}
