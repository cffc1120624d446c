/**
 * The "are you still there?" checks a viewer may know of (2.3.5, 2.4.4): those on its own
 * points of contact, and those its party sent — each awaiting, confirmed or overdue.
 */
import { canSee } from './access.ts';
import type { ExchangeSettings } from './settings.ts';
import type { ExchangeState } from './state.ts';
import { iso, plusHours, requireInstant } from './time.ts';
import { isDelegateOf, partyOf, type Viewer } from './viewer.ts';

export interface ContactCheckView {
  readonly id: string;
  readonly submissionId: string;
  readonly registryNumber: string;
  readonly provider: string;
  readonly checkedBy: string;
  readonly at: string;
  readonly dueAt: string;
  readonly status: 'awaiting' | 'confirmed' | 'overdue';
  readonly confirmedAt: string | null;
}

export function contactChecksFor(state: ExchangeState, settings: ExchangeSettings, viewer: Viewer, now: string): ContactCheckView[] {
  const atMs = requireInstant(now, 'now');
  const party = partyOf(viewer);
  const out: ContactCheckView[] = [];
  for (const check of state.checks.values()) {
    const record = state.submissions.get(check.submissionId)!;
    const concerned = isDelegateOf(viewer, record.submission.from) || (party !== null && check.party === party);
    if (!concerned || !canSee(record, viewer, atMs)) continue;
    const due = plusHours(check.atMs, settings.contactChecks.confirmWithinHours);
    out.push({
      id: check.id,
      submissionId: check.submissionId,
      registryNumber: record.submission.registryNumber,
      provider: record.submission.from,
      checkedBy: check.party,
      at: check.at,
      dueAt: iso(due),
      status: check.confirmed !== null ? 'confirmed' : atMs >= due ? 'overdue' : 'awaiting',
      confirmedAt: check.confirmed?.at ?? null,
    });
  }
  return out;
}
