/**
 * Fans the exchange's commits out to this process's SSE connections. The register store
 * NOTIFYs REGISTER_CHANNEL after each commit (any process); this hub tells the connections
 * of that organisation, and each connection then works out, with the domain's
 * notificationsFor, the little its own viewer may learn of each new event — usually nothing.
 * When listening resumes after a lost database connection, every connection catches up from
 * the register's log, which holds whatever committed while the hub was deaf.
 */
import type { Database } from '../db/database.ts';
import { REGISTER_CHANNEL, type RegisterMessage } from '../store/register-store.ts';

/** Called with the version just committed, or with Infinity when commits may have been missed. */
export type ExchangeSubscriber = (version: number) => void;

export class ExchangeHub {
  readonly #byOrganisation = new Map<string, Set<ExchangeSubscriber>>();
  #stop: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.#stop = await database.listen(
      REGISTER_CHANNEL,
      (payload) => {
        const message = JSON.parse(payload) as RegisterMessage;
        if (message.kind !== 'exchange') return;
        for (const subscriber of this.#byOrganisation.get(message.organisationId) ?? []) subscriber(message.version);
      },
      (state) => {
        if (state !== 'resumed') return;
        for (const subscribers of this.#byOrganisation.values()) for (const subscriber of subscribers) subscriber(Infinity);
      },
    );
  }

  subscribe(organisationId: string, subscriber: ExchangeSubscriber): () => void {
    let set = this.#byOrganisation.get(organisationId);
    if (!set) {
      set = new Set();
      this.#byOrganisation.set(organisationId, set);
    }
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.#byOrganisation.delete(organisationId);
    };
  }

  async stop(): Promise<void> {
    await this.#stop?.();
    this.#stop = undefined;
  }
}
