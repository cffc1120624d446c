/**
 * The modalities and notifications in Chromium, on the demo as a first start creates it: the
 * secretariat starts a modality B process and records a state's views for it; Kazakhstan's
 * delegate shares its own; the chair compiles them, each seeing only the steps that are theirs.
 * A delegate's notification choices: the demo sends no e-mail (off by default), the language
 * is chosen and kept. axe-core finds no serious or critical violation on the two screens.
 * Screenshot: docs/screenshots/modalities-en.png.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SCREENSHOTS, skipWithoutChromium, signInToDemo, startDemoHarness, type DemoHarness } from './browser-harness.ts';

describe('modalities and notifications in Chromium', () => {
  let harness: DemoHarness | undefined;
  const problems: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startDemoHarness();
  });
  afterAll(() => harness?.close());

  async function signIn(username: string): Promise<Page> {
    const { page } = await signInToDemo(harness!, username, { into: problems });
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Modalities' }).click();
    await page.getByRole('heading', { name: 'Modalities A and B (section 3)' }).waitFor();
    return page;
  }

  async function axe(page: Page, screen: string): Promise<void> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    violations.push(...result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} ${v.help}`));
  }

  it('takes a modality B process through steps by the secretariat, a state and the chair', async (context) => {
    if (skipWithoutChromium(context)) return;
    const secretariat = await signIn('secretariat');
    await secretariat.getByText('No process has been started yet.').waitFor();
    await secretariat.getByText('Start a process').click();
    await secretariat.getByLabel('Topic (modality B)').fill('Energy security');
    await secretariat.getByRole('button', { name: 'Start modality B' }).click();
    await secretariat.getByRole('heading', { name: 'Energy security — Modality B' }).waitFor();
    expect(new URL(secretariat.url()).pathname).toMatch(/^\/modalities\/[^/]+$/u);
    expect(await secretariat.getByText('Stage: open').count()).toBe(1);
    // The secretariat records the views a state sent in, naming the state.
    const views = secretariat.getByRole('form', { name: 'Record: Views shared' });
    await views.getByLabel('For the state').selectOption('THA');
    await views.getByRole('button', { name: 'Record' }).click();
    await secretariat.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
    await secretariat.getByText(/^Views shared: THA,/u).waitFor();
    await axe(secretariat, 'process, secretariat');

    const kazakhstan = await signIn('kaz');
    await kazakhstan.getByRole('link', { name: 'Energy security' }).click();
    const own = kazakhstan.getByRole('form', { name: 'Record: Views shared' });
    expect(await own.getByLabel('For the state').count()).toBe(0);
    await own.getByLabel('Remark (optional)').fill('Views of Kazakhstan, note verbale of 1 June');
    await own.getByRole('button', { name: 'Record' }).click();
    await kazakhstan.getByText(/^Views shared: KAZ, .* — Views of Kazakhstan, note verbale of 1 June$/u).waitFor();
    // Compiling the database is the Chairman's or the Secretariat's, not a state's.
    expect(await kazakhstan.getByRole('form', { name: 'Record: Views compiled into the database' }).count()).toBe(0);

    const chair = await signIn('chair');
    await chair.getByRole('link', { name: 'Energy security' }).click();
    await chair.getByRole('form', { name: 'Record: Views compiled into the database' }).getByRole('button', { name: 'Record' }).click();
    await chair.getByText('Stage: database compiled').waitFor();
    await chair.getByText(/^Experts nominated — from /u).waitFor();
    await chair.screenshot({ path: join(SCREENSHOTS, 'modalities-en.png') });
    expect(problems).toEqual([]);
  }, 120_000);

  it('lets a delegate choose the language of notifications; the demo sends no e-mail', async (context) => {
    if (skipWithoutChromium(context)) return;
    const page = await signIn('ind');
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: /^Notifications/u }).click();
    await page.getByRole('heading', { name: 'What I receive' }).waitFor();
    await page.getByText('The organisation does not send e-mail: notifications stay in the app.').waitFor();
    expect(await page.getByLabel('A silence procedure opened: By e-mail').isDisabled()).toBe(true);
    await page.getByLabel('Language of notifications').selectOption('ru');
    await page.getByLabel('A meeting invitation: In the app').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await axe(page, 'notifications');
    await page.reload();
    await page.getByRole('heading', { name: 'What I receive' }).waitFor();
    expect(await page.getByLabel('Language of notifications').inputValue()).toBe('ru');
    expect(await page.getByLabel('A meeting invitation: In the app').isChecked()).toBe(false);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
