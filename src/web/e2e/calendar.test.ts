/**
 * The organisation's meetings in Chromium, on the demo: the secretariat (in Astana's zone)
 * convenes the seed's SWG meeting — 2 June 2021, 14:00 by Nur-Sultan time, online — with its
 * three-item draft agenda on the demo document; a delegate whose browser is in Berlin opens the
 * invitation from their notifications,
 * sees 14:00 at the seat (UTC+6 that day) and 10:00 in their own zone (UTC+2, summer time),
 * downloads the invitation and ical.js reads 08:00 UTC from it; the document opens from the
 * agenda. Screenshot: docs/screenshots/meeting-en.png.
 */
import { AxeBuilder } from '@axe-core/playwright';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openNotification, SCREENSHOTS, SEED_TITLE, skipWithoutChromium, signInToDemo, startDemoHarness, type DemoHarness } from './browser-harness.ts';

const TITLE = 'Online meeting of the CICA Special Working Group (SWG)';
const AGENDA = [
  { kind: 'adoption-of-agenda', en: 'Adoption of the agenda', ru: 'Утверждение Повестки дня', document: false },
  {
    kind: 'document',
    en: 'Discussion of the draft of the updated CICA Catalogue of Confidence Building Measures',
    ru: 'Обсуждение проекта обновленного Каталога мер доверия СВМДА',
    document: true,
  },
  { kind: 'any-other-business', en: 'Any other business', ru: 'Разное', document: false },
];

describe('meetings in Chromium', () => {
  let harness: DemoHarness | undefined;

  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startDemoHarness();
  });
  afterAll(() => harness?.close());

  async function signIn(username: string, timezoneId: string): Promise<{ page: Page; problems: string[] }> {
    const { page, problems } = await signInToDemo(harness!, username, { timezoneId });
    return { page, problems };
  }

  it('the secretariat convenes the SWG meeting with its draft agenda; a delegate in Berlin sees both times and downloads the invitation', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page: secretariat, problems } = await signIn('secretariat', 'Asia/Almaty');
    await secretariat.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Meetings' }).click();
    await secretariat.getByRole('heading', { name: 'Meetings' }).waitFor();
    await secretariat.getByRole('button', { name: 'Convene a meeting' }).click();
    await secretariat.getByLabel('Body').selectOption('swg');
    await secretariat.getByLabel('Title').fill(TITLE);
    await secretariat.getByLabel('Link of the online meeting').fill('https://meet.example.org/cica-swg');
    await secretariat.getByLabel('Start on the seat’s clock (Asia/Almaty)').fill('2021-06-02T14:00');
    await secretariat.getByLabel('Duration in minutes').fill('180');
    await secretariat.getByLabel(SEED_TITLE).check();
    await secretariat.getByRole('button', { name: 'Save the meeting' }).click();
    await secretariat.getByRole('heading', { name: TITLE }).waitFor();
    const address = new URL(secretariat.url()).pathname;
    expect(address).toMatch(/^\/meetings\/[^/]+$/u);
    expect(address).not.toBe('/meetings/swg-2021-06-02');
    // The secretariat's browser is in the seat's zone: one time, said to be theirs too.
    expect(await secretariat.getByTestId('seat-time').textContent()).toMatch(/June 2, 2021 at 14:00 at the seat \(Astana, Asia\/Almaty, UTC\+6\)/u);
    expect(await secretariat.getByTestId('reader-time').count()).toBe(0);

    for (const item of AGENDA) {
      await secretariat.getByLabel('Kind of item').selectOption(item.kind);
      await secretariat.getByLabel('Wording in English').fill(item.en);
      await secretariat.getByLabel('Wording in Russian').fill(item.ru);
      await secretariat.getByLabel('Document discussed').selectOption(item.document ? { label: SEED_TITLE } : { index: 0 });
      await secretariat.getByRole('button', { name: 'Add the item to the agenda' }).click();
      await secretariat.locator('.agenda-items > li', { hasText: item.en }).waitFor();
    }
    expect(await secretariat.getByTestId('agenda-state').textContent()).toBe('Draft agenda');
    expect(await secretariat.locator('.agenda-items > li > span[lang]').allTextContents()).toEqual(AGENDA.map((item) => item.en));

    // The delegate opens the invitation from their notifications.
    const { page: delegate, problems: delegateProblems } = await signIn('kaz', 'Europe/Berlin');
    await openNotification(delegate, harness!.base, `Invitation: ${TITLE}`);
    await delegate.getByRole('heading', { name: TITLE }).waitFor();
    expect(new URL(delegate.url()).pathname).toBe(address);
    expect(await delegate.getByTestId('seat-time').textContent()).toMatch(/^Wednesday, June 2, 2021 at 14:00 at the seat \(Astana, Asia\/Almaty, UTC\+6\)/u);
    expect(await delegate.getByTestId('reader-time').textContent()).toMatch(/^Your time: Wednesday, June 2, 2021 at 10:00 \(Europe\/Berlin, UTC\+2\)$/u);
    expect(await delegate.getByTestId('agenda-state').textContent()).toBe('Draft agenda');
    expect(await delegate.locator('.agenda-items > li > span[lang]').allTextContents()).toEqual(AGENDA.map((item) => item.en));
    // A delegate reads the agenda; drafting is the secretariat's and the chair's.
    expect(await delegate.getByRole('button', { name: 'Add the item to the agenda' }).count()).toBe(0);
    await delegate.screenshot({ path: join(SCREENSHOTS, 'meeting-en.png'), fullPage: true });
    const axe = await new AxeBuilder({ page: delegate }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // The delegate names its participants.
    await delegate.getByLabel('Participants for KAZ (one name per line)').fill('A. Kazakh\nB. Kazakh');
    await delegate.getByRole('button', { name: 'Save the participants' }).click();
    await delegate.getByText('KAZ: A. Kazakh, B. Kazakh').waitFor();

    const [download] = await Promise.all([delegate.waitForEvent('download'), delegate.getByRole('link', { name: 'Download the invitation (.ics)' }).click()]);
    const text = readFileSync((await download.path()), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toString()).toBe('2021-06-02T08:00:00Z');
    expect(event.summary).toBe(TITLE);
    expect(event.description).toContain('Your time: 2021-06-02 10:00 Europe/Berlin (UTC+2)');

    // The meeting adopts its agenda and records who attended and what it decided.
    await secretariat.getByRole('button', { name: 'Record the adoption of the agenda' }).click();
    await expect.poll(() => secretariat.getByTestId('agenda-state').textContent()).toBe('Adopted agenda');
    await secretariat.getByRole('combobox', { name: /^Delegation/u }).selectOption('KAZ');
    await secretariat.getByRole('button', { name: 'Record the attendance' }).click();
    await expect.poll(() => secretariat.getByTestId('attended').textContent()).toBe('KAZ');
    await secretariat.getByLabel('Agenda item').selectOption({ label: AGENDA[1]!.en });
    await secretariat.getByLabel('What the meeting decided').fill('The SWG will continue the discussion at its next meeting.');
    await secretariat.getByRole('button', { name: 'Record the decision' }).click();
    await secretariat.getByText('The SWG will continue the discussion at its next meeting.').waitFor();

    // The agenda's document opens in the workspace, where the meeting mode runs.
    await delegate.locator('.agenda-items').getByRole('link', { name: `Open “${SEED_TITLE}” in meeting mode` }).click();
    await delegate.waitForURL(/\/documents\/cica-catalogue-2021-05-28$/u);
    expect([...problems, ...delegateProblems]).toEqual([]);
    // Two browsers, a dozen steps and an accessibility scan: more than the default on a shared machine.
  }, 120_000);

  it("lists the demo's seed meeting with its time at the seat", async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page } = await signIn('ind', 'Asia/Kolkata');
    await page.goto(`${harness!.base}/meetings/swg-2021-06-02`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByTestId('reader-time').textContent()).toMatch(/13:30 \(Asia\/Calcutta|13:30 \(Asia\/Kolkata/u);
    expect(await page.getByTestId('reader-time').textContent()).toContain('UTC+5:30');
  });
});
