/**
 * A chosen Word file as the API takes it: base64 of its bytes. Checked here first for what the
 * server would refuse anyway (not a .docx, too large), so the reason is shown before uploading.
 * The bytes are encoded by the browser (FileReader's data URL), not by hand.
 */

/** 7.5 MB of file is 10 MB of base64: the request body limit. */
export const WORD_FILE_MAX_BYTES = 7.5 * 1024 * 1024;

export type WordFileProblem = { readonly kind: 'not-docx'; readonly name: string } | { readonly kind: 'too-large'; readonly name: string; readonly size: number; readonly limit: number };

export class WordFileError extends Error {
  readonly problem: WordFileProblem;
  constructor(problem: WordFileProblem) {
    super(problem.kind);
    this.name = 'WordFileError';
    this.problem = problem;
  }
}

export interface ChosenWordFile {
  readonly name: string;
  readonly size: number;
  /** base64, standard alphabet */
  readonly file: string;
}

export async function readWordFile(file: File): Promise<ChosenWordFile> {
  if (!/\.docx$/iu.test(file.name)) throw new WordFileError({ kind: 'not-docx', name: file.name });
  if (file.size > WORD_FILE_MAX_BYTES) throw new WordFileError({ kind: 'too-large', name: file.name, size: file.size, limit: WORD_FILE_MAX_BYTES });
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable')));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
  return { name: file.name, size: file.size, file: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
