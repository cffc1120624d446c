/**
 * User administration, shared by the API and the `parley user …` commands.
 * Callers check who may do it; these functions only do it.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { delegations, memberships, organisations, sessions, users, type MembershipRole } from '../db/schema.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { problem } from '../http/problem.ts';
import { publishInvalidation } from '../cache.ts';

export interface NewUserInput {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly role: MembershipRole;
  readonly delegation?: string | null;
  readonly isHead?: boolean;
  /** Generated (and returned) when absent. */
  readonly password?: string | null;
}

export interface CreatedUser {
  readonly id: string;
  /** The generated password, shown once; null when the caller chose it. */
  readonly password: string | null;
}

export async function createUser(db: Db, input: NewUserInput, now: Date): Promise<CreatedUser> {
  const delegation = input.role === 'delegate' ? (input.delegation ?? null) : null;
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId: input.organisationId });
  if (input.role === 'delegate') {
    if (!delegation) throw problem('ERR_REQUEST_INVALID', { issues: 'delegation: a delegate belongs to exactly one delegation; name it' });
    const [known] = await db
      .select({ code: delegations.code })
      .from(delegations)
      .where(and(eq(delegations.organisationId, input.organisationId), eq(delegations.code, delegation)));
    if (!known) throw problem('ERR_DELEGATION_UNKNOWN', { delegation });
  }
  const generated = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generated ?? '');
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw problem('ERR_USER_EXISTS', { username: input.username });
  try {
    await insertUser(db, input, delegation, passwordHash, now);
  } catch (error) {
    if (isUniqueViolation(error)) throw problem('ERR_USER_EXISTS', { username: input.username });
    throw error;
  }
  return { id: input.id, password: generated };
}

async function insertUser(db: Db, input: NewUserInput, delegation: string | null, passwordHash: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(users).values({ id: input.id, username: input.username, displayName: input.displayName, passwordHash, createdAt: now });
    await tx.insert(memberships).values({
      userId: input.id,
      organisationId: input.organisationId,
      role: input.role,
      delegation,
      isHead: input.role === 'delegate' && (input.isHead ?? false),
    });
  });
}

/** Postgres' unique_violation, also when Drizzle wraps the driver's error. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error || (typeof e === 'object' && e !== null); e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
    if ((e as { cause?: unknown }).cause === undefined) break;
  }
  return false;
}

/** Disables the account and ends its sessions at once. */
export async function disableUser(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabled: true }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await publishInvalidation(tx, { kind: 'user', userId });
  });
}

/** Removes the user's authenticator; they enrol a new one at their next sign-in. */
export async function resetSecondFactor(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpConfirmed: false, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await publishInvalidation(tx, { kind: 'user', userId });
  });
}

export async function findUserByName(db: Db, username: string): Promise<{ id: string; disabled: boolean } | undefined> {
  const [row] = await db.select({ id: users.id, disabled: users.disabled }).from(users).where(eq(users.username, username));
  return row;
}
