/**
 * A link to a provision (`/documents/:id#provision-<id>`, routes.ts provisionHref) brings the
 * reader to it: the text is drawn in slices after the state arrives, so this waits until the
 * provision is on the page, then scrolls it into view and gives it the focus (for keyboard and
 * screen-reader users the view moves too). Gives up quietly after `timeoutMs`.
 */
const PREFIX = '#provision-';

export function provisionOfFragment(hash: string): string | null {
  return hash.startsWith(PREFIX) ? decodeURIComponent(hash.slice(PREFIX.length)) || null : null;
}

/** Starts following the address's fragment; returns a function that stops it. */
export function followProvisionFragment(root: ParentNode & Node = document.body, hash = location.hash, timeoutMs = 15_000): () => void {
  const provisionId = provisionOfFragment(hash);
  if (provisionId === null) return () => undefined;
  const selector = `[data-provision="${CSS.escape(provisionId)}"]`;
  const reveal = (): boolean => {
    const element = root.querySelector<HTMLElement>(selector);
    if (!element) return false;
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
    return true;
  };
  if (reveal()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (reveal()) stop();
  });
  const timer = setTimeout(() => stop(), timeoutMs);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(root, { childList: true, subtree: true });
  return stop;
}
