/**
 * A document kept current in the browser: its event log fetched once and folded with the
 * engine (src/core), then each live message (Server-Sent Events) fetches only the events
 * after the version held and applies them. A dropped connection is reported and EventSource
 * reconnects by itself; on reconnection the client catches up from the version it holds.
 */
import { useEffect, useRef, useState } from 'react';
import { applyEvent, emptyState, type DocumentState, type ParleyEvent } from '../core/index.ts';
import { api } from './api.ts';

export interface LiveDocument {
  readonly state: DocumentState | null;
  /** The log folded into `state`, kept for what only the log tells (histories, past revisions); appended in place. */
  readonly events: readonly ParleyEvent[];
  /** Changes whenever the state does (the state object is updated in place). */
  readonly version: number;
  readonly connected: boolean;
  readonly error: Error | null;
  /** Fetch what is new now (after an action of our own, without waiting for the live message). */
  refresh(): Promise<void>;
}

export function useLiveDocument(documentId: string): LiveDocument {
  const stateRef = useRef<DocumentState | null>(null);
  const eventsRef = useRef<ParleyEvent[]>([]);
  const [version, setVersion] = useState(-1);
  const [connected, setConnected] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const syncRef = useRef<() => Promise<void>>(() => Promise.resolve());

  useEffect(() => {
    let cancelled = false;
    stateRef.current = null;
    eventsRef.current = [];
    let running: Promise<void> | null = null;
    let again = false;
    // One fetch at a time; a message arriving meanwhile triggers one more round.
    const sync = async (): Promise<void> => {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          const state = stateRef.current ?? emptyState();
          const events = await api.events(documentId, state.version);
          if (cancelled) return;
          // Log and state stay in step even if an event fails to apply.
          for (const event of events) {
            applyEvent(state, event);
            eventsRef.current.push(event);
          }
          stateRef.current = state;
          setVersion(state.version);
        } while (again && !cancelled);
      })()
        .catch((caught: unknown) => {
          if (!cancelled) setError(caught instanceof Error ? caught : new Error(String(caught)));
        })
        .finally(() => {
          running = null;
        });
      return running;
    };
    syncRef.current = sync;
    void sync();
    const source = new EventSource(`/api/documents/${encodeURIComponent(documentId)}/live`);
    source.onmessage = () => void sync();
    source.addEventListener('hello', () => void sync());
    source.onopen = () => {
      setConnected(true);
      void sync();
    };
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    return () => {
      cancelled = true;
      source.close();
    };
  }, [documentId]);

  return { state: stateRef.current, events: eventsRef.current, version, connected, error, refresh: () => syncRef.current() };
}
