/**
 * Tests that need a program of the machine (Chromium, poppler's pdftotext): they skip with a
 * message saying what to install, and fail instead under CI=true, so CI never passes without
 * running them.
 */
import { execFileSync } from 'node:child_process';
import type { TestContext } from 'vitest';

export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Skips (or, under CI=true, fails) when a tool the check needs is missing; true when skipped. */
export function skipWithout(context: TestContext, what: string, present: boolean, install: string): boolean {
  if (present) return false;
  const message = `Skipped: ${what} is missing (${install}). Under CI=true this fails instead.`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(message);
  context.skip(message);
  return true;
}
