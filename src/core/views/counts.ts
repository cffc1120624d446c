/**
 * The figures negotiators track: open brackets, option sets, provisions agreed, and per
 * delegation how many proposals it made and where it stands.
 */
import type { DocumentState } from '../model/document-state.ts';
import type { Position } from '../model/position.ts';
import type { Proposal } from '../model/proposal.ts';

export interface DelegationCounts {
  proposals: number;
  /** Positions for the words standing: proposing or supporting text, or objecting to its deletion. */
  for: number;
  /** Positions against the words standing: objecting to text, or proposing its deletion. */
  against: number;
  reserve: number;
}

export interface Counts {
  readonly openProposals: number;
  readonly optionSets: number;
  readonly provisionsAgreed: number;
  readonly provisionsTotal: number;
  readonly perDelegation: Record<string, DelegationCounts>;
}

/**
 * Which way a position points relative to the words, as a bracket's `+` and `-` show it:
 * proposing a deletion is against the words; objecting to a chair's deletion is for them.
 * The proponent of a replacement states both — `old (-X) [new] (+X)` — so it counts twice.
 */
export function directions(proposal: Proposal, position: Position): ('for' | 'against' | 'reserve')[] {
  if (position.stance === 'reserves') return ['reserve'];
  const deletion = proposal.kind === 'delete' || proposal.kind === 'delete-provision';
  const backs = position.stance === 'proposes' || position.stance === 'supports';
  if (proposal.kind === 'replace' && position.stance === 'proposes' && position.delegation === proposal.proponent) return ['for', 'against'];
  return [backs !== deletion ? 'for' : 'against'];
}

export function countState(state: DocumentState): Counts {
  const perDelegation: Record<string, DelegationCounts> = {};
  const of = (code: string): DelegationCounts => (perDelegation[code] ??= { proposals: 0, for: 0, against: 0, reserve: 0 });
  let openProposals = 0;
  for (const proposal of state.proposals.values()) {
    if (proposal.status !== 'open') continue;
    openProposals++;
    if (proposal.proponent !== null && !proposal.byChair) of(proposal.proponent).proposals++;
    for (const position of state.positions.get(proposal.id)?.values() ?? []) {
      for (const way of directions(proposal, position)) of(position.delegation)[way]++;
    }
  }
  let provisionsAgreed = 0;
  let provisionsTotal = 0;
  for (const id of state.order) {
    const provision = state.provisions.get(id);
    if (!provision || provision.kind === 'free-text') continue;
    provisionsTotal++;
    if (provision.status !== 'open') provisionsAgreed++;
  }
  const optionSets = [...state.optionSets.values()].filter((s) => s.status === 'open').length;
  return { openProposals, optionSets, provisionsAgreed, provisionsTotal, perDelegation };
}
