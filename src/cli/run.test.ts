import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SEED_PATH } from '../../test/support/seed.ts';
import { runCli } from './run.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), readFile: (path) => readFile(path, 'utf8') });
  return { code, out, err };
}

describe('the parley command', () => {
  it('prints one JSON summary of an imported draft', async () => {
    const { code, out, err } = await run('import', SEED_PATH, '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const summary = JSON.parse(out) as { provisions: number; positions: Record<string, { for: number; against: number }>; warnings: { code: string; line: number }[] };
    expect(summary.positions['THA']).toEqual({ for: 8, against: 5, reserve: 0 });
    expect(summary.warnings.filter((w) => w.code === 'UNMATCHED_CLOSE').map((w) => w.line)).toEqual([189, 211]);
  });

  it('renders a view, naming the delegation as drafts do', async () => {
    const thai = await run('render', SEED_PATH, '--view', 'as:Thai');
    const tha = await run('render', SEED_PATH, '--view', 'as:THA');
    expect(thai.code).toBe(0);
    expect(thai.out).toBe(tha.out);
    expect(thai.out).toContain('and empowerment of women and girls');
    const agreed = await run('render', SEED_PATH, '--view', 'agreed');
    expect(agreed.out).not.toMatch(/[[\]]/u);
  });

  it('fails with one line and exit code 1 on an unreadable file', async () => {
    const { code, out, err } = await run('import', '/no/such/draft.txt', '--json');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('no such file');
  });

  it('fails with exit code 2 and the usage on bad usage', async () => {
    for (const argv of [[], ['import'], ['render', SEED_PATH, '--view', 'sideways'], ['import', SEED_PATH, '--notation', 'klingon'], ['frobnicate'], ['import', SEED_PATH, '--nope']]) {
      const { code, err } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toMatch(/Usage|usage/u);
      expect(err).not.toMatch(/\n\s+at /u);
    }
  });
});
