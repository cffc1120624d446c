/**
 * How many times a global pattern that never matches empty text matches: what
 * `text.match(pattern)?.length ?? 0` says, without making the list of matches — detection
 * counts thousands of them in a long draft and looks at none.
 */
export function countMatches(pattern: RegExp, text: string): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.test(text)) count++;
  return count;
}
