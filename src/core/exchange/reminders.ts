/**
 * Which reminders are due at `now`: each addressed to the one party that must act, and only
 * about what that party may see. The server sends each once (by its `key`) to that party's
 * members — to nobody else.
 *
 * A reminder is due from `lead` hours before its deadline until the deadline; after it, the
 * obligation is overdue (obligations.ts) rather than reminded. The secretariat's periodic
 * contact checks stay due until it sends one.
 */
import { canSee } from './access.ts';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from './categories.ts';
import { periodDeadlineMs, replyDueMs, type ExchangeSettings } from './settings.ts';
import { exchangeIndex } from './exchange-index.ts';
import type { ExchangeState } from './state.ts';
import { iso, plusHours, requireInstant } from './time.ts';
import { SECRETARIAT_PARTY, type Viewer } from './viewer.ts';

export type Reminder =
  | { readonly kind: 'report-due'; readonly key: string; readonly to: string; readonly category: CategoryId; readonly period: string; readonly dueAt: string }
  | { readonly kind: 'reply-due'; readonly key: string; readonly to: string; readonly submissionId: string; readonly dueAt: string }
  | {
      readonly kind: 'contact-confirmation-due';
      readonly key: string;
      readonly to: string;
      readonly submissionId: string;
      readonly checkId: string;
      readonly dueAt: string;
    }
  | { readonly kind: 'contact-check-due'; readonly key: string; readonly to: string; readonly submissionId: string; readonly dueAt: string };

/** The secretariat as the fold sees it: what a contact check by the secretariat may be about. */
const SECRETARIAT: Viewer = { user: 'reminders', delegation: null, role: 'secretariat' };

export function dueReminders(state: ExchangeState, settings: ExchangeSettings, now: string): Reminder[] {
  const atMs = requireInstant(now, 'now');
  const reminders: Reminder[] = [];
  const inWindow = (dueMs: number, leadHours: number): boolean => atMs >= plusHours(dueMs, -leadHours) && atMs < dueMs;
  const index = exchangeIndex(state);

  for (const category of CATEGORY_IDS) {
    const times = settings.categories[category];
    if (times?.annual === undefined || !CATEGORIES[category].periodic) continue;
    const thisYear = new Date(atMs).getUTCFullYear();
    for (let year = Math.max(times.annual.firstYear, thisYear - 1); year <= thisYear + 1; year++) {
      const period = String(year);
      const due = periodDeadlineMs(settings, category, period)!;
      if (!inWindow(due, times.leadHours)) continue;
      for (const reporter of settings.reporting[category] ?? []) {
        if (index.reported.has(`${reporter} ${category} ${period}`)) continue;
        reminders.push({ kind: 'report-due', key: `report-due ${reporter} ${category} ${period}`, to: reporter, category, period, dueAt: iso(due) });
      }
    }
  }

  for (const record of state.submissions.values()) {
    const { id, category, to, kind } = record.submission;
    const due = replyDueMs(settings, record);
    if (kind !== 'report' || CATEGORIES[category].replyCategory === null || due === null) continue;
    if (!inWindow(due, settings.categories[category]!.leadHours)) continue;
    for (const addressee of to) {
      if (index.replied.has(`${id} ${addressee}`)) continue;
      reminders.push({ kind: 'reply-due', key: `reply-due ${id} ${addressee}`, to: addressee, submissionId: id, dueAt: iso(due) });
    }
  }

  const checks = settings.contactChecks;
  for (const check of state.checks.values()) {
    if (check.confirmed !== null) continue;
    const due = plusHours(check.atMs, checks.confirmWithinHours);
    if (!inWindow(due, checks.leadHours)) continue;
    const from = state.submissions.get(check.submissionId)!.submission.from;
    reminders.push({ kind: 'contact-confirmation-due', key: `contact-confirmation-due ${check.id}`, to: from, submissionId: check.submissionId, checkId: check.id, dueAt: iso(due) });
  }

  for (const [key, submissionId] of state.latest) {
    if (!key.endsWith(' points-of-contact')) continue;
    const record = state.submissions.get(submissionId)!;
    if (!canSee(record, SECRETARIAT, atMs)) continue;
    const own = [...state.checks.values()].filter((c) => c.submissionId === submissionId && c.party === SECRETARIAT_PARTY);
    if (own.some((c) => c.confirmed === null)) continue;
    const last = Math.max(record.sentMs, ...own.map((c) => c.atMs));
    const due = plusHours(last, checks.everyDays * 24);
    if (atMs < plusHours(due, -checks.leadHours)) continue;
    reminders.push({ kind: 'contact-check-due', key: `contact-check-due ${submissionId} ${iso(due)}`, to: SECRETARIAT_PARTY, submissionId, dueAt: iso(due) });
  }
  return reminders;
}
