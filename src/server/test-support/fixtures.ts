/**
 * A small organisation for route tests: one user per role, delegates of three delegations
 * (ISR, whose delegate is head of delegation, IND, and KAZ — a partner with whom ISR shares
 * a private draft while IND stays outside), and a short CICA-style draft.
 */
import type { App } from '../app.ts';
import { buildApp } from '../app.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createOrganisation } from '../services/organisations.ts';
import { createUser } from '../services/users.ts';

export const ORG = 'org-test';
export const PASSWORD = 'correct horse battery staple';

export const USERS = {
  secretariat: { username: 'sec', role: 'secretariat', delegation: null, isHead: false },
  chair: { username: 'chair', role: 'chair', delegation: null, isHead: false },
  isr: { username: 'isr', role: 'delegate', delegation: 'ISR', isHead: true },
  isr2: { username: 'isr2', role: 'delegate', delegation: 'ISR', isHead: false },
  ind: { username: 'ind', role: 'delegate', delegation: 'IND', isHead: false },
  kaz: { username: 'kaz', role: 'delegate', delegation: 'KAZ', isHead: false },
  observer: { username: 'obs', role: 'observer', delegation: null, isHead: false },
} as const;
export type UserKey = keyof typeof USERS;

export const SMALL_DRAFT = [
  '1. General provisions',
  '',
  '1.1 The Member States shall [exchange information] (+ISR) on military activities.',
  '',
  '1.2 Measures are recommendatory and selected voluntarily.',
  '',
].join('\n');

/** A clock that moves one second per reading, from a fixed instant: reproducible and ordered. */
export function steppingClock(start = Date.parse('2021-06-02T08:00:00.000Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${(n += 1).toString().padStart(4, '0')}`;
}

export async function seedOrganisation(database: Database, now: Date, secondFactorRequiredFor: ('secretariat' | 'chair' | 'delegate' | 'observer')[] = []): Promise<Record<UserKey, string>> {
  await createOrganisation(
    database.db,
    {
      id: ORG,
      slug: 'test',
      name: 'Test Conference',
      seat: 'Astana',
      seatTimeZone: 'Asia/Almaty',
      workingLanguages: ['en', 'ru'],
      notesLanguage: 'kk',
      members: ['CHN', 'IND', 'ISR', 'KAZ', 'RUS', 'THA', 'TUR'],
      aliases: { Turk: 'TUR', Thai: 'THA', Rus: 'RUS' },
      secondFactorRequiredFor,
    },
    now,
  );
  const ids = {} as Record<UserKey, string>;
  for (const [key, user] of Object.entries(USERS) as [UserKey, (typeof USERS)[UserKey]][]) {
    ids[key] = `user-${key}`;
    await createUser(
      database.db,
      { id: ids[key], username: user.username, displayName: key, organisationId: ORG, role: user.role, delegation: user.delegation, isHead: user.isHead, password: PASSWORD },
      now,
    );
  }
  return ids;
}

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

export async function login(app: App, username: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'parley_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `parley_session=${cookie.value}`, csrf: response.json<{ csrfToken: string }>().csrfToken };
}

export interface Reply {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Record<string, unknown>;
  // Untyped JSON, as light-my-request gives it: the tests' assertions check its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

export interface TestApp {
  readonly app: App;
  readonly ids: Record<UserKey, string>;
  readonly sessions: Record<UserKey, Session>;
  /** Sends a request as `who` (with cookie and CSRF token). */
  request(who: UserKey | null, method: string, url: string, payload?: unknown): Promise<Reply>;
}

export async function makeTestApp(
  database: Database,
  options: {
    secondFactorRequiredFor?: ('secretariat' | 'chair' | 'delegate' | 'observer')[];
    /** The server's clock; a stepping one from 2021 unless given (a browser test entering TOTP codes needs the real one). */
    now?: () => Date;
    /** Settings beside the test defaults (a long session for a test that moves the clock by weeks, say). */
    config?: Partial<ServerConfig>;
  } = {},
): Promise<TestApp> {
  const now = options.now ?? steppingClock();
  const ids = await seedOrganisation(database, now(), options.secondFactorRequiredFor);
  const app = await buildApp({ database, now, newId: counterIds(), config: { loginRateLimit: { max: 1000, windowMs: 60_000 }, ...options.config } });
  const sessions = {} as Record<UserKey, Session>;
  for (const key of Object.keys(USERS) as UserKey[]) sessions[key] = await login(app, USERS[key].username);
  return {
    app,
    ids,
    sessions,
    async request(who, method, url, payload) {
      const headers: Record<string, string> = {};
      if (who) {
        headers.cookie = sessions[who].cookie;
        headers['x-csrf-token'] = sessions[who].csrf;
      }
      const response = await app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { statusCode: response.statusCode, body: response.body, json: () => response.json<unknown>(), headers: response.headers };
    },
  };
}
