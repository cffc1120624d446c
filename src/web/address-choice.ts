/**
 * A choice of the reader's kept in the page's address (`?notation=un`, `?view=revisions`) so
 * that a reload, the back button or a shared link shows the same. The address is replaced, not
 * pushed: switching how a page is shown is not going to a new place. No parameter means the
 * default (null).
 */
import { useState } from 'react';

export interface AddressCodec<T> {
  /** The choice the parameter's value names, or null (absent, or a value it does not know). */
  parse(value: string | null): T | null;
  format(choice: T): string;
}

export function useAddressChoice<T>(param: string, codec: AddressCodec<T>): readonly [T | null, (next: T | null) => void] {
  const [choice, setChoice] = useState<T | null>(() => codec.parse(new URLSearchParams(location.search).get(param)));
  const choose = (next: T | null): void => {
    const url = new URL(location.href);
    if (next === null) url.searchParams.delete(param);
    else url.searchParams.set(param, codec.format(next));
    history.replaceState(history.state, '', url);
    setChoice(next);
  };
  return [choice, choose];
}
