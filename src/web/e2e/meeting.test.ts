/**
 * Meeting mode in a real browser against the real server on its embedded database: the chair
 * starts a meeting and scrolls to provision 2.2.2 of the seed; the Indian delegate's page, in
 * another browser context, is brought to it within a second; the chair gives India the floor
 * and records an oral proposal on India's behalf, which the delegate sees as India's bracket.
 * Saves screenshots of both views to docs/screenshots/.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true (CI must run it).
 */
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { hasChromium, SCREENSHOTS, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS, type TestApp } from '../../server/test-support/fixtures.ts';

/** Where an element is against the window and below the sticky header (the part of the window a reader sees text in). */
function placement(locator: Locator): Promise<{ top: number; bottom: number; headerBottom: number; headerHeight: number; height: number }> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const header = document.querySelector('.document-header')!.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, headerBottom: header.bottom, headerHeight: header.height, height: window.innerHeight };
  });
}

const inView = (p: { top: number; bottom: number; headerBottom: number; height: number }): boolean => p.bottom > p.headerBottom && p.top < p.height;

describe('meeting mode in Chromium', () => {
  let server: TestApp | undefined;
  let documentId = '';

  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness({ seed: true });
    server = harness.server;
    documentId = harness.seedDocumentId;
  });

  afterAll(() => harness?.close());

  async function openAs(username: string, problems: string[]): Promise<Page> {
    const { page } = await harness!.signIn(username, { problems, label: username });
    await page.getByRole('link', { name: /Draft updated CICA Catalogue/u }).click();
    await page.locator('.document-text.compiled').waitFor();
    return page;
  }

  it('brings the delegate to the provision the chair scrolls to, and records India’s oral proposal', async (context) => {
    if (skipWithoutChromium(context)) return;
    const problems: string[] = [];
    const chair = await openAs(USERS.chair.username, problems);
    const delegate = await openAs(USERS.ind.username, problems);
    const provision = (page: Page, label: string): Locator => page.locator('p.provision').filter({ has: page.locator(`:scope > .label`, { hasText: new RegExp(`^${label.replaceAll('.', '\\.')}\\s*$`, 'u') }) });
    const paragraph = (page: Page): Locator => provision(page, '2.2.2');
    /** How far below the header the provision sits once the delegate's view is still. */
    const settledBelowHeader = async (label: string): Promise<boolean> => {
      const settled = await placement(provision(delegate, label));
      return settled.top - settled.headerBottom >= 0 && settled.top - settled.headerBottom < 40;
    };

    await chair.getByRole('button', { name: 'Start meeting', exact: true }).click();
    await delegate.getByTestId('meeting-banner').filter({ hasText: 'Chaired by chair' }).waitFor({ timeout: 5000 });
    expect(inView(await placement(paragraph(delegate))), '2.2.2 is far down the page at first').toBe(false);
    expect(await delegate.getByRole('checkbox', { name: 'Follow the chair' }).isChecked()).toBe(true);

    // The chair scrolls with the mouse wheel until 2.2.2 is at the top of the text, below the header.
    const before = await placement(paragraph(chair));
    await chair.mouse.move(400, 600);
    const scrolledAt = Date.now();
    // Scrolled that far, the document's header is stuck at the top of the window (the app's header above it scrolled away).
    await chair.mouse.wheel(0, before.top - before.headerHeight - 12);
    await expect.poll(async () => inView(await placement(paragraph(delegate))), { timeout: 3000, interval: 25 }).toBe(true);
    const elapsed = Date.now() - scrolledAt;
    expect(elapsed, 'the delegate sees 2.2.2 within a second of the chair scrolling to it').toBeLessThan(1000);
    expect(await delegate.getByTestId('meeting-focus').textContent()).toBe('Under discussion: 2.2.2');
    expect(await paragraph(delegate).getAttribute('class')).toContain('meeting-focus');
    // Once the scroll settles, 2.2.2 sits just below the delegate's header.
    await expect.poll(() => settledBelowHeader('2.2.2')).toBe(true);

    // The next paragraph, chosen by a click and "Discuss", is near: the delegate's view glides to it.
    await provision(chair, '2.2.3').locator('.label').click();
    const discussedAt = Date.now();
    await chair.getByRole('button', { name: 'Discuss 2.2.3', exact: true }).click();
    await expect.poll(() => settledBelowHeader('2.2.3'), { timeout: 3000, interval: 25 }).toBe(true);
    expect(Date.now() - discussedAt, 'the delegate is at 2.2.3 within a second').toBeLessThan(1000);
    expect(await provision(delegate, '2.2.2').getAttribute('class')).not.toContain('meeting-focus');
    // And back to 2.2.2, still at the top of the chair's screen.
    await provision(chair, '2.2.2').locator('.label').click();
    await chair.getByRole('button', { name: 'Discuss 2.2.2', exact: true }).click();
    await expect.poll(() => settledBelowHeader('2.2.2'), { timeout: 2000, interval: 25 }).toBe(true);
    expect(await delegate.getByTestId('meeting-focus').textContent()).toBe('Under discussion: 2.2.2');

    // The chair gives India the floor; the delegate's banner says so.
    await chair.getByLabel('Floor').selectOption('IND');
    await delegate.getByTestId('meeting-floor').filter({ hasText: 'Floor: IND' }).waitFor({ timeout: 2000 });

    // The chair selects a word of 2.2.2 and records India's replacement of it.
    const selected = await chair.evaluate(() => {
      const target = Array.from(document.querySelectorAll('p.provision')).find((p) => p.textContent?.startsWith('2.2.2'));
      const run = Array.from(target?.querySelectorAll(':scope > [data-container] > [data-start]') ?? []).find((r) => /\bsecurity\b/u.test(r.textContent ?? ''));
      const text = run?.firstChild;
      const at = text?.textContent?.search(/\bsecurity\b/u) ?? -1;
      if (!text || at < 0) return null;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'security'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return 'security';
    });
    expect(selected, 'the word “security” in 2.2.2').toBe('security');
    await chair.getByRole('heading', { name: 'Oral proposal for IND' }).waitFor();
    await chair.getByText('Selected words: “security”').waitFor();
    await chair.getByLabel('Replace them with').fill('safety');
    await chair.screenshot({ path: join(SCREENSHOTS, 'meeting-chair-en.png') });
    const proposedAt = Date.now();
    await chair.getByRole('button', { name: 'Propose replacement', exact: true }).click();

    const bracket = paragraph(delegate).locator('.bracket.kind-replace[data-proponent="IND"]').filter({ hasText: '[safety]' });
    await bracket.waitFor({ timeout: 5000 });
    expect(Date.now() - proposedAt, 'the delegate sees the bracket within a second').toBeLessThan(1000);
    expect(await bracket.getByRole('button').getAttribute('aria-label')).toBe('+IND: replacement proposed by IND; IND proposes');
    expect(await bracket.locator('del').textContent()).toBe('security');
    await delegate.screenshot({ path: join(SCREENSHOTS, 'meeting-delegate-en.png') });

    // In the log the proposal is India's, and the chair is the one who recorded it.
    const page = server!.request('ind', 'GET', `/api/documents/${documentId}/events?after=0&limit=1000`);
    const events = ((await page).json() as { events: { event: { type: string; actor: unknown; data: { proposal?: { proponent: string; text?: string } } } }[] }).events;
    const made = events.map((e) => e.event).filter((e) => e.type === 'proposal.made' && e.data.proposal?.text === 'safety');
    expect(made.map((e) => [e.actor, e.data.proposal?.proponent])).toEqual([[{ user: server!.ids.chair, delegation: 'IND', role: 'chair' }, 'IND']]);

    await chair.getByRole('button', { name: 'End meeting', exact: true }).click();
    await expect.poll(() => delegate.getByTestId('meeting-banner').count(), { timeout: 2000 }).toBe(0);
    expect(problems).toEqual([]);
  });
});
