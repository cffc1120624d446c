/** Small constructors for events in tests: `at` and `actor` filled in, ids explicit. */
import type { Actor, ParleyEvent, ProposalInput, ProvisionInput } from '../../src/core/events/event.ts';
import type { Stance } from '../../src/core/model/position.ts';

export const T0 = '2021-06-02T08:00:00.000Z';

export function delegate(code: string): Actor {
  return { user: `user-${code.toLowerCase()}`, delegation: code, role: 'delegate' };
}

export const CHAIR: Actor = { user: 'chair', delegation: null, role: 'chair' };
export const SECRETARIAT: Actor = { user: 'secretariat', delegation: null, role: 'secretariat' };

export function created(documentId = 'doc'): ParleyEvent {
  return { type: 'document.created', at: T0, actor: SECRETARIAT, data: { documentId, title: 'Test', notation: 'cica' } };
}

export function provision(id: string, label: string | null, text: string, after: string | null = null): ParleyEvent {
  const input: ProvisionInput = { id, kind: 'paragraph', label, text };
  return { type: 'provision.added', at: T0, actor: SECRETARIAT, data: { provision: input, after } };
}

export function propose(code: string, input: ProposalInput): ParleyEvent {
  return { type: 'proposal.made', at: T0, actor: delegate(code), data: { proposal: input } };
}

export function chairProposes(input: ProposalInput): ParleyEvent {
  return { type: 'chair.proposal.made', at: T0, actor: CHAIR, data: { proposal: input } };
}

export function position(code: string, proposalId: string, stance: Stance, reason: string | null = null): ParleyEvent {
  return { type: 'position.taken', at: T0, actor: delegate(code), data: { proposalId, delegation: code, stance, reason } };
}

export function consensus(proposalId: string, outcome: 'accept' | 'drop'): ParleyEvent {
  return { type: 'consensus.declared', at: T0, actor: CHAIR, data: { proposalId, outcome } };
}

export function revision(number: number): ParleyEvent {
  return { type: 'revision.issued', at: T0, actor: CHAIR, data: { number, label: `Rev.${number}` } };
}

export function insert(id: string, provisionId: string, at: number, text: string, proponent: string, parent: string | null = null): ProposalInput {
  return { id, kind: 'insert', proponent, anchor: { provisionId, parent, start: at, end: at }, text };
}

export function remove(id: string, provisionId: string, start: number, end: number, proponent: string, parent: string | null = null): ProposalInput {
  return { id, kind: 'delete', proponent, anchor: { provisionId, parent, start, end } };
}

export function replace(id: string, provisionId: string, start: number, end: number, text: string, proponent: string): ProposalInput {
  return { id, kind: 'replace', proponent, anchor: { provisionId, parent: null, start, end }, text };
}
