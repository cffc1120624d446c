/**
 * What is still open on one provision: the proposals in its words (nested ones included) and
 * the proposals about the provision as a whole (to add, delete or move it, or a remark on it).
 * A measure with any of them is not settled text yet, whatever its agreement status says.
 */
import { containerKey, type DocumentState } from '../model/document-state.ts';
import type { Proposal } from '../model/proposal.ts';

export interface OpenBrackets {
  readonly count: number;
  /** Words put forward in those proposals (insertions, replacements), for search. */
  readonly proposedWords: readonly string[];
}

/** Reads {@link OpenBrackets} for any provision of `state`; the proposals about whole provisions are indexed once. */
export function openBracketReader(state: DocumentState): (provisionId: string) => OpenBrackets {
  const aboutProvision = new Map<string, number>();
  for (const proposal of state.proposals.values()) {
    if (proposal.status !== 'open') continue;
    for (const id of provisionsConcerned(proposal)) aboutProvision.set(id, (aboutProvision.get(id) ?? 0) + 1);
  }
  return (provisionId) => {
    const inWords = openInWords(state, provisionId);
    return { count: inWords.count + (aboutProvision.get(provisionId) ?? 0), proposedWords: inWords.proposedWords };
  };
}

function openInWords(state: DocumentState, provisionId: string): OpenBrackets {
  let count = 0;
  const proposedWords: string[] = [];
  const visit = (key: string): void => {
    for (const id of state.anchored.get(key) ?? []) {
      const proposal = state.proposals.get(id);
      if (proposal?.status !== 'open') continue;
      count++;
      if ((proposal.kind === 'insert' || proposal.kind === 'replace') && proposal.text.trim() !== '') proposedWords.push(proposal.text);
      visit(containerKey('', proposal.id));
    }
  };
  visit(containerKey(provisionId, null));
  return { count, proposedWords };
}

/** The provisions a proposal is about as wholes (not through their words). */
function provisionsConcerned(proposal: Proposal): readonly string[] {
  if (proposal.kind === 'remark') return proposal.anchor === null && proposal.about !== null ? [proposal.about] : [];
  return proposal.kind === 'new-provision' || proposal.kind === 'delete-provision' || proposal.kind === 'move' ? proposal.provisionIds : [];
}
