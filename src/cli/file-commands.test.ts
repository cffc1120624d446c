/** `parley export` and `parley import FILE.docx`, with real files in a temporary folder (PDF: printed by the real Chromium). */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../test/support/seed.ts';
import { bracketedFile, trackedFile } from '../../test/support/word-files.ts';
import { pdfPages } from '../server/test-support/libreoffice.ts';
import { skipWithoutPdfTools } from '../server/test-support/tools.ts';
import { runCli } from './run.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'parley-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, data) => writeFile(path, data),
  });
  return { code, out, err };
}

describe('parley export and import of files', () => {
  it('exports the seed as Word and imports the Word file again with the same counts', async () => {
    const docx = join(folder, 'seed.docx');
    const exported = await run('export', SEED_PATH, '--format', 'docx', '--out', docx);
    expect(exported.code, exported.err).toBe(0);
    const fromText = await run('import', SEED_PATH, '--json');
    const fromWord = await run('import', docx, '--json');
    expect(fromWord.code, fromWord.err).toBe(0);
    const [a, b] = [JSON.parse(fromText.out) as Record<string, unknown>, JSON.parse(fromWord.out) as Record<string, unknown>];
    for (const key of ['provisions', 'proposals', 'optionSets', 'statements', 'footnotes', 'positions']) expect(b[key], key).toEqual(a[key]);
  });

  it('exports Akoma Ntoso', async () => {
    const akn = join(folder, 'seed.akn.xml');
    expect((await run('export', SEED_PATH, '--format', 'akn', '--out', akn)).code).toBe(0);
    expect(await readFile(akn, 'utf8')).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"');
  });

  it('exports a view as PDF, printed by Chromium: the text with its brackets and markers', async (context) => {
    if (skipWithoutPdfTools(context)) return;
    const pdf = join(folder, 'seed.pdf');
    const exported = await run('export', SEED_PATH, '--format', 'pdf', '--chromium', '/usr/bin/chromium', '--out', pdf);
    expect(exported.code, exported.err).toBe(0);
    const bytes = await readFile(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfPages(bytes).join(' ').replace(/\s+/gu, ' ');
    expect(text).toContain('[Consider the adoption of] (+ISR)');
    expect(text).toContain('Compiled text (CICA notation)');
    const asIndia = await run('export', SEED_PATH, '--format', 'pdf', '--view', 'as:IND', '--chromium', '/usr/bin/chromium', '--out', pdf);
    expect(asIndia.code, asIndia.err).toBe(0);
    expect(pdfPages(await readFile(pdf)).join(' ')).not.toContain('(+ISR)');
  }, 60_000);

  it('says in one line what to install when there is no Chromium to print PDF', async () => {
    const { code, err } = await run('export', SEED_PATH, '--format', 'pdf', '--chromium', join(folder, 'no-chromium'), '--out', join(folder, 'none.pdf'));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(`Cannot print PDF: there is no Chromium at ${join(folder, 'no-chromium')}`);
    expect(err).toContain('apt-get install -y chromium');
    expect(existsSync(join(folder, 'none.pdf'))).toBe(false);
  });

  it('prints each warning of a Word draft with its Word paragraph', async () => {
    const path = join(folder, 'bracketed.docx');
    await writeFile(path, await bracketedFile());
    const { code, out } = await run('import', path);
    expect(code).toBe(0);
    expect(out).toMatch(/paragraph 3: UNMATCHED_CLOSE/u);
  });

  it('merges tracked changes once every author is given a delegation', async () => {
    const path = join(folder, 'tracked.docx');
    await writeFile(path, await trackedFile({ 3: ['2.2.3 Promoting ', { ins: 'international ', by: 'Chen Wei' }, 'law enforcement cooperation.'] }));
    const asked = await run('import', '--tracked', path);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain('--author "Chen Wei=CODE"');
    const merged = await run('import', '--tracked', path, '--author', 'Chen Wei=CHN');
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toContain('1 open proposals');
  });

  it('says in one line why a file is not a Word document', async () => {
    const path = join(folder, 'fake.docx');
    await writeFile(path, 'not a zip at all');
    const { code, err } = await run('import', path);
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('not a zip package');
  });
});
