/**
 * Starts the Parley server: `node --import tsx src/server/main.ts`.
 *
 * PORT (8080), HOST (127.0.0.1); PARLEY_DATA_DIR (./data) for the embedded PGlite database, or
 * DATABASE_URL=postgres://… for a PostgreSQL server. Migrations are applied on start; an
 * empty database gets the demo organisation, whose generated passwords are printed once.
 * PARLEY_SECURE_COOKIES=1 (or an https PARLEY_PUBLIC_URL) behind TLS; PARLEY_LOG_LEVEL (info);
 * PARLEY_STALL_MS (60000): a main thread silent this long ends the process (process/stall-watchdog.ts);
 * PARLEY_REMINDER_LEAD_HOURS ("72,24"): when reminders of a deadline go out. A setting that cannot
 * be used stops the start with a message saying which and why (config.ts).
 */
import { openPglite, openPostgres, type Database } from './db/database.ts';
import { DataDirLockedError } from './db/lock-file.ts';
import { startStallWatchdog } from './process/stall-watchdog.ts';

const started = performance.now();
const env = process.env;
const port = Number(env.PORT ?? 8080);
// Loopback unless told otherwise: a demo must not listen on every interface by surprise.
const host = env.HOST ?? '127.0.0.1';

// Opening PGlite compiles its WebAssembly off the main thread: start it before loading the
// rest of the server, so that the two overlap (this is most of the time to healthy).
const opening: Promise<{ database: Database } | { error: unknown }> = (
  env.DATABASE_URL ? Promise.resolve(openPostgres(env.DATABASE_URL)) : openPglite({ dataDir: env.PARLEY_DATA_DIR ?? './data' })
).then(
  (database) => ({ database }),
  (error: unknown) => ({ error }),
);
const [{ buildApp }, { ConfigError, configFromEnv }, { createDemoIfEmpty, DEMO_DOCUMENT_TITLE }] = await Promise.all([
  import('./app.ts'),
  import('./config.ts'),
  import('./seed/demo.ts'),
]);
let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv(env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`parley: ${error.message}`);
  process.exit(1);
}
const opened = await opening;
if ('error' in opened) {
  if (opened.error instanceof DataDirLockedError) {
    console.error(`parley: ${opened.error.message}`);
    process.exit(1);
  }
  throw opened.error;
}
const { database } = opened;

const app = await buildApp({ database, config, logger: { level: env.PARLEY_LOG_LEVEL ?? 'info' } });
const accounts = await database.withStartupLock(async () => {
  await database.migrate();
  return createDemoIfEmpty(app.parley);
});
// E-mails queued before a restart (or claimed by a process that died) go out now, not at the
// first reminder sweep — once the tables exist: buildApp runs before the migrations.
app.parley.notifications.kick();

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping');
  const closing = app.close();
  // Live streams (SSE) never end by themselves, and close() waits for every connection: after
  // a second for requests in flight, cut what is left — the clients reconnect (Last-Event-ID)
  // to the next process. Without this a SIGTERM with a browser connected never finished.
  setTimeout(() => app.server.closeAllConnections(), 1000).unref();
  await closing;
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ port, host });
// A main thread that stops answering (the embedded database spinning after a failed write to
// its log) is ended so that the service manager restarts it: PARLEY_STALL_MS, 0 to switch off.
const stallMs = Number(env.PARLEY_STALL_MS ?? 60_000);
if (stallMs > 0) startStallWatchdog({ stallMs });
if (accounts) printAccounts(accounts);
const address = app.server.address();
const listening = typeof address === 'object' && address ? address.port : port;
const ms = Math.round(performance.now() - started);
app.log.info({ database: database.kind, port: listening, ms }, 'Parley is ready');
// One plain line whatever the log level: operators and the process tests read it.
process.stdout.write(`parley: ready on port ${listening} (${database.kind}, ${ms} ms)\n`);

function printAccounts(list: readonly { username: string; role: string; delegation: string | null; password: string }[]): void {
  const lines = [
    `Demo organisation CICA created, with the document "${DEMO_DOCUMENT_TITLE}".`,
    'Demo accounts (the passwords are shown this once; note them now):',
    ...list.map((a) => `  ${a.username.padEnd(12)} ${a.password}   ${a.role}${a.delegation ? ` ${a.delegation}` : ''}`),
    `Sign in: POST http://localhost:${port}/api/auth/login  ·  API: http://localhost:${port}/api/docs`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
