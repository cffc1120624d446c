/**
 * Private drafts in real browsers against the real server on its embedded database: Israel's
 * delegate drafts a replacement and shares it with Kazakhstan; Kazakhstan's delegate sees it
 * marked as Israel's; India's delegate, whose screen stays open throughout, sees no trace of
 * it — not its words, not a count — until Israel tables it, and then sees the new bracket
 * live. Saves a screenshot of the Drafts panel to docs/screenshots/.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true (CI must run it).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, SCREENSHOTS, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../server/test-support/fixtures.ts';

/** The words of Israel's draft: they must appear nowhere on India's screen until tabled. */
const SECRET = 'jointly reinforced';

describe('private drafts in Chromium', () => {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness({ seed: true });
  });

  afterAll(() => harness?.close());

  async function openAs(username: string): Promise<Page> {
    const { page, problems } = await harness!.signIn(username);
    await page.getByRole('link', { name: /Draft updated CICA Catalogue/u }).click();
    await page.locator('.document-text.compiled').waitFor();
    await page.getByRole('heading', { name: /^Private drafts/u }).waitFor();
    expect(problems, `console errors for ${username}`).toEqual([]);
    return page;
  }

  /** India's screen, searched whole (text, attributes, hidden parts) for anything of the draft. */
  async function expectNoTrace(page: Page, draftId: string): Promise<void> {
    const html = await page.content();
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(draftId);
    expect(await page.getByRole('heading', { name: /^Private drafts/u }).textContent()).toBe('Private drafts (none)');
    expect(await page.locator('.draft').count()).toBe(0);
  }

  it('is seen by the partner, not by India, until tabled — then India sees the bracket live', async (context) => {
    if (skipWithoutChromium(context)) return;
    const israel = await openAs(USERS.isr.username);
    const india = await openAs(USERS.ind.username);

    // Israel selects a word of 2.2.2 and saves its replacement as a private draft.
    const selected = await israel.evaluate(() => {
      const paragraph = Array.from(document.querySelectorAll('p.provision')).find((p) => p.textContent?.startsWith('2.2.2'));
      const run = Array.from(paragraph?.querySelectorAll(':scope > [data-container] > [data-start]') ?? []).find((r) => /\b[a-z]{6,}\b/u.test(r.textContent ?? ''));
      const text = run?.firstChild;
      const word = /\b[a-z]{6,}\b/u.exec(text?.textContent ?? '');
      if (!text || !word) return null;
      const range = document.createRange();
      range.setStart(text, word.index);
      range.setEnd(text, word.index + word[0].length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return word[0];
    });
    expect(selected, 'a word to replace in 2.2.2').not.toBeNull();
    await israel.getByText(`Selected words: “${selected}”`).waitFor();
    await israel.getByLabel('Replace them with').fill(SECRET);
    const saved = israel.waitForResponse((r) => r.url().endsWith('/drafts') && r.request().method() === 'POST');
    await israel.getByRole('button', { name: 'Save as private draft', exact: true }).click();
    const draftId = ((await (await saved).json()) as { id: string }).id;
    const own = israel.getByRole('listitem', { name: 'Draft of ISR' });
    await own.getByText(`Replace “${selected}” with “${SECRET}”`).waitFor();
    expect(await own.locator('.draft-context del').textContent()).toBe(selected);

    // Shared with Kazakhstan, chosen from the organisation's delegations.
    await own.getByRole('button', { name: 'Share with a partner delegation…' }).click();
    await own.getByLabel('Partner delegation').selectOption('KAZ');
    await own.getByRole('button', { name: 'Share', exact: true }).click();
    await own.getByText('Shared with: KAZ').waitFor();
    await own.scrollIntoViewIfNeeded();
    await israel.screenshot({ path: join(SCREENSHOTS, 'drafts-en.png') });

    // Kazakhstan's delegate sees it, marked as Israel's, and may not table it.
    const kazakhstan = await openAs(USERS.kaz.username);
    const shared = kazakhstan.getByRole('listitem', { name: 'Shared with your delegation by ISR' });
    await shared.getByText(`Replace “${selected}” with “${SECRET}”`).waitFor();
    await shared.getByText('Only ISR can change or table this draft.').waitFor();
    expect(await shared.getByRole('button').count()).toBe(0);

    // India's screen, open all along, asks again (as on returning to the window) and gets nothing.
    const asked = india.waitForResponse((r) => r.url().includes('/drafts'));
    await india.evaluate(() => window.dispatchEvent(new Event('focus')));
    expect(await (await asked).json()).toEqual([]);
    await expectNoTrace(india, draftId);

    // Tabled: India sees Israel's new bracket live, without reloading.
    const paragraphOnIndia = india.locator('p.provision').filter({ hasText: /^2\.2\.2\b/u });
    const bracket = paragraphOnIndia.locator('.bracket.kind-replace[data-proponent="ISR"]').filter({ hasText: `[${SECRET}]` });
    expect(await bracket.count()).toBe(0);
    const tabledAt = Date.now();
    await own.getByRole('button', { name: 'Table this draft' }).click();
    await israel.getByRole('status').filter({ hasText: 'Tabled: the proposal is now in the text for every delegation.' }).waitFor();
    await bracket.waitFor({ timeout: 5000 });
    expect(Date.now() - tabledAt, 'India sees the tabled proposal within two seconds').toBeLessThan(2000);
    expect(await bracket.locator('del').textContent()).toBe(selected);
    expect(await bracket.getByRole('button').getAttribute('aria-label')).toBe('+ISR: replacement proposed by ISR; ISR proposes');
    // The draft itself stays private: its id, and the fact that it was a draft, never reach India.
    expect(await india.content()).not.toContain(draftId);
    await expect.poll(() => israel.locator('.draft').count()).toBe(0);
    // Three browsers on a shared machine: more than the default 30 s when the other tests run too.
  }, 120_000);
});
