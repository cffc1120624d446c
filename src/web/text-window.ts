/**
 * The arithmetic of a long text drawn in a window (components/TextWindow.tsx): only the
 * paragraphs near the reader's view are in the page; those above and below are stood in for
 * by gaps as tall as they are, measured where they have been drawn, estimated from their
 * length where they have not. Pure, so that it is tested without a browser.
 *
 * Why a window: a 200-page text is about 4,000 paragraphs and 30,000 elements; drawing them
 * all costs seconds of script and layout on a modest machine (the layout alone, without any
 * script, took 0.4–0.8 s here), while a window costs a few milliseconds.
 */

/** Texts of more paragraphs than this are drawn in a window; shorter ones are drawn whole (the seed has 143). */
export const WINDOW_FROM = 200;

/** Drawn beyond each edge of the view, in pixels, so that scrolling shows text already laid out. */
export const OVERSCAN_PX = 1200;

/**
 * How far the view may move before the window follows. Each move draws about this much new
 * text: small steps keep each frame's work small (a few paragraphs) while scrolling.
 */
export const STEP_PX = 400;

/**
 * Asks a windowed text (its `.document-text` element) for the item whose key is the event's
 * `detail`: the text cancels the event when it will draw that item and scroll it to the top.
 */
export const REVEAL_EVENT = 'parley:reveal';

/** What a paragraph costs beyond its characters (margins, label, badges), counted as characters. */
const OVERHEAD_CHARS = 40;

/** Before anything is measured: a line of about 24 px holds about one character per 7.5 px of width. */
export function defaultRate(width: number): number {
  return (24 * 7.5) / Math.max(width, 200);
}

/**
 * Pixels per character over the items measured so far (a paragraph's height is about
 * proportional to its length); null when nothing has been measured.
 */
export function fittedRate(keys: readonly string[], sizes: readonly number[], measured: ReadonlyMap<string, number>): number | null {
  let measuredPx = 0;
  let measuredChars = 0;
  for (let i = 0; i < keys.length; i++) {
    const height = measured.get(keys[i]!);
    if (height === undefined) continue;
    measuredPx += height;
    measuredChars += sizes[i]! + OVERHEAD_CHARS;
  }
  return measuredChars > 0 ? measuredPx / measuredChars : null;
}

/** The height of every item: as measured where it has been drawn, else its length times `rate`. */
export function itemHeights(keys: readonly string[], sizes: readonly number[], measured: ReadonlyMap<string, number>, rate: number): Float64Array {
  const heights = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) heights[i] = measured.get(keys[i]!) ?? rate * (sizes[i]! + OVERHEAD_CHARS);
  return heights;
}

/** Where item `index` starts: the sum of the heights before it. */
export function offsetOf(heights: Float64Array, index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += heights[i]!;
  return offset;
}

export interface Range {
  /** The first item drawn. */
  readonly start: number;
  /** One past the last item drawn. */
  readonly end: number;
}

/** The items that overlap `[from, to)`, in pixels from the top of the text; at least one item when there are any. */
export function rangeCovering(heights: Float64Array, from: number, to: number): Range {
  const count = heights.length;
  let start = 0;
  let offset = 0;
  while (start < count - 1 && offset + heights[start]! <= from) offset += heights[start++]!;
  let end = start;
  while (end < count && (offset < to || end === start)) offset += heights[end++]!;
  return { start, end };
}

/** True when the drawn range covers `[from, to)` (the view, say), so that nothing blank would show. */
export function covers(heights: Float64Array, range: Range, from: number, to: number): boolean {
  const top = offsetOf(heights, range.start);
  let bottom = top;
  for (let i = range.start; i < range.end; i++) bottom += heights[i]!;
  return (range.start === 0 || top <= from) && (range.end === heights.length || bottom >= to);
}

/** The range to draw for a view at `[from, to)`: the view with {@link OVERSCAN_PX} either side. */
export function rangeForView(heights: Float64Array, from: number, to: number): Range {
  return rangeCovering(heights, Math.max(0, from - OVERSCAN_PX), to + OVERSCAN_PX);
}

/** The range to draw when item `index` is brought to the top of a view `viewHeight` tall. */
export function rangeAround(heights: Float64Array, index: number, viewHeight: number): Range {
  const at = offsetOf(heights, index);
  return rangeForView(heights, at, at + viewHeight);
}

/**
 * Whether the drawn range should move: once the view has come {@link STEP_PX} nearer one of
 * its edges than the overscan. Between, the same paragraphs stay, so that most scrolled frames
 * redraw nothing.
 */
export function shouldMove(heights: Float64Array, range: Range, from: number, to: number): boolean {
  const margin = OVERSCAN_PX - STEP_PX;
  return !covers(heights, range, Math.max(0, from - margin), to + margin);
}

export type Part = { readonly kind: 'gap'; readonly from: number; readonly to: number; readonly height: number } | { readonly kind: 'item'; readonly index: number };

/**
 * What to put in the page: the items of `range`, plus one kept item outside it (the one
 * holding the keyboard focus, so that Tab goes on from where it was), and between them gaps
 * as tall as the items they stand for.
 */
export function windowParts(heights: Float64Array, range: Range, kept: number | null): Part[] {
  const drawn: number[] = [];
  if (kept !== null && kept >= 0 && kept < range.start) drawn.push(kept);
  for (let i = range.start; i < range.end; i++) drawn.push(i);
  if (kept !== null && kept >= range.end && kept < heights.length) drawn.push(kept);
  const parts: Part[] = [];
  let next = 0;
  const gapTo = (to: number): void => {
    if (to <= next) return;
    let height = 0;
    for (let i = next; i < to; i++) height += heights[i]!;
    parts.push({ kind: 'gap', from: next, to, height });
  };
  for (const index of drawn) {
    gapTo(index);
    parts.push({ kind: 'item', index });
    next = index + 1;
  }
  gapTo(heights.length);
  return parts;
}
