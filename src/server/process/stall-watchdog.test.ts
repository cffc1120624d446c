/**
 * The stall watchdog in a child process of its own: a main thread that spins (as PGlite does
 * after a failed write to its log) is ended by SIGKILL with its one line on stderr; a process
 * that keeps answering is left alone and ends by itself (the watchdog holds nothing open).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WATCHDOG = fileURLToPath(new URL('./stall-watchdog.ts', import.meta.url));

function run(body: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number }> {
  const script = `import { startStallWatchdog } from ${JSON.stringify(WATCHDOG)};\nstartStallWatchdog({ stallMs: 3000, heartbeatMs: 200 });\n${body}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr, ms: performance.now() - started })));
}

describe('the stall watchdog', () => {
  it('ends a process whose main thread spins, saying why', async () => {
    const { signal, stderr } = await run('setTimeout(() => { for (;;) {} }, 300);');
    expect(signal).toBe('SIGKILL');
    expect(stderr).toMatch(/parley: the server has not answered for \d+ s .*ending the process so that it is started again/u);
  }, 30_000);

  it('leaves a process that keeps answering alone, and lets it end', async () => {
    // Three seconds of work in slices shorter than the stall limit, then nothing left to do.
    const { code, signal, stderr } = await run('const end = Date.now() + 3000; const slice = () => { const t = Date.now() + 400; while (Date.now() < t) {} if (Date.now() < end) setTimeout(slice, 10); }; slice();');
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  }, 30_000);
});
