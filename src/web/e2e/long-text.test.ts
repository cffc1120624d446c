/**
 * A long text (1,500 paragraphs, about 75 pages) drawn in a window, in Chromium against the
 * real server: only the paragraphs near the view are in the page, and still every paragraph
 * is reached — by scrolling to the end, by Tab from paragraph to paragraph past the window's
 * edge (and on from the focused paragraph after scrolling far from it), and in meeting mode, where the delegate following the chair is brought exactly to
 * the paragraph at the top of the chair's view, far down the text, and stays there while the
 * paragraphs drawn around it are measured.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG, USERS } from '../../server/test-support/fixtures.ts';
import { hasChromium, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

const PARAGRAPHS = 1500;

/** Paragraph `n` (from 1) is labelled 1.1 … 1.100, 2.1 … 15.100. */
const labelOf = (n: number): string => `${Math.floor((n - 1) / 100) + 1}.${((n - 1) % 100) + 1}`;
const numberOf = (label: string): number => {
  const [section, paragraph] = label.split('.').map(Number);
  return (section! - 1) * 100 + paragraph!;
};

/** Paragraphs of different lengths, a bracket with positions in every third. */
function longDraft(): string {
  const parts = ['LONG CATALOGUE OF CONFIDENCE BUILDING MEASURES'];
  for (let i = 1; i <= PARAGRAPHS; i++) {
    const words = 'Exchange of information on the measures taken by the Member States in the field of confidence building '.repeat(1 + (i % 4));
    parts.push(i % 3 === 0 ? `${labelOf(i)} ${words}[and regional cooperation] (+ISR) (-IND) as agreed.` : `${labelOf(i)} ${words}as agreed.`);
  }
  return parts.join('\n\n') + '\n';
}

/** Where a paragraph's top is against the lower edge of the sticky header. */
function belowHeader(paragraph: Locator): Promise<number> {
  return paragraph.evaluate((element) => element.getBoundingClientRect().top - document.querySelector('.document-header')!.getBoundingClientRect().bottom);
}

describe('a long text in a window, in Chromium', () => {
  let base = '';
  let documentId = '';
  let harness: BrowserHarness | undefined;

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness();
    ({ base } = harness);
    const created = await harness.server.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: longDraft(), title: 'Long catalogue' });
    if (created.statusCode !== 201) throw new Error(`importing the long draft: ${created.statusCode} ${created.body}`);
    documentId = (created.json() as { document: { id: string } }).document.id;
  }, 120_000);

  afterAll(() => harness?.close());

  async function openAs(username: string, problems: string[]): Promise<Page> {
    const { page } = await harness!.signIn(username, { problems, label: username });
    await page.getByRole('link', { name: 'Long catalogue' }).click();
    await page.locator('.document-text.compiled [data-provision]').first().waitFor();
    expect(page.url()).toBe(`${base}/documents/${documentId}`);
    return page;
  }

  const paragraph = (page: Page, label: string): Locator => page.locator('p.provision').filter({ has: page.locator(':scope > .label', { hasText: new RegExp(`^${label.replaceAll('.', '\\.')}\\s*$`, 'u') }) });
  const drawn = (page: Page): Promise<number> => page.locator('.document-text [data-provision]').count();

  it('draws a window, and reaches the end by scrolling and the next paragraphs by Tab', async (context) => {
    if (skipWithoutChromium(context)) return;
    const problems: string[] = [];
    const page = await openAs(USERS.ind.username, problems);
    expect(await drawn(page), 'a window, not the whole text').toBeLessThan(150);
    expect(await page.locator('.document-text').getAttribute('data-window')).toMatch(new RegExp(`^0-\\d+/${PARAGRAPHS + 1}$`, 'u'));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, 'the page is as tall as the whole text').toBeGreaterThan(PARAGRAPHS * 40);

    // To the end with the End key: the last paragraph is drawn and in view.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('End');
    const last = paragraph(page, labelOf(PARAGRAPHS));
    await expect.poll(async () => (await last.count()) === 1 && (await last.evaluate((e) => e.getBoundingClientRect().bottom <= innerHeight + 1)), { timeout: 5000 }).toBe(true);
    expect(await drawn(page)).toBeLessThan(150);

    // Back to the top, then Tab from paragraph to paragraph past the first window's last one.
    await page.keyboard.press('Home');
    // The key scrolls smoothly: wait until it has arrived.
    await expect.poll(() => page.evaluate(() => scrollY), { timeout: 5000 }).toBe(0);
    expect(await paragraph(page, '1.1').count()).toBe(1);
    const firstWindow = (await page.locator('.document-text').getAttribute('data-window'))!;
    const beyond = Number(/^0-(\d+)\//u.exec(firstWindow)![1]) + 20;
    await paragraph(page, '1.1').locator('.label').focus();
    let label = '';
    const trail: string[] = [];
    for (let presses = 0; presses < 3 * beyond && label !== labelOf(beyond); presses++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => document.activeElement?.closest('[data-provision]')?.querySelector(':scope > .label')?.textContent?.trim() ?? `left the text: ${document.activeElement?.outerHTML.slice(0, 60)}`);
      trail.push(`${label} ${await page.locator('.document-text').getAttribute('data-window')} ${await page.evaluate(() => Math.round(scrollY))}`);
      expect(label, `the focus stays in the text: ${trail.slice(-6).join(' | ')}`).toMatch(/^\d+\.\d+$/u);
    }
    expect(label).toBe(labelOf(beyond));
    expect(await drawn(page)).toBeLessThan(150);

    // Scrolled far away from the paragraph holding the focus (which stays in the page), Tab goes on from it.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(async () => Number(/^(\d+)-/u.exec((await page.locator('.document-text').getAttribute('data-window')) ?? '')?.[1]), { timeout: 5000 }).toBeGreaterThan(PARAGRAPHS / 3);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-provision]')?.querySelector(':scope > .label')?.textContent?.trim())).toBe(labelOf(beyond));
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => document.activeElement?.closest('[data-provision]')?.querySelector(':scope > .label')?.textContent?.trim() ?? 'out of the text');
    expect([labelOf(beyond), labelOf(beyond + 1)]).toContain(after);
    expect(problems).toEqual([]);
  }, 120_000);

  it('brings the delegate exactly to the paragraph at the top of the chair’s view, far down the text', async (context) => {
    if (skipWithoutChromium(context)) return;
    const problems: string[] = [];
    const chair = await openAs(USERS.chair.username, problems);
    const delegate = await openAs(USERS.ind.username, problems);
    await chair.getByRole('button', { name: 'Start meeting', exact: true }).click();
    await delegate.getByTestId('meeting-banner').filter({ hasText: 'Chaired by chair' }).waitFor({ timeout: 5000 });

    // The chair jumps two thirds of the way down (the scrollbar, say), then settles with the wheel on the paragraph at the top.
    await chair.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.66));
    await chair.mouse.move(400, 600);
    await chair.mouse.wheel(0, 120);
    const focus = chair.getByTestId('meeting-focus');
    await expect.poll(async () => numberOf(/(\d+\.\d+)$/u.exec((await focus.textContent()) ?? '')?.[1] ?? '0.0'), { timeout: 5000 }).toBeGreaterThan(PARAGRAPHS / 2);
    const discussed = /(\d+\.\d+)$/u.exec((await focus.textContent())!)![1]!;
    await delegate.getByTestId('meeting-focus').filter({ hasText: `Under discussion: ${discussed}` }).waitFor({ timeout: 5000 });

    const target = paragraph(delegate, discussed);
    await expect.poll(async () => (await target.count()) === 1 && (await belowHeader(target)), { timeout: 5000 }).toBeGreaterThanOrEqual(0);
    const settled = await belowHeader(target);
    expect(settled, 'just below the header').toBeLessThan(40);
    // The paragraphs drawn around it are measured after it was brought there: it must not move.
    await delegate.waitForTimeout(800);
    expect(Math.abs((await belowHeader(target)) - settled)).toBeLessThan(1);
    expect(await target.getAttribute('class')).toContain('meeting-focus');
    expect(await drawn(delegate)).toBeLessThan(150);

    await chair.getByRole('button', { name: 'End meeting', exact: true }).click();
    expect(problems).toEqual([]);
  }, 120_000);
});
