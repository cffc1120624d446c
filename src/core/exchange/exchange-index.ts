/**
 * What reminders, obligations and reply clocks look up: which periodic reports each state sent
 * for which period, and which addressee answered which request. Built from the whole state; never
 * shown as such — each user of it shows a party only what concerns that party.
 */
import { CATEGORIES } from './categories.ts';
import type { ExchangeState } from './state.ts';

/** Which periodic reports were sent, and which addressees replied to which request. */
export function exchangeIndex(state: ExchangeState): { readonly reported: Map<string, string>; readonly replied: Map<string, string> } {
  const reported = new Map<string, string>();
  const replied = new Map<string, string>();
  for (const { submission: s } of state.submissions.values()) {
    if (s.period !== null && !reported.has(`${s.from} ${s.category} ${s.period}`)) reported.set(`${s.from} ${s.category} ${s.period}`, s.id);
    if (s.replyTo !== null && CATEGORIES[s.category].answers !== null && !replied.has(`${s.replyTo} ${s.from}`)) replied.set(`${s.replyTo} ${s.from}`, s.id);
  }
  return { reported, replied };
}
