/** Settings of one server process; `main.ts` reads them from the environment, tests pass their own. */
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
}

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: false,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  lockout: { maxFailures: 5, minutes: 15 },
  loginRateLimit: { max: 20, windowMs: 60_000 },
  trustProxy: false,
  chromiumPath: '/usr/bin/chromium',
  publicUrl: null,
  reminderSweepMs: 15 * 60 * 1000,
};

export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const secure = env.PARLEY_SECURE_COOKIES;
  return {
    ...DEFAULT_CONFIG,
    secureCookies: secure === '1' || secure === 'true' || (env.PARLEY_PUBLIC_URL ?? '').startsWith('https://'),
    trustProxy: env.PARLEY_TRUST_PROXY === '1' || env.PARLEY_TRUST_PROXY === 'true',
    chromiumPath: env.PARLEY_CHROMIUM || DEFAULT_CONFIG.chromiumPath,
    publicUrl: env.PARLEY_PUBLIC_URL ? env.PARLEY_PUBLIC_URL.replace(/\/+$/u, '') : null,
  };
}
