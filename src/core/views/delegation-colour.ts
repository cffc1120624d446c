/**
 * A stable colour per delegation code, so the same delegation's brackets look alike on every
 * screen and for every user. Colour is never the only signal: the code is always written too.
 * Twelve hues with enough contrast against white for text at normal weight.
 */
const PALETTE = ['#b3261e', '#1a5fb4', '#26734d', '#8a4baf', '#a15c00', '#00707a', '#c2185b', '#4e5b00', '#5b4636', '#3d4fa8', '#9c2f6e', '#2f6f2f'];

export function delegationColour(code: string | null): string {
  if (code === null) return '#555555';
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
