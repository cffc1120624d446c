/**
 * Parley's pure domain: the negotiated-text model, its events and fold, views and
 * notations, and the catalogue in use. No I/O, no clock, no randomness: it runs in the
 * browser and on the server.
 */
export { importDraft, type ImportOptions, type ImportResult } from './import-draft.ts';
export { renderText, renderSections, compareRevisions, type RenderOptions } from './render-text.ts';
export { summarize, type Summary } from './summarize.ts';
export { countState, directions, type Counts, type DelegationCounts } from './views/counts.ts';
export { compareTexts, type Comparison, type ComparisonPart } from './views/compare.ts';
export { compareProvisions, type ProvisionChange, type ProvisionComparison, type ProvisionsComparison } from './compare-provisions.ts';
export { proposalHistory, type AlternativeRef, type HistoryEntry, type ProposalHistory, type ProposalRef } from './views/proposal-history.ts';
export { listRevisions, type RevisionSummary } from './views/revision-list.ts';
export { footnoteMarkers } from './views/footnote-markers.ts';
export { importedLength } from './events/imported.ts';
export { planAlternative, type AlternativePlan } from './events/alternative.ts';
export { parseViewSpec, type ViewSpec } from './views/view-spec.ts';
// The pieces views are built from, for renderers outside core (the web workspace).
export { buildInlineTree, proposalContainer, provisionContainer, type Container, type InlineNode } from './views/inline-tree.ts';
export { outlineDocument, type OutlineEntry } from './views/document-outline.ts';
export { resolve as resolveView, type Resolution } from './views/resolution.ts';
export { cleanProvisionText, labelPrefix, tidy, visibleProvisions } from './views/clean-text.ts';
export { fold, applyEvent, tryApplyEvent, checkEvent, type ApplyResult } from './events/apply.ts';
export { EventRejected, type Rejection, type RejectionCode } from './events/rejection.ts';
export { EVENT_TYPES, type Actor, type ActorRole, type EventType, type LoggedEvent, type ParleyEvent, type ProposalInput, type ProvisionInput } from './events/event.ts';
export { containerKey, emptyState, snapshot, type DocumentState, type StateSnapshot } from './model/document-state.ts';
export { fromTransfer, toTransfer, type StateTransfer } from './model/state-transfer.ts';
export type { Provision, ProvisionKind, AgreementStatus, CaseToggle } from './model/provision.ts';
export type { Proposal, ProposalKind, ProposalStatus, TextAnchor } from './model/proposal.ts';
export type { Position, Stance } from './model/position.ts';
export type { Statement, StatementKind, StatementAnchor } from './model/statement.ts';
export type { OptionSet, OptionRef } from './model/option-set.ts';
export type { Revision } from './model/revision.ts';
export type { ImportWarning, ImportWarningCode } from './notations/warnings.ts';
export type { RenderedSection } from './notations/notation.ts';
export { notationIds, getNotation } from './notations/registry.ts';
export {
  createDelegationRegistry,
  CICA_ALIASES,
  CICA_MEMBER_STATES_2021,
  type Delegation,
  type DelegationKind,
  type DelegationRegistry,
} from './delegations/index.ts';
// The catalogue in use: read from a document's state; coordinators, selections and reports in a log of their own.
export * from './catalogue/index.ts';
// The information exchange and its consent rule: events, fold and the access functions every
// reader goes through (the list is in exchange/index.ts).
export * from './exchange/index.ts';
// Meetings of the bodies (seat time by the tz database, stored in UTC) and their iCalendar files.
export * from './meetings/index.ts';
// Notes verbales: registry numbers, the fixed formulas in English, Russian and Kazakh, composition.
export * from './notes-verbales/index.ts';
// Section 3's modalities A and B as state machines, with the silence procedure.
export * from './modalities/index.ts';
// A document in several languages: versions aligned by provision and proposal, done / pending / outdated.
export * from './languages/index.ts';
