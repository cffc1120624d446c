/**
 * Who is asking: the signed-in user, their session and their memberships. Loaded from the
 * session cookie on every request; the database is the one truth, so signing out or
 * disabling a user takes effect at once in every server process.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { audit, memberships, sessions, users, type MembershipRole } from '../db/schema.ts';

export const SESSION_COOKIE = 'parley_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Membership {
  readonly organisationId: string;
  readonly role: MembershipRole;
  readonly delegation: string | null;
  readonly isHead: boolean;
}

export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly secondFactorPassed: boolean;
  readonly hasSecondFactor: boolean;
  readonly memberships: readonly Membership[];
  readonly expiresAt: Date;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function loadMemberships(db: Db, userId: string): Promise<Membership[]> {
  return db
    .select({ organisationId: memberships.organisationId, role: memberships.role, delegation: memberships.delegation, isHead: memberships.isHead })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}

export async function loadPrincipal(db: Db, token: string, now: Date): Promise<Principal | undefined> {
  const id = sessionIdOf(token);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      secondFactorPassed: sessions.secondFactorPassed,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
      totpConfirmed: users.totpConfirmed,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!row || row.disabled) return undefined;
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    secondFactorPassed: row.secondFactorPassed,
    hasSecondFactor: row.totpConfirmed,
    memberships: await loadMemberships(db, row.userId),
    expiresAt: row.expiresAt,
  };
}

export async function createSession(db: Db, userId: string, secondFactorPassed: boolean, now: Date, ttlMs: number): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken(24);
  await db.insert(sessions).values({
    id: sessionIdOf(token),
    userId,
    csrfToken,
    secondFactorPassed,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
  });
  return { token, csrfToken };
}

export type AuditAction =
  | 'login'
  | 'login.failed'
  | 'login.locked'
  | 'logout'
  | 'second-factor.passed'
  | 'second-factor.failed'
  | 'second-factor.enrolled'
  | 'second-factor.reset'
  | 'user.created'
  | 'user.disabled'
  | 'meeting.started'
  | 'meeting.ended'
  | 'meeting.floor.given';

export async function recordAudit(
  db: Db,
  entry: { at: Date; action: AuditAction; userId?: string | null; username?: string | null; ip?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db.insert(audit).values({
    at: entry.at,
    action: entry.action,
    userId: entry.userId ?? null,
    username: entry.username ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? {},
  });
}
