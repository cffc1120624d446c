/**
 * How many events at the start of a log record the imported draft. An import appends the
 * whole draft at once — one instant, one actor, starting with `document.created` — and
 * whatever happens later comes at a later instant, so the leading run sharing the first
 * event's instant and user is the draft. (The server also stores this number; a client
 * holding only the log finds it here.)
 */
import type { ParleyEvent } from './event.ts';

export function importedLength(events: readonly ParleyEvent[]): number {
  const first = events[0];
  if (first?.type !== 'document.created') return 0;
  let length = 1;
  while (length < events.length && events[length]!.at === first.at && events[length]!.actor.user === first.actor.user) length++;
  return length;
}
