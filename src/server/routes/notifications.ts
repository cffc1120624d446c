/**
 * A user's notifications in an organisation: the list (in the language they chose), marking
 * read, their choices (kinds, channels, language, address), a live stream that says "something
 * new", and the organisation's mail server (secretariat). Following a provision is in follows.ts.
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  MarkReadBody,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  PreferencesView,
  SmtpSettingsBody,
  SmtpSettingsView,
  type NotificationKind,
} from '../../protocol/notifications.ts';
import { ProblemSchema } from '../../protocol/schemas.ts';
import { requireMember, requireRule } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { Context, ZodApp } from '../context.ts';
import { notifications, organisations } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { preferencesOf, savePreferences } from '../notifications/preferences.ts';
import { renderNotification } from '../notifications/render.ts';
import { isEmailEnabled, saveSmtpSettings, smtpSettingsOf, type SmtpSettings } from '../notifications/smtp.ts';
import { OrgParams } from './catalogue.ts';
import { openEventStream } from '../live/event-stream.ts';

const tags = ['notifications'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

function member(principal: Principal | null, organisationId: string, rule: 'notifications.own' | 'organisation.admin'): Principal {
  if (!principal) throw problem('ERR_AUTH_REQUIRED');
  requireRule(requireMember(principal, organisationId), rule);
  return principal;
}

function presentSmtp(settings: SmtpSettings | undefined): z.infer<typeof SmtpSettingsView> {
  return {
    enabled: settings?.enabled ?? false,
    host: settings?.host ?? null,
    port: settings?.port ?? null,
    secure: settings?.secure ?? false,
    username: settings?.username ?? null,
    passwordSet: Boolean(settings?.password),
    fromAddress: settings?.fromAddress ?? null,
  };
}

export function registerNotificationRoutes(app: ZodApp, context: Context): void {
  const db = () => context.database.db;

  async function list(organisationId: string, userId: string, query: z.infer<typeof NotificationListQuery>): Promise<z.infer<typeof NotificationList>> {
    const mine = and(eq(notifications.userId, userId), eq(notifications.organisationId, organisationId), eq(notifications.inApp, true));
    const rows = await db()
      .select()
      .from(notifications)
      .where(query.unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit);
    const [unread] = await db().select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)));
    const [org] = await db().select({ zone: organisations.seatTimeZone }).from(organisations).where(eq(organisations.id, organisationId));
    const language = (await preferencesOf(db(), organisationId, [userId])).get(userId)!.language;
    return {
      unread: unread?.n ?? 0,
      notifications: rows.map((row) => ({
        id: row.id,
        kind: row.kind as NotificationKind,
        ...renderNotification(row.kind as NotificationKind, row.params, language, org?.zone ?? 'UTC'),
        link: row.link,
        createdAt: row.createdAt.toISOString(),
        readAt: row.readAt?.toISOString() ?? null,
      })),
    };
  }

  app.get(
    '/api/organisations/:organisationId/notifications',
    {
      config: { access: 'notifications.own' },
      schema: { tags, summary: 'Your notifications, newest first, in the language you chose, with the count of unread ones', params: OrgParams, querystring: NotificationListQuery, response: { 200: NotificationList, ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = member(request.principal, organisationId, 'notifications.own');
      return list(organisationId, principal.userId, request.query as z.infer<typeof NotificationListQuery>);
    },
  );

  app.post(
    '/api/organisations/:organisationId/notifications/read',
    {
      config: { access: 'notifications.own' },
      schema: { tags, summary: 'Mark notifications read (the ones named, or all)', params: OrgParams, body: MarkReadBody, response: { 200: NotificationList, ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = member(request.principal, organisationId, 'notifications.own');
      const body = (request.body ?? {}) as z.infer<typeof MarkReadBody>;
      const mine = and(eq(notifications.userId, principal.userId), eq(notifications.organisationId, organisationId), eq(notifications.inApp, true));
      if (body.ids && body.ids.length > 0) {
        const found = await db().select({ id: notifications.id }).from(notifications).where(and(mine, inArray(notifications.id, body.ids)));
        const missing = body.ids.find((id) => !found.some((row) => row.id === id));
        // Another user's notification and a never-used id look the same.
        if (missing !== undefined) throw problem('ERR_NOTIFICATION_NOT_FOUND', { notificationId: missing });
      }
      const unread = and(mine, isNull(notifications.readAt));
      await db()
        .update(notifications)
        .set({ readAt: context.now() })
        .where(body.ids && body.ids.length > 0 ? and(unread, inArray(notifications.id, body.ids)) : unread);
      return list(organisationId, principal.userId, { limit: 50 });
    },
  );

  app.get(
    '/api/organisations/:organisationId/notifications/preferences',
    {
      config: { access: 'notifications.own' },
      schema: { tags, summary: 'What you receive: per kind, in the app and/or by e-mail; your language and address', params: OrgParams, response: { 200: PreferencesView, ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = member(request.principal, organisationId, 'notifications.own');
      const chosen = (await preferencesOf(db(), organisationId, [principal.userId])).get(principal.userId)!;
      return { ...chosen, emailAvailable: await isEmailEnabled(db(), organisationId) };
    },
  );

  app.put(
    '/api/organisations/:organisationId/notifications/preferences',
    {
      config: { access: 'notifications.own' },
      schema: { tags, summary: 'Choose what you receive, by which channel, in which language', params: OrgParams, body: NotificationPreferences, response: { 200: PreferencesView, ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = member(request.principal, organisationId, 'notifications.own');
      const body = request.body as z.infer<typeof NotificationPreferences>;
      await savePreferences(db(), organisationId, principal.userId, body, context.now());
      return { ...body, emailAvailable: await isEmailEnabled(db(), organisationId) };
    },
  );

  app.get(
    '/api/organisations/:organisationId/notifications/smtp',
    {
      config: { access: 'organisation.admin' },
      schema: { tags, summary: "The organisation's outgoing mail server (the password is never shown)", params: OrgParams, response: { 200: SmtpSettingsView, ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      member(request.principal, organisationId, 'organisation.admin');
      return presentSmtp(await smtpSettingsOf(db(), organisationId));
    },
  );

  app.put(
    '/api/organisations/:organisationId/notifications/smtp',
    {
      config: { access: 'organisation.admin' },
      schema: { tags, summary: 'Set up, change or switch off e-mail notifications (off until enabled)', params: OrgParams, body: SmtpSettingsBody, response: { 200: SmtpSettingsView, ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      member(request.principal, organisationId, 'organisation.admin');
      return presentSmtp(await saveSmtpSettings(db(), organisationId, request.body as z.infer<typeof SmtpSettingsBody>, context.now()));
    },
  );

  app.get(
    '/api/organisations/:organisationId/notifications/live',
    {
      config: { access: 'notifications.own' },
      schema: { tags: [...tags, 'live'], summary: 'Live (text/event-stream): a `notification` event whenever you have a new one; then refetch the list', params: OrgParams, response: { 200: z.string().describe('text/event-stream'), ...problems } },
    },
    (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = member(request.principal, organisationId, 'notifications.own');
      const stream = openEventStream(context, request, reply, 5000);
      stream.send('event: hello\ndata: {}\n\n');
      stream.onClose(context.notificationHub.subscribe(organisationId, principal.userId, () => stream.send('event: notification\ndata: {}\n\n')));
    },
  );
}
