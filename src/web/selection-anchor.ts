/**
 * Where the reader's selection (or caret) falls in the negotiated text, as the server's
 * anchor: a container (a provision's words, or a proposal's words for a nested bracket) and
 * offsets in it. Text runs carry their offset (`data-start`) and sit inside an element that
 * names their container; a selection across containers, or outside text, gives null.
 */
export interface SelectionAnchor {
  readonly provisionId: string;
  readonly parent: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function locate(node: Node, offset: number): { container: Element; at: number } | null {
  if (node.nodeType !== 3) return null;
  const run = node.parentElement?.closest('[data-start]');
  const container = run?.closest('[data-container]');
  if (!run || !container || node.parentElement !== run) return null;
  return { container, at: Number(run.getAttribute('data-start')) + offset };
}

export function selectionAnchor(selection: Selection | null): SelectionAnchor | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const from = locate(range.startContainer, range.startOffset);
  const to = locate(range.endContainer, range.endOffset);
  if (!from || !to || from.container !== to.container) return null;
  const provisionId = from.container.getAttribute('data-container');
  if (!provisionId) return null;
  const parent = from.container.getAttribute('data-parent') || null;
  return { provisionId, parent, start: Math.min(from.at, to.at), end: Math.max(from.at, to.at), text: range.toString() };
}
