/**
 * Reading a draft from a file the person chose, in the browser, in slices so that progress
 * can be shown and a wrong file is refused early: one too large for the server, one that is
 * not text (a word-processor or PDF file, an image), one not written in UTF-8.
 */

/** Why a file cannot be taken as a draft; the screen turns each into a message. */
export type DraftFileProblem =
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number }
  | { readonly kind: 'not-text'; readonly type: string }
  | { readonly kind: 'binary' }
  | { readonly kind: 'not-utf8' }
  | { readonly kind: 'unreadable' };

export class DraftFileError extends Error {
  readonly problem: DraftFileProblem;
  constructor(problem: DraftFileProblem, options?: { cause?: unknown }) {
    super(`The file cannot be used as a draft: ${problem.kind}.`, options);
    this.name = 'DraftFileError';
    this.problem = problem;
  }
}

const SLICE = 256 * 1024;

/** Types that browsers give plain-text files; an empty type is what many give a file they do not know. */
function isTextType(type: string): boolean {
  return type === '' || type.startsWith('text/');
}

/** NUL, or four control characters in a row, never come from a text editor. */
function looksBinary(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    run = c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 ? run + 1 : 0;
    if (run >= 4) return true;
  }
  return false;
}

export async function readDraftFile(file: Blob, limitBytes: number, onProgress: (loaded: number, total: number) => void): Promise<string> {
  if (file.size > limitBytes) throw new DraftFileError({ kind: 'too-large', size: file.size, limit: limitBytes });
  if (!isTextType(file.type)) throw new DraftFileError({ kind: 'not-text', type: file.type });
  // fatal: a byte sequence that is not UTF-8 stops the reading instead of turning into "�".
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  onProgress(0, file.size);
  for (let at = 0; at < file.size; at += SLICE) {
    let bytes: ArrayBuffer;
    try {
      bytes = await file.slice(at, at + SLICE).arrayBuffer();
    } catch (error) {
      throw new DraftFileError({ kind: 'unreadable' }, { cause: error });
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: at + SLICE < file.size });
    } catch (error) {
      // UTF-16 files are full of NUL bytes: call them what a person can fix ("save as UTF-8").
      throw new DraftFileError(new Uint8Array(bytes).includes(0) ? { kind: 'binary' } : { kind: 'not-utf8' }, { cause: error });
    }
    if (looksBinary(text)) throw new DraftFileError({ kind: 'binary' });
    parts.push(text);
    onProgress(Math.min(at + SLICE, file.size), file.size);
  }
  return parts.join('');
}
