/**
 * The words of one container (a provision's text or a proposal's text) as a tree:
 * runs of text, and the open proposals anchored in it, each holding what it brackets.
 * Notations and views walk this tree; none of them needs to know about offsets.
 */
import { containerKey, type DocumentState } from '../model/document-state.ts';
import type { Proposal } from '../model/proposal.ts';
import type { CaseToggle } from '../model/provision.ts';

export interface TextRun {
  readonly t: 'text';
  readonly text: string;
  /** Offset of the run in its container, to find toggles and footnote markers. */
  readonly start: number;
}

export interface ProposalNode {
  readonly t: 'proposal';
  readonly proposal: Proposal;
  /** For a delete or replace: the container's words it covers, with what nests in them. */
  readonly covered: readonly InlineNode[];
}

export type InlineNode = TextRun | ProposalNode;

export interface Container {
  readonly provisionId: string;
  readonly parent: string | null;
  readonly text: string;
  readonly toggles: readonly CaseToggle[];
}

/** Open proposals anchored in a container, in the order they render. */
function anchoredOpen(state: DocumentState, container: Container): Proposal[] {
  const ids = state.anchored.get(containerKey(container.provisionId, container.parent));
  if (ids === undefined || ids.length === 0) return NO_PROPOSALS;
  const found: Proposal[] = [];
  for (const id of ids) {
    const proposal = state.proposals.get(id);
    if (proposal?.status === 'open' && proposal.anchor) found.push(proposal);
  }
  if (found.length < 2 || isInRenderOrder(found)) return found;
  // By start; at one point insertions come before ranges, wider ranges before narrower, then by
  // age (their order in `ids`; ties are rare, so the lookup is only paid for them).
  return found.sort((a, b) => {
    const x = a.anchor!;
    const y = b.anchor!;
    if (x.start !== y.start) return x.start - y.start;
    const xPoint = x.start === x.end;
    const yPoint = y.start === y.end;
    if (xPoint !== yPoint) return xPoint ? -1 : 1;
    if (x.end !== y.end) return y.end - x.end;
    return ids.indexOf(a.id) - ids.indexOf(b.id);
  });
}

const NO_PROPOSALS: Proposal[] = [];

/** Proposals are usually made left to right; then there is nothing to sort. */
function isInRenderOrder(proposals: readonly Proposal[]): boolean {
  for (let i = 1; i < proposals.length; i++) {
    const a = proposals[i - 1]!.anchor!;
    const b = proposals[i]!.anchor!;
    // Strictly apart (a ends before b starts, and neither is a point at b's start): order is clear.
    if (!(a.end <= b.start && a.start < b.start)) return false;
  }
  return true;
}

export function buildInlineTree(state: DocumentState, container: Container): InlineNode[] {
  const proposals = anchoredOpen(state, container);
  if (proposals.length === 0) return container.text === '' ? [] : [{ t: 'text', text: container.text, start: 0 }];
  return build({ proposals, text: container.text, next: 0 }, 0, container.text.length, true);
}

/** The proposals of one container in render order, and the next one not yet placed in the tree. */
interface TreeWalk {
  readonly proposals: readonly Proposal[];
  readonly text: string;
  next: number;
}

/** Insertions cover nothing: they share one empty list. */
const NOTHING_COVERED: readonly InlineNode[] = [];

/** The nodes of `[from, to)`. Points at the very end of a range render after it, so they belong to the enclosing level. */
function build(walk: TreeWalk, from: number, to: number, top: boolean): InlineNode[] {
  const out: InlineNode[] = [];
  const { proposals, text } = walk;
  let position = from;
  while (walk.next < proposals.length) {
    const proposal = proposals[walk.next]!;
    const { start, end } = proposal.anchor!;
    if (start > to || (start === to && !top)) break;
    if (start > position) out.push({ t: 'text', text: text.slice(position, start), start: position });
    walk.next += 1;
    if (start === end) {
      out.push({ t: 'proposal', proposal, covered: NOTHING_COVERED });
      position = Math.max(position, start);
    } else {
      out.push({ t: 'proposal', proposal, covered: build(walk, start, end, false) });
      position = end;
    }
  }
  if (position < to) out.push({ t: 'text', text: text.slice(position, to), start: position });
  return out;
}

export function provisionContainer(state: DocumentState, provisionId: string): Container | null {
  const provision = state.provisions.get(provisionId);
  return provision ? { provisionId, parent: null, text: provision.text, toggles: provision.toggles } : null;
}

export function proposalContainer(proposal: Proposal): Container {
  return { provisionId: proposal.anchor?.provisionId ?? '', parent: proposal.id, text: proposal.text, toggles: proposal.toggles };
}
