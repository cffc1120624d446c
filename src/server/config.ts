/** Settings of one server process; `main.ts` reads them from the environment, tests pass their own. */
import { DEFAULT_REMINDER_LEAD_HOURS } from '../core/index.ts';

export interface ServerConfig {
  /** Mark cookies Secure and enable HSTS: set when the server is reached over https. */
  readonly secureCookies: boolean;
  readonly sessionTtlMs: number;
  /** Failed sign-ins in a row before an account is locked, and for how long. */
  readonly lockout: { readonly maxFailures: number; readonly minutes: number };
  /** Sign-in attempts allowed per client address per window. */
  readonly loginRateLimit: { readonly max: number; readonly windowMs: number };
  /** Trust X-Forwarded-* from a reverse proxy. */
  readonly trustProxy: boolean;
  /** The Chromium that prints PDF (notes verbales, exports); absent there: PDF routes answer 503. */
  readonly chromiumPath: string;
  /** Where the app is reached (PARLEY_PUBLIC_URL), for links in e-mails; null: paths alone. */
  readonly publicUrl: string | null;
  /** How often deadlines are swept for reminders (and failed e-mails retried); 0: never (tests sweep by hand). */
  readonly reminderSweepMs: number;
  /** How many hours before a deadline whoever is to act is reminded (PARLEY_REMINDER_LEAD_HOURS="72,24"). */
  readonly reminderLeadHours: readonly number[];
}

/** A setting in the environment that cannot be used: the server does not start, and says which and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** At most this many reminders per deadline, each at most this far ahead. */
const MAX_LEADS = 5;
const MAX_LEAD_HOURS = 60 * 24;

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: false,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  lockout: { maxFailures: 5, minutes: 15 },
  loginRateLimit: { max: 20, windowMs: 60_000 },
  trustProxy: false,
  chromiumPath: '/usr/bin/chromium',
  publicUrl: null,
  reminderSweepMs: 15 * 60 * 1000,
  reminderLeadHours: DEFAULT_REMINDER_LEAD_HOURS,
};

/** "72,24" → [72, 24]: whole hours before a deadline, each once, at most MAX_LEADS of them. */
export function parseLeadHours(text: string): number[] {
  const usage = `PARLEY_REMINDER_LEAD_HOURS is the hours before a deadline at which reminders go out, whole numbers from 1 to ${MAX_LEAD_HOURS} separated by commas (say "72,24")`;
  const parts = text.split(',').map((part) => part.trim());
  const hours = parts.map(Number);
  const bad = parts.find((part, i) => !/^\d+$/u.test(part) || hours[i]! < 1 || hours[i]! > MAX_LEAD_HOURS);
  if (bad !== undefined) throw new ConfigError(`${usage}; "${bad}" is not one.`);
  if (new Set(hours).size !== hours.length) throw new ConfigError(`${usage}, each once; "${text}" names one twice.`);
  if (hours.length > MAX_LEADS) throw new ConfigError(`${usage}, at most ${MAX_LEADS} of them; "${text}" has ${hours.length}.`);
  return hours.sort((a, b) => b - a);
}

export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const secure = env.PARLEY_SECURE_COOKIES;
  return {
    ...DEFAULT_CONFIG,
    secureCookies: secure === '1' || secure === 'true' || (env.PARLEY_PUBLIC_URL ?? '').startsWith('https://'),
    trustProxy: env.PARLEY_TRUST_PROXY === '1' || env.PARLEY_TRUST_PROXY === 'true',
    chromiumPath: env.PARLEY_CHROMIUM || DEFAULT_CONFIG.chromiumPath,
    publicUrl: env.PARLEY_PUBLIC_URL ? env.PARLEY_PUBLIC_URL.replace(/\/+$/u, '') : null,
    reminderLeadHours: env.PARLEY_REMINDER_LEAD_HOURS ? parseLeadHours(env.PARLEY_REMINDER_LEAD_HOURS) : DEFAULT_CONFIG.reminderLeadHours,
  };
}
