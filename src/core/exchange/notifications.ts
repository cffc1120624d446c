/**
 * Which live notifications a viewer receives for an event just applied. The server calls this
 * for each connected viewer with the state *after* the event and sends exactly what it returns.
 *
 * The rule: an event about a submission yields nothing to a viewer who may not see that
 * submission once the event has happened (a revocation tells those who lost access nothing;
 * an urgent disaster notification reaches its addressees and nobody else). Nobody is notified
 * of what its own party did.
 */
import { canSee, reaches } from './access.ts';
import type { CategoryId } from './categories.ts';
import type { ExchangeEvent } from './events.ts';
import type { ExchangeState, SubmissionRecord } from './state.ts';
import { ms } from './time.ts';
import { isDelegateOf, partyOf, type Viewer } from './viewer.ts';

export type NotificationKind =
  /** A submission addressed to the viewer's state, or submitted to the secretariat. */
  | 'submission.received'
  /** A provider's grant, or the secretariat's dissemination, now lets the viewer see a submission. */
  | 'submission.shared'
  /** To the provider: someone read its submission. */
  | 'submission.read'
  /** To the provider: someone asks for its consent. */
  | 'consent.requested'
  /** To the party that asked: the provider granted or refused. */
  | 'consent.granted'
  | 'consent.refused'
  /** To the provider: the secretariat passed its submission on. */
  | 'submission.disseminated'
  /** To the host state: a deploying state permitted the release of its contingent's data. */
  | 'contingent.permission'
  /** To the host state: the deploying state withdrew a permission; releases needing it are refused from now on. */
  | 'contingent.permission.withdrawn'
  /** To the provider: confirm your points of contact. */
  | 'contact.check'
  /** To the party that checked: the provider confirmed. */
  | 'contact.confirmed';

export interface ExchangeNotification {
  readonly kind: NotificationKind;
  readonly at: string;
  /** The party that acted: a state's code, or SECRETARIAT. */
  readonly by: string | null;
  readonly urgent: boolean;
  readonly submission: {
    readonly id: string;
    readonly registryNumber: string;
    readonly category: CategoryId;
    readonly from: string;
    readonly subject: string;
  } | null;
}

export function notificationsFor(state: ExchangeState, viewer: Viewer, event: ExchangeEvent): ExchangeNotification[] {
  const party = partyOf(viewer);
  const actorParty = partyOf(event.actor);
  if (party !== null && party === actorParty) return [];
  const atMs = ms(event.at);
  const about = (submissionId: string): SubmissionRecord | null => {
    const record = state.submissions.get(submissionId);
    return record !== undefined && canSee(record, viewer, atMs) ? record : null;
  };
  const note = (kind: NotificationKind, record: SubmissionRecord | null): ExchangeNotification => ({
    kind,
    at: event.at,
    by: actorParty,
    urgent: record?.submission.urgent ?? false,
    submission:
      record === null
        ? null
        : {
            id: record.submission.id,
            registryNumber: record.submission.registryNumber,
            category: record.submission.category,
            from: record.submission.from,
            subject: record.submission.subject,
          },
  });
  const isProvider = (record: SubmissionRecord): boolean => isDelegateOf(viewer, record.submission.from);

  switch (event.type) {
    case 'submission.sent': {
      const record = about(event.data.submission.id);
      if (record === null) return [];
      const { to, dissemination } = record.submission;
      const reached = (viewer.role === 'delegate' && party !== null && to.includes(party)) || (viewer.role === 'secretariat' && dissemination.kind === 'secretariat');
      return reached ? [note('submission.received', record)] : [];
    }
    case 'submission.read':
    case 'consent.requested':
    case 'submission.disseminated': {
      const record = about(event.data.submissionId);
      if (record === null) return [];
      const out: ExchangeNotification[] = [];
      if (isProvider(record)) out.push(note(event.type === 'submission.disseminated' ? 'submission.disseminated' : event.type, record));
      if (event.type === 'submission.disseminated' && viewer.role !== 'secretariat' && party !== null && event.data.to.includes(party)) {
        out.push(note('submission.shared', record));
      }
      return out;
    }
    case 'consent.granted': {
      const record = about(event.data.submissionId);
      if (record === null) return [];
      const out: ExchangeNotification[] = [];
      const request = event.data.inAnswerTo === null ? undefined : state.requests.get(event.data.inAnswerTo);
      if (request !== undefined && request.party === party) out.push(note('consent.granted', record));
      if (reaches(event.data.widening, viewer, party)) out.push(note('submission.shared', record));
      return out;
    }
    case 'consent.refused': {
      const record = about(event.data.submissionId);
      const request = state.requests.get(event.data.requestId);
      return record !== null && request !== undefined && request.party === party ? [note('consent.refused', record)] : [];
    }
    case 'consent.revoked':
      return [];
    case 'contingent.permission.recorded':
      return isDelegateOf(viewer, event.data.hostState) ? [note('contingent.permission', null)] : [];
    case 'contingent.permission.withdrawn': {
      const permission = state.permissions.get(event.data.permissionId);
      return permission !== undefined && isDelegateOf(viewer, permission.hostState) ? [note('contingent.permission.withdrawn', null)] : [];
    }
    case 'contact.check.sent': {
      const record = about(event.data.submissionId);
      return record !== null && isProvider(record) ? [note('contact.check', record)] : [];
    }
    case 'contact.confirmed': {
      const check = state.checks.get(event.data.checkId);
      const record = check === undefined ? null : about(check.submissionId);
      return record !== null && check!.party === party ? [note('contact.confirmed', record)] : [];
    }
  }
}
