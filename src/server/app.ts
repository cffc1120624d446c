/**
 * `buildApp(deps)` builds the Parley HTTP API and never listens: `main.ts` listens, tests
 * call `app.inject()`. Routes are thin — validate (zod) → authorize (the route's access
 * rule, then data checks) → command (the event store) → present.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REQUEST_BODY_LIMIT_BYTES } from '../protocol/schemas.ts';
import { ACCESS_RULES, type AccessRule } from './auth/policy.ts';
import { CSRF_HEADER, loadPrincipal, sameToken, SESSION_COOKIE, sessionIdOf, type Principal } from './auth/principal.ts';
import { Caches, KeyedCache } from './cache.ts';
import type { documents } from './db/schema.ts';
import { DEFAULT_CONFIG, type ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { ProblemError, problem } from './http/problem.ts';
import { databaseFailureOf } from './db/database-failure.ts';
import { ExchangeHub } from './live/exchange-hub.ts';
import { LiveHub } from './live/hub.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCommandRoutes } from './routes/commands.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerDocumentFileRoutes } from './routes/document-files.ts';
import { registerLanguageVersionRoutes } from './routes/language-versions.ts';
import { registerCatalogueRoutes } from './routes/catalogue.ts';
import { registerCoordinationRoutes } from './routes/coordination.ts';
import { registerDraftRoutes } from './routes/drafts.ts';
import { registerReviewRoutes } from './routes/review.ts';
import { registerSelectionRoutes } from './routes/selections.ts';
import { registerExchangeRoutes } from './routes/exchange.ts';
import { registerExchangeConsentRoutes } from './routes/exchange-consent.ts';
import { registerExchangeDutyRoutes } from './routes/exchange-duties.ts';
import { registerExchangeLiveRoutes } from './routes/exchange-live.ts';
import { registerVerificationBundleRoutes } from './routes/verification-bundle.ts';
import { unstorableTextAt } from './http/text-guard.ts';
import { registerFollowRoutes } from './routes/follows.ts';
import { registerModalityRoutes } from './routes/modalities.ts';
import { registerNotificationRoutes } from './routes/notifications.ts';
import { NotificationHub } from './live/notification-hub.ts';
import { Notifier } from './notifications/notifier.ts';
import { sweepReminders } from './notifications/reminders.ts';
import { announceNoteCirculations } from './notifications/announcements.ts';
import { modalityStore } from './store/modality-register.ts';
import { eraseExpiredBodies } from './services/exchange-bodies.ts';
import { exchangeStore } from './services/exchange-domain.ts';
import { NoteCirculationSignal } from './services/note-circulation.ts';
import { notesVerbalesStore } from './services/notes-verbales.ts';
import { registerNotesVerbalesRoutes } from './routes/notes-verbales.ts';
import { closePrinter } from './pdf/print-html.ts';
import { registerLiveRoutes } from './routes/live.ts';
import { registerMeetingRoutes } from './routes/meeting.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerOrganisationRoutes } from './routes/organisations.ts';
import { registerViewRoutes } from './routes/views.ts';
import { CATALOGUE_REGISTER } from './store/catalogue-register.ts';
import { CALENDAR_REGISTER } from './store/calendar-register.ts';
import { registerCalendarRoutes } from './routes/calendar.ts';
import { registerCalendarAgendaRoutes } from './routes/calendar-agenda.ts';
import { EventStore } from './store/event-store.ts';
import { RegisterStore } from './store/register-store.ts';
import type { App, Context, RouteEntry, ZodApp } from './context.ts';
import { notModified } from './http/etag.ts';
import { packageRoot } from './db/package-root.ts';

export type { App, Context } from './context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** The access rule of the route; every /api route must have one. */
    access?: AccessRule;
  }
}

export interface Deps {
  readonly database: Database;
  /** The clock; tests inject a fixed or stepping one. */
  readonly now?: () => Date;
  /** Ids for documents, proposals, users, statements. */
  readonly newId?: () => string;
  readonly config?: Partial<ServerConfig>;
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * The built web app (`npm run build:web`), served at `/` with the SPA fallback for paths
   * outside /api. Absent: dist/web under the package root when it has been built; null: none.
   */
  readonly webRoot?: string | null;
}

function defaultWebRoot(): string | null {
  const root = join(packageRoot(), 'dist', 'web');
  return existsSync(join(root, 'index.html')) ? root : null;
}

/** How often bodies past their retention limit are erased (they are also erased whenever the exchange is listed or read). */
const RETENTION_SWEEP_MS = 60 * 60 * 1000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that a plugin registers (the browsable API page and its assets). */
const PLUGIN_PREFIX = '/api/docs';

export async function buildApp(deps: Deps): Promise<App> {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...deps.config };
  const now = deps.now ?? (() => new Date());
  const caches = new Caches();
  const principals = new KeyedCache<Principal>();
  const documentRows = new KeyedCache<typeof documents.$inferSelect>();
  const delegationCodes = new KeyedCache<ReadonlySet<string>>();
  caches.on((message) => {
    if (message.kind === 'user') principals.invalidateWhere((p) => p.userId === message.userId);
    else if (message.kind === 'session') principals.invalidate(message.sessionId);
    else if (message.kind === 'document') documentRows.invalidate(message.documentId);
    else for (const cache of [principals, documentRows, delegationCodes]) cache.clear();
  });
  const store = new EventStore(deps.database, now);
  const newId = deps.newId ?? (() => randomUUID());
  // The app's log exists only once Fastify is made; until then a failure to notify goes to stderr.
  let logError = (error: unknown, what: string): void => console.error(what, error);
  const context: Context = {
    database: deps.database,
    store,
    catalogue: new RegisterStore(deps.database, CATALOGUE_REGISTER, now),
    calendar: new RegisterStore(deps.database, CALENDAR_REGISTER, now),
    // Other processes' commits: the version is what changes; the cached rows hold nothing that an append changes.
    hub: new LiveHub((message) => store.noteCommitted(message.documentId, message.version)),
    exchange: exchangeStore(deps.database, now),
    exchangeHub: new ExchangeHub(),
    notesVerbales: notesVerbalesStore(deps.database, now),
    // Listeners' failures are logged by the app once it exists (below); a circulation is never undone by them.
    noteCirculation: new NoteCirculationSignal((error) => app.log.error({ err: error }, 'a listener of note circulations failed')),
    modalities: modalityStore(deps.database, now),
    notifications: new Notifier(deps.database, { now, newId, publicUrl: config.publicUrl, onError: (error, what) => logError(error, what) }),
    notificationHub: new NotificationHub(),
    caches,
    principals,
    documents: documentRows,
    delegationCodes,
    now,
    newId,
    config,
  };

  const fastify = Fastify({
    logger: deps.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: REQUEST_BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Errors the router meets before any route (a malformed or overlong address) answer as problems too.
    frameworkErrors: (error, request, reply) => {
      const code = (error as { code?: string }).code;
      void sendProblem(request, reply, code === 'FST_ERR_MAX_PARAM_LENGTH' ? problem('ERR_REQUEST_ADDRESS_TOO_LONG', { limit: MAX_PARAM_LENGTH }) : problem('ERR_REQUEST_BAD_ADDRESS'));
    },
  });
  const app = fastify as unknown as App;
  logError = (error, what) => app.log.error({ err: error }, `${what} failed`);
  app.decorate('parley', context);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.decorateRequest('principal', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith(PLUGIN_PREFIX)) return;
    const access = route.config?.access;
    if (access === undefined || !(access in ACCESS_RULES)) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no access rule: add config.access (one of ${Object.keys(ACCESS_RULES).join(', ')}).`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
  });

  await app.register(cookie);
  await app.register(helmet, {
    // HSTS and upgrade-insecure-requests only over https: sent over plain http they would lock a browser out of a loopback server.
    hsts: config.secureCookies,
    // No page of Parley is ever shown inside another site's frame (clickjacking).
    frameguard: { action: 'deny' },
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { upgradeInsecureRequests: config.secureCookies ? [] : null, frameAncestors: ["'none'"] },
    },
  });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => request.ip ?? 'no-ip',
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return problem('ERR_AUTH_RATE_LIMITED', { seconds }, { headers: { 'retry-after': String(seconds) } });
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parley API',
        version: '0.1.0',
        description:
          'Consensus negotiation of multilateral texts. Errors are RFC 9457 problem+json with a stable `code` from the catalogue at /api/errors. ' +
          'Requests that change data with a session cookie must send the `x-csrf-token` header (from GET /api/auth/me).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: PLUGIN_PREFIX, staticCSP: true });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const principal = await principals.get(sessionIdOf(token), () => loadPrincipal(context.database.db, token, now()));
      request.principal = principal && principal.expiresAt > now() ? principal : null;
    }
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const principal = request.principal;
    if (!principal) throw problem('ERR_AUTH_REQUIRED');
    if (UNSAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameToken(header, principal.csrfToken)) throw problem('ERR_AUTH_CSRF_MISSING');
    }
    if (access !== 'session' && !principal.secondFactorPassed) {
      throw principal.hasSecondFactor ? problem('ERR_AUTH_SECOND_FACTOR_REQUIRED') : problem('ERR_AUTH_SECOND_FACTOR_ENROLMENT_REQUIRED');
    }
  });

  // PostgreSQL text cannot hold NUL, so a body with one would fail deep in a transaction; refuse it up front.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body !== undefined && request.body !== null && JSON.stringify(request.body).includes('\\u0000')) {
      done(problem('ERR_REQUEST_INVALID', { issues: 'the text contains NUL characters (\\u0000), which a text draft never has — check that the file is a text file' }));
      return;
    }
    done();
  });

  // Weak validators for every successful GET that did not set its own: clients revalidate cheaply.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || reply.hasHeader('etag')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    return notModified(request, reply, etag) ? '' : payload;
  });

  const webRoot = deps.webRoot === undefined ? defaultWebRoot() : deps.webRoot;
  if (webRoot !== null) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      wildcard: false,
      // Hashed file names under /assets never change; index.html must be revalidated.
      setHeaders: (reply, path) => void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }

  app.addHook('preValidation', (request, _reply, done) => {
    const where = unstorableTextAt(request.params, 'path') ?? unstorableTextAt(request.query, 'query') ?? unstorableTextAt(request.body, 'body');
    done(where === null ? undefined : problem('ERR_REQUEST_INVALID', { issues: `${where}: contains a NUL character or a broken UTF-16 surrogate, which cannot be stored` }));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    // The web app routes in the browser: any page outside /api gets its index.html.
    if (webRoot !== null && (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api')) {
      void reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot);
      return;
    }
    void sendProblem(request, reply, problem('ERR_ROUTE_NOT_FOUND', { method: request.method, path: request.url.split('?')[0] ?? request.url }));
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => `${issue.instancePath.replace(/^\//u, '').replaceAll('/', '.') || error.validationContext || 'body'}: ${issue.message}`);
      return sendProblem(request, reply, problem('ERR_REQUEST_INVALID', { issues: issues.join('; ') }, { extra: { errors: error.validation.map((v) => ({ path: v.instancePath, message: v.message })) } }));
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const code = (error as { code?: string }).code;
    if (status === 413) return sendProblem(request, reply, problem('ERR_REQUEST_TOO_LARGE', { limit: `${REQUEST_BODY_LIMIT_BYTES / 1024 / 1024} MB` }));
    if (status === 415) return sendProblem(request, reply, problem('ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE'));
    if (status >= 400 && status < 500) {
      return sendProblem(request, reply, problem('ERR_REQUEST_INVALID', { issues: code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body: the JSON body is empty' : (error as Error).message }));
    }
    // The database gone (a restart, a dropped connection) or its disk full is not a bug to
    // report with a reference: say what happened, so that clients retry and operators act.
    const failure = databaseFailureOf(error);
    if (failure?.kind === 'storage-full') {
      request.log.error({ err: error }, 'the database is out of disk space');
      return sendProblem(request, reply, problem('ERR_DATABASE_STORAGE_FULL'));
    }
    if (failure?.kind === 'unavailable') {
      request.log.warn({ err: error }, 'the database is unavailable');
      return sendProblem(request, reply, problem('ERR_DATABASE_UNAVAILABLE', { reason: failure.reason }, { headers: { 'retry-after': '2' } }));
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem('ERR_SERVER_INTERNAL', { reference: request.id }));
  });

  const api = app.withTypeProvider<ZodTypeProvider>() as unknown as ZodApp;
  registerMetaRoutes(api, context);
  registerAuthRoutes(api, context);
  registerOrganisationRoutes(api, context);
  registerDocumentRoutes(api, context);
  registerDocumentFileRoutes(api, context);
  registerLanguageVersionRoutes(api, context);
  registerCommandRoutes(api, context);
  registerDraftRoutes(api, context);
  registerViewRoutes(api, context);
  registerLiveRoutes(api, context);
  registerMeetingRoutes(api, context);
  registerCatalogueRoutes(api, context);
  registerCoordinationRoutes(api, context);
  registerSelectionRoutes(api, context);
  registerReviewRoutes(api, context);
  registerExchangeRoutes(api, context);
  registerExchangeConsentRoutes(api, context);
  registerExchangeDutyRoutes(api, context);
  registerExchangeLiveRoutes(api, context);
  registerVerificationBundleRoutes(api, context);
  registerCalendarRoutes(api, context);
  registerCalendarAgendaRoutes(api, context);
  registerNotesVerbalesRoutes(api, context);
  registerModalityRoutes(api, context);
  registerNotificationRoutes(api, context);
  registerFollowRoutes(api, context);

  const stopAnnouncingNotes = announceNoteCirculations(context);
  await context.hub.start(deps.database);
  await context.exchangeHub.start(deps.database);
  await context.notificationHub.start(deps.database);
  await caches.start(deps.database);
  // Personal data goes at its retention limit even when nobody lists or reads the exchange (reads sweep too).
  const retentionSweep = setInterval(() => {
    eraseExpiredBodies(deps.database.db, now()).catch((error: unknown) => app.log.error({ err: error }, 'erasing expired exchange bodies failed'));
  }, RETENTION_SWEEP_MS);
  retentionSweep.unref();
  // Deadlines of the modalities come near whether or not anyone acts: reminders are swept on a timer.
  const reminderSweep =
    config.reminderSweepMs > 0
      ? setInterval(() => {
          sweepReminders(context, now(), config.reminderLeadHours).catch((error: unknown) => app.log.error({ err: error }, 'sweeping reminders failed'));
        }, config.reminderSweepMs)
      : undefined;
  reminderSweep?.unref();
  app.addHook('onClose', async () => {
    clearInterval(retentionSweep);
    clearInterval(reminderSweep);
    stopAnnouncingNotes();
    await context.notifications.idle();
    await context.notificationHub.stop();
    await context.hub.stop();
    await context.exchangeHub.stop();
    await caches.stop();
    await closePrinter();
  });
  await app.ready();
  return app;
}

/** The longest path parameter the router accepts: ids and codes are far shorter. */
const MAX_PARAM_LENGTH = 500;

function sendProblem(request: FastifyRequest, reply: FastifyReply, error: ProblemError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .serializer((body: unknown) => JSON.stringify(body))
    .send(error.toProblem(request.url.split('?')[0]));
}
