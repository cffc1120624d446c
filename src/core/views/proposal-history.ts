/**
 * The history of one proposal, read from the event log: who made it and when, every
 * position taken, changed or withdrawn (with its reason), the amendments made to its words,
 * the alternatives it was put against, the statements attached to it, and how it closed —
 * by consensus, by withdrawal, or as the consequence of another decision (its parent
 * dropped, an alternative accepted, its words deleted). The log is folded alongside, because
 * consequences are visible only in the state: no event names the proposals it closes.
 */
import { applyEvent } from '../events/apply.ts';
import type { Actor, EventType, ParleyEvent } from '../events/event.ts';
import { importedLength } from '../events/imported.ts';
import { emptyState, type DocumentState } from '../model/document-state.ts';
import type { OptionRef } from '../model/option-set.ts';
import type { Stance } from '../model/position.ts';
import type { Proposal, ProposalKind, ProposalStatus } from '../model/proposal.ts';
import type { Statement } from '../model/statement.ts';

interface EntryBase {
  /** The document version the event made (its place in the log, from 1). */
  readonly version: number;
  readonly at: string;
  readonly actor: Actor;
  /** Recorded from the imported draft rather than done in Parley. */
  readonly imported: boolean;
}

/** What an alternative or an amendment is, as it stood when the entry was made. */
export interface ProposalRef {
  readonly id: string;
  readonly kind: ProposalKind;
  readonly proponent: string | null;
  readonly byChair: boolean;
}

export type AlternativeRef =
  | { readonly t: 'provision'; readonly id: string; readonly label: string | null }
  | { readonly t: 'proposal'; readonly proposal: ProposalRef };

export type HistoryEntry = EntryBase &
  (
    | { readonly t: 'made'; readonly proposal: Proposal; readonly reason: string | null }
    | { readonly t: 'position'; readonly delegation: string; readonly stance: Stance; readonly previous: Stance | null; readonly reason: string | null }
    | { readonly t: 'position-withdrawn'; readonly delegation: string; readonly stance: Stance }
    | { readonly t: 'amendment'; readonly proposal: ProposalRef; readonly text: string }
    | { readonly t: 'alternative'; readonly other: AlternativeRef }
    | { readonly t: 'statement'; readonly statement: Statement }
    | {
        readonly t: 'closed';
        readonly status: Exclude<ProposalStatus, 'open'>;
        /** `consensus` and `withdrawal` close this proposal itself; `consequence` is another event's effect. */
        readonly cause: 'consensus' | 'withdrawal' | 'consequence';
        readonly causeType: EventType;
        /** The proposal the causing event was about, when it names one. */
        readonly causeProposal: ProposalRef | null;
      }
  );

export interface ProposalHistory {
  readonly proposalId: string;
  readonly entries: readonly HistoryEntry[];
}

/** Null when the log never made the proposal. */
export function proposalHistory(events: readonly ParleyEvent[], proposalId: string): ProposalHistory | null {
  const state = emptyState();
  const imported = importedLength(events);
  const entries: HistoryEntry[] = [];
  let made = false;
  for (const [index, event] of events.entries()) {
    const before = made ? state.proposals.get(proposalId) : undefined;
    const previous = made ? readPosition(state, event, proposalId) : undefined;
    const setBefore = before?.optionSetId ?? null;
    const membersBefore = setBefore === null ? [] : (state.optionSets.get(setBefore)?.members ?? []);
    applyEvent(state, event);
    const base: EntryBase = { version: index + 1, at: event.at, actor: event.actor, imported: index < imported };
    if (!made) {
      const proposal = state.proposals.get(proposalId);
      if (!proposal) continue;
      made = true;
      entries.push({ ...base, t: 'made', proposal, reason: state.positions.get(proposalId)?.get(proposal.proponent ?? '')?.reason ?? null });
      continue;
    }
    entries.push(...direct(state, event, proposalId, base, previous));
    const after = state.proposals.get(proposalId);
    if (after && after.optionSetId !== null) {
      const known = new Set(membersBefore.map(key));
      const members = state.optionSets.get(after.optionSetId)?.members ?? [];
      for (const member of members) {
        if (known.has(key(member)) || (member.t === 'proposal' && member.id === proposalId)) continue;
        entries.push({ ...base, t: 'alternative', other: describe(state, member) });
      }
    }
    if (before?.status === 'open' && after && after.status !== 'open') {
      entries.push({ ...base, t: 'closed', status: after.status, ...closingCause(state, event, proposalId) });
    }
  }
  return made ? { proposalId, entries } : null;
}

/** The stance a position event is about to replace or withdraw, read before the event applies. */
function readPosition(state: DocumentState, event: ParleyEvent, proposalId: string): Stance | null | undefined {
  if ((event.type !== 'position.taken' && event.type !== 'position.withdrawn') || event.data.proposalId !== proposalId) return undefined;
  return state.positions.get(proposalId)?.get(event.data.delegation)?.stance ?? null;
}

/** Entries for events that name the proposal (or its words) directly. */
function direct(state: DocumentState, event: ParleyEvent, proposalId: string, base: EntryBase, previous: Stance | null | undefined): HistoryEntry[] {
  switch (event.type) {
    case 'position.taken':
      if (event.data.proposalId !== proposalId) return [];
      return [{ ...base, t: 'position', delegation: event.data.delegation, stance: event.data.stance, previous: previous ?? null, reason: event.data.reason ?? null }];
    case 'position.withdrawn':
      if (event.data.proposalId !== proposalId || !previous) return [];
      return [{ ...base, t: 'position-withdrawn', delegation: event.data.delegation, stance: previous }];
    case 'proposal.made':
    case 'chair.proposal.made': {
      if (event.data.proposal.anchor?.parent !== proposalId) return [];
      const amendment = state.proposals.get(event.data.proposal.id);
      return amendment ? [{ ...base, t: 'amendment', proposal: refOf(amendment), text: amendment.text }] : [];
    }
    case 'statement.added': {
      if (event.data.statement.anchor.proposalId !== proposalId) return [];
      const statement = state.statements.get(event.data.statement.id);
      return statement ? [{ ...base, t: 'statement', statement }] : [];
    }
    default:
      return [];
  }
}

function closingCause(state: DocumentState, event: ParleyEvent, proposalId: string): Pick<Extract<HistoryEntry, { t: 'closed' }>, 'cause' | 'causeType' | 'causeProposal'> {
  const named = 'proposalId' in event.data && typeof event.data.proposalId === 'string' ? event.data.proposalId : null;
  const causeProposal = named === null ? null : state.proposals.get(named);
  if (named === proposalId && event.type === 'consensus.declared') return { cause: 'consensus', causeType: event.type, causeProposal: null };
  if (named === proposalId && event.type === 'proposal.withdrawn') return { cause: 'withdrawal', causeType: event.type, causeProposal: null };
  return { cause: 'consequence', causeType: event.type, causeProposal: causeProposal ? refOf(causeProposal) : null };
}

function refOf(proposal: Proposal): ProposalRef {
  return { id: proposal.id, kind: proposal.kind, proponent: proposal.proponent, byChair: proposal.byChair };
}

function describe(state: DocumentState, member: OptionRef): AlternativeRef {
  if (member.t === 'provision') return { t: 'provision', id: member.id, label: state.provisions.get(member.id)?.label ?? null };
  const proposal = state.proposals.get(member.id);
  // Members of a set exist when it forms or is joined (the engine checks), and proposals are never deleted.
  return { t: 'proposal', proposal: proposal ? refOf(proposal) : { id: member.id, kind: 'new-provision', proponent: null, byChair: false } };
}

function key(member: OptionRef): string {
  return `${member.t}:${member.id}`;
}
