/**
 * What routes and services share: the per-app context and the app's types. Kept apart from
 * app.ts so that routes depend on it and app.ts on them, without a cycle.
 */
import type { FastifyInstance } from 'fastify';
import type { AccessRule } from './auth/policy.ts';
import type { Principal } from './auth/principal.ts';
import type { Caches, KeyedCache } from './cache.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { documents } from './db/schema.ts';
import type { ExchangeHub } from './live/exchange-hub.ts';
import type { LiveHub } from './live/hub.ts';
import type { CalendarEvent, CalendarState, CatalogueEvent, CatalogueState } from '../core/index.ts';
import type { ExchangeStore } from './services/exchange-domain.ts';
import type { NoteCirculationSignal } from './services/note-circulation.ts';
import type { NotesVerbalesStore } from './services/notes-verbales.ts';
import type { ModalityStore } from './store/modality-register.ts';
import type { Notifier } from './notifications/notifier.ts';
import type { NotificationHub } from './live/notification-hub.ts';
import type { EventStore } from './store/event-store.ts';
import type { RegisterStore } from './store/register-store.ts';

export interface Context {
  readonly database: Database;
  readonly store: EventStore;
  /** The catalogue's register: coordinators, chosen measures, implementation reports. */
  readonly catalogue: RegisterStore<CatalogueState, CatalogueEvent>;
  readonly hub: LiveHub;
  /** The meetings of the organisation's bodies, their agendas and records (not the meeting mode on a document). */
  readonly calendar: RegisterStore<CalendarState, CalendarEvent>;
  /** The information exchange: a register of the log, folded by src/core/exchange. */
  readonly exchange: ExchangeStore;
  /** Commits of the exchange, for its live notifications. */
  readonly exchangeHub: ExchangeHub;
  /** The notes verbales registry: a register of the log, folded by src/core/notes-verbales. */
  readonly notesVerbales: NotesVerbalesStore;
  /** "A note verbale was circulated to these delegations", after commit: notifications listen here. */
  readonly noteCirculation: NoteCirculationSignal;
  /** Section 3's modality processes: a register of the log, folded by src/core/modalities. */
  readonly modalities: ModalityStore;
  /** notify(...): in the app and by e-mail, as each user chose. */
  readonly notifications: Notifier;
  /** New notifications, for their users' live connections. */
  readonly notificationHub: NotificationHub;
  readonly caches: Caches;
  /** Session id → the signed-in user with memberships. */
  readonly principals: KeyedCache<Principal>;
  /** Document rows, for authorization: their version and updatedAt are stale by design (ask the store). */
  readonly documents: KeyedCache<typeof documents.$inferSelect>;
  /** Organisation id → its delegation codes. */
  readonly delegationCodes: KeyedCache<ReadonlySet<string>>;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly config: ServerConfig;
}

export type App = FastifyInstance & { parley: Context; routeTable: RouteEntry[] };
export type ZodApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: AccessRule | undefined;
}

