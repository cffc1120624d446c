/** Sign-in, second factor, current user, sign-out. */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { Enrolment, LoginBody, Me, ProblemSchema, SecondFactorBody } from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { needsSecondFactor } from '../auth/policy.ts';
import { createSession, loadMemberships, recordAudit, SESSION_COOKIE, type Principal } from '../auth/principal.ts';
import { checkTotp, newTotpSecret, totpUri } from '../auth/totp.ts';
import { organisations, sessions, users } from '../db/schema.ts';
import { problem } from '../http/problem.ts';

function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw problem('ERR_AUTH_REQUIRED');
  return principal;
}

function secondFactorState(principal: { secondFactorPassed: boolean; hasSecondFactor: boolean }): z.infer<typeof Me>['secondFactor'] {
  if (principal.secondFactorPassed) return 'passed';
  return principal.hasSecondFactor ? 'required' : 'enrolment-required';
}

const problems = { 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema };

export function registerAuthRoutes(app: ZodApp, context: Context): void {
  const { database, config, now } = context;
  const db = database.db;

  const failLogin = async (user: { id: string; failedLogins: number } | undefined, username: string, ip: string): Promise<never> => {
    if (user) {
      const failures = user.failedLogins + 1;
      const locked = failures >= config.lockout.maxFailures;
      await db
        .update(users)
        .set({ failedLogins: locked ? 0 : failures, lockedUntil: locked ? new Date(now().getTime() + config.lockout.minutes * 60_000) : null })
        .where(eq(users.id, user.id));
    }
    await recordAudit(db, { at: now(), action: 'login.failed', userId: user?.id ?? null, username, ip });
    throw problem('ERR_AUTH_INVALID_CREDENTIALS', { limit: config.lockout.maxFailures, minutes: config.lockout.minutes });
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs } },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginBody, response: { 200: Me, ...problems } },
    },
    async (request, reply) => {
      const { username, password } = request.body as z.infer<typeof LoginBody>;
      const [user] = await db.select().from(users).where(eq(users.username, username));
      const at = now();
      if (user?.lockedUntil && user.lockedUntil > at) {
        await recordAudit(db, { at, action: 'login.locked', userId: user.id, username, ip: request.ip });
        throw problem('ERR_AUTH_LOCKED', { until: user.lockedUntil.toISOString() }, {
          headers: { 'retry-after': String(Math.ceil((user.lockedUntil.getTime() - at.getTime()) / 1000)) },
        });
      }
      const ok = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !ok || user.disabled) return failLogin(user, username, request.ip);
      await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
      const memberships = await loadMemberships(db, user.id);
      const orgIds = [...new Set(memberships.map((m) => m.organisationId))];
      const orgs = orgIds.length === 0 ? [] : await db.select({ id: organisations.id, settings: organisations.settings }).from(organisations).where(inArray(organisations.id, orgIds));
      const required = orgs.some((org) => needsSecondFactor(memberships.filter((m) => m.organisationId === org.id), org.settings.secondFactorRequiredFor));
      const secondFactorPassed = !required && !user.totpConfirmed;
      const session = await createSession(db, user.id, secondFactorPassed, at, config.sessionTtlMs);
      await recordAudit(db, { at, action: 'login', userId: user.id, username, ip: request.ip, detail: { secondFactorPending: !secondFactorPassed } });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: Math.floor(config.sessionTtlMs / 1000),
      });
      return {
        user: { id: user.id, username: user.username, displayName: user.displayName },
        memberships,
        csrfToken: session.csrfToken,
        secondFactor: secondFactorState({ secondFactorPassed, hasSecondFactor: user.totpConfirmed }),
      };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'session' }, schema: { tags: ['auth'], summary: 'The signed-in user, memberships and CSRF token', response: { 200: Me, 401: ProblemSchema } } },
    (request) => {
      const principal = requirePrincipal(request.principal);
      return {
        user: { id: principal.userId, username: principal.username, displayName: principal.displayName },
        memberships: [...principal.memberships],
        csrfToken: principal.csrfToken,
        secondFactor: secondFactorState(principal),
      };
    },
  );

  app.post(
    '/api/auth/second-factor/enrol',
    {
      config: { access: 'session' },
      schema: { tags: ['auth'], summary: 'Start setting up a TOTP authenticator; returns the secret once', body: z.null().optional(), response: { 200: Enrolment, ...problems } },
    },
    async (request) => {
      const principal = requirePrincipal(request.principal);
      // Replacing a working factor needs that factor first; otherwise a stolen password would suffice.
      if (principal.hasSecondFactor && !principal.secondFactorPassed) throw problem('ERR_AUTH_SECOND_FACTOR_REQUIRED');
      const secret = newTotpSecret();
      await db.update(users).set({ totpSecret: secret, totpConfirmed: false }).where(eq(users.id, principal.userId));
      await context.caches.invalidate(db, { kind: 'user', userId: principal.userId });
      return { secret, uri: totpUri(secret, principal.username) };
    },
  );

  app.post(
    '/api/auth/second-factor',
    {
      config: { access: 'session' },
      schema: { tags: ['auth'], summary: 'Pass (or confirm a new) TOTP second factor', body: SecondFactorBody, response: { 200: Me, ...problems } },
    },
    async (request) => {
      const principal = requirePrincipal(request.principal);
      const { code } = request.body as z.infer<typeof SecondFactorBody>;
      const [user] = await db.select().from(users).where(eq(users.id, principal.userId));
      if (!user?.totpSecret) throw problem('ERR_AUTH_SECOND_FACTOR_ENROLMENT_REQUIRED');
      const at = now();
      if (user.lockedUntil && user.lockedUntil > at) throw problem('ERR_AUTH_LOCKED', { until: user.lockedUntil.toISOString() });
      if (!checkTotp(user.totpSecret, code, at)) {
        const failures = user.failedLogins + 1;
        const locked = failures >= config.lockout.maxFailures;
        await db
          .update(users)
          .set({ failedLogins: locked ? 0 : failures, lockedUntil: locked ? new Date(at.getTime() + config.lockout.minutes * 60_000) : null })
          .where(eq(users.id, user.id));
        await recordAudit(db, { at, action: 'second-factor.failed', userId: user.id, username: user.username, ip: request.ip });
        throw problem('ERR_AUTH_SECOND_FACTOR_INVALID');
      }
      await db.update(users).set({ totpConfirmed: true, failedLogins: 0 }).where(eq(users.id, user.id));
      await db.update(sessions).set({ secondFactorPassed: true }).where(eq(sessions.id, principal.sessionId));
      await context.caches.invalidate(db, { kind: 'user', userId: user.id });
      await recordAudit(db, {
        at,
        action: user.totpConfirmed ? 'second-factor.passed' : 'second-factor.enrolled',
        userId: user.id,
        username: user.username,
        ip: request.ip,
      });
      return {
        user: { id: principal.userId, username: principal.username, displayName: principal.displayName },
        memberships: [...principal.memberships],
        csrfToken: principal.csrfToken,
        secondFactor: 'passed' as const,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'session' },
      schema: { tags: ['auth'], summary: 'Sign out: ends the session', body: z.null().optional(), response: { 204: z.null(), 401: ProblemSchema, 403: ProblemSchema } },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      await db.delete(sessions).where(eq(sessions.id, principal.sessionId));
      await context.caches.invalidate(db, { kind: 'session', sessionId: principal.sessionId });
      await recordAudit(db, { at: now(), action: 'logout', userId: principal.userId, username: principal.username, ip: request.ip });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );
}
