/**
 * The main flow of the workspace entirely by keyboard (Tab, typing, Enter, arrow keys; no
 * mouse), in three browser contexts against the real server on its embedded database: the
 * Israeli delegate proposes replacing words of 2.2.2 (chosen by paragraph number and words);
 * the Indian delegate sees it live and objects with a reason; the chair accepts another
 * proposal by consensus and issues a revision; all three see the same counts; the comparison
 * of the draft as imported with Rev. 1 shows the change.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true.
 */
import type { Browser, Page } from 'playwright-core';
import { hasChromium, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, USERS } from '../../server/test-support/fixtures.ts';

/** Presses Tab until the focused element matches; fails with what had the focus if it never does. */
async function tabTo(page: Page, matches: (element: Element) => boolean, what: string, limit = 600): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    // The predicate runs in the page (Playwright sends its source), so it must not use outer variables.
    const found = await page
      .locator(':focus')
      .evaluate(matches, undefined, { timeout: 1_000 })
      .catch(() => false);
    if (found) return;
    if (i < 5) seen.push(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? 'nothing'));
  }
  throw new Error(`Tab never reached ${what}; first stops: ${seen.join(' | ')}`);
}

describe('the workspace by keyboard alone', () => {
  let browser: Browser | undefined;
  let base = '';

  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness({ seed: true });
    ({ browser, base } = harness);
  });

  afterAll(() => harness?.close());

  async function signInAndOpen(username: string): Promise<Page> {
    const page = await (await browser!.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-GB' })).newPage();
    await page.goto(base);
    await tabTo(page, (e) => e.getAttribute('name') === 'username', 'the user name');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    await tabTo(page, (e) => e.tagName === 'A' && (e.textContent ?? '').includes('Draft updated CICA Catalogue'), 'the document link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.document-text.compiled [data-provision]');
    return page;
  }

  const counts = (page: Page): Promise<string> => page.locator('[data-count="open-brackets"]').innerText();

  it('proposes, objects, accepts, issues a revision and compares, with Tab, typing and Enter only', async (context) => {
    if (skipWithoutChromium(context)) return;
    const israel = await signInAndOpen(USERS.isr.username);
    const india = await signInAndOpen(USERS.ind.username);
    const chair = await signInAndOpen(USERS.chair.username);

    // Israel: in 2.2.2, replace "national legislation" with "domestic law".
    await tabTo(israel, (e) => e.tagName === 'SUMMARY' && e.closest('details.words') !== null, 'the words panel');
    await israel.keyboard.press('Enter');
    await israel.keyboard.press('Tab');
    await israel.keyboard.type('2.2.2');
    await israel.keyboard.press('Tab');
    await israel.keyboard.type('national legislation');
    await israel.keyboard.press('Enter');
    // The propose box takes the focus: type the new words, then reach its button.
    await israel.keyboard.type('domestic law');
    await tabTo(israel, (e) => e.tagName === 'BUTTON' && e.textContent === 'Propose replacement', 'Propose replacement', 10);
    const proposedAt = Date.now();
    await israel.keyboard.press('Enter');

    // India sees it live, opens it and objects with a reason.
    const replacement = india.locator('.bracket.kind-replace', { hasText: 'domestic law' });
    await replacement.waitFor({ timeout: 5_000 });
    expect(Date.now() - proposedAt, 'India sees the replacement within a second').toBeLessThan(1_000);
    await tabTo(india, (e) => (e.getAttribute('aria-label') ?? '').startsWith('+ISR: replacement proposed by ISR') && (e.closest('.bracket')?.textContent ?? '').includes('domestic law'), 'the new bracket');
    await india.keyboard.press('Enter');
    await tabTo(india, (e) => e.tagName === 'TEXTAREA' && e.closest('aside.panel') !== null, 'the reason');
    await india.keyboard.type('the national legislation is the established term');
    await tabTo(india, (e) => e.tagName === 'BUTTON' && e.textContent === 'Object', 'Object', 10);
    await india.keyboard.press('Enter');
    await expect.poll(() => israel.locator('.bracket', { hasText: 'domestic law' }).getByRole('button').getAttribute('aria-label')).toBe('+ISR−IND: replacement proposed by ISR; ISR proposes; IND objects');

    // The chair accepts the first proposal of the text by consensus, then issues a revision.
    const before = await counts(chair);
    await tabTo(chair, (e) => e.tagName === 'BUTTON' && e.hasAttribute('data-proposal') && !(e.closest('.bracket')?.textContent ?? '').includes('domestic law'), 'a proposal');
    await chair.keyboard.press('Enter');
    await tabTo(chair, (e) => e.tagName === 'BUTTON' && e.textContent === 'Consensus: accept', 'Consensus: accept', 60);
    await chair.keyboard.press('Enter');
    await expect.poll(() => counts(chair)).not.toBe(before);
    await tabTo(chair, (e) => e.tagName === 'BUTTON' && e.textContent === 'Issue the next revision', 'Issue the next revision');
    await chair.keyboard.press('Enter');

    // All three see the same counts.
    await expect.poll(async () => new Set([await counts(israel), await counts(india), await counts(chair)]).size).toBe(1);
    await expect.poll(() => chair.locator('[data-count="revisions"]').innerText()).toMatch(/1/u);

    // The chair compares the draft as imported with Rev. 1: the accepted words are marked.
    await tabTo(chair, (e) => e.tagName === 'BUTTON' && e.textContent === 'Revisions and comparison', 'the revisions tab');
    await chair.keyboard.press('Enter');
    await tabTo(chair, (e) => e.tagName === 'SELECT' && e.closest('.compare-form') !== null, 'the first point of the comparison', 200);
    await chair.keyboard.press('Home');
    await tabTo(chair, (e) => e.tagName === 'SELECT' && e.closest('.compare-form') !== null, 'the second point of the comparison', 3);
    await chair.keyboard.press('Home');
    await chair.keyboard.press('ArrowDown');
    await expect.poll(() => chair.locator('.revisions ins, .revisions del').count()).toBeGreaterThan(0);
  }, 180_000);
});
