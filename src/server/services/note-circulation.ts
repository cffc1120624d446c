/**
 * "A note verbale was circulated to these delegations": the one signal the rest of the server
 * listens to (notifications, e-mail), emitted after the circulation has committed — never for
 * a change that was rolled back. Listeners run one after another; one that fails is logged and
 * does not stop the others, nor undo the circulation.
 */
import type { NoteEvent } from '../../core/index.ts';
import type { StoredLogEvent } from '../store/log-append.ts';

export interface NoteCirculation {
  readonly organisationId: string;
  readonly noteId: string;
  /** "17-1/298" */
  readonly number: string;
  /** The note's date, YYYY-MM-DD. */
  readonly date: string;
  /** The delegations (ISO 3166-1 alpha-3) it was circulated to. */
  readonly delegations: readonly string[];
  /** When it was circulated (ISO 8601). */
  readonly at: string;
}

export type NoteCirculationListener = (circulation: NoteCirculation) => void | Promise<void>;

export class NoteCirculationSignal {
  readonly #listeners = new Set<NoteCirculationListener>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void = () => {}) {
    this.#onError = onError;
  }

  /** Calls `listener` for every circulation from now on; returns the function that stops it. */
  on(listener: NoteCirculationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async emit(circulation: NoteCirculation): Promise<void> {
    for (const listener of this.#listeners) {
      try {
        await listener(circulation);
      } catch (error) {
        this.#onError(error);
      }
    }
  }
}

/** The circulations among committed events, with the number and date each note had then. */
export function circulationsIn(
  organisationId: string,
  committed: readonly StoredLogEvent<NoteEvent>[],
  noteOf: (noteId: string) => { number: string | null; date: string } | undefined,
): NoteCirculation[] {
  const circulations: NoteCirculation[] = [];
  for (const { event } of committed) {
    if (event.type !== 'note.circulated') continue;
    const note = noteOf(event.data.noteId);
    circulations.push({ organisationId, noteId: event.data.noteId, number: note?.number ?? '', date: note?.date ?? '', delegations: event.data.to, at: event.at });
  }
  return circulations;
}
