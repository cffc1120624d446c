/**
 * The laws every event sequence must obey, checked in one place (as ProseMirror's test
 * helper checks every step): the fold is deterministic, events survive a JSON round trip,
 * applying events one by one to a live state equals folding the whole log, and the state
 * at each revision is the fold of the log up to it.
 */
import { expect } from 'vitest';
import { applyEvent, fold } from '../../src/core/events/apply.ts';
import type { ParleyEvent } from '../../src/core/events/event.ts';
import { emptyState, snapshot, type DocumentState } from '../../src/core/model/document-state.ts';

export function checkLaws(events: readonly ParleyEvent[]): DocumentState {
  const folded = fold(events);
  expect(snapshot(fold(events))).toEqual(snapshot(folded));

  const revived = JSON.parse(JSON.stringify(events)) as ParleyEvent[];
  expect(revived).toEqual(events);
  expect(snapshot(fold(revived))).toEqual(snapshot(folded));

  const live = emptyState();
  const versions: number[] = [];
  for (const event of events) {
    applyEvent(live, event);
    versions.push(live.version);
  }
  expect(snapshot(live)).toEqual(snapshot(folded));
  expect(versions).toEqual(events.map((_, i) => i + 1));

  for (const revision of folded.revisions) {
    const atRevision = fold(events.slice(0, revision.version));
    expect(atRevision.revisions.at(-1)?.number).toBe(revision.number);
  }
  return folded;
}
