/**
 * The one way a test skips for a missing program: with a message saying what to install —
 * and never under CI=true, where a missing program fails the test instead, so CI cannot pass
 * without running what needs it.
 */
import { afterEach, describe, expect, it, vi, type TestContext } from 'vitest';
import { hasCommand, skipWithout } from './tools.ts';

function fakeContext(): { context: TestContext; skipped: string[] } {
  const skipped: string[] = [];
  return { context: { skip: (note?: string) => skipped.push(note ?? '') } as unknown as TestContext, skipped };
}

describe('skipWithout', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('does nothing when the program is there', () => {
    vi.stubEnv('CI', 'true');
    const { context, skipped } = fakeContext();
    expect(skipWithout(context, '/usr/bin/tool', true, 'apt-get install -y tool')).toBe(false);
    expect(skipped).toEqual([]);
  });

  it('fails under CI=true, saying what is missing and how to install it', () => {
    vi.stubEnv('CI', 'true');
    const { context, skipped } = fakeContext();
    expect(() => skipWithout(context, '/usr/bin/tool', false, 'apt-get install -y tool')).toThrow('Skipped: /usr/bin/tool is missing (apt-get install -y tool). Under CI=true this fails instead.');
    expect(skipped).toEqual([]);
  });

  it('skips with that message elsewhere', () => {
    vi.stubEnv('CI', '');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { context, skipped } = fakeContext();
    expect(skipWithout(context, '/usr/bin/tool', false, 'apt-get install -y tool')).toBe(true);
    expect(skipped).toEqual(['Skipped: /usr/bin/tool is missing (apt-get install -y tool). Under CI=true this fails instead.']);
  });
});

describe('hasCommand', () => {
  it('finds a program on the PATH and not one that is not', () => {
    expect(hasCommand('sh')).toBe(true);
    expect(hasCommand('parley-no-such-program')).toBe(false);
  });
});
