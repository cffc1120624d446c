/**
 * `notify(...)`: the one way anything tells users something. It resolves an audience (users,
 * delegations, roles) to the organisation's active members, keeps to each user's choices
 * (kind, channel), writes one row per user — shown in the app, and queued for e-mail when the
 * user wants that and the organisation sends e-mail — and tells live connections. E-mail goes
 * out after the rows are written (an outbox: a slow mail server never holds up a request),
 * rendered in each recipient's language; failures are retried by the next sweep.
 *
 * Call it after the change it reports has committed: a notification of a refused change would
 * be a lie. Each call names a `dedupeKey`, unique per happening, so that the same happening
 * reported twice (a reminder swept by two processes) is one notification per user.
 */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { NotificationKind, NotificationLanguage } from '../../protocol/notifications.ts';
import type { Database } from '../db/database.ts';
import { memberships, notifications, organisations, users, type MembershipRole } from '../db/schema.ts';
import type { NotificationParamsByKind } from './messages.ts';
import { preferencesOf } from './preferences.ts';
import { renderNotification } from './render.ts';
import { isEmailEnabled, smtpSettingsOf, smtpTransport } from './smtp.ts';

export const NOTIFICATION_CHANNEL = 'parley_notifications';
const MAX_EMAIL_ATTEMPTS = 3;
const DELIVERY_BATCH = 50;
/**
 * A claim older than this was left by a process that died between claiming and sending (a
 * send takes seconds; SMTP timeouts are a minute): the row goes back to pending. At least
 * once, then: a crash after the SMTP peer took the message but before the row said so sends
 * a second copy, which beats a notice never sent.
 */
export const STALE_EMAIL_CLAIM_MS = 10 * 60 * 1000;

/** Who is told: any union of named users, the delegates of delegations, and the holders of roles. */
export interface Audience {
  readonly userIds?: readonly string[];
  readonly delegations?: readonly string[];
  readonly roles?: readonly MembershipRole[];
  /** Never these (the author of what is reported, say). */
  readonly exceptUserIds?: readonly string[];
}

export interface NotifyInput<K extends NotificationKind> {
  readonly organisationId: string;
  readonly kind: K;
  readonly params: NotificationParamsByKind[K];
  readonly audience: Audience;
  /** A path of the web app: /modalities/…, /documents/…#provision-… */
  readonly link?: string | null;
  readonly dedupeKey: string;
}

export interface NotifierOptions {
  readonly now: () => Date;
  readonly newId: () => string;
  /** Prefixed to links in e-mails (PARLEY_PUBLIC_URL); null: the path alone. */
  readonly publicUrl: string | null;
  /** Where a failure that must not fail the caller is reported (the app's log). */
  readonly onError: (error: unknown, what: string) => void;
}

export class Notifier {
  readonly #database: Database;
  readonly #options: NotifierOptions;
  readonly #inFlight = new Set<Promise<void>>();
  #again = false;
  #delivering: Promise<void> | undefined;

  constructor(database: Database, options: NotifierOptions) {
    this.#database = database;
    this.#options = options;
  }

  /** Writes the notifications and queues their e-mails; resolves with the users newly notified. */
  async notify<K extends NotificationKind>(input: NotifyInput<K>): Promise<string[]> {
    const db = this.#database.db;
    const recipients = await this.#resolve(input.organisationId, input.audience);
    if (recipients.length === 0) return [];
    const preferences = await preferencesOf(db, input.organisationId, recipients);
    const emailEnabled = await isEmailEnabled(db, input.organisationId);
    const now = this.#options.now();
    const rows = recipients.flatMap((userId) => {
      const chosen = preferences.get(userId)!;
      const channels = chosen.channels[input.kind];
      const email = channels.email && emailEnabled && chosen.email !== null;
      if (!channels.inApp && !email) return [];
      return [
        {
          id: this.#options.newId(),
          userId,
          organisationId: input.organisationId,
          kind: input.kind,
          params: input.params,
          link: input.link ?? null,
          dedupeKey: input.dedupeKey,
          inApp: channels.inApp,
          emailStatus: email ? ('pending' as const) : ('none' as const),
          emailTo: email ? chosen.email : null,
          createdAt: now,
        },
      ];
    });
    if (rows.length === 0) return [];
    const inserted = await db.transaction(async (tx) => {
      const written = await tx
        .insert(notifications)
        .values(rows)
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
        .returning({ userId: notifications.userId, inApp: notifications.inApp, emailStatus: notifications.emailStatus });
      const live = written.filter((row) => row.inApp).map((row) => row.userId);
      if (live.length > 0) await tx.execute(sql`select pg_notify(${NOTIFICATION_CHANNEL}, ${JSON.stringify({ organisationId: input.organisationId, userIds: live })})`);
      return written;
    });
    if (inserted.some((row) => row.emailStatus === 'pending')) this.kick();
    return inserted.map((row) => row.userId);
  }

  /** `notify` for callers that must not fail because of it (after their own commit). */
  notifySafely<K extends NotificationKind>(input: NotifyInput<K>): Promise<void> {
    return this.notify(input).then(
      () => undefined,
      (error: unknown) => this.#options.onError(error, `notifying ${input.kind}`),
    );
  }

  /** Reports a failure that must not fail the caller (the app's log). */
  reportError(error: unknown, what: string): void {
    this.#options.onError(error, what);
  }

  /** Starts delivering queued e-mails (again, if a round is running). */
  kick(): void {
    if (this.#delivering) {
      this.#again = true;
      return;
    }
    const round = (async () => {
      do {
        this.#again = false;
        try {
          await this.deliverPending();
        } catch (error) {
          this.#options.onError(error, 'delivering e-mail notifications');
        }
      } while (this.#again);
    })().finally(() => {
      this.#delivering = undefined;
      this.#inFlight.delete(round);
    });
    this.#delivering = round;
    this.#inFlight.add(round);
  }

  /** Resolves when no delivery is running (tests, and closing the app). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /**
   * Sends the queued e-mails: each row is claimed (pending → sending) so that two processes
   * never send the same one; a failure goes back to pending until MAX_EMAIL_ATTEMPTS; a claim
   * left by a process that died goes back to pending first (STALE_EMAIL_CLAIM_MS).
   * Returns how many were sent.
   */
  async deliverPending(): Promise<number> {
    const db = this.#database.db;
    const now = this.#options.now();
    await db
      .update(notifications)
      .set({ emailStatus: 'pending', emailClaimedAt: null })
      .where(and(eq(notifications.emailStatus, 'sending'), lt(notifications.emailClaimedAt, new Date(now.getTime() - STALE_EMAIL_CLAIM_MS))));
    const claimed = await db
      .update(notifications)
      .set({ emailStatus: 'sending', emailClaimedAt: now, emailAttempts: sql`${notifications.emailAttempts} + 1` })
      .where(
        and(
          eq(notifications.emailStatus, 'pending'),
          inArray(
            notifications.id,
            db.select({ id: notifications.id }).from(notifications).where(eq(notifications.emailStatus, 'pending')).orderBy(asc(notifications.createdAt)).limit(DELIVERY_BATCH),
          ),
        ),
      )
      .returning();
    let sent = 0;
    const byOrganisation = new Map<string, typeof claimed>();
    for (const row of claimed) byOrganisation.set(row.organisationId, [...(byOrganisation.get(row.organisationId) ?? []), row]);
    for (const [organisationId, rows] of byOrganisation) {
      const settings = await smtpSettingsOf(db, organisationId);
      const [org] = await db.select({ zone: organisations.seatTimeZone, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
      if (!settings?.enabled || !org) {
        // Switched off since it was queued: nothing goes out, and nothing is retried.
        await db.update(notifications).set({ emailStatus: 'none' }).where(inArray(notifications.id, rows.map((row) => row.id)));
        continue;
      }
      const preferences = await preferencesOf(db, organisationId, [...new Set(rows.map((row) => row.userId))]);
      const transport = smtpTransport(settings);
      try {
        for (const row of rows) {
          const language: NotificationLanguage = preferences.get(row.userId)?.language ?? 'en';
          const { title, body } = renderNotification(row.kind as NotificationKind, row.params, language, org.zone);
          const link = row.link === null ? '' : `\n\n${this.#options.publicUrl ?? ''}${row.link}`;
          try {
            await transport.sendMail({
              from: { name: org.name, address: settings.fromAddress },
              to: row.emailTo!,
              subject: title,
              text: `${body}${link}\n`,
              headers: { 'Content-Language': language, 'X-Parley-Notification': row.kind },
            });
            await db.update(notifications).set({ emailStatus: 'sent', emailedAt: this.#options.now(), emailError: null }).where(eq(notifications.id, row.id));
            sent += 1;
          } catch (error) {
            const status = row.emailAttempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending';
            await db
              .update(notifications)
              .set({ emailStatus: status, emailError: error instanceof Error ? error.message.slice(0, 1000) : String(error) })
              .where(eq(notifications.id, row.id));
            if (status === 'failed') this.#options.onError(error, `e-mail notification ${row.id} to ${row.emailTo}`);
          }
        }
      } finally {
        transport.close();
      }
    }
    return sent;
  }

  async #resolve(organisationId: string, audience: Audience): Promise<string[]> {
    const rows = await this.#database.db
      .select({ userId: memberships.userId, role: memberships.role, delegation: memberships.delegation })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, organisationId), eq(users.disabled, false)));
    const named = new Set(audience.userIds ?? []);
    const delegations = new Set(audience.delegations ?? []);
    const roles = new Set(audience.roles ?? []);
    const except = new Set(audience.exceptUserIds ?? []);
    const chosen = new Set<string>();
    for (const row of rows) {
      if (except.has(row.userId)) continue;
      if (named.has(row.userId) || roles.has(row.role) || (row.role === 'delegate' && row.delegation !== null && delegations.has(row.delegation))) chosen.add(row.userId);
    }
    return [...chosen].sort();
  }
}
