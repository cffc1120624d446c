/**
 * Wire schemas of notifications: the kinds there are, a user's choices (which kinds, by which
 * channel, in which language, at which address), a notification as the app lists it, an
 * organisation's mail server settings, and following a provision.
 */
import { z } from 'zod';

export const NOTIFICATION_KINDS = ['note-verbale', 'meeting-invitation', 'followed-proposal', 'deadline-approaching', 'silence-opened', 'silence-broken'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NOTIFICATION_LANGUAGES = ['en', 'ru', 'kk'] as const;
export const NotificationLanguage = z.enum(NOTIFICATION_LANGUAGES);
export type NotificationLanguage = z.infer<typeof NotificationLanguage>;

export const Channels = z.object({ inApp: z.boolean(), email: z.boolean() });

export const NotificationPreferences = z.object({
  language: NotificationLanguage,
  email: z.email().max(320).nullable().describe('Where e-mail notifications go; needed when any kind is sent by e-mail'),
  channels: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, Channels])) as Record<NotificationKind, typeof Channels>),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const PreferencesView = NotificationPreferences.extend({
  /** Whether the organisation sends e-mail at all (its mail server is set up and enabled). */
  emailAvailable: z.boolean(),
});

export const NotificationView = z.object({
  id: z.string(),
  kind: NotificationKind,
  /** The subject and text in the user's chosen language. */
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationList = z.object({ notifications: z.array(NotificationView), unread: z.number().int() });
export const NotificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true: only the unread ones'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const MarkReadBody = z.object({
  ids: z.array(z.string().min(1).max(100)).max(500).nullish().describe('The notifications to mark read; all of them when absent'),
});

export const SmtpSettingsBody = z.object({
  enabled: z.boolean(),
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean().describe('TLS from the first byte (port 465); otherwise STARTTLS when the server offers it'),
  username: z.string().max(320).nullish(),
  password: z.string().max(1000).nullish().describe('Write-only; absent keeps the one stored'),
  fromAddress: z.email().max(320),
});
export const SmtpSettingsView = z.object({
  enabled: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  secure: z.boolean(),
  username: z.string().nullable(),
  passwordSet: z.boolean(),
  fromAddress: z.string().nullable(),
});

export const FollowParams = z.object({ documentId: z.string().min(1).max(100), provisionId: z.string().min(1).max(200) });
export const FollowList = z.object({ provisionIds: z.array(z.string()) });
