/** The notations Parley reads and writes, and how a draft's notation is recognised. */
import { cicaNotation } from './cica/index.ts';
import type { Notation } from './notation.ts';
import { unNotation } from './un/index.ts';

const notations = new Map<string, Notation>([cicaNotation, unNotation].map((notation) => [notation.id, notation]));

export function getNotation(id: string): Notation | undefined {
  return notations.get(id);
}

export function notationIds(): string[] {
  return [...notations.keys()];
}

/** The notation whose conventions the text uses most; CICA when nothing stands out. */
export function detectNotation(text: string): Notation {
  let best: Notation = cicaNotation;
  let bestScore = 0;
  for (const notation of notations.values()) {
    const score = notation.detect(text);
    if (score > bestScore) {
      best = notation;
      bestScore = score;
    }
  }
  return best;
}
