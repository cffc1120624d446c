/**
 * Which open proposals a clean view applies. `agreed` applies none (every open question
 * falls back to the status quo); `as X` applies exactly those X proposes or supports,
 * choosing within each option set the first alternative X is for.
 */
import type { DocumentState } from '../model/document-state.ts';
import { isFor } from '../model/position.ts';
import type { ViewSpec } from './view-spec.ts';

export interface Resolution {
  isApplied(proposalId: string): boolean;
  /** Status-quo provisions that an applied alternative replaces. */
  isReplaced(provisionId: string): boolean;
}

export function resolve(state: DocumentState, view: ViewSpec): Resolution {
  if (view.kind !== 'as') return { isApplied: () => false, isReplaced: () => false };
  const delegation = view.delegation;
  const wants = (proposalId: string): boolean => {
    const stance = state.positions.get(proposalId)?.get(delegation)?.stance;
    return stance !== undefined && isFor(stance);
  };
  const applied = new Set<string>();
  const replaced = new Set<string>();
  const decided = new Set<string>();
  for (const set of state.optionSets.values()) {
    if (set.status !== 'open') continue;
    const chosen = set.members.find((m) => m.t === 'proposal' && state.proposals.get(m.id)?.status === 'open' && wants(m.id));
    for (const member of set.members) if (member.t === 'proposal') decided.add(member.id);
    if (!chosen) continue;
    applied.add(chosen.id);
    for (const member of set.members) if (member.t === 'provision') replaced.add(member.id);
  }
  for (const proposal of state.proposals.values()) {
    if (proposal.status === 'open' && !decided.has(proposal.id) && wants(proposal.id)) applied.add(proposal.id);
  }
  return { isApplied: (id) => applied.has(id), isReplaced: (id) => replaced.has(id) };
}
