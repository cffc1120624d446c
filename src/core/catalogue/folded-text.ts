/**
 * Text compared the way a reader compares it: case, diacritics and typographic variants of
 * quotes and dashes erased ("Côte", "COTE" and "cote" are one word). Search keeps, for every
 * folded character, where it came from, so that a hit can be shown in the original words.
 */

export interface FoldedText {
  readonly folded: string;
  /** `origin[i]` is the offset in the original text of folded character `i`; one extra entry for the end. */
  readonly origin: readonly number[];
}

export function foldText(text: string): string {
  return foldWithOrigin(text).folded;
}

export function foldWithOrigin(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const plain = foldChar(char);
    for (let i = 0; i < plain.length; i++) origin.push(offset);
    folded += plain;
    offset += char.length;
  }
  origin.push(offset);
  return { folded, origin };
}

function foldChar(char: string): string {
  if (/[‘’ʼ`´]/u.test(char)) return "'";
  if (/[“”„«»]/u.test(char)) return '"';
  if (/[‐‑‒–—]/u.test(char)) return '-';
  if (/\s/u.test(char)) return ' ';
  return char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a folded text: letters and digits, everything else a separator. */
export function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}
