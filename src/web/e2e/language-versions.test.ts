/**
 * The language versions in a real browser against the real server: the secretariat gives the
 * seed document its organisation's working languages (English and Russian) from the
 * "Language versions" tab; the versions stand side by side, each with its status in words;
 * the secretariat records the Russian version of a paragraph and its status turns to done;
 * a delegate opening the document at ?view=bilingual sees it; the chair's adoption of a
 * paragraph still pending is refused with the reason. axe-core finds no serious or critical
 * WCAG 2.1 A/AA violation in the view, the secretariat's form open or not.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true (CI must run it).
 */
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../server/test-support/fixtures.ts';
import { hasChromium, SCREENSHOTS, skipWithoutChromium, startBrowserHarness, type BrowserHarness, type OpenedPage } from './browser-harness.ts';

/** 2.1.1 of the seed in Russian (the first measure, which the test picks). */
const RU = 'Обмен информацией, объём, осуществимость и порядок которого согласовываются заинтересованными государствами-членами в соответствии с их национальными законами, правилами и политикой, по следующим вопросам:';

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now (axe-core), one line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('language versions side by side in Chromium', () => {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness({ seed: true });
  });
  afterAll(() => harness?.close());

  function signIn(username: string, path: string): Promise<OpenedPage> {
    return harness!.signIn(username, { path });
  }

  it('shows the versions with their status, and the secretariat records a translation', async (context) => {
    if (skipWithoutChromium(context)) return;
    const documentId = harness!.seedDocumentId;
    const secretariat = await signIn(USERS.secretariat.username, `/documents/${documentId}`);
    await secretariat.page.getByRole('button', { name: 'Language versions' }).click();
    await secretariat.page.getByText('This document exists in one language only.').waitFor();
    await secretariat.page.getByRole('button', { name: 'Keep versions in every working language of the organisation' }).click();
    const table = secretariat.page.locator('table.bilingual');
    await table.waitFor();
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['Provision', 'English (original)', 'Russian']);

    // The first measure of the catalogue (a label such as 2.1.1): its English original, its Russian version pending.
    const row = table
      .locator('tbody tr[data-provision]')
      .filter({ has: secretariat.page.locator('th', { hasText: /^\d+\.\d+\.\d+$/u }) })
      .filter({ has: secretariat.page.locator('td[data-language="ru"][data-status="pending"]') })
      .first();
    const provisionId = (await row.getAttribute('data-provision'))!;
    const label = ((await row.locator('th').textContent()) ?? '').trim();
    expect(label, 'a measure of the catalogue').toMatch(/^\d+\.\d+\.\d+$/u);
    const ru = row.locator('td[data-language="ru"]');
    await expect.poll(() => ru.locator('.badge').textContent()).toBe('Translation pending');
    expect(await row.locator('td[data-language="en"] .badge').textContent()).toBe('Original');

    // The chair cannot adopt it yet, and is told why.
    const refused = await harness!.server.request('chair', 'POST', `/api/documents/${documentId}/provisions/${provisionId}/agreement`, { status: 'adopted' });
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as { detail: string }).detail).toBe(`Provision ${label} cannot be adopted while its Russian version is pending (not translated yet).`);

    // The secretariat records the Russian version from the cell.
    await ru.getByRole('button', { name: `Record the Russian version of ${label}` }).click();
    await ru.getByLabel(`Russian version of ${label}`).fill(RU);
    expect(await violations(secretariat.page), 'the view with the form open').toEqual([]);
    await ru.getByRole('button', { name: 'Save the translation' }).click();
    const doneRow = table.locator(`tbody tr[data-provision="${provisionId}"]`);
    await expect.poll(() => doneRow.locator('td[data-language="ru"] .badge').textContent()).toBe('Translation done');
    expect(await doneRow.locator('td[data-language="ru"]').textContent()).toContain(RU);
    await secretariat.page.getByRole('status').filter({ hasText: 'The translation is recorded.' }).waitFor();

    // A delegate opening the bilingual view from its address sees the Russian version done, and cannot record one.
    const delegate = await signIn(USERS.isr.username, `/documents/${documentId}?view=bilingual`);
    const seen = delegate.page.locator(`table.bilingual tbody tr[data-provision="${provisionId}"] td[data-language="ru"]`);
    await expect.poll(() => seen.locator('.badge').textContent(), { timeout: 10_000 }).toBe('Translation done');
    expect(await seen.textContent()).toContain(RU);
    expect(await delegate.page.getByRole('button', { name: /^Record the Russian version/u }).count()).toBe(0);
    expect(await violations(delegate.page), 'the view as a delegate reads it').toEqual([]);
    await seen.scrollIntoViewIfNeeded();
    await delegate.page.screenshot({ path: join(SCREENSHOTS, 'language-versions.png') });

    expect(secretariat.problems).toEqual([]);
    expect(delegate.problems).toEqual([]);
  });
});
