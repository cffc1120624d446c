/**
 * axe-core (the accessibility engine, run by @axe-core/playwright) on each main screen of the
 * workspace in the real browser: sign-in, the documents list, the import screen, a document
 * in the compiled and agreed views with a proposal's panel open, and its revisions. No
 * violation of impact "serious" or "critical" against WCAG 2.1 A and AA may be found.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../server/test-support/fixtures.ts';

describe('accessibility of the main screens (axe-core in Chromium)', () => {
  let browser: Browser | undefined;
  let base = '';

  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness({ seed: true });
    ({ browser, base } = harness);
  });

  afterAll(() => harness?.close());

  /** The serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each. */
  async function violations(page: Page, screen: string): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }

  async function signedIn(username: string): Promise<Page> {
    const { page } = await harness!.signIn(username);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    return page;
  }

  it('finds no serious or critical violation on any main screen', async (context) => {
    if (skipWithoutChromium(context)) return;
    const found: string[] = [];
    const anonymous = await (await browser!.newContext()).newPage();
    await anonymous.goto(base);
    await anonymous.getByRole('button', { name: 'Sign in' }).waitFor();
    found.push(...(await violations(anonymous, 'sign-in')));

    const secretariat = await signedIn(USERS.secretariat.username);
    found.push(...(await violations(secretariat, 'documents')));
    await secretariat.getByText('Import a draft', { exact: true }).first().click();
    await secretariat.locator('textarea').waitFor();
    found.push(...(await violations(secretariat, 'import')));

    const delegate = await signedIn(USERS.ind.username);
    await delegate.getByRole('link', { name: /Draft updated CICA Catalogue/u }).click();
    await delegate.locator('.document-text.compiled [data-provision]').first().waitFor();
    found.push(...(await violations(delegate, 'document, compiled')));
    await delegate.locator('button[data-proposal]').first().click();
    found.push(...(await violations(delegate, 'document, proposal panel')));
    await delegate.locator('label.view-switch select').first().selectOption('agreed');
    found.push(...(await violations(delegate, 'document, agreed')));
    await delegate.getByRole('button', { name: 'Revisions and comparison' }).click();
    found.push(...(await violations(delegate, 'revisions')));

    await delegate.getByRole('link', { name: 'Information exchange' }).click();
    await delegate.getByTestId('exchange-counts').waitFor();
    found.push(...(await violations(delegate, 'exchange')));
    await delegate.getByRole('button', { name: 'New submission' }).click();
    found.push(...(await violations(delegate, 'exchange, new submission')));

    expect(found).toEqual([]);
  }, 120_000);
});
