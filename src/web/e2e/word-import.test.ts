/**
 * Importing from Word in a real browser against the demo (issue 7, part 6): the secretariat
 * chooses three delegations' Word files with tracked changes, checks them, is asked whose the
 * changes are — one author is remembered from nowhere, so all three are chosen in the mapping
 * table —, saves, and lands in the merged compilation: the identical change of two delegations
 * is one proposal with both as proponents, the overlapping one an option set. A file that is not
 * Word is refused with its name before anything is sent.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (skipped with a message without it; failed under CI=true).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackedFile } from '../../../test/support/word-files.ts';
import { hasChromium, SCREENSHOTS, signInToDemo, skipWithoutChromium, startDemoHarness, type DemoHarness } from './browser-harness.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('importing delegations’ tracked-change Word files in Chromium', () => {
  let harness: DemoHarness | undefined;
  beforeAll(async () => {
    if (hasChromium) harness = await startDemoHarness();
  });
  afterAll(() => harness?.close());

  it('checks the files, maps each author to a delegation, saves the merged compilation and opens it', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { page, problems } = await signInToDemo(harness!, 'secretariat');
    const sentence = (word: string, by: string) => ['2.2.2 The Member States ', { del: 'shall', by }, { ins: word, by }, ' take cooperative measures to combat terrorism.'] as const;
    const files = [
      { name: 'russia.docx', mimeType: DOCX, buffer: Buffer.from(await trackedFile({ 2: sentence('should', 'Ivan Ivanov') })) },
      { name: 'china.docx', mimeType: DOCX, buffer: Buffer.from(await trackedFile({ 2: sentence('should', 'Chen Wei') })) },
      { name: 'india.docx', mimeType: DOCX, buffer: Buffer.from(await trackedFile({ 2: sentence('may', 'Anil Kumar') })) },
    ];

    await page.getByRole('link', { name: 'Import a draft' }).click();
    await page.getByRole('heading', { name: 'Import from Word' }).waitFor();
    const input = page.locator('input[name="word-files"]');

    // Not a Word file: named, nothing sent.
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('1.1 text') });
    await page.getByText('“notes.txt” is not a Word .docx file.', { exact: false }).waitFor();

    await page.getByRole('radio', { name: 'Delegations’ Word files with tracked changes' }).check();
    await input.setInputFiles(files);
    await page.getByText('3 files chosen: russia.docx, china.docx, and india.docx').waitFor();
    await page.getByRole('button', { name: 'Check the Word import' }).click();
    await page.getByRole('table', { name: /Authors of the tracked changes/u }).waitFor();
    const save = page.getByRole('button', { name: 'Save the Word import and open it' });
    expect(await save.isDisabled()).toBe(true);
    expect(await page.locator('.word-import-authors tbody th').allTextContents()).toEqual(['Anil Kumar', 'Chen Wei', 'Ivan Ivanov']);

    await page.getByLabel('Delegation: Ivan Ivanov').selectOption('RUS');
    await page.getByLabel('Delegation: Chen Wei').selectOption('CHN');
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel('Delegation: Anil Kumar').selectOption('IND');
    await page.locator('.word-import').screenshot({ path: join(SCREENSHOTS, 'word-import-authors-en.png') });
    await save.click();

    await page.locator('.document-text.compiled').waitFor();
    const compiled = (await page.locator('.document-text.compiled').textContent()) ?? '';
    // Russia and China's identical change is one proposal with both; India's overlapping one is its alternative.
    expect(compiled).toMatch(/\[should\]\s*\+RUS\s*\+CHN/u);
    expect(compiled).toMatch(/\[may\]\s*\+IND/u);
    expect(await page.locator('.document-text.compiled .bracket').count()).toBe(2);
    expect(problems).toEqual([]);

    // The mapping is remembered: the same authors are known at the next check.
    await page.getByRole('button', { name: /All documents/u }).click();
    await page.getByRole('link', { name: 'Import a draft' }).click();
    await page.getByRole('radio', { name: 'Delegations’ Word files with tracked changes' }).check();
    await page.locator('input[name="word-files"]').setInputFiles(files.slice(0, 1));
    await page.getByRole('button', { name: 'Check the Word import' }).click();
    await page.getByRole('table', { name: /Authors of the tracked changes/u }).waitFor();
    expect(await page.getByLabel('Delegation: Ivan Ivanov').inputValue()).toBe('RUS');
    expect(await page.getByRole('button', { name: 'Save the Word import and open it' }).isEnabled()).toBe(true);
  }, 120_000);
});
