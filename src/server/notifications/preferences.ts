/**
 * A user's choices per organisation: which kinds, by which channel, in which language, at
 * which address. Without a saved choice a user gets every kind in the app, nothing by e-mail,
 * in English — e-mail needs an address the user gives, so it is never on by default.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationLanguage, type NotificationPreferences } from '../../protocol/notifications.ts';
import type { Db } from '../db/database.ts';
import { notificationPreferences } from '../db/schema.ts';
import { problem } from '../http/problem.ts';

export function defaultPreferences(): NotificationPreferences {
  return {
    language: 'en',
    email: null,
    channels: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { inApp: true, email: false }])) as NotificationPreferences['channels'],
  };
}

function fromRow(row: typeof notificationPreferences.$inferSelect): NotificationPreferences {
  const defaults = defaultPreferences();
  const channels = { ...defaults.channels };
  for (const kind of NOTIFICATION_KINDS) {
    const chosen = row.channels[kind];
    if (chosen) channels[kind] = { inApp: chosen.inApp, email: chosen.email };
  }
  return { language: row.language as NotificationLanguage, email: row.email, channels };
}

export async function preferencesOf(db: Db, organisationId: string, userIds: readonly string[]): Promise<Map<string, NotificationPreferences>> {
  const result = new Map<string, NotificationPreferences>(userIds.map((id) => [id, defaultPreferences()]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.organisationId, organisationId), inArray(notificationPreferences.userId, [...userIds])));
  for (const row of rows) result.set(row.userId, fromRow(row));
  return result;
}

export async function savePreferences(db: Db, organisationId: string, userId: string, preferences: NotificationPreferences, now: Date): Promise<void> {
  const byEmail = NOTIFICATION_KINDS.filter((kind: NotificationKind) => preferences.channels[kind].email);
  if (byEmail.length > 0 && !preferences.email) throw problem('ERR_NOTIFICATION_EMAIL_MISSING', { kinds: byEmail.join(', ') });
  const values = { language: preferences.language, email: preferences.email, channels: preferences.channels, updatedAt: now };
  await db
    .insert(notificationPreferences)
    .values({ userId, organisationId, ...values })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.organisationId], set: values });
}
