/**
 * Notes verbales in Chromium, on the demo exactly as a first start creates it (the seed's note
 * No. 17-1/298 in the registry): the secretariat fills in a new note to Kazakhstan in English,
 * Russian and Kazakh, issues and circulates it (it takes 17-1/299); Kazakhstan's delegate finds
 * it in the registry, reads it in Russian and downloads its PDF; India's delegate does not see
 * it. axe-core finds no serious or critical violation on the registry and the note.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, skipWithoutChromium, signInToDemo, startDemoHarness, type DemoHarness } from './browser-harness.ts';

describe('notes verbales in Chromium', () => {
  let harness: DemoHarness | undefined;

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startDemoHarness();
  });
  afterAll(() => harness?.close());

  async function openRegistry(username: string): Promise<{ page: Page; problems: string[] }> {
    const { page, problems } = await signInToDemo(harness!, username);
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Notes verbales' }).click();
    await page.getByRole('heading', { name: 'Registry of notes verbales' }).waitFor();
    return { page, problems };
  }

  const numbers = (page: Page) => page.locator('.notes-table tbody tr td:first-child').allTextContents();

  async function expectAccessible(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }

  it('the secretariat issues a note to Kazakhstan; its delegate opens it and downloads the PDF; India does not see it', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page: secretariat, problems } = await openRegistry('secretariat');
    await expect.poll(() => numbers(secretariat)).toEqual(['17-1/298']);
    await expectAccessible(secretariat);

    await secretariat.getByRole('link', { name: 'New note verbale' }).click();
    await secretariat.getByRole('heading', { name: 'New note verbale' }).waitFor();
    await secretariat.getByLabel('Date of the note').fill('2021-06-01');
    await secretariat.getByLabel('Named states').check();
    await secretariat.getByLabel('States (codes separated by commas, e.g. KAZ, IND)').fill('KAZ');
    const texts = {
      English: { subject: 'Link to the SWG meeting', addressee: 'the Embassy of the Republic of Kazakhstan', block: 'EMBASSY OF THE REPUBLIC OF KAZAKHSTAN', purpose: 'transmit the link to the online SWG meeting of 2 June 2021' },
      Русский: { subject: 'Ссылка на заседание СРГ', addressee: 'Посольству Республики Казахстан', block: 'ПОСОЛЬСТВО РЕСПУБЛИКИ КАЗАХСТАН', purpose: 'препроводить ссылку на заседание СРГ 2 июня 2021 г. в онлайн формате' },
      Қазақша: { subject: 'АЖТ отырысына сілтеме', addressee: 'Қазақстан Республикасының Елшілігіне', block: 'ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЕЛШІЛІГІ', purpose: 'АЖТ-ның 2021 жылғы 2 маусымдағы онлайн отырысына сілтемені жолдауды' },
    };
    for (const [language, text] of Object.entries(texts)) {
      const group = secretariat.getByRole('group', { name: `Text in ${language}` });
      await group.getByLabel('Subject').fill(text.subject);
      await group.getByLabel('Addressees as the formulas name them').fill(text.addressee);
      await group.getByLabel('The Secretariat has the honour to').fill(text.purpose);
      await group.getByLabel('Addressee block at the foot').fill(text.block);
    }
    await secretariat.getByRole('button', { name: 'Issue and circulate' }).click();
    await secretariat.getByRole('heading', { name: 'Note verbale No. 17-1/299' }).waitFor();
    await secretariat.getByText('Circulated to: KAZ').waitFor();
    expect(problems).toEqual([]);

    const { page: kazakhstan, problems: kazProblems } = await openRegistry('kaz');
    await expect.poll(() => numbers(kazakhstan)).toEqual(['17-1/299', '17-1/298']);
    await expectAccessible(kazakhstan);
    await kazakhstan.getByLabel('Search the registry').fill('SWG link');
    await kazakhstan.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => numbers(kazakhstan)).toEqual(['17-1/299']);
    await kazakhstan.getByRole('link', { name: '17-1/299' }).click();
    await kazakhstan.getByRole('heading', { name: 'Note verbale No. 17-1/299' }).waitFor();
    const page = kazakhstan.frameLocator('iframe.note-page');
    await page.getByText('presents its compliments to the Embassy of the Republic of Kazakhstan and has the honour to transmit the link', { exact: false }).waitFor();
    await kazakhstan.getByLabel('Language of the note').selectOption('ru');
    await page.getByText('свидетельствует свое уважение Посольству Республики Казахстан и имеет честь препроводить ссылку', { exact: false }).waitFor();

    const [download] = await Promise.all([kazakhstan.waitForEvent('download'), kazakhstan.getByRole('link', { name: 'Download PDF (Русский)' }).click()]);
    expect(download.suggestedFilename()).toBe('note-verbale-17-1-299-ru.pdf');
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
    expect(kazProblems).toEqual([]);

    const { page: india } = await openRegistry('ind');
    await expect.poll(() => numbers(india)).toEqual(['17-1/298']);
  }, 120_000);
});
