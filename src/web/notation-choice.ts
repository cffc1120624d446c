/**
 * Which notation a document is read in, kept in the page's address (`?notation=un`) so that a
 * reload, the back button or a shared link shows the same; none means Parley's own
 * presentation. The address is replaced, not pushed: switching notation is not a new place.
 */
import { useState } from 'react';
import { isNotationId, type NotationId } from './notations.ts';

const PARAM = 'notation';

export function notationInAddress(search: string): NotationId | null {
  const value = new URLSearchParams(search).get(PARAM);
  return isNotationId(value) ? value : null;
}

export function useNotationChoice(): readonly [NotationId | null, (next: NotationId | null) => void] {
  const [choice, setChoice] = useState<NotationId | null>(() => notationInAddress(location.search));
  const choose = (next: NotationId | null): void => {
    const url = new URL(location.href);
    if (next === null) url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, next);
    history.replaceState(history.state, '', url);
    setChoice(next);
  };
  return [choice, choose];
}
