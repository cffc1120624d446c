/**
 * Notes verbales in Chromium, on the demo exactly as a first start creates it (the seed's note
 * No. 17-1/298 in the registry): the secretariat fills in a new note to Kazakhstan in English,
 * Russian and Kazakh, issues and circulates it (it takes 17-1/299); Kazakhstan's delegate finds
 * it in the registry, reads it in Russian and downloads its PDF; India's delegate does not see
 * it. axe-core finds no serious or critical violation on the registry and the note. The
 * secretariat corrects a draft's subject from its screen, issues it, and can no longer edit it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openNotesRegistry, skipWithoutChromium, startDemoHarness, type DemoHarness, type OpenedPage } from './browser-harness.ts';

describe('notes verbales in Chromium', () => {
  let harness: DemoHarness | undefined;

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startDemoHarness();
  });
  afterAll(() => harness?.close());

  const openRegistry = (username: string): Promise<OpenedPage> => openNotesRegistry(harness!, username);

  const numbers = (page: Page) => page.locator('.notes-table tbody tr td:first-child').allTextContents();

  /** Opens the form for a new note to Kazakhstan and fills it in three languages. */
  async function fillNewNote(page: Page, englishSubject: string): Promise<void> {
    await page.getByRole('link', { name: 'New note verbale' }).click();
    await page.getByRole('heading', { name: 'New note verbale' }).waitFor();
    await page.getByLabel('Date of the note').fill('2021-06-01');
    await page.getByLabel('Named states').check();
    await page.getByLabel('States (codes separated by commas, e.g. KAZ, IND)').fill('KAZ');
    const texts = {
      English: { subject: englishSubject, addressee: 'the Embassy of the Republic of Kazakhstan', block: 'EMBASSY OF THE REPUBLIC OF KAZAKHSTAN', purpose: 'transmit the link to the online SWG meeting of 2 June 2021' },
      Русский: { subject: 'Ссылка на заседание СРГ', addressee: 'Посольству Республики Казахстан', block: 'ПОСОЛЬСТВО РЕСПУБЛИКИ КАЗАХСТАН', purpose: 'препроводить ссылку на заседание СРГ 2 июня 2021 г. в онлайн формате' },
      Қазақша: { subject: 'АЖТ отырысына сілтеме', addressee: 'Қазақстан Республикасының Елшілігіне', block: 'ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЕЛШІЛІГІ', purpose: 'АЖТ-ның 2021 жылғы 2 маусымдағы онлайн отырысына сілтемені жолдауды' },
    };
    for (const [language, text] of Object.entries(texts)) {
      const group = page.getByRole('group', { name: `Text in ${language}` });
      await group.getByLabel('Subject').fill(text.subject);
      await group.getByLabel('Addressees as the formulas name them').fill(text.addressee);
      await group.getByLabel('The Secretariat has the honour to').fill(text.purpose);
      await group.getByLabel('Addressee block at the foot').fill(text.block);
    }
  }

  async function expectAccessible(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }

  it('the secretariat issues a note to Kazakhstan; its delegate opens it and downloads the PDF; India does not see it', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page: secretariat, problems } = await openRegistry('secretariat');
    await expect.poll(() => numbers(secretariat)).toEqual(['17-1/298']);
    await expectAccessible(secretariat);

    await fillNewNote(secretariat, 'Link to the SWG meeting');
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
    expect(await kazakhstan.getByRole('button', { name: 'Edit draft' }).count()).toBe(0);
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

  it('the secretariat corrects a typo in a draft from its screen, then issues it: no longer editable', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page, problems } = await openRegistry('secretariat');
    await fillNewNote(page, 'Link to the SWG meetnig');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { name: 'Draft note verbale' }).waitFor();
    await page.getByText('Link to the SWG meetnig').waitFor();

    await page.getByRole('button', { name: 'Edit draft' }).click();
    await page.getByRole('heading', { name: 'Edit the draft note verbale' }).waitFor();
    const english = page.getByRole('group', { name: 'Text in English' });
    // The form holds the draft as it is, in every language.
    expect(await english.getByLabel('Subject').inputValue()).toBe('Link to the SWG meetnig');
    expect(await page.getByRole('group', { name: 'Text in Русский' }).getByLabel('Subject').inputValue()).toBe('Ссылка на заседание СРГ');
    expect(await page.getByLabel('States (codes separated by commas, e.g. KAZ, IND)').inputValue()).toBe('KAZ');
    expect(await page.getByRole('button', { name: 'Issue and circulate' }).count()).toBe(0);
    await expectAccessible(page);
    await english.getByLabel('Subject').fill('Link to the SWG meeting (corrected)');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.getByRole('heading', { name: 'Draft note verbale' }).waitFor();
    await page.getByText('Link to the SWG meeting (corrected)').waitFor();
    expect(await page.getByText('Link to the SWG meetnig').count()).toBe(0);
    await page.getByRole('button', { name: 'Issue: give it the next number' }).click();
    // 17-1/300 after the note above; 17-1/299 when this test runs alone.
    await page.getByRole('heading', { name: /^Note verbale No\. 17-1\/\d+$/u }).waitFor();
    const number = (await page.locator('#note-heading').innerText()).replace('Note verbale No. ', '');
    expect(await page.getByRole('button', { name: 'Edit draft' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Back to the registry' }).click();
    await expect.poll(() => numbers(page)).toContain(number);
    await page.getByText('Link to the SWG meeting (corrected)').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);
});
