/**
 * The paragraphs of a text in the page: all of them for a text of up to
 * {@link WINDOW_FROM} paragraphs; for a longer one, only those near the reader's view, the
 * rest stood in for by gaps of their height (text-window.ts), the window following each
 * scroll. Each item's root element carries `data-item` (its key: a provision's id), by which
 * it is measured once drawn.
 *
 * What stays usable in a window: scrolling (wheel, keys, scrollbar; the End key ends at the
 * end even as the last paragraphs turn out taller than estimated), Tab (the window reaches
 * further than the view, and the item holding the focus stays drawn), meeting mode (a
 * provision not drawn is asked for with {@link REVEAL_EVENT}: the window moves to it, and it
 * is brought to the top of the view once drawn), the search by paragraph number
 * (ProposeByWords), and printing (the whole text is drawn first). The browser's own
 * find-in-page sees only what is drawn.
 *
 * When what is drawn above the view turns out taller or shorter than estimated, the
 * browser's scroll anchoring (CSS overflow-anchor, on by default) keeps the text under the
 * reader's eyes still. At either edge that is not what the reader wants: after Home (or the
 * scrollbar dragged to the top) the top stays in view, after End the end does, while the
 * paragraphs there are measured — anchoring would otherwise shift the smooth scroll's target
 * by what they turned out taller than estimated, and Home would stop short of the top.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { covers, defaultRate, fittedRate, itemHeights, rangeAround, rangeForView, REVEAL_EVENT, shouldMove, WINDOW_FROM, windowParts, type Range } from '../text-window.ts';

/** Paragraphs kept drawn on either side of the one holding the focus. */
const TAB_REACH = 3;

/** Measurements after which the rate of pixels per character is taken as known, so that the estimates stop moving. */
const FIT_SAMPLE = 300;

type Edge = 'start' | 'end';

interface Props {
  readonly className: string;
  /** One per item, stable across renders: the item's root element carries it as `data-item`. */
  readonly keys: readonly string[];
  /** Each item's length in characters: its height is estimated from it until it is drawn. */
  readonly sizes: readonly number[];
  /** The item's element, keyed by its key. */
  readonly renderItem: (index: number) => ReactNode;
}

/**
 * Measures the drawn items: each one's height is the distance to the next element (margins
 * included). Kept by key (it outlives the item leaving the window) and written into the
 * heights in use, so that following the view needs no new render.
 */
function measure(container: HTMLElement, measured: Map<string, number>, heights: Float64Array, indexOf: ReadonlyMap<string, number>): boolean {
  let changed = false;
  let key: string | null = null;
  let top = 0;
  const note = (height: number): void => {
    // Nothing laid out (a hidden tab, a test without layout) measures 0: keep the estimate.
    if (key === null || !(height > 0)) return;
    const held = measured.get(key);
    if (held === undefined || Math.abs(held - height) > 0.5) {
      measured.set(key, height);
      const index = indexOf.get(key);
      if (index !== undefined) heights[index] = height;
      changed = true;
    }
  };
  let last: Element | null = null;
  for (const child of Array.from(container.children)) {
    const childTop = child.getBoundingClientRect().top;
    note(childTop - top);
    key = child.getAttribute('data-item');
    top = childTop;
    last = child;
  }
  if (last) note(last.getBoundingClientRect().height);
  return changed;
}

export function TextWindow({ className, keys, sizes, renderItem }: Props) {
  const windowed = keys.length > WINDOW_FROM;
  const ref = useRef<HTMLDivElement>(null);
  const measured = useRef(new Map<string, number>());
  const width = useRef(0);
  const rate = useRef<number | null>(null);
  // null until the view is known: then drawn from the top as far as a view reaches.
  const [range, setRange] = useState<Range | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  // Printing from the browser prints what is in the page: then the whole text is.
  const [printing, setPrinting] = useState(false);
  // Counts the changes of the estimates (a new rate, a new width), after which the heights are worked out anew.
  const [estimates, setEstimates] = useState(0);
  const revealing = useRef<string | null>(null);
  // The reader went to the very top or end (Home, End, the scrollbar): there they stay while the paragraphs there are measured, until they scroll away.
  const pinned = useRef<Edge | null>(null);
  const lastScrollY = useRef(0);
  // Until when the Home or End key's own smooth scroll (to where that edge was) may still move the view the other way.
  const edgeKeyUntil = useRef(0);

  const indexOf = useMemo(() => new Map(keys.map((key, index) => [key, index])), [keys]);
  // Worked out anew when the estimates change (`estimates`, not read inside, says when); a measurement is written into them in place.
  const heights = useMemo(
    () => (windowed ? itemHeights(keys, sizes, measured.current, rate.current ?? defaultRate(width.current || innerWidth * 0.6)) : null),
    [windowed, keys, sizes, estimates],
  );
  const drawn = !heights || printing ? { start: 0, end: keys.length } : range === null ? rangeForView(heights, 0, innerHeight) : { start: Math.min(range.start, keys.length - 1), end: Math.min(range.end, keys.length) };
  const latest = useRef({ keys, heights, drawn, indexOf });
  useLayoutEffect(() => {
    latest.current = { keys, heights, drawn, indexOf };
  });

  /**
   * Moves the window to the view when the view has come near its edge. From a scroll event,
   * at once (before the frame is painted) when text would otherwise be missing; from a
   * layout effect, React draws again before painting anyway.
   */
  const follow = useRef((_fromScroll: boolean) => undefined as void);
  useLayoutEffect(() => {
    follow.current = (fromScroll) => {
      const container = ref.current;
      const { heights: now, drawn: current } = latest.current;
      if (!container || !now) return;
      const from = -container.getBoundingClientRect().top;
      const to = from + innerHeight;
      if (fromScroll) {
        // The text's box was just laid out (above): reading the page's height costs nothing more.
        const settled = performance.now() > edgeKeyUntil.current;
        if (scrollY + innerHeight >= document.documentElement.scrollHeight - 2) pinned.current = 'end';
        else if (scrollY <= 0) pinned.current = 'start';
        else if (settled && pinned.current === 'end' && scrollY < lastScrollY.current - 1) pinned.current = null;
        else if (settled && pinned.current === 'start' && scrollY > lastScrollY.current + 1) pinned.current = null;
        lastScrollY.current = scrollY;
        keepAtEdge();
      }
      if (!shouldMove(now, current, from, to)) return;
      const next = rangeForView(now, from, to);
      if (!fromScroll || covers(now, current, from, to)) setRange(next);
      else flushSync(() => setRange(next));
    };
  });

  useEffect(() => {
    const container = ref.current;
    if (!windowed || !container) return;
    const onScroll = (): void => follow.current(true);
    // Home and End scroll smoothly to where that edge was when pressed; the edge moves as the paragraphs there are measured.
    const leave = (edge: Edge): void => {
      if (pinned.current !== edge) return;
      pinned.current = null;
      edgeKeyUntil.current = 0;
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || (event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]'))) return;
      const edge = event.key === 'End' ? 'end' : event.key === 'Home' ? 'start' : null;
      if (edge) {
        pinned.current = edge;
        edgeKeyUntil.current = performance.now() + 1000;
      } else if (['PageUp', 'ArrowUp'].includes(event.key)) leave('end');
      else if (['PageDown', 'ArrowDown', ' '].includes(event.key)) leave('start');
      // Tab moves the view to the focus, wherever that is.
      else if (event.key === 'Tab') pinned.current = null;
    };
    const onWheel = (event: WheelEvent): void => {
      if (event.deltaY !== 0) leave(event.deltaY < 0 ? 'end' : 'start');
    };
    const onReveal = (event: Event): void => {
      const key = (event as CustomEvent<string>).detail;
      const { indexOf: indices, heights: now } = latest.current;
      const index = indices.get(key);
      if (index === undefined || !now) return;
      event.preventDefault();
      revealing.current = key;
      setRange(rangeAround(now, index, innerHeight));
    };
    // A new width rewraps every paragraph: measure again. A new height (estimates replaced by measurements) must not move a reader at the end from it.
    const resized = new ResizeObserver(() => {
      const next = container.getBoundingClientRect().width;
      if (Math.abs(next - width.current) < 1) {
        keepAtEdge();
        return;
      }
      width.current = next;
      measured.current.clear();
      rate.current = null;
      setEstimates((n) => n + 1);
    });
    resized.observe(container);
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('keydown', onKey);
    addEventListener('wheel', onWheel, { passive: true });
    addEventListener('resize', onScroll);
    const onBeforePrint = (): void => flushSync(() => setPrinting(true));
    const onAfterPrint = (): void => setPrinting(false);
    addEventListener('beforeprint', onBeforePrint);
    addEventListener('afterprint', onAfterPrint);
    container.addEventListener(REVEAL_EVENT, onReveal);
    return () => {
      resized.disconnect();
      removeEventListener('scroll', onScroll);
      removeEventListener('keydown', onKey);
      removeEventListener('wheel', onWheel);
      removeEventListener('resize', onScroll);
      removeEventListener('beforeprint', onBeforePrint);
      removeEventListener('afterprint', onAfterPrint);
      container.removeEventListener(REVEAL_EVENT, onReveal);
    };
  }, [windowed]);

  // After each render: bring an item asked for to the top, measure what was drawn, and follow the view again if that changed the estimates.
  useLayoutEffect(() => {
    const container = ref.current;
    if (!windowed || !container) return;
    const target = revealing.current;
    if (target !== null) {
      const item = Array.from(container.children).find((child) => child.getAttribute('data-item') === target);
      if (item) {
        revealing.current = null;
        pinned.current = null;
        (item.matches('[data-provision]') ? item : (item.querySelector('[data-provision]') ?? item)).scrollIntoView({ block: 'start' });
      }
    }
    keepAtEdge();
    if (!heights || !measure(container, measured.current, heights, indexOf)) return;
    // While few paragraphs are measured, each measurement refines the estimate of all the others.
    if (measured.current.size <= FIT_SAMPLE || rate.current === null) {
      rate.current = fittedRate(keys, sizes, measured.current);
      setEstimates((n) => n + 1);
    }
    follow.current(false);
  });

  /** Scroll anchoring keeps the text in view still as what is above it is measured; at an edge, it is the edge that should stay in view. */
  function keepAtEdge(): void {
    const { drawn: now, keys: all } = latest.current;
    if (pinned.current === 'end' && now.end === all.length) {
      const bottom = document.documentElement.scrollHeight - innerHeight;
      if (scrollY < bottom - 1) scrollTo(scrollX, bottom);
    } else if (pinned.current === 'start' && now.start === 0 && scrollY > 0) scrollTo(scrollX, 0);
  }

  const itemOf = (target: EventTarget): number | undefined => {
    const key = target instanceof Element ? target.closest('[data-item]')?.getAttribute('data-item') : null;
    return key ? indexOf.get(key) : undefined;
  };
  /** The range with a few items drawn either side of `index`, so that Tab and Shift+Tab go on to the next paragraph rather than out of the text. */
  const reaching = (index: number): Range | null => {
    if (index >= drawn.start + TAB_REACH && index < drawn.end - TAB_REACH) return null;
    if (index < drawn.start || index >= drawn.end) return { start: Math.max(0, index - TAB_REACH), end: Math.min(keys.length, index + TAB_REACH + 1) };
    return { start: Math.max(0, Math.min(drawn.start, index - TAB_REACH)), end: Math.min(keys.length, Math.max(drawn.end, index + TAB_REACH + 1)) };
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const index = itemOf(event.target);
    const key = index === undefined ? null : keys[index]!;
    if (key !== kept) setKept(key);
    const next = index === undefined ? null : reaching(index);
    if (next) setRange(next);
  };
  // Before the browser moves the focus: the paragraphs next to the focused one must be in the page.
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Tab') return;
    const index = itemOf(event.target);
    const next = index === undefined ? null : reaching(index);
    if (next) flushSync(() => setRange(next));
  };

  if (!heights) {
    return (
      <div ref={ref} className={className}>
        {keys.map((_, index) => renderItem(index))}
      </div>
    );
  }
  const keptIndex = kept === null ? null : (indexOf.get(kept) ?? null);
  let gaps = 0;
  return (
    <div ref={ref} className={className} data-window={`${drawn.start}-${drawn.end}/${keys.length}`} onFocus={onFocus} onKeyDown={onKeyDown}>
      {windowParts(heights, drawn, keptIndex).map((part) =>
        part.kind === 'gap' ? <div key={`gap${gaps++}`} className="text-gap" aria-hidden="true" style={{ blockSize: `${part.height}px` }} /> : renderItem(part.index),
      )}
    </div>
  );
}
