/**
 * A container is a piece of text that proposals anchor in: a provision's status-quo
 * text, or the text of a proposal (which is how brackets nest).
 */
import { containerKey, type DocumentState } from '../model/document-state.ts';
import type { CaseToggle } from '../model/provision.ts';
import type { Proposal } from '../model/proposal.ts';

export interface ContainerText {
  readonly text: string;
  readonly toggles: readonly CaseToggle[];
}

export function readContainer(state: DocumentState, provisionId: string, parent: string | null): ContainerText | undefined {
  if (parent !== null) return state.proposals.get(parent);
  return state.provisions.get(provisionId);
}

export function writeContainer(state: DocumentState, provisionId: string, parent: string | null, next: ContainerText): void {
  if (parent !== null) {
    const proposal = state.proposals.get(parent);
    if (proposal) state.proposals.set(parent, { ...proposal, text: next.text, toggles: next.toggles });
    return;
  }
  const provision = state.provisions.get(provisionId);
  if (provision) state.provisions.set(provisionId, { ...provision, text: next.text, toggles: next.toggles });
}

/** The ids of proposals anchored in a container, in creation order. */
export function anchoredIn(state: DocumentState, provisionId: string, parent: string | null): readonly string[] {
  return state.anchored.get(containerKey(provisionId, parent)) ?? [];
}

export function keyOfAnchor(proposal: Proposal): string | null {
  return proposal.anchor ? containerKey(proposal.anchor.provisionId, proposal.anchor.parent) : null;
}

/** Square brackets are the notation of disagreement; inside text they would be ambiguous. */
export function hasReservedCharacters(text: string): boolean {
  return text.includes('[') || text.includes(']');
}
