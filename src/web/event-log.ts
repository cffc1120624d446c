/**
 * The document's whole event log, for the screens that are made from it (the revisions and
 * their comparison, a proposal's history). The workspace starts from the folded state, so the
 * log is fetched only once such a screen opens, then followed as the version grows.
 */
import { useEffect, useRef, useState } from 'react';
import type { ParleyEvent } from '../core/index.ts';
import { api } from './api.ts';

/** Null until the log up to `version` has arrived (or while `wanted` is false). */
export function useEventLog(documentId: string, version: number, wanted: boolean): readonly ParleyEvent[] | null {
  const log = useRef<{ documentId: string; events: ParleyEvent[] }>({ documentId, events: [] });
  const [held, setHeld] = useState(-1);
  if (log.current.documentId !== documentId) log.current = { documentId, events: [] };
  useEffect(() => {
    if (!wanted || log.current.events.length >= version) return;
    let cancelled = false;
    const current = log.current;
    const after = current.events.length;
    api.events(documentId, after).then(
      (events) => {
        // Another fetch may have appended meanwhile: versions are positions, so only the one that started at the end may append.
        if (cancelled || current.events.length !== after) return;
        current.events.push(...events);
        setHeld(current.events.length);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, version, wanted]);
  return wanted && version >= 0 && held >= 0 && log.current.events.length >= version ? log.current.events : null;
}
