/**
 * LibreOffice (Debian's libreoffice-writer-nogui) as an independent reader of Parley's Word
 * files: `soffice --headless --convert-to pdf`, and poppler's pdftotext / pdftoppm to read the
 * result. Used by the office checks (tests) and by bench/libreoffice-screenshot.ts.
 *
 * Each conversion gets a profile folder and a HOME of its own: two soffice processes sharing
 * a profile wait on each other's lock or quit silently without writing the PDF, and HOME must
 * be writable even when the tests run as a user without one.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** soffice takes 5–10 s to start on a busy machine; a conversion that takes minutes is stuck. */
const CONVERT_TIMEOUT_MS = 120_000;

export const SOFFICE_INSTALL = 'apt-get install -y libreoffice-writer-nogui';

/** The PDF LibreOffice makes of a .docx; throws with soffice's own words when it makes none. */
export async function libreOfficePdf(docx: Uint8Array): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-soffice-'));
  try {
    const input = join(dir, 'export.docx');
    writeFileSync(input, docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const { stdout, stderr } = await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', dir, input],
      { env: { ...process.env, HOME: dir }, timeout: CONVERT_TIMEOUT_MS },
    );
    const output = join(dir, 'export.pdf');
    if (!existsSync(output)) throw new Error(`LibreOffice made no PDF of the Word file: ${stderr.trim() || stdout.trim() || 'no message'}`);
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each page's text, as poppler's pdftotext reads it (UTF-8; it ends every page with a form feed). */
export function pdfPages(pdf: Uint8Array): string[] {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }))
    .split('\f')
    .slice(0, -1);
}

/** A page of a PDF as a PNG (poppler's pdftoppm at `dpi`). */
export function pdfPagePng(pdf: Uint8Array, { page, dpi }: { page: number; dpi: number }): Buffer {
  return withFile(pdf, (file) => execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], { maxBuffer: 64 * 1024 * 1024 }));
}

function withFile<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'parley-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
