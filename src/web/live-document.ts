/**
 * A document kept current in the browser: its folded state fetched once (a long
 * negotiation's log is thousands of events; the state is smaller and needs no fold), then
 * each live message (Server-Sent Events) fetches only the events after the version held
 * and applies them with the engine (src/core). A dropped connection is reported and EventSource
 * reconnects by itself; on reconnection the client catches up from the version it holds.
 *
 * The same stream carries the meeting's state (named `meeting` events: sent on every
 * connection, then on each change); of two states the one with the higher revision wins.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyEvent, fromTransfer, type DocumentState } from '../core/index.ts';
import { api, type MeetingState } from './api.ts';
import { takeState } from './early-requests.ts';

export interface LiveDocument {
  readonly state: DocumentState | null;
  /** Changes whenever the state does (the state object is updated in place). */
  readonly version: number;
  readonly connected: boolean;
  readonly error: Error | null;
  /** Fetch what is new now (after an action of our own, without waiting for the live message). */
  refresh(): Promise<void>;
  /** The meeting on the document as last heard; null until the stream has told. */
  readonly meeting: MeetingState | null;
  /** Take a meeting state (say, the answer to our own change) unless a newer one is held. */
  readonly noteMeeting: (meeting: MeetingState) => void;
}

/** How long to wait before opening a new stream when the server refused the last one. */
const RECONNECT_MS = 3000;

export function useLiveDocument(documentId: string): LiveDocument {
  const stateRef = useRef<DocumentState | null>(null);
  const [version, setVersion] = useState(-1);
  const [connected, setConnected] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const syncRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const [meeting, setMeeting] = useState<MeetingState | null>(null);
  const noteMeeting = useCallback(
    (next: MeetingState): void => setMeeting((held) => (held && held.documentId === next.documentId && held.revision >= next.revision ? held : next)),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    stateRef.current = null;
    setMeeting(null);
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
          let state = stateRef.current;
          if (state === null) {
            state = fromTransfer(await takeState(documentId));
            if (cancelled) return;
            // Shown at once; the events after it (usually none) follow.
            stateRef.current = state;
            setVersion(state.version);
          }
          const events = await api.events(documentId, state.version);
          if (cancelled) return;
          for (const event of events) applyEvent(state, event);
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
    let source: EventSource;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = (): void => {
      source = new EventSource(`/api/documents/${encodeURIComponent(documentId)}/live`);
      source.onmessage = () => void sync();
      source.addEventListener('hello', () => void sync());
      source.addEventListener('meeting', (event) => noteMeeting(JSON.parse((event as MessageEvent<string>).data) as MeetingState));
      source.onopen = () => {
        setConnected(true);
        void sync();
      };
      source.onerror = () => {
        setConnected(source.readyState === EventSource.OPEN);
        // EventSource retries a dropped connection by itself, but gives up for good on an
        // answer other than 200 — the 503 of a server whose database is restarting. Open a
        // new one a little later; its onopen catches up from the version held.
        if (source.readyState === EventSource.CLOSED && !cancelled) reopen = setTimeout(open, RECONNECT_MS);
      };
    };
    open();
    return () => {
      cancelled = true;
      clearTimeout(reopen);
      source.close();
    };
  }, [documentId, noteMeeting]);

  return { state: stateRef.current, version, connected, error, refresh: () => syncRef.current(), meeting, noteMeeting };
}
