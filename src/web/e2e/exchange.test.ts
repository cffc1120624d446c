/**
 * The information exchange in real browsers against the real server (issue 5): India's
 * delegate notifies a disaster to two neighbours, Israel and Kazakhstan, who see it arrive
 * live; China's delegate, whose screen is open throughout, sees nothing of it — not its
 * words, not a count; Israel asks to forward it to China, India grants, and China then sees
 * it; India sees all three reads in the read log.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (skipped without it, failed under CI=true).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/services/users.ts';
import { ORG, PASSWORD, USERS } from '../../server/test-support/fixtures.ts';
import { hasChromium, SCREENSHOTS, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

const SECRET = 'Mudflow on the Ile';

describe('information exchange in Chromium', () => {
  let harness: BrowserHarness | undefined;

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness();
    await createUser(harness.server.app.parley.database.db, { id: 'user-chn', username: 'chn', displayName: 'China', organisationId: ORG, role: 'delegate', delegation: 'CHN', password: PASSWORD }, new Date());
  });
  afterAll(() => harness?.close());

  async function openAs(username: string): Promise<Page> {
    const { page, problems } = await harness!.signIn(username, { viewport: { width: 1280, height: 900 }, expectedErrors: ['status of 404'] });
    await page.getByRole('link', { name: 'Information exchange' }).click();
    await page.getByTestId('exchange-counts').waitFor();
    expect(problems, `console errors for ${username}`).toEqual([]);
    return page;
  }

  it('reaches the neighbours live, not a third state until the provider consents; the provider sees every read', async (context) => {
    if (skipWithoutChromium(context)) return;
    const india = await openAs(USERS.ind.username);
    const israel = await openAs(USERS.isr.username);
    const kazakhstan = await openAs(USERS.kaz.username);
    const china = await openAs('chn');

    await india.getByRole('button', { name: 'New submission' }).click();
    await india.getByLabel('Addressed to (state codes, separated by commas)').fill('ISR, KAZ');
    await india.getByLabel('Subject').fill(`Disaster: ${SECRET}`);
    await india.getByLabel('What happened').fill(SECRET);
    await india.getByLabel('When it happened').fill('2021-06-02T06:00');
    await india.getByLabel('Where').fill('Almaty region');
    await india.getByLabel('Description and expected effects').fill('The river is blocked; water may reach the border within 12 hours.');
    await india.getByRole('button', { name: 'Send' }).click();
    await india.getByText(/^Sent as .*\/EX\/\d{4}\/0001\.$/u).waitFor();

    for (const neighbour of [israel, kazakhstan]) {
      await neighbour.getByTestId('exchange-live').getByText(`New: Disaster: ${SECRET} from IND`).waitFor();
      await neighbour.getByTestId('exchange-row').filter({ hasText: SECRET }).waitFor();
      expect(await neighbour.getByTestId('exchange-counts').textContent()).toContain('1 submission you can see');
    }
    // China's screen: no words, no row, no count, no live notice.
    await china.waitForTimeout(500);
    const before = await china.content();
    expect(before).not.toContain(SECRET);
    expect(await china.getByTestId('exchange-row').count()).toBe(0);
    expect(await china.getByTestId('exchange-counts').textContent()).toContain('No submissions you can see');
    expect(await china.getByTestId('exchange-live').textContent()).toBe('');

    // Kazakhstan reads it; Israel reads it and asks to forward it to China.
    await kazakhstan.getByRole('link', { name: new RegExp(SECRET, 'u') }).click();
    await kazakhstan.getByTestId('exchange-body').waitFor();
    await israel.getByRole('link', { name: new RegExp(SECRET, 'u') }).click();
    await israel.getByTestId('exchange-body').getByText('Almaty region').waitFor();
    await israel.getByText('You see this because it was addressed to your state.').first().waitFor();
    await israel.getByLabel('States to share it with (codes, separated by commas)').fill('CHN');
    await israel.getByLabel('Reason').fill('China is downstream');
    await israel.getByRole('button', { name: 'Ask for consent' }).click();
    await israel.getByText('Your request was sent to IND.').waitFor();

    // India grants it from the submission's page (its list row: the requests panel links to it too).
    await india.getByTestId('exchange-row').filter({ hasText: SECRET }).getByRole('link').click();
    await india.getByText('ISR asks to share it to CHN').waitFor();
    await india.getByRole('button', { name: 'Grant' }).click();
    await india.getByText('to CHN, since', { exact: false }).waitFor();

    // China is told, sees it, reads it under India's grant.
    await china.getByTestId('exchange-row').filter({ hasText: SECRET }).waitFor();
    await china.getByRole('link', { name: new RegExp(SECRET, 'u') }).click();
    await china.getByTestId('exchange-body').waitFor();
    await china.getByText('You see this because its provider granted access.').first().waitFor();

    // India's read log: Israel, Kazakhstan, China (and India's own read).
    await india.reload();
    const log = india.getByTestId('exchange-read-log');
    await log.getByText(/\(CHN\)/u).waitFor();
    const entries = await log.locator('li').allTextContents();
    for (const state of ['ISR', 'KAZ', 'CHN']) expect(entries.some((e) => e.includes(`(${state})`)), `${state} in ${entries.join(' | ')}`).toBe(true);
    await india.screenshot({ path: join(SCREENSHOTS, 'exchange-read-log.png'), fullPage: true });
  }, 120_000);
});
