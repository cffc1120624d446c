/**
 * Tests that need a program of the machine (Chromium, poppler's pdftotext): they skip with a
 * message saying what to install, and fail instead under CI=true, so CI never passes without
 * running them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** Debian's Chromium, which prints every PDF. */
export const CHROMIUM = '/usr/bin/chromium';

/** Skips (or fails under CI=true) without what printing a PDF and reading it back needs: Chromium and poppler-utils. */
export function skipWithoutPdfTools(context: TestContext): boolean {
  return (
    skipWithout(context, CHROMIUM, existsSync(CHROMIUM), 'apt-get install -y chromium') ||
    skipWithout(context, 'pdftotext, pdfinfo and pdftoppm', hasCommand('pdftotext') && hasCommand('pdfinfo') && hasCommand('pdftoppm'), 'apt-get install -y poppler-utils')
  );
}
