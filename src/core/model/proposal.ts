/**
 * A proposal is one typed operation a delegation (or the chair) puts forward on the text.
 * Who proposed it is `proponent`; every delegation's stance on it — including the
 * proponent's own — is a separate {@link Position}, so authorship and support never mix.
 */
import type { CaseToggle } from './provision.ts';

export type ProposalKind =
  | 'insert'
  | 'delete'
  | 'replace'
  | 'new-provision'
  | 'delete-provision'
  | 'move'
  | 'remark';

export const PROPOSAL_KINDS: readonly ProposalKind[] = [
  'insert',
  'delete',
  'replace',
  'new-provision',
  'delete-provision',
  'move',
  'remark',
];

/**
 * Where a text proposal applies: a range of a container's text. The container is a
 * provision's status-quo text, or the text of another proposal (`parent`) — which is
 * what a nested bracket is. An insertion has `start === end`.
 */
export interface TextAnchor {
  readonly provisionId: string;
  readonly parent: string | null;
  readonly start: number;
  readonly end: number;
  /** The document version the offsets were taken at. Offsets are kept current as text is accepted. */
  readonly version: number;
}

export type ProposalStatus = 'open' | 'accepted' | 'dropped' | 'withdrawn';

/** How a draft wrote the proposal; used only by the notation that imported it. */
export interface ProposalLayout {
  /** The replaced or deleted words were themselves in brackets: `[Taking] (-ISR)`. */
  readonly oldBracketed?: boolean;
  /** Positions written inside the bracket: `[Considering (+ISR)]`. */
  readonly markersInside?: boolean;
  /** The bracket's own delimiters were absent in the draft (unbracketed proposer marker). */
  readonly unbracketed?: boolean;
  /** The closing bracket was missing in the draft; the proposal ran to the end of the paragraph. */
  readonly implicitClose?: boolean;
  /** The label stood outside the bracket of a new provision: `2.2.7 [[On the basis …`. */
  readonly labelOutside?: boolean;
  /** Items after the bracket, in draft order: position markers, footnote markers, stray brackets. */
  readonly tail?: readonly TailItem[];
  /** For a proposal shown as a chair's strike-through: `~~text~~`. */
  readonly strike?: boolean;
  /** Stray closing brackets inside the proposal's text, kept where the draft had them. */
  readonly strays?: readonly { readonly at: number; readonly text: string }[];
  /** Whitespace before the `(-X)` that follows replaced or deleted words, when not one space. */
  readonly markerSpace?: string;
  /** How the draft wrote the proponent in the `(-X)` after replaced words, when not the code. */
  readonly oldWritten?: string;
  /** Whitespace between a replaced text's marker and the new words' bracket, when not one space. */
  readonly gap?: string;
  /** Free-form hints a notation keeps for itself (e.g. UN-style grouping). */
  readonly notation?: Readonly<Record<string, unknown>>;
}

/** One thing written after a bracket, kept in order so the draft renders back as it was. */
export type TailItem =
  | {
      readonly t: 'position';
      readonly delegation: string;
      /** The code as the draft wrote it ("Thai" for THA). */
      readonly written?: string;
      /** Written without a sign: `(Turk)`. */
      readonly unsigned?: boolean;
      /** Written as a bracket around the proposal and its markers: `[[…] (+Turk)] (-IND)`. */
      readonly wrap?: boolean;
      readonly space?: string;
      /** A marker the same delegation's later marker on this bracket overrode, kept as written. */
      readonly superseded?: string;
    }
  | { readonly t: 'note'; readonly statementId: string }
  | { readonly t: 'stray'; readonly text: string; readonly space?: string };

export interface Proposal {
  readonly id: string;
  readonly kind: ProposalKind;
  /** Delegation code (ISO3 or group code), or 'CHAIR' for a chair's proposal; null when a draft did not say. */
  readonly proponent: string | null;
  readonly byChair: boolean;
  readonly status: ProposalStatus;
  /** For insert, replace, delete, remark-on-text. */
  readonly anchor: TextAnchor | null;
  /** Proposed words: insert, replace (the new words), remark (the remark). */
  readonly text: string;
  readonly toggles: readonly CaseToggle[];
  /** new-provision: the provisions it puts forward; delete-provision / move: the ones it targets. */
  readonly provisionIds: readonly string[];
  /** move: the provision after which the targets go (null = to the top). */
  readonly moveAfter: string | null;
  /** remark: the provision it remarks on, when it is not anchored to text. */
  readonly about: string | null;
  readonly optionSetId: string | null;
  readonly madeAt: string;
  readonly madeInVersion: number;
  readonly layout: ProposalLayout;
  /**
   * The language it was made in; set only in a document with several languages (absent:
   * see core/languages/translation-status.ts, proposalLanguage).
   */
  readonly language?: string;
}

/** Kinds whose text lives in the proposal and may carry nested proposals. */
export function hasOwnText(kind: ProposalKind): boolean {
  return kind === 'insert' || kind === 'replace' || kind === 'remark';
}
