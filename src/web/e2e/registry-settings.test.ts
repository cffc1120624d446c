/**
 * The notes verbales registry settings in Chromium, on the demo as a first start creates it
 * (pattern {index}/{number}, one counter per year, 2021 at 298 after the seed's note): the
 * secretariat opens the settings from the registry, sees the next number 17-1/299 for 2021;
 * a counter set back is refused with the server's message and the form keeps what was typed;
 * the place in English changed, the counter moved forward and the pattern given the year are
 * saved and show at once (17-1/311/2021). axe finds no serious or critical violation. A
 * delegate sees no link, and the address typed in says only the secretariat may see it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openNotesRegistry, skipWithoutChromium, startDemoHarness, type DemoHarness, type OpenedPage } from './browser-harness.ts';

describe('notes verbales registry settings in Chromium', () => {
  let harness: DemoHarness | undefined;

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startDemoHarness();
  });
  afterAll(() => harness?.close());

  const openRegistry = (username: string): Promise<OpenedPage> => openNotesRegistry(harness!, username);

  async function expectAccessible(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }

  it('the secretariat changes the place and numbering; a counter set back is refused and nothing typed is lost', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page, problems } = await openRegistry('secretariat');
    await page.getByRole('link', { name: 'Registry settings' }).click();
    await page.getByRole('heading', { name: 'Registry settings', level: 1 }).waitFor();
    await page.getByLabel('Example year').fill('2021');
    await page.getByText('The next note would be No. 17-1/299').waitFor();
    expect(await page.locator('.registry-counters tbody tr').allTextContents()).toEqual(['2021298']);
    const english = page.getByRole('group', { name: 'Text in English' });
    expect(await english.getByLabel('Place').inputValue()).toBe('Nur-Sultan');
    expect(await page.getByRole('group', { name: 'Text in Русский' }).getByLabel('Place').inputValue()).toBe('Нур-Султан');
    await expectAccessible(page);

    // Refused by the server: the counter may not move back. What was typed stays.
    await english.getByLabel('Place').fill('Astana');
    await page.getByLabel('Last number of counter 2021').fill('100');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect.poll(() => page.locator('.registry-settings').getByRole('alert').innerText()).toMatch(/cannot be set back to 100/u);
    expect(await english.getByLabel('Place').inputValue()).toBe('Astana');
    expect(await page.getByLabel('Last number of counter 2021').inputValue()).toBe('100');
    await page.getByText('The next note would be No. 17-1/299').waitFor();

    await page.getByLabel('Last number of counter 2021').fill('310');
    await page.getByLabel('Numbering pattern', { exact: true }).fill('{index}/{number}/{year}');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('The settings are saved.').waitFor();
    await page.getByText('The next note would be No. 17-1/311/2021').waitFor();
    expect(await page.locator('.registry-settings').getByRole('alert').count()).toBe(0);
    expect(await page.locator('.registry-counters tbody tr').allTextContents()).toEqual(['2021310']);

    // Read again from the server: the change is stored.
    await page.reload();
    await page.getByRole('heading', { name: 'Registry settings', level: 1 }).waitFor();
    expect(await page.getByRole('group', { name: 'Text in English' }).getByLabel('Place').inputValue()).toBe('Astana');
    expect(await page.getByRole('group', { name: 'Text in Русский' }).getByLabel('Place').inputValue()).toBe('Нур-Султан');
    await page.getByText('Numbering pattern: {index}/{number}/{year}').waitFor();
    // The only console error is Chromium's line for the refused save (422).
    expect(problems).toEqual([expect.stringContaining('status of 422')]);
  }, 120_000);

  it('a delegate sees no link to the settings, and the address typed in says they are the secretariat’s', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page, problems } = await openRegistry('kaz');
    expect(await page.getByRole('link', { name: 'Registry settings' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New note verbale' }).count()).toBe(0);
    await page.goto(`${harness!.base}/notes-verbales/settings`);
    await page.getByRole('heading', { name: 'Registry settings', level: 1 }).waitFor();
    await page.getByText('Only the secretariat may see and change the settings of the registry of notes verbales.').waitFor();
    expect(await page.getByRole('button', { name: 'Save the settings' }).count()).toBe(0);
    expect(await page.getByLabel('Place').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);
});
