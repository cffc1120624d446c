/**
 * A state as plain JSON and back, exactly: what a server sends so that a browser starts
 * from the folded state of a long negotiation instead of replaying thousands of events.
 *
 * Unlike {@link snapshot} (for comparing states), the transfer keeps what the fold's
 * later steps depend on: the maps' iteration order, empty position maps, and the
 * `anchored` index, whose order is not creation order once a proposal has been accepted
 * (the proposals resting on it move to the end of their new container's list). Applying
 * the events after `version` to the restored state gives what folding them all would.
 */
import type { DocumentState } from './document-state.ts';
import type { OptionSet } from './option-set.ts';
import type { Position } from './position.ts';
import type { Proposal } from './proposal.ts';
import type { Provision } from './provision.ts';
import type { Revision } from './revision.ts';
import type { Statement } from './statement.ts';
import type { DocumentLanguages } from '../languages/document-languages.ts';
import { translationKey, type Translation } from '../languages/translation.ts';

export interface StateTransfer {
  readonly id: string;
  readonly title: string;
  readonly notation: string;
  readonly version: number;
  readonly order: readonly string[];
  /** In the map's order, which is not document order. */
  readonly provisions: readonly Provision[];
  readonly proposals: readonly Proposal[];
  readonly positions: readonly (readonly [string, readonly Position[]])[];
  readonly statements: readonly Statement[];
  readonly optionSets: readonly OptionSet[];
  readonly revisions: readonly Revision[];
  readonly anchored: readonly (readonly [string, readonly string[]])[];
  readonly languages: DocumentLanguages | null;
  /** In the map's order. */
  readonly translations: readonly Translation[];
}

export function toTransfer(state: DocumentState): StateTransfer {
  return {
    id: state.id,
    title: state.title,
    notation: state.notation,
    version: state.version,
    order: state.order,
    provisions: [...state.provisions.values()],
    proposals: [...state.proposals.values()],
    positions: [...state.positions].map(([proposalId, byDelegation]) => [proposalId, [...byDelegation.values()]] as const),
    statements: [...state.statements.values()],
    optionSets: [...state.optionSets.values()],
    revisions: state.revisions,
    anchored: [...state.anchored],
    languages: state.languages,
    translations: [...state.translations.values()],
  };
}

/** A state whose maps and lists the caller owns; the records are immutable, so they may be shared. */
export function fromTransfer(transfer: StateTransfer): DocumentState {
  return {
    id: transfer.id,
    title: transfer.title,
    notation: transfer.notation,
    version: transfer.version,
    order: [...transfer.order],
    provisions: new Map(transfer.provisions.map((p) => [p.id, p])),
    proposals: new Map(transfer.proposals.map((p) => [p.id, p])),
    positions: new Map(transfer.positions.map(([proposalId, list]) => [proposalId, new Map(list.map((p) => [p.delegation, p]))])),
    statements: new Map(transfer.statements.map((s) => [s.id, s])),
    optionSets: new Map(transfer.optionSets.map((o) => [o.id, o])),
    revisions: [...transfer.revisions],
    anchored: new Map(transfer.anchored.map(([key, ids]) => [key, [...ids]])),
    languages: transfer.languages,
    translations: new Map(transfer.translations.map((t) => [translationKey(t.target, t.id, t.language), t])),
  };
}
