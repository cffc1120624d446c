/**
 * Everything that happens in an organisation's information exchange is one of these plain,
 * serialisable values, appended to the organisation's log; the exchange state is their fold.
 *
 * Each carries who acted (`actor`: user, delegation, role) and when (`at`, an ISO 8601 instant
 * the caller supplies — core has no clock). Ids are assigned by the server, never chosen by a
 * client, so that a duplicate id can only be a bug, never a way to probe for what exists.
 */
import type { AccessBasis } from './basis.ts';
import type { SubmissionInput } from './submission.ts';
import type { Viewer } from './viewer.ts';
import type { Widening } from './widening.ts';

interface ExchangeEventBase<T extends string, D> {
  readonly type: T;
  readonly at: string;
  readonly actor: Viewer;
  readonly data: D;
}

/** A delegate of the providing state sends a submission; its sent time is `at`. */
export type SubmissionSent = ExchangeEventBase<'submission.sent', { readonly submission: SubmissionInput }>;

/** Someone read a submission's body, under the basis the access function gave them at that moment. */
export type SubmissionRead = ExchangeEventBase<'submission.read', { readonly submissionId: string; readonly basis: AccessBasis }>;

/** Someone who may see a submission (never its provider) asks the provider to let it go further. */
export type ConsentRequested = ExchangeEventBase<
  'consent.requested',
  { readonly requestId: string; readonly submissionId: string; readonly widening: Widening; readonly reason: string | null }
>;

/** The provider widens access — answering a request, or unasked; until `until` when given. */
export type ConsentGranted = ExchangeEventBase<
  'consent.granted',
  {
    readonly grantId: string;
    readonly submissionId: string;
    readonly widening: Widening;
    readonly inAnswerTo: string | null;
    readonly until: string | null;
  }
>;

export type ConsentRefused = ExchangeEventBase<
  'consent.refused',
  { readonly requestId: string; readonly submissionId: string; readonly reason: string | null }
>;

/** The provider withdraws a grant (or the envelope's secretariat policy, grant 'envelope'): access narrows from now on. */
export type ConsentRevoked = ExchangeEventBase<
  'consent.revoked',
  { readonly grantId: string; readonly submissionId: string; readonly reason: string | null }
>;

/**
 * 2.1.1 c: a delegate of the deploying state permits the host state to release information on
 * its contingent — to anyone (`'any'`), or only to the parties named (states, or 'SECRETARIAT').
 */
export type ContingentPermissionRecorded = ExchangeEventBase<
  'contingent.permission.recorded',
  {
    readonly permissionId: string;
    readonly deployingState: string;
    readonly hostState: string;
    readonly releaseTo: 'any' | readonly string[];
  }
>;

/**
 * 2.1.1 c: a delegate of the deploying state withdraws a permission it gave. From `at` on the
 * permission no longer lets the host release anything; what was already released stays released.
 */
export type ContingentPermissionWithdrawn = ExchangeEventBase<
  'contingent.permission.withdrawn',
  { readonly permissionId: string; readonly reason: string | null }
>;

/** The secretariat passes a submission it holds on to states, within what the provider allowed. */
export type SubmissionDisseminated = ExchangeEventBase<
  'submission.disseminated',
  { readonly disseminationId: string; readonly submissionId: string; readonly to: readonly string[] }
>;

/** "Are you still there?": someone who holds a points-of-contact submission asks its provider to confirm it. */
export type ContactCheckSent = ExchangeEventBase<'contact.check.sent', { readonly checkId: string; readonly submissionId: string }>;

/** The provider confirms its points of contact still answer. */
export type ContactConfirmed = ExchangeEventBase<'contact.confirmed', { readonly checkId: string }>;

export type ExchangeEvent =
  | SubmissionSent
  | SubmissionRead
  | ConsentRequested
  | ConsentGranted
  | ConsentRefused
  | ConsentRevoked
  | ContingentPermissionRecorded
  | ContingentPermissionWithdrawn
  | SubmissionDisseminated
  | ContactCheckSent
  | ContactConfirmed;

export type ExchangeEventType = ExchangeEvent['type'];

export const EXCHANGE_EVENT_TYPES: readonly ExchangeEventType[] = [
  'submission.sent',
  'submission.read',
  'consent.requested',
  'consent.granted',
  'consent.refused',
  'consent.revoked',
  'contingent.permission.recorded',
  'contingent.permission.withdrawn',
  'submission.disseminated',
  'contact.check.sent',
  'contact.confirmed',
];
