/**
 * How a paragraph put forward as an alternative to another is recorded: a new-provision
 * proposal, and an option set of which at most one member stands. The set either exists
 * already — the target is one of its alternatives, and the new paragraph joins it — or is
 * formed with the target: the status-quo provision itself, or the proposal that puts the
 * target forward when the target is only proposed. Accepting the new paragraph then drops the
 * other proposals of the set and removes the status-quo provisions in it (see `accept`).
 */
import type { DocumentState } from '../model/document-state.ts';
import type { OptionRef } from '../model/option-set.ts';
import { reject, type Rejection } from './rejection.ts';

export type AlternativePlan =
  | {
      readonly ok: true;
      /** The provision after which the new paragraph goes: the last of the alternatives in document order. */
      readonly after: string;
      /** The open option set the new paragraph joins, or null when one is formed with {@link member}. */
      readonly join: string | null;
      /** What the new paragraph is an alternative to, when a set is formed. */
      readonly member: OptionRef;
    }
  | { readonly ok: false; readonly rejection: Rejection };

export function planAlternative(state: DocumentState, provisionId: string): AlternativePlan {
  const provision = state.provisions.get(provisionId);
  if (!provision) return { ok: false, rejection: reject('UNKNOWN_PROVISION', `There is no provision ${provisionId} to put an alternative to.`) };
  const proposer = provision.proposedBy === null ? undefined : state.proposals.get(provision.proposedBy);
  const member: OptionRef = proposer ? { t: 'proposal', id: proposer.id } : { t: 'provision', id: provision.id };
  const set = openSetOf(state, member);
  const members = set ? set.members : [member];
  const position = new Map(state.order.map((id, index) => [id, index]));
  let after = provision.id;
  for (const ref of members) {
    const ids = ref.t === 'provision' ? [ref.id] : (state.proposals.get(ref.id)?.provisionIds ?? []);
    for (const id of ids) if ((position.get(id) ?? -1) > (position.get(after) ?? -1)) after = id;
  }
  return { ok: true, after, join: set ? set.id : null, member };
}

function openSetOf(state: DocumentState, member: OptionRef): { readonly id: string; readonly members: readonly OptionRef[] } | undefined {
  if (member.t === 'proposal') {
    const setId = state.proposals.get(member.id)?.optionSetId ?? null;
    const set = setId === null ? undefined : state.optionSets.get(setId);
    return set?.status === 'open' ? set : undefined;
  }
  for (const set of state.optionSets.values()) {
    if (set.status === 'open' && set.members.some((m) => m.t === 'provision' && m.id === member.id)) return set;
  }
  return undefined;
}
