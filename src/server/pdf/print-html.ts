/**
 * Any HTML page printed to PDF by headless Chromium (playwright-core driving the system's
 * Chromium; nothing is downloaded). Each page is set as the content of the printer's one tab,
 * in a context with JavaScript off and every request refused, so a page prints only what it
 * holds (fonts are the system's). One browser, context and tab serve the prints of a process:
 * a fresh context per print cost two to four times the print itself (bench/export.bench.ts).
 * Reusing the tab is safe because prints run one at a time (the machine's cores are few),
 * each replaces the whole document, and no script ever runs; a print that fails discards the
 * tab and its context, so the next starts clean. The browser is started on the first print
 * and closed when idle for a while (or by {@link closePrinter}).
 *
 * Without Chromium (or playwright-core) it throws {@link PdfUnavailable}, which routes turn
 * into a 503 problem; nothing else is printed instead.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserType, Page } from 'playwright-core';

export class PdfUnavailable extends Error {
  override readonly name = 'PdfUnavailable';
}

export interface PrintOptions {
  /** The Chromium executable (the server's config: /usr/bin/chromium). */
  readonly chromiumPath: string;
  /** Paper size when the page's CSS names none; A4 by default. */
  readonly format?: 'A4' | 'Letter';
  /**
   * Chromium's footer template, printed in the bottom margin of every page: HTML whose
   * elements of class pageNumber / totalPages Chromium fills in. The page's @page margin
   * must leave room for it. Absent: no header or footer (notes verbales).
   */
  readonly footerTemplate?: string;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** How long an unused browser is kept for the next print. */
const IDLE_MS = 30_000;

let queue: Promise<unknown> = Promise.resolve();
let running: { path: string; browser: Promise<Browser> } | null = null;
let idle: NodeJS.Timeout | null = null;
/** The tab prints are set in, of the running browser; its context has JavaScript off and refuses every request. */
let tab: Page | null = null;

/** The PDF of `html`. */
export function printHtmlToPdf(html: string, options: PrintOptions): Promise<Buffer> {
  const run = queue.then(() => print(html, options));
  queue = run.catch(() => undefined);
  return run;
}

/** Closes the browser kept for prints, if any (the app calls it when it closes). */
export async function closePrinter(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const current = running;
  running = null;
  tab = null;
  if (current) await current.browser.then((browser) => browser.close()).catch(() => undefined);
}

async function browserFor(chromiumPath: string): Promise<Browser> {
  if (running?.path === chromiumPath) {
    const browser = await running.browser;
    if (browser.isConnected()) return browser;
  }
  await closePrinter();
  if (!existsSync(chromiumPath)) throw new PdfUnavailable(`there is no Chromium at ${chromiumPath}`);
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    throw new PdfUnavailable('the playwright-core package is not installed', { cause: error });
  }
  const browser = chromium.launch({ executablePath: chromiumPath, args: ARGS });
  running = { path: chromiumPath, browser };
  try {
    return await browser;
  } catch (error) {
    running = null;
    throw new PdfUnavailable(`Chromium at ${chromiumPath} did not start`, { cause: error });
  }
}

/** The printer's tab, made (with its locked-down context) when there is none in `browser`. */
async function tabOf(browser: Browser): Promise<Page> {
  if (tab && !tab.isClosed() && tab.context().browser() === browser) return tab;
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await context.route('**/*', (route) => route.abort());
    tab = await context.newPage();
    return tab;
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

async function print(html: string, options: PrintOptions): Promise<Buffer> {
  if (idle) clearTimeout(idle);
  const browser = await browserFor(options.chromiumPath);
  try {
    const page = await tabOf(browser);
    await page.setContent(html, { waitUntil: 'load' });
    const footer = options.footerTemplate === undefined ? {} : { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: options.footerTemplate };
    return await page.pdf({ format: options.format ?? 'A4', printBackground: true, preferCSSPageSize: true, ...footer });
  } catch (error) {
    const broken = tab;
    tab = null;
    await broken?.context().close().catch(() => undefined);
    throw error;
  } finally {
    idle = setTimeout(() => void closePrinter(), IDLE_MS);
    idle.unref();
  }
}
