/**
 * The reply clock of a request (2.1.2 invitations, 2.1.3 consultations): due at the request's
 * time plus the organisation's reply period. The requester sees every addressee's reply
 * status; an addressee sees its own; anyone else who may see the request, only when replies
 * are due.
 */
import { canSee } from './access.ts';
import { CATEGORIES } from './categories.ts';
import { exchangeIndex } from './exchange-index.ts';
import { replyDueMs, type ExchangeSettings } from './settings.ts';
import type { ExchangeState } from './state.ts';
import { iso, requireInstant } from './time.ts';
import { isDelegateOf, type Viewer } from './viewer.ts';

export interface ReplyStatus {
  readonly state: string;
  readonly reply: string | null;
  readonly status: 'awaiting' | 'replied' | 'replied-late' | 'overdue';
}

export type ReplyClock =
  | { readonly outcome: 'ok'; readonly dueAt: string; readonly overdue: boolean; readonly replies: readonly ReplyStatus[] }
  /** The submission asks for no reply, or the organisation set no reply period for its category. */
  | { readonly outcome: 'no-clock' }
  | { readonly outcome: 'not-found' };

export function replyClock(state: ExchangeState, settings: ExchangeSettings, viewer: Viewer, requestId: string, now: string): ReplyClock {
  const atMs = requireInstant(now, 'now');
  const record = state.submissions.get(requestId);
  if (record === undefined || !canSee(record, viewer, atMs)) return { outcome: 'not-found' };
  const s = record.submission;
  const due = replyDueMs(settings, record);
  if (CATEGORIES[s.category].replyCategory === null || s.kind !== 'report' || due === null) return { outcome: 'no-clock' };
  const replied = exchangeIndex(state).replied;
  const shown = isDelegateOf(viewer, s.from) ? s.to : s.to.filter((code) => isDelegateOf(viewer, code));
  const replies = shown.map((code): ReplyStatus => {
    const reply = replied.get(`${s.id} ${code}`) ?? null;
    if (reply === null) return { state: code, reply, status: atMs >= due ? 'overdue' : 'awaiting' };
    return { state: code, reply, status: state.submissions.get(reply)!.sentMs >= due ? 'replied-late' : 'replied' };
  });
  return { outcome: 'ok', dueAt: iso(due), overdue: atMs >= due && replies.some((r) => r.reply === null), replies };
}
