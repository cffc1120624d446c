/**
 * The revisions issued (Rev.1, Rev.2 …), each with who issued it and the counts of the text
 * as it stood then — read from the log in one fold, since the state keeps only the numbers.
 */
import { applyEvent } from '../events/apply.ts';
import type { Actor, ParleyEvent } from '../events/event.ts';
import { emptyState } from '../model/document-state.ts';
import { countState, type Counts } from './counts.ts';

export interface RevisionSummary {
  readonly number: number;
  readonly label: string;
  /** Events folded when it was issued: the revision is the fold of the log up to here. */
  readonly version: number;
  readonly at: string;
  readonly actor: Actor;
  readonly counts: Counts;
}

export function listRevisions(events: readonly ParleyEvent[]): RevisionSummary[] {
  const state = emptyState();
  const revisions: RevisionSummary[] = [];
  for (const event of events) {
    applyEvent(state, event);
    if (event.type !== 'revision.issued') continue;
    const { number, label, version, at } = state.revisions.at(-1)!;
    revisions.push({ number, label, version, at, actor: event.actor, counts: countState(state) });
  }
  return revisions;
}
