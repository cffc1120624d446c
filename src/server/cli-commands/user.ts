/**
 * `parley user add|disable|reset-mfa`: account administration from the shell, for the first
 * secretariat account and for recovery. Exit code 0 on success, 1 on a refused request,
 * 2 on bad usage or when the database cannot be opened.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../db/schema.ts';
import { ProblemError } from '../http/problem.ts';
import { createUser, disableUser, findUserByName, resetSecondFactor } from '../services/users.ts';
import { openForCommand, type CommandIo } from './io.ts';

const USAGE = [
  'Usage:',
  '  parley user add USERNAME --org ORG --role secretariat|chair|delegate|observer [--delegation ISO3] [--head] [--name "Display Name"]',
  '  parley user disable USERNAME',
  '  parley user reset-mfa USERNAME',
  'A generated password is printed once. Uses DATABASE_URL, else PARLEY_DATA_DIR or ./data.',
].join('\n');

export async function runUser(args: readonly string[], io: CommandIo, now: () => Date = () => new Date()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { org: { type: 'string' }, role: { type: 'string' }, delegation: { type: 'string' }, head: { type: 'boolean' }, name: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`parley user: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [action, username] = parsed.positionals;
  if (parsed.values.help || !action || !username || !['add', 'disable', 'reset-mfa'].includes(action)) {
    (parsed.values.help ? io.out : io.err)(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const role = parsed.values.role as MembershipRole | undefined;
  if (action === 'add' && (!parsed.values.org || !role || !MEMBERSHIP_ROLES.includes(role))) {
    io.err(`parley user add needs --org and --role (one of ${MEMBERSHIP_ROLES.join(', ')}).\n${USAGE}`);
    return 2;
  }
  const database = await openForCommand(io);
  if (!database) return 2;
  try {
    if (action === 'add') {
      const created = await createUser(
        database.db,
        {
          id: randomUUID(),
          username,
          displayName: parsed.values.name ?? username,
          organisationId: parsed.values.org!,
          role: role!,
          delegation: parsed.values.delegation?.toUpperCase() ?? null,
          isHead: parsed.values.head ?? false,
        },
        now(),
      );
      io.out(`User ${username} added. Password (shown once): ${created.password ?? ''}`);
      return 0;
    }
    const user = await findUserByName(database.db, username);
    if (!user) {
      io.err(`parley user ${action}: there is no user ${username}.`);
      return 1;
    }
    if (action === 'disable') {
      await disableUser(database.db, user.id);
      io.out(`User ${username} disabled; their sessions are ended.`);
    } else {
      await resetSecondFactor(database.db, user.id);
      io.out(`User ${username} has no second factor now; they set up a new one at their next sign-in.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ProblemError) {
      io.err(`parley user ${action}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
