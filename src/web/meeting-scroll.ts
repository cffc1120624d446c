/**
 * Meeting mode in the page: the provision at the top of the chair's view (what their
 * scrolling puts under discussion), and bringing the provision under discussion into a
 * follower's view. Provisions are the elements with `data-provision` (DocumentText); the
 * document's sticky header covers the top of the window, so "the top" is its lower edge.
 */
import { useEffect, useRef } from 'react';
import { REVEAL_EVENT } from './text-window.ts';

/** How long the chair's view must rest before what is at its top is put under discussion… */
export const LEAD_REST_MS = 120;
/** …or how long at most while the chair keeps scrolling, so that followers keep up. */
export const LEAD_MAX_WAIT_MS = 500;

function stickyHeader(doc: Document): Element | null {
  return doc.querySelector('.document-header');
}

export function provisionElement(doc: Document, provisionId: string): HTMLElement | null {
  for (const element of Array.from(doc.querySelectorAll<HTMLElement>('.document-text [data-provision]'))) {
    if (element.getAttribute('data-provision') === provisionId) return element;
  }
  return null;
}

/** How much of a provision must show below the header for it to count as the one at the top: about a line. */
const VISIBLE_PX = 24;

/** The first provision of which at least a line shows below the sticky header. */
export function topProvision(doc: Document): string | null {
  const line = Math.max(0, stickyHeader(doc)?.getBoundingClientRect().bottom ?? 0) + VISIBLE_PX;
  for (const element of Array.from(doc.querySelectorAll<HTMLElement>('.document-text [data-provision]'))) {
    if (element.getBoundingClientRect().bottom > line) return element.getAttribute('data-provision');
  }
  return null;
}

/**
 * Scrolls the provision to the top of the view, below the sticky header: smoothly when it is
 * near (the usual step to the next paragraph, which the eye can follow), at once when it is
 * more than a screen away — a long animation only delays reading — or when the reader asked
 * for reduced motion. A long text drawn in a window (TextWindow) is asked to draw a
 * provision not in the page and bring it to the top itself. False when the provision is not
 * in the text (yet).
 */
export function bringIntoView(doc: Document, provisionId: string): boolean {
  const header = stickyHeader(doc)?.getBoundingClientRect() ?? { height: 0, bottom: 0 };
  // The header's height changes with the window's width; the stylesheet reads it as scroll-margin.
  doc.documentElement.style.setProperty('--meeting-header', `${Math.ceil(header.height)}px`);
  const element = provisionElement(doc, provisionId);
  if (!element) {
    const text = doc.querySelector('.document-text');
    return text !== null && !text.dispatchEvent(new CustomEvent(REVEAL_EVENT, { detail: provisionId, cancelable: true }));
  }
  const view = doc.defaultView;
  const far = Math.abs(element.getBoundingClientRect().top - header.bottom) > (view?.innerHeight ?? 0);
  const reduced = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  element.scrollIntoView({ behavior: far || reduced ? 'auto' : 'smooth', block: 'start' });
  return true;
}

/**
 * Keeps a follower's view on the provision under discussion: scrolls once each time it
 * changes, and again when following is turned back on. `rendered` changes when the text
 * re-renders, so a provision not yet on the page is reached as soon as it is.
 */
export function useFollow(provisionId: string | null, following: boolean, rendered: unknown): void {
  const reached = useRef<string | null>(null);
  useEffect(() => {
    if (!following || provisionId === null) {
      reached.current = null;
      return;
    }
    if (reached.current === provisionId) return;
    if (bringIntoView(document, provisionId)) reached.current = provisionId;
  }, [provisionId, following, rendered]);
}

/**
 * While `leading`, tells `onTop` which provision is at the top of the view each time that
 * provision changes: once scrolling rests for {@link LEAD_REST_MS}, or every
 * {@link LEAD_MAX_WAIT_MS} while it goes on.
 */
export function useLeadByScroll(leading: boolean, onTop: (provisionId: string) => void): void {
  const latest = useRef(onTop);
  useEffect(() => {
    latest.current = onTop;
  });
  useEffect(() => {
    if (!leading) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let scrollingSince: number | undefined;
    let last = topProvision(document);
    const check = (): void => {
      timer = undefined;
      scrollingSince = undefined;
      const top = topProvision(document);
      if (top === null || top === last) return;
      last = top;
      latest.current(top);
    };
    const onScroll = (): void => {
      const now = performance.now();
      scrollingSince ??= now;
      clearTimeout(timer);
      timer = setTimeout(check, Math.min(LEAD_REST_MS, Math.max(0, scrollingSince + LEAD_MAX_WAIT_MS - now)));
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      removeEventListener('scroll', onScroll);
      clearTimeout(timer);
    };
  }, [leading]);
}
