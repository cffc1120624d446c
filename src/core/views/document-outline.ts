/**
 * The paragraph-level shape of a compiled text, shared by every notation: which
 * brackets open before a provision and close after it (proposed or opposed paragraphs),
 * where an `OR` separates alternatives, and which remarks and footnote texts follow it.
 */
import type { DocumentState } from '../model/document-state.ts';
import type { Proposal } from '../model/proposal.ts';
import type { Statement } from '../model/statement.ts';

export interface OutlineEntry {
  readonly provisionId: string;
  /** Paragraph-level brackets opening here, outermost first. */
  readonly opens: readonly Proposal[];
  /** Paragraph-level brackets closing after this provision, innermost first. */
  readonly closes: readonly Proposal[];
  /** An `OR` stands before this provision. */
  readonly orBefore: boolean;
  readonly remarksAfter: readonly Proposal[];
  readonly notesAfter: readonly Statement[];
}

// Shared empty lists: most provisions have no brackets around them, and rendering must not allocate per provision for nothing.
const NO_PROPOSALS: readonly Proposal[] = [];
const NO_STATEMENTS: readonly Statement[] = [];

function isBlockProposal(proposal: Proposal): boolean {
  return proposal.status === 'open' && (proposal.kind === 'new-provision' || proposal.kind === 'delete-provision');
}

export function outlineDocument(state: DocumentState): OutlineEntry[] {
  const position = new Map<string, number>();
  for (let index = 0; index < state.order.length; index++) position.set(state.order[index]!, index);
  const spans: { proposal: Proposal; first: number; last: number }[] = [];
  const remarks = new Map<string, Proposal[]>();
  for (const proposal of state.proposals.values()) {
    if (isBlockProposal(proposal)) {
      const indexes = proposal.provisionIds.map((id) => position.get(id)).filter((i): i is number => i !== undefined);
      if (indexes.length > 0) spans.push({ proposal, first: Math.min(...indexes), last: Math.max(...indexes) });
    } else if (proposal.status === 'open' && proposal.kind === 'remark' && !proposal.anchor) {
      const about = proposal.about !== null && position.has(proposal.about) ? proposal.about : (state.order.at(-1) ?? '');
      const list = remarks.get(about) ?? [];
      list.push(proposal);
      remarks.set(about, list);
    }
  }
  // Wider brackets are outer; at equal width the proposed block is outer, an objection to it inner.
  spans.sort((a, b) => b.last - b.first - (a.last - a.first) || rank(a.proposal) - rank(b.proposal));
  const opens = new Map<number, Proposal[]>();
  const closes = new Map<number, Proposal[]>();
  for (const span of spans) {
    (opens.get(span.first) ?? opens.set(span.first, []).get(span.first)!).push(span.proposal);
    (closes.get(span.last) ?? closes.set(span.last, []).get(span.last)!).unshift(span.proposal);
  }

  const orBefore = new Set<string>();
  for (const set of state.optionSets.values()) {
    if (set.status !== 'open') continue;
    const firsts: number[] = [];
    for (const member of set.members) {
      if (member.t === 'provision') {
        const index = position.get(member.id);
        if (index !== undefined) firsts.push(index);
      } else {
        const proposal = state.proposals.get(member.id);
        if (proposal?.status !== 'open') continue;
        const indexes = proposal.provisionIds.map((id) => position.get(id)).filter((i): i is number => i !== undefined);
        if (indexes.length > 0) firsts.push(Math.min(...indexes));
      }
    }
    firsts.sort((a, b) => a - b);
    for (const index of firsts.slice(1)) orBefore.add(state.order[index]!);
  }

  const notes = notesByHome(state, position);
  return state.order.map((provisionId, index) => ({
    provisionId,
    opens: opens.get(index) ?? NO_PROPOSALS,
    closes: closes.get(index) ?? NO_PROPOSALS,
    orBefore: orBefore.has(provisionId),
    remarksAfter: remarks.get(provisionId) ?? NO_PROPOSALS,
    notesAfter: notes.get(provisionId) ?? NO_STATEMENTS,
  }));
}

function rank(proposal: Proposal): number {
  return proposal.kind === 'new-provision' ? 0 : 1;
}

/** Footnote texts go where the draft had them, or after the provision their marker is in. */
function notesByHome(state: DocumentState, position: Map<string, number>): Map<string, Statement[]> {
  const byHome = new Map<string, Statement[]>();
  for (const statement of state.statements.values()) {
    if (statement.layout.placedInside || statement.layout.textless) continue;
    const home = homeOf(state, statement, position);
    if (home === null) continue;
    const list = byHome.get(home) ?? [];
    list.push(statement);
    byHome.set(home, list);
  }
  return byHome;
}

function homeOf(state: DocumentState, statement: Statement, position: Map<string, number>): string | null {
  const placed = statement.layout.placedAfter;
  if (placed !== undefined && position.has(placed)) return placed;
  if (statement.anchor.provisionId !== undefined) return position.has(statement.anchor.provisionId) ? statement.anchor.provisionId : null;
  const proposal = state.proposals.get(statement.anchor.proposalId);
  if (!proposal || proposal.status !== 'open') return null;
  if (proposal.anchor) return position.has(proposal.anchor.provisionId) ? proposal.anchor.provisionId : null;
  const targets = proposal.provisionIds.filter((id) => position.has(id));
  if (targets.length > 0) return targets.reduce((a, b) => (position.get(a)! > position.get(b)! ? a : b));
  return proposal.about !== null && position.has(proposal.about) ? proposal.about : null;
}
