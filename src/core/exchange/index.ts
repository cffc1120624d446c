/**
 * The information exchange (Catalogue 1.6, 1.7, 2.1–2.4) and its consent rule, as a pure
 * domain: events and their fold, and the access functions every reader goes through.
 */
export { CATEGORIES, CATEGORY_IDS, isCategoryId, type Category, type CategoryId } from './categories.ts';
export type * from './bodies.ts';
export type { CategoryBody, Envelope, EnvelopeInput, Submission, SubmissionInput, SubmissionKind } from './submission.ts';
export { ENVELOPE_GRANT, type DisseminationPolicy, type DisseminationScope, type Widening } from './widening.ts';
export { partyOf, SECRETARIAT_PARTY, type ExchangeRole, type Viewer } from './viewer.ts';
export { EXCHANGE_EVENT_TYPES, type ExchangeEvent, type ExchangeEventType } from './events.ts';
export type {
  ConsentGranted,
  ConsentRefused,
  ConsentRequested,
  ConsentRevoked,
  ContactCheckSent,
  ContactConfirmed,
  ContingentPermissionRecorded,
  ContingentPermissionWithdrawn,
  SubmissionDisseminated,
  SubmissionRead,
  SubmissionSent,
} from './events.ts';
export { emptyExchangeState, type ExchangeState } from './state.ts';
export { ExchangeRejected, type ExchangeRejection, type ExchangeRejectionCode } from './rejection.ts';
export { applyExchangeEvent, checkExchangeEvent, foldExchange, tryApplyExchangeEvent, type ExchangeApplyResult } from './apply.ts';
export type { AccessBasis, GrantChain, GrantLink } from './basis.ts';
export { accessOf, whyCanISee, type Access, type WhyResult } from './access.ts';
export {
  countSubmissions,
  exportRows,
  searchSubmissions,
  visibleSubmissions,
  type ExportRow,
  type SubmissionHit,
  type SubmissionQuery,
} from './queries.ts';
export { readLog, readSubmission, type ReadLogEntry, type ReadLogResult, type ReadResult } from './read.ts';
export { notificationsFor, type ExchangeNotification, type NotificationKind } from './notifications.ts';
export { contingentPermissionsFor, type PermissionView } from './permissions.ts';
export {
  DEFAULT_EXCHANGE_SETTINGS,
  retentionLimit,
  type AnnualDeadline,
  type CategoryDeadlines,
  type ContactCheckSettings,
  type ExchangeSettings,
} from './settings.ts';
export { dueReminders, type Reminder } from './reminders.ts';
export { isLate } from './lateness.ts';
export { obligationsOf, type Obligation, type ObligationStatus } from './obligations.ts';
export { contactChecksFor, type ContactCheckView } from './contacts.ts';
export { replyClock, type ReplyClock, type ReplyStatus } from './reply-clock.ts';
