/**
 * Whether a draft still means what it meant when it was saved. A text proposal's offsets
 * count from the start of its container (a provision's status-quo words, or an open
 * proposal's words), and a draft's offsets are not kept current as the text changes, so the
 * draft is sound exactly while everything in its container up to the end of its range is
 * unchanged. Words after the range may change (an accepted proposal further on): the offsets
 * still point at the same words. Any other change — rather than guessing where the words went —
 * is reported, and tabling is refused until the delegation anchors the draft again.
 */
import type { DocumentState } from '../../core/index.ts';
import type { DraftProposal } from '../../protocol/schemas.ts';

const CONTEXT_CHARS = 60;

type Anchor = NonNullable<DraftProposal['anchor']>;

/** The words of the anchor's container now; undefined when the container is gone or closed. */
export function containerText(state: DocumentState, anchor: Anchor): string | undefined {
  if (!state.provisions.has(anchor.provisionId)) return undefined;
  if (anchor.parent) {
    const parent = state.proposals.get(anchor.parent);
    return parent?.status === 'open' ? parent.text : undefined;
  }
  return state.provisions.get(anchor.provisionId)?.text;
}

/** Why the draft no longer applies where it was written (in English, for the problem's detail); null while it does. */
export function whyMoved(state: DocumentState, proposal: DraftProposal, anchoredText: string | null): string | null {
  const anchor = proposal.anchor;
  if (!anchor || anchoredText === null) return null;
  if (!state.provisions.has(anchor.provisionId)) return 'the provision is no longer in the document';
  const now = containerText(state, anchor);
  if (now === undefined) return `the bracket it amends (proposal ${anchor.parent ?? ''}) has been settled or withdrawn`;
  if (now.slice(0, anchor.end) !== anchoredText.slice(0, anchor.end)) return 'the words of the paragraph up to them have changed since (a proposal was accepted or dropped)';
  return null;
}

/** The words a draft would change, with some of the text either side, as they stood when it was saved. */
export function anchorContext(proposal: DraftProposal, anchoredText: string | null): { before: string; words: string; after: string } | null {
  const anchor = proposal.anchor;
  if (!anchor || anchoredText === null) return null;
  return {
    before: anchoredText.slice(Math.max(0, anchor.start - CONTEXT_CHARS), anchor.start),
    words: anchoredText.slice(anchor.start, anchor.end),
    after: anchoredText.slice(anchor.end, anchor.end + CONTEXT_CHARS),
  };
}
