/**
 * Everything that happens to a document is one of these plain values, appended to a log.
 * The current text, any past revision and every view are folds of that log.
 *
 * Events carry who acted (`actor`: the user, the delegation they spoke for, the role they
 * acted in) and when (`at`, an ISO 8601 instant supplied by the caller — core has no clock).
 *
 * Whose a proposal is and whose hand recorded it are kept apart: the proponent is in the
 * proposal, the recorder is the actor. A `proposal.made` whose actor has the role `chair`
 * and a delegation is an oral proposal: that delegation made it from the floor and the chair
 * recorded it (as the secretariat, role `secretariat`, records one a delegation sent in).
 */
import type { AgreementStatus, CaseToggle, ProvisionKind, ProvisionLayout } from '../model/provision.ts';
import type { ProposalKind, ProposalLayout, TextAnchor } from '../model/proposal.ts';
import type { Stance } from '../model/position.ts';
import type { StatementAnchor, StatementKind, StatementLayout } from '../model/statement.ts';
import type { OptionRef } from '../model/option-set.ts';
import type { LanguageCode } from '../languages/document-languages.ts';
import type { TranslationTarget } from '../languages/translation.ts';

export type ActorRole = 'delegate' | 'chair' | 'secretariat' | 'system';

export interface Actor {
  /** User id, or 'import' for what a draft recorded. */
  readonly user: string;
  readonly delegation: string | null;
  readonly role: ActorRole;
}

/**
 * What every event of every log has in common — a document's, the catalogue's, the
 * information exchange's. The server's hash chain and store are written against this.
 */
export interface LoggedEvent {
  readonly type: string;
  readonly at: string;
  /** A register's actor may also be an observer (who reads in the information exchange). */
  readonly actor: Omit<Actor, 'role'> & { readonly role: ActorRole | 'observer' };
  readonly data: unknown;
}

interface EventBase<T extends string, D> {
  readonly type: T;
  readonly at: string;
  readonly actor: Actor;
  readonly data: D;
}

export interface ProvisionInput {
  readonly id: string;
  readonly kind: ProvisionKind;
  readonly label: string | null;
  readonly text: string;
  readonly toggles?: readonly CaseToggle[];
  readonly layout?: ProvisionLayout;
}

export interface ProposalInput {
  readonly id: string;
  readonly kind: ProposalKind;
  readonly proponent: string | null;
  /** Text proposals: where. Offsets refer to the container's text at the current version. */
  readonly anchor?: Omit<TextAnchor, 'version'> | null;
  readonly text?: string;
  readonly toggles?: readonly CaseToggle[];
  /** new-provision: the provisions put forward, placed after `after` (null = at the top). */
  readonly provisions?: readonly ProvisionInput[];
  readonly after?: string | null;
  /** delete-provision and move: the provisions targeted. */
  readonly provisionIds?: readonly string[];
  readonly moveAfter?: string | null;
  readonly about?: string | null;
  readonly reason?: string | null;
  readonly layout?: ProposalLayout;
  /**
   * The language the proponent made it in, in a document with several languages; absent:
   * the language of the proposal it amends, else the document's original language.
   */
  readonly language?: LanguageCode;
}

/** The document's working languages (see core/languages/document-languages.ts). */
export interface LanguagesSetData {
  readonly original: LanguageCode;
  readonly others: readonly LanguageCode[];
}

/** One language version of a provision's text or a proposal's words, with the original it renders. */
export interface TranslationRecordedData {
  readonly target: TranslationTarget;
  readonly id: string;
  readonly language: LanguageCode;
  readonly text: string;
  /** The original as the translator translated it; the engine refuses it when the original has changed since. */
  readonly original: string;
}

export type DocumentCreated = EventBase<'document.created', { readonly documentId: string; readonly title: string; readonly notation: string }>;
export type ProvisionAdded = EventBase<'provision.added', { readonly provision: ProvisionInput; readonly after: string | null }>;
export type ProposalMade = EventBase<'proposal.made', { readonly proposal: ProposalInput }>;
export type ChairProposalMade = EventBase<'chair.proposal.made', { readonly proposal: ProposalInput }>;
export type ProposalWithdrawn = EventBase<'proposal.withdrawn', { readonly proposalId: string }>;
export type PositionTaken = EventBase<
  'position.taken',
  { readonly proposalId: string; readonly delegation: string; readonly stance: Stance; readonly reason?: string | null }
>;
export type PositionWithdrawn = EventBase<'position.withdrawn', { readonly proposalId: string; readonly delegation: string }>;
export type ConsensusDeclared = EventBase<'consensus.declared', { readonly proposalId: string; readonly outcome: 'accept' | 'drop' }>;
export type ProvisionAgreed = EventBase<
  'provision.agreed',
  { readonly provisionId: string; readonly status: Exclude<AgreementStatus, 'open'> }
>;
export type RevisionIssued = EventBase<'revision.issued', { readonly number: number; readonly label: string }>;
export type StatementAdded = EventBase<
  'statement.added',
  {
    readonly statement: {
      readonly id: string;
      readonly kind: StatementKind;
      readonly by: string | null;
      readonly text: string;
      readonly anchor: StatementAnchor;
      readonly layout?: StatementLayout;
    };
  }
>;
export type OptionSetFormed = EventBase<
  'option-set.formed',
  { readonly optionSet: { readonly id: string; readonly members: readonly OptionRef[]; readonly allowsNoText: boolean } }
>;

/** A further alternative joins an open option set: a third paragraph put forward against the same text. */
export type OptionSetJoined = EventBase<'option-set.joined', { readonly optionSetId: string; readonly member: OptionRef }>;

/** The secretariat sets (or widens) the languages the document exists in. */
export type LanguagesSet = EventBase<'document.languages.set', LanguagesSetData>;
/** The secretariat records a translation: done until the original changes. */
export type TranslationRecorded = EventBase<'translation.recorded', TranslationRecordedData>;

export type ParleyEvent =
  | DocumentCreated
  | ProvisionAdded
  | ProposalMade
  | ChairProposalMade
  | ProposalWithdrawn
  | PositionTaken
  | PositionWithdrawn
  | ConsensusDeclared
  | ProvisionAgreed
  | RevisionIssued
  | StatementAdded
  | OptionSetFormed
  | OptionSetJoined
  | LanguagesSet
  | TranslationRecorded;

export type EventType = ParleyEvent['type'];

export const EVENT_TYPES: readonly EventType[] = [
  'document.created',
  'provision.added',
  'proposal.made',
  'chair.proposal.made',
  'proposal.withdrawn',
  'position.taken',
  'position.withdrawn',
  'consensus.declared',
  'provision.agreed',
  'revision.issued',
  'statement.added',
  'option-set.formed',
  'option-set.joined',
  'document.languages.set',
  'translation.recorded',
];
