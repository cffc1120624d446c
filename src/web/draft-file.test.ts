/** Reading a draft file in slices: progress, and the refusals a person can act on. */
import { describe, expect, it } from 'vitest';
import { DraftFileError, readDraftFile, type DraftFileProblem } from './draft-file.ts';

async function problemOf(file: Blob, limit = 1_000_000): Promise<DraftFileProblem | null> {
  try {
    await readDraftFile(file, limit, () => undefined);
    return null;
  } catch (error) {
    if (error instanceof DraftFileError) return error.problem;
    throw error;
  }
}

describe('readDraftFile', () => {
  it('reads UTF-8 text in slices, reporting progress, and keeps characters cut at a slice boundary whole', async () => {
    // 'ж' is two bytes: with an odd prefix, a slice boundary falls inside one of them.
    const text = `x${'Государства-члены [обмениваются информацией] (+ISR).\n'.repeat(6000)}`;
    const bytes = new TextEncoder().encode(text).length;
    const progress: number[] = [];
    const read = await readDraftFile(new Blob([text], { type: 'text/plain' }), 10_000_000, (loaded, total) => {
      expect(total).toBe(bytes);
      progress.push(loaded);
    });
    expect(read).toBe(text);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(bytes);
    expect(progress.length).toBe(Math.ceil(bytes / (256 * 1024)) + 1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    expect(await readDraftFile(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), '1. Text'], { type: 'text/plain' }), 100, () => undefined)).toBe('1. Text');
  });

  it('refuses a file over the limit before reading it', async () => {
    expect(await problemOf(new Blob(['x'.repeat(2000)], { type: 'text/plain' }), 1000)).toEqual({ kind: 'too-large', size: 2000, limit: 1000 });
  });

  it('refuses what is not text: another type, binary bytes, UTF-16, another encoding', async () => {
    expect(await problemOf(new Blob(['%PDF-1.7'], { type: 'application/pdf' }))).toEqual({ kind: 'not-text', type: 'application/pdf' });
    expect(await problemOf(new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])]))).toEqual({ kind: 'binary' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'1. Text'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(await problemOf(new Blob([utf16], { type: 'text/plain' }))).toEqual({ kind: 'binary' });
    // "Государства" in Windows-1251.
    const cp1251 = new Uint8Array([0xc3, 0xee, 0xf1, 0xf3, 0xe4, 0xe0, 0xf0, 0xf1, 0xf2, 0xe2, 0xe0]);
    expect(await problemOf(new Blob([cp1251], { type: 'text/plain' }))).toEqual({ kind: 'not-utf8' });
  });
});
