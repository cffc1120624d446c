/**
 * The catalogue in use in Chromium, on the demo exactly as a first start creates it: the
 * coordinators and gaps on screen are the seed's list; Kazakhstan volunteers for a gap, the
 * secretariat records the SWG's recommendation and the SOC's approval and the gap closes;
 * India chooses a measure with a partner and reports on it, the review matrix shows it and
 * the CSV download contains it. axe-core finds no serious or critical WCAG 2.1 A/AA violation
 * on the three screens (as accessibility.test.ts does for the workspace's).
 * Screenshots: docs/screenshots/catalogue-en.png, review-en.png.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, SCREENSHOTS, skipWithoutChromium, signInToDemo, startDemoHarness, type DemoHarness } from './browser-harness.ts';

const GAPS = ['Security of and in the use of ICTs', 'Epidemiological safety, public health and pharmaceuticals', 'Trade and Investment'];

describe('the catalogue in Chromium', () => {
  let harness: DemoHarness | undefined;

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startDemoHarness();
  });
  afterAll(() => harness?.close());

  async function signIn(username: string): Promise<{ page: Page; problems: string[] }> {
    const { page, problems } = await signInToDemo(harness!, username);
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('heading', { name: 'Catalogue of confidence-building measures' }).waitFor();
    await page.getByTestId('gaps').waitFor();
    return { page, problems };
  }

  const area = (page: Page, title: string) => page.locator(`[data-testid="coordination"][data-area="${title}"]`);

  it("shows the seed's coordinators and gaps; a volunteer goes through the SWG and the SOC and the gap closes", async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page: india, problems } = await signIn('ind');
    expect(new URL(india.url()).pathname).toBe('/catalogue');
    expect(await india.getByTestId('gaps').locator('li').allTextContents()).toEqual(GAPS);
    await expect.poll(() => india.getByText('3 areas have no coordinator:').count()).toBe(1);
    expect(await area(india, 'Tourism').getByTestId('coordinator').textContent()).toBe('Tajikistan (TJK) (since 2021-05-28)');
    expect(await area(india, 'Military-political dimension').getByTestId('coordinator').textContent()).toContain('(KAZ)');
    expect(await area(india, 'Small and medium enterprises (SMEs)').getByTestId('co-coordinators').textContent()).toMatch(/\(KAZ\), .*\(THA\), .*\(TUR\)$/u);
    expect(await area(india, 'Human Dimension').getByTestId('co-coordinators').textContent()).toMatch(/\(KAZ\), .*\(KGZ\)$/u);
    const epidemiological = area(india, 'Epidemiological safety, public health and pharmaceuticals');
    expect(await epidemiological.getByTestId('coordinator').textContent()).toBe('Gap: no coordinator');
    expect(await epidemiological.getByTestId('pending').locator('li').allTextContents()).toEqual([
      expect.stringMatching(/China \(CHN\), co-coordinator: recommended by the SWG 2021-05-28, awaits the SOC$/u),
      expect.stringMatching(/^Jordan \(JOR\), co-coordinator: recommended by the SWG 2021-05-28, awaits the SOC$/u),
    ]);
    // Each measure says in words whether it is agreed, and links to its provision in the document.
    const firstMeasure = india.getByTestId('measure').first();
    expect(await firstMeasure.textContent()).toMatch(/Under negotiation|Agreed ad referendum/u);
    expect(await firstMeasure.getByRole('link').getAttribute('href')).toMatch(/^\/documents\/cica-catalogue-2021-05-28#provision-/u);
    await india.getByLabel('Search the catalogue').fill('tourism');
    await india.getByRole('button', { name: 'Search', exact: true }).click();
    await india.getByRole('link', { name: 'Tourism' }).first().waitFor();
    await india.getByRole('button', { name: 'Clear' }).click();
    await india.screenshot({ path: join(SCREENSHOTS, 'catalogue-en.png') });

    const { page: kazakhstan } = await signIn('kaz');
    const trade = area(kazakhstan, 'Trade and Investment');
    await kazakhstan.getByLabel('Date of the step (YYYY-MM-DD)').fill('2021-09-01');
    await trade.getByLabel('Volunteer KAZ as').selectOption('coordinator');
    await trade.getByRole('button', { name: 'Volunteer' }).click();
    await trade.getByText('Kazakhstan (KAZ), coordinator: volunteered 2021-09-01, awaits the SWG').waitFor();

    const { page: secretariat, problems: secretariatProblems } = await signIn('secretariat');
    const recorded = area(secretariat, 'Trade and Investment');
    await secretariat.getByLabel('Date of the step (YYYY-MM-DD)').fill('2021-09-15');
    await recorded.getByRole('button', { name: 'Record SWG recommendation of KAZ' }).click();
    await recorded.getByText('recommended by the SWG 2021-09-15, awaits the SOC', { exact: false }).waitFor();
    await secretariat.getByLabel('Date of the step (YYYY-MM-DD)').fill('2021-10-12');
    await recorded.getByRole('button', { name: 'Record SOC approval of KAZ' }).click();
    await expect.poll(() => recorded.getByTestId('coordinator').textContent()).toBe('Kazakhstan (KAZ) (since 2021-10-12)');
    expect(await secretariat.getByTestId('gaps').locator('li').allTextContents()).toEqual(GAPS.slice(0, 2));
    // India sees the gap closed on its next visit.
    await india.reload();
    await india.getByTestId('gaps').waitFor();
    expect(await india.getByTestId('gaps').locator('li').allTextContents()).toEqual(GAPS.slice(0, 2));
    // A measure's link opens the document at its provision.
    const link = india.getByTestId('measure').nth(3).getByRole('link');
    const provisionId = decodeURIComponent((await link.getAttribute('href'))!.split('#provision-')[1]!);
    await link.click();
    const provision = india.locator(`[data-provision="${provisionId}"]`);
    await expect.poll(() => provision.evaluate((element) => element === document.activeElement), { timeout: 10_000 }).toBe(true);
    expect(await provision.isVisible()).toBe(true);
    expect([...problems, ...secretariatProblems]).toEqual([]);
  });

  it('lets a delegate choose a measure with a partner and report on it; the review matrix and the CSV show it', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page, problems } = await signIn('ind');
    await page.getByRole('navigation', { name: 'Catalogue sections' }).getByRole('link', { name: 'Our measures' }).click();
    await page.getByRole('heading', { name: 'Choose a measure' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/catalogue/measures');
    const measureSelect = page.getByLabel('Measure', { exact: true });
    await measureSelect.selectOption({ index: 1 });
    const label = ((await measureSelect.locator('option:checked').textContent()) ?? '').split(' — ')[0]!;
    expect(label).toBe('2.1.1');
    await page.getByLabel('Bilaterally').check();
    await page.getByLabel('Partner states (choose one or more)').selectOption(['KAZ', 'CHN']);
    await page.getByRole('button', { name: 'Choose this measure' }).click();
    const ours = page.getByTestId('our-measures');
    await ours.getByText('bilaterally with CHN, KAZ').waitFor();
    const report = page.getByRole('form', { name: `Report on ${label}` });
    await report.getByLabel('Period (2021, 2021-H1 or 2021-Q3)').fill('2021-H2');
    await report.getByLabel('Status').selectOption('in-progress');
    await report.getByLabel('What was done').fill('Annual exchange with Kazakhstan and China prepared');
    await report.getByRole('button', { name: 'Submit report' }).click();
    await ours.getByText('2021-H2: in progress: Annual exchange', { exact: false }).waitFor();

    await page.getByRole('navigation', { name: 'Catalogue sections' }).getByRole('link', { name: 'Review' }).click();
    const matrix = page.getByTestId('review-matrix');
    await matrix.waitFor();
    const header = await matrix.locator('thead th').allTextContents();
    const column = header.indexOf(label);
    expect(column).toBeGreaterThan(0);
    const row = matrix.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'IND', exact: true }) });
    expect(await row.locator('td').nth(column - 1).textContent()).toBe('in progress (CHN, KAZ)');
    expect(await page.getByRole('img', { name: /states reporting in each period\. 2021-H2: 1/u }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'review-en.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('review-current.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith(',IND,') && l.includes(`,${label},`));
    expect(line).toContain('in-progress');
    expect(line).toContain('CHN KAZ');
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violation on the three catalogue screens', async (context) => {
    if (skipWithoutChromium(context)) return;
    const found: string[] = [];
    const check = async (page: Page, screen: string): Promise<void> => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      found.push(
        ...result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
      );
    };
    const { page: secretariat } = await signIn('secretariat');
    await check(secretariat, 'catalogue, secretariat');
    const { page } = await signIn('ind');
    await check(page, 'catalogue, delegate');
    const sections = page.getByRole('navigation', { name: 'Catalogue sections' });
    await sections.getByRole('link', { name: 'Our measures' }).click();
    await page.getByRole('heading', { name: 'Choose a measure' }).waitFor();
    await page.getByLabel('Bilaterally').check();
    await check(page, 'our measures');
    await sections.getByRole('link', { name: 'Review' }).click();
    await page.getByTestId('review-matrix').waitFor();
    await check(page, 'review');
    expect(found).toEqual([]);
  }, 120_000);
});
