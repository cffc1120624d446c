/**
 * The workspace in a real browser against the real server on its embedded database: the
 * Israeli delegate and the chair in two browser contexts; the delegate objects to a proposal
 * and the chair sees it within a second without reloading; the chair accepts it by consensus
 * and the delegate sees the bracket go. Saves screenshots of the main screens (English and
 * Russian) to docs/screenshots/.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true (CI must run it).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, SCREENSHOTS, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../server/test-support/fixtures.ts';

describe('the negotiation workspace in Chromium', () => {
  let documentId = '';

  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness({ seed: true });
    documentId = harness.seedDocumentId;
  });

  afterAll(() => harness?.close());

  async function signIn(username: string): Promise<Page> {
    const { page, problems } = await harness!.signIn(username);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    expect(problems, `console errors for ${username}`).toEqual([]);
    return page;
  }

  async function openDocument(page: Page): Promise<void> {
    await page.getByRole('link', { name: /Draft updated CICA Catalogue/u }).click();
    await page.locator('.document-text.compiled').waitFor();
  }

  it('shows a delegate’s objection and replacement to the chair live, and the chair’s consensus to the delegate', async (context) => {
    if (skipWithoutChromium(context)) return;
    const delegate = await signIn(USERS.isr.username);
    const chair = await signIn(USERS.chair.username);
    await expect.poll(() => delegate.getByTestId('who').textContent()).toBe('isr — ISR — delegate');
    await expect.poll(() => chair.getByTestId('who').textContent()).toBe('chair — no delegation — chair');

    await delegate.screenshot({ path: join(SCREENSHOTS, 'documents-en.png') });
    await openDocument(delegate);
    await openDocument(chair);
    expect(new URL(delegate.url()).pathname).toBe(`/documents/${documentId}`);

    // A proposal of another delegation on which Israel has taken no position.
    const target = delegate.locator('button.chips[data-proposal]').filter({ hasNotText: 'ISR' }).first();
    const proposalId = (await target.getAttribute('data-proposal'))!;
    const onChair = chair.locator(`button.chips[data-proposal="${proposalId}"]`);
    await expect.poll(() => onChair.textContent()).not.toContain('ISR');
    const openBefore = await chair.locator('[data-count="open-brackets"]').textContent();

    await target.click();
    await delegate.getByLabel('Reason (optional)').fill('<b>not</b> agreed <script>alert(1)</script>');
    const started = Date.now();
    await delegate.getByRole('button', { name: 'Object', exact: true }).click();
    await onChair.filter({ hasText: '−ISR' }).waitFor({ timeout: 5000 });
    const elapsed = Date.now() - started;
    expect(elapsed, 'the chair sees the objection within a second').toBeLessThan(1000);

    // The chair reads the reason as text, never as markup.
    await onChair.click();
    await chair.getByText('reason: <b>not</b> agreed <script>alert(1)</script>').waitFor();
    await delegate.locator('aside.panel').scrollIntoViewIfNeeded();
    await delegate.screenshot({ path: join(SCREENSHOTS, 'document-en.png') });
    await chair.screenshot({ path: join(SCREENSHOTS, 'document-chair-en.png') });

    await chair.getByRole('button', { name: 'Consensus: accept', exact: true }).click();
    const onDelegate = delegate.locator(`button.chips[data-proposal="${proposalId}"]`);
    await expect.poll(() => onDelegate.count(), { timeout: 2000 }).toBe(0);
    const openAfter = await delegate.locator('[data-count="open-brackets"]').textContent();
    expect(openAfter).not.toBe(openBefore);
    await expect.poll(() => chair.locator('[data-count="open-brackets"]').textContent()).toBe(openAfter);

    // The delegate selects words of 2.2.2 and proposes replacing them; the chair sees the new bracket live.
    const selected = await delegate.evaluate(() => {
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
    await delegate.getByText(`Selected words: “${selected}”`).waitFor();
    await delegate.getByLabel('Replace them with').fill('strengthening');
    const proposedAt = Date.now();
    await delegate.getByRole('button', { name: 'Propose replacement', exact: true }).click();
    const replaced = chair
      .locator('p.provision')
      .filter({ hasText: /^2\.2\.2\b/u })
      .locator('.bracket.kind-replace[data-proponent="ISR"]')
      .filter({ hasText: '[strengthening]' });
    await replaced.waitFor({ timeout: 5000 });
    expect(Date.now() - proposedAt, 'the chair sees the proposal within a second').toBeLessThan(1000);
    expect(await replaced.getByRole('button').getAttribute('aria-label')).toBe('+ISR: replacement proposed by ISR; ISR proposes');
    expect(await replaced.locator('del').textContent()).toBe(selected);
    expect(await replaced.textContent()).toContain('[strengthening]');
    await replaced.scrollIntoViewIfNeeded();
    await chair.screenshot({ path: join(SCREENSHOTS, 'replacement-chair-en.png') });

    // Russian, remembered across a reload; `lang` and `dir` follow the choice.
    await delegate.getByLabel('Language').selectOption('ru');
    await delegate.reload();
    await delegate.locator('.document-text.compiled').waitFor();
    expect(await delegate.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ru', 'ltr']);
    await delegate.locator('[data-count="open-brackets"]').filter({ hasText: /открыт/u }).waitFor();
    await delegate.locator('button.chips[data-proposal]').first().click();
    // The proposal's history is drawn once the log has come (its script loads meanwhile).
    await delegate.locator('#history-heading').waitFor();
    await delegate.screenshot({ path: join(SCREENSHOTS, 'document-ru.png') });
    await delegate.getByRole('button', { name: /Все документы/u }).click();
    await delegate.getByRole('heading', { name: 'Документы' }).waitFor();
    await delegate.screenshot({ path: join(SCREENSHOTS, 'documents-ru.png') });
    await delegate.getByRole('button', { name: 'Выйти', exact: true }).click();
    await delegate.getByRole('heading', { name: 'Вход' }).waitFor();
    await delegate.screenshot({ path: join(SCREENSHOTS, 'signin-ru.png') });
    await chair.getByRole('button', { name: 'Sign out', exact: true }).click();
    await chair.getByRole('heading', { name: 'Sign in' }).waitFor();
    await chair.screenshot({ path: join(SCREENSHOTS, 'signin-en.png') });
  });
});
