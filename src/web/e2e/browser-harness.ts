/**
 * What every browser test starts from: Debian's Chromium, the built web app, the real server
 * on a fresh embedded database listening on loopback, and optionally the seed draft imported.
 * Without Chromium a test is skipped with a message — and fails instead under CI=true, so CI
 * never passes without running the browser tests.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { createDemo, type DemoAccount } from '../../server/seed/demo.ts';
import { openTestDatabase } from '../../server/test-support/databases.ts';
import { makeTestApp, ORG, PASSWORD, type TestApp } from '../../server/test-support/fixtures.ts';
import { skipWithout } from '../../server/test-support/tools.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
export const hasChromium = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const SEED_TITLE = 'Draft updated CICA Catalogue of CBMs (28 May 2021)';

/** True when the test must stop here: Chromium is absent and this is not CI (where it throws). */
export function skipWithoutChromium(context: TestContext): boolean {
  return skipWithout(context, CHROMIUM, hasChromium, 'apt-get install -y chromium');
}

export interface BrowserHarness {
  readonly server: TestApp;
  readonly browser: Browser;
  readonly base: string;
  /** The seed draft's document, when `seed` was asked for. */
  readonly seedDocumentId: string;
  /** A new page where `username` (a test user, fixtures.ts) has submitted the sign-in form; wait for what should show. */
  signIn(username: string, options?: PageOptions): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface PageOptions {
  /** The path to open first: the sign-in form shows wherever the app is opened. */
  readonly path?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly timezoneId?: string;
  readonly acceptDownloads?: boolean;
  /** Where console and page errors are collected (one list for several pages, say); a new list if not given. */
  readonly problems?: string[];
  /** Put before each problem, to tell pages apart in a shared list. */
  readonly label?: string;
  /** Console errors expected besides the signed-out probe's 401 (say 'status of 404'). */
  readonly expectedErrors?: readonly string[];
  /** Dialogs (alert, confirm) are dismissed and their messages collected here. */
  readonly dialogs?: string[];
}

export interface OpenedPage {
  readonly page: Page;
  /** Console errors and uncaught page errors: a test expects none. */
  readonly problems: string[];
}

/** A page in a browser context of its own, its errors collected, opened at `base` + `options.path`. */
export async function openPage(browser: Browser, base: string, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1360, height: 900 },
    locale: 'en-GB',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = await context.newPage();
  const problems = options.problems ?? [];
  const prefix = options.label ? `${options.label}: ` : '';
  // The signed-out probe of /api/auth/me answers 401 by design; Chromium logs every failed request.
  const expected = ['status of 401', ...(options.expectedErrors ?? [])];
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.some((text) => message.text().includes(text))) problems.push(`${prefix}${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${prefix}${error.message}`));
  const dialogs = options.dialogs;
  if (dialogs) {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }
  await page.goto(`${base}${options.path ?? ''}`);
  return { page, problems };
}

/** Fills in and submits the sign-in form on `page`. */
export async function submitSignIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function ensureWebBuilt(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'src', 'web', 'vite.config.ts'), logLevel: 'warn' });
  }
}

async function launchBrowser(): Promise<Browser> {
  // launch() gives the browser a new, empty, temporary profile of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return browser;
}

export interface DemoHarness {
  readonly browser: Browser;
  readonly base: string;
  /** The demo's accounts with their generated passwords (src/server/seed/demo.ts). */
  readonly accounts: readonly DemoAccount[];
  close(): Promise<void>;
}

/**
 * The demo organisation exactly as a first start creates it (CICA's 27 members, the seed draft
 * as its catalogue document, the seed's list of coordinators), on a fresh embedded database.
 */
export async function startDemoHarness(): Promise<DemoHarness> {
  await ensureWebBuilt();
  const database = await openTestDatabase('pglite');
  const app = await buildApp({ database: database.database, config: { loginRateLimit: { max: 1000, windowMs: 60_000 } } });
  const accounts = await createDemo(app.parley);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  return {
    browser,
    base,
    accounts,
    async close() {
      await browser.close();
      await app.close();
      await database.dispose();
    },
  };
}

/**
 * A page in a browser context of its own, signed in to the demo as `username`: English, a large
 * window, downloads kept, the given time zone. Console errors and page errors are collected in
 * `problems` (a 401 before signing in aside), so a test can require that there were none.
 */
export async function signInToDemo(harness: DemoHarness, username: string, options: { readonly timezoneId?: string; into?: string[] } = {}): Promise<OpenedPage> {
  const account = harness.accounts.find((a) => a.username === username);
  if (!account) throw new Error(`The demo has no account ${username}.`);
  const opened = await openPage(harness.browser, harness.base, { acceptDownloads: true, ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}), ...(options.into ? { problems: options.into } : {}) });
  opened.page.setDefaultTimeout(8000);
  await submitSignIn(opened.page, account.username, account.password);
  await opened.page.getByRole('heading', { name: 'Documents' }).waitFor();
  return opened;
}

/** Signs `username` in to the demo and opens the registry of notes verbales from the main sections. */
export async function openNotesRegistry(harness: DemoHarness, username: string): Promise<OpenedPage> {
  const opened = await signInToDemo(harness, username);
  await opened.page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Notes verbales' }).click();
  await opened.page.getByRole('heading', { name: 'Registry of notes verbales' }).waitFor();
  return opened;
}

/**
 * Opens the notification whose link is named `name` from the signed-in user's notifications,
 * looking again (the page anew) until it has arrived: notifications are written after the
 * change that caused them has committed.
 */
export async function openNotification(page: Page, base: string, name: string, attempts = 15): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${base}/notifications`);
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    const link = page.getByRole('link', { name, exact: true });
    if ((await link.count()) > 0) {
      await link.first().click();
      return;
    }
    if (attempt >= attempts) throw new Error(`No notification "${name}" arrived.`);
    await page.waitForTimeout(1000);
  }
}

export async function startBrowserHarness(options: { readonly seed?: boolean; readonly app?: Parameters<typeof makeTestApp>[1] } = {}): Promise<BrowserHarness> {
  await ensureWebBuilt();
  const database = await openTestDatabase('pglite');
  const server = await makeTestApp(database.database, options.app);
  let seedDocumentId = '';
  if (options.seed) {
    const created = await server.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, {
      text: readFileSync(join(ROOT, 'fixtures', 'cica-draft-2021-05-28.txt'), 'utf8'),
      title: SEED_TITLE,
    });
    if (created.statusCode !== 201) throw new Error(`importing the seed: ${created.statusCode} ${created.body}`);
    seedDocumentId = (created.json() as { document: { id: string } }).document.id;
  }
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  return {
    server,
    browser,
    base,
    seedDocumentId,
    async signIn(username, options) {
      const opened = await openPage(browser, base, options);
      await submitSignIn(opened.page, username);
      return opened;
    },
    async close() {
      await browser.close();
      await server.app.close();
      await database.dispose();
    },
  };
}
