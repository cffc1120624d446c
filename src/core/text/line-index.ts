/** Maps offsets in a text to 1-based line and column numbers, for warnings people can find. */
export class LineIndex {
  /** Offsets where lines start; found on the first question, since a draft read without doubts asks none. */
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  locate(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  // indexOf runs natively; a loop over every character costs several times more on a long draft.
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}
