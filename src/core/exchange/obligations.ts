/**
 * What a state owes the exchange and whether it is met: its periodic reports, its replies to
 * requests addressed to it, its confirmations of contact checks — on time, late, open or
 * overdue. Only the state itself learns this: another state's obligations would tell what it
 * sent to whom.
 */
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from './categories.ts';
import { exchangeIndex } from './exchange-index.ts';
import { periodDeadlineMs, replyDueMs, type ExchangeSettings } from './settings.ts';
import type { ExchangeState } from './state.ts';
import { iso, ms, plusHours, requireInstant } from './time.ts';
import type { Viewer } from './viewer.ts';

export type ObligationStatus = 'met' | 'late' | 'open' | 'overdue';

export interface Obligation {
  readonly kind: 'report' | 'reply' | 'contact-confirmation';
  readonly category: CategoryId;
  /** Periodic reports: the period. */
  readonly period: string | null;
  /** Replies: the request; confirmations: the points-of-contact submission. */
  readonly about: string | null;
  readonly dueAt: string;
  readonly status: ObligationStatus;
  /** The submission that met it (or, for a confirmation, the check), when met. */
  readonly metBy: string | null;
}

function status(metMs: number | null, dueMs: number, atMs: number): ObligationStatus {
  if (metMs !== null) return metMs < dueMs ? 'met' : 'late';
  return atMs < dueMs ? 'open' : 'overdue';
}

/** The viewer's own state's obligations up to `now` (this year's reports included, next year's not). */
export function obligationsOf(state: ExchangeState, settings: ExchangeSettings, viewer: Viewer, now: string): Obligation[] {
  if (viewer.role !== 'delegate' || viewer.delegation === null) return [];
  const own = viewer.delegation;
  const atMs = requireInstant(now, 'now');
  const index = exchangeIndex(state);
  const out: Obligation[] = [];

  for (const category of CATEGORY_IDS) {
    const annual = settings.categories[category]?.annual;
    if (annual === undefined || !CATEGORIES[category].periodic || !(settings.reporting[category] ?? []).includes(own)) continue;
    for (let year = annual.firstYear; year <= new Date(atMs).getUTCFullYear(); year++) {
      const period = String(year);
      const due = periodDeadlineMs(settings, category, period)!;
      const metBy = index.reported.get(`${own} ${category} ${period}`) ?? null;
      const metMs = metBy === null ? null : state.submissions.get(metBy)!.sentMs;
      out.push({ kind: 'report', category, period, about: null, dueAt: iso(due), status: status(metMs, due, atMs), metBy });
    }
  }

  for (const record of state.submissions.values()) {
    const s = record.submission;
    const due = replyDueMs(settings, record);
    if (s.kind !== 'report' || !s.to.includes(own) || CATEGORIES[s.category].replyCategory === null || due === null) continue;
    const metBy = index.replied.get(`${s.id} ${own}`) ?? null;
    const metMs = metBy === null ? null : state.submissions.get(metBy)!.sentMs;
    out.push({ kind: 'reply', category: s.category, period: null, about: s.id, dueAt: iso(due), status: status(metMs, due, atMs), metBy });
  }

  for (const check of state.checks.values()) {
    const record = state.submissions.get(check.submissionId)!;
    if (record.submission.from !== own) continue;
    const due = plusHours(check.atMs, settings.contactChecks.confirmWithinHours);
    const metMs = check.confirmed === null ? null : ms(check.confirmed.at);
    out.push({
      kind: 'contact-confirmation',
      category: 'points-of-contact',
      period: null,
      about: check.submissionId,
      dueAt: iso(due),
      status: status(metMs, due, atMs),
      metBy: check.confirmed === null ? null : check.id,
    });
  }
  return out;
}
