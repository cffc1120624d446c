/**
 * Whether a submission came after its deadline. Each category's deadline is the organisation's
 * data (settings.ts); which one applies depends on the category: a periodic report's period,
 * a reply's request, a planned activity's start, an incident's or disaster's occurrence.
 */
import { canSee } from './access.ts';
import { CATEGORIES } from './categories.ts';
import { periodDeadlineMs, replyDueMs, type ExchangeSettings } from './settings.ts';
import type { ExchangeState, SubmissionRecord } from './state.ts';
import { ms, plusHours, requireInstant } from './time.ts';
import type { Viewer } from './viewer.ts';

/** The deadline the submission had to meet, in ms; null when none applies. */
export function deadlineOfMs(state: ExchangeState, settings: ExchangeSettings, record: SubmissionRecord): number | null {
  const s = record.submission;
  const times = settings.categories[s.category];
  const category = CATEGORIES[s.category];
  if (category.periodic) return periodDeadlineMs(settings, s.category, s.period);
  if (category.answers !== null) {
    const request = s.replyTo === null ? undefined : state.submissions.get(s.replyTo);
    return request === undefined ? null : replyDueMs(settings, request);
  }
  if (s.kind !== 'report' || times === undefined) return null;
  const body = s.body as unknown as Record<string, unknown>;
  if (times.noticeDays !== undefined && typeof body['start'] === 'string') return plusHours(ms(body['start']), -24 * times.noticeDays);
  if (times.notifyWithinHours !== undefined && typeof body['occurredAt'] === 'string') return plusHours(ms(body['occurredAt']), times.notifyWithinHours);
  return null;
}

/**
 * Whether the submission was sent after its deadline, as `viewer` may learn it at `now`: false
 * when no deadline applies — and for a submission the viewer may not see, as for one that does
 * not exist, so that lateness tells nothing of what is hidden.
 */
export function isLate(state: ExchangeState, settings: ExchangeSettings, viewer: Viewer, submissionId: string, now: string): boolean {
  const record = state.submissions.get(submissionId);
  if (record === undefined || !canSee(record, viewer, requireInstant(now, 'now'))) return false;
  const deadline = deadlineOfMs(state, settings, record);
  return deadline !== null && record.sentMs >= deadline;
}
