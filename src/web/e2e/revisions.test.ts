/**
 * Revisions, statements and paragraph acts in a real browser against the real server on its
 * embedded database: the chair issues Rev.1, accepts a proposal by consensus, issues Rev.2 and
 * compares them (the change in <ins>/<del>, times in the reader's zone and Astana's); the
 * Israeli delegate adds an interpretative statement written as markup, which shows as text;
 * the chair marks a paragraph agreed ad ref and both see the badge; the delegate proposes a
 * new paragraph and the chair sees it.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true (CI must run it).
 */
import type { Page } from 'playwright-core';
import { hasChromium, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../server/test-support/fixtures.ts';

const HOSTILE = '<script>alert(1)</script><b>x</b>';

describe('revisions, statements and paragraph acts in Chromium', () => {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness({ seed: true });
  });

  afterAll(() => harness?.close());

  /** A signed-in page in Paris time, so the reader's zone and Astana's differ; it records console errors and any dialog. */
  async function signIn(username: string): Promise<{ page: Page; problems: string[]; dialogs: string[] }> {
    const dialogs: string[] = [];
    const { page, problems } = await harness!.signIn(username, { timezoneId: 'Europe/Paris', dialogs });
    await page.getByRole('link', { name: /Draft updated CICA Catalogue/u }).click();
    await page.locator('.document-text.compiled').waitFor();
    return { page, problems, dialogs };
  }

  async function issueRevision(chair: Page, count: string): Promise<void> {
    await chair.getByRole('button', { name: 'Issue the next revision' }).click();
    await chair.locator('[data-count="revisions"]').filter({ hasText: count }).waitFor();
  }

  it('issues and compares revisions, adds a statement as text, agrees a paragraph ad ref, and proposes a new paragraph', async (context) => {
    if (skipWithoutChromium(context)) return;
    const chair = await signIn(USERS.chair.username);
    const delegate = await signIn(USERS.isr.username);

    // Rev.1; then the chair accepts an insertion by consensus; then Rev.2.
    await issueRevision(chair.page, '1 revision issued');
    const insertion = chair.page.locator('.bracket.kind-insert').filter({ has: chair.page.locator('button.chips') }).first();
    const proposalId = (await insertion.locator('button.chips').first().getAttribute('data-proposal'))!;
    const words = ((await chair.page.locator(`[data-parent="${proposalId}"]`).first().textContent()) ?? '').trim();
    expect(words.length, 'the inserted words').toBeGreaterThan(0);
    await chair.page.locator(`button.chips[data-proposal="${proposalId}"]`).click();
    await chair.page.getByRole('button', { name: 'Consensus: accept', exact: true }).click();
    await expect.poll(() => chair.page.locator(`button.chips[data-proposal="${proposalId}"]`).count()).toBe(0);
    await issueRevision(chair.page, '2 revisions issued');

    // The comparison of Rev.1 and Rev.2: the bracket's marks deleted in the compiled text, the words inserted in the agreed one.
    await chair.page.getByRole('button', { name: 'Revisions and comparison' }).click();
    await chair.page.getByRole('heading', { name: 'Comparison of Rev.1 with Rev.2' }).waitFor();
    const rows = chair.page.locator('.revision-list tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual(['Rev.1', 'Rev.2']);
    // The test server's clock is in June 2021: Paris on summer time (UTC+2), Astana on UTC+6.
    expect(await rows.first().locator('td').first().textContent()).toMatch(/^Jun 2, 2021,? 10:\d\d AM GMT\+2 \(your time\) · Astana: Jun 2, 2021,? 02:\d\d PM GMT\+6$/u);
    expect(await chair.page.getByTestId('comparison-summary').textContent()).toMatch(/^1 provision differs: 1 changed, 0 added, 0 removed; \d{2,} unchanged\.$/u);
    const changed = chair.page.locator('.comparison .change.changed');
    expect(await changed.count()).toBe(1);
    expect((await changed.locator('del').allTextContents()).join('')).toContain('(+');
    await chair.page.locator('.compare-form').getByLabel('View').selectOption('agreed');
    await expect.poll(async () => (await changed.locator('ins').allTextContents()).join(' ')).toContain(words);
    expect(await changed.locator('ins .visually-hidden').first().textContent()).toBe('inserted: ');
    await chair.page.getByRole('button', { name: 'Text', exact: true }).click();

    // The delegate adds an interpretative statement written as markup to an open proposal: it shows as text, nothing runs.
    const target = delegate.page.locator('.bracket > button.chips[data-proposal]').first();
    const statementOn = (await target.getAttribute('data-proposal'))!;
    await target.click();
    await delegate.page.getByLabel('Kind of statement').selectOption('interpretative');
    await delegate.page.getByLabel('Text of the statement').fill(HOSTILE);
    await delegate.page.getByRole('button', { name: 'Add the statement' }).click();
    await delegate.page.locator('.history li').filter({ hasText: `Interpretative statement by ISR: “${HOSTILE}”` }).waitFor();
    // The newest statement's marker is the last one after the proposal's chips.
    const marker = delegate.page.locator(`button.chips[data-proposal="${statementOn}"]`).locator('xpath=following-sibling::sup[contains(@class, "footnote-mark")][last()]/a');
    await marker.waitFor();
    const note = delegate.page.locator(`#${(await marker.getAttribute('href'))!.slice(1)}`);
    expect(await note.textContent()).toContain(`ISR: ${HOSTILE}`);
    expect(await note.locator('script, b').count()).toBe(0);
    // The chair sees it live, as text too.
    await chair.page.locator('aside.note').filter({ hasText: HOSTILE }).waitFor({ timeout: 5000 });
    expect(await chair.page.evaluate(() => Array.from(document.querySelectorAll('.document-text b, .document-text script')).length)).toBe(0);

    // The chair marks agreed ad ref the first paragraph with no bracket left on it; the badge shows to both.
    const paragraphs = chair.page.locator('p.provision.paragraph').filter({ hasNot: chair.page.locator('.bracket') });
    let agreed: string | null = null;
    for (let index = 0; index < (await paragraphs.count()) && agreed === null; index++) {
      const paragraph = paragraphs.nth(index);
      await paragraph.locator('button.provision-select').click();
      const panel = chair.page.locator('.provision-panel');
      await panel.waitFor();
      if ((await panel.textContent())?.includes('No open proposal on this paragraph')) {
        agreed = await paragraph.getAttribute('data-provision');
        await panel.getByRole('button', { name: 'Mark agreed ad ref' }).click();
      }
    }
    expect(agreed, 'a paragraph without brackets').not.toBeNull();
    await chair.page.locator(`p[data-provision="${agreed}"] .badge.agreement`).filter({ hasText: 'agreed ad ref' }).waitFor();
    await delegate.page.locator(`p[data-provision="${agreed}"] .badge.agreement`).filter({ hasText: 'agreed ad ref' }).waitFor({ timeout: 5000 });

    // The delegate proposes a new paragraph after it; the chair sees it, in brackets, proposed by Israel.
    await delegate.page.locator(`p[data-provision="${agreed}"] button.provision-select`).click();
    const form = delegate.page.getByRole('form', { name: 'Propose a new paragraph' });
    await form.getByLabel('Number (optional, e.g. 2.2.x)').fill('2.2.x');
    await form.getByLabel('Text of the paragraph').fill('Exchanging lists of national experts on request.');
    await form.getByRole('button', { name: /^Propose after / }).click();
    await form.getByText('The paragraph is proposed.').waitFor();
    const proposed = chair.page.locator('p.provision').filter({ hasText: '2.2.x Exchanging lists of national experts on request.' });
    await proposed.waitFor({ timeout: 5000 });
    // It stands right after the paragraph it was proposed after.
    const next = await chair.page.evaluate((id) => {
      const sections = Array.from(document.querySelectorAll('section.entry'));
      const at = sections.findIndex((section) => section.querySelector(`p[data-provision="${id}"]`) !== null);
      return sections[at + 1]?.querySelector('p.provision')?.textContent ?? '';
    }, agreed);
    expect(next).toBe('2.2.x Exchanging lists of national experts on request.');
    const section = chair.page.locator('section.entry').filter({ has: proposed });
    expect(await section.locator('button.chips').getAttribute('aria-label')).toBe('+ISR: new provision proposed by ISR; ISR proposes');

    expect(chair.dialogs).toEqual([]);
    expect(delegate.dialogs).toEqual([]);
    expect(chair.problems, 'console errors for the chair').toEqual([]);
    expect(delegate.problems, 'console errors for the delegate').toEqual([]);
  });
});

