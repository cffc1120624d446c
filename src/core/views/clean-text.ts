/**
 * The clean views — agreed, and as a delegation wants it — rendered as plain text:
 * no brackets, no markers, no footnotes; one paragraph per provision.
 */
import type { DocumentState } from '../model/document-state.ts';
import type { Provision } from '../model/provision.ts';
import { caseForContext } from './case-toggle.ts';
import { buildInlineTree, proposalContainer, provisionContainer, type Container, type InlineNode } from './inline-tree.ts';
import type { Resolution } from './resolution.ts';

export function visibleProvisions(state: DocumentState, resolution: Resolution): Provision[] {
  const hidden = new Set<string>();
  for (const proposal of state.proposals.values()) {
    if (proposal.status !== 'open') continue;
    if (proposal.kind === 'new-provision' && !resolution.isApplied(proposal.id)) proposal.provisionIds.forEach((id) => hidden.add(id));
    if (proposal.kind === 'delete-provision' && resolution.isApplied(proposal.id)) proposal.provisionIds.forEach((id) => hidden.add(id));
  }
  let order = state.order.filter((id) => !hidden.has(id) && !resolution.isReplaced(id));
  for (const proposal of state.proposals.values()) {
    if (proposal.status !== 'open' || proposal.kind !== 'move' || !resolution.isApplied(proposal.id)) continue;
    const moving = new Set(proposal.provisionIds);
    const rest = order.filter((id) => !moving.has(id));
    const at = proposal.moveAfter === null ? 0 : rest.indexOf(proposal.moveAfter) + 1;
    rest.splice(at, 0, ...order.filter((id) => moving.has(id)));
    order = rest;
  }
  return order.map((id) => state.provisions.get(id)).filter((p): p is Provision => p !== undefined);
}

/** The words of one provision with the view's choices applied. */
export function cleanProvisionText(state: DocumentState, provision: Provision, resolution: Resolution): string {
  let out = '';
  const emitContainer = (container: Container, nodes: readonly InlineNode[]): void => {
    for (const node of nodes) {
      if (node.t === 'text') {
        emitRun(container, node.text, node.start);
        continue;
      }
      const { proposal } = node;
      const applied = resolution.isApplied(proposal.id);
      if (proposal.kind === 'insert' || proposal.kind === 'replace') {
        if (applied) {
          const inner = proposalContainer(proposal);
          emitContainer(inner, buildInlineTree(state, inner));
        } else if (proposal.kind === 'replace') emitContainer(container, node.covered);
      } else if (proposal.kind === 'delete') {
        if (!applied) emitContainer(container, node.covered);
      }
    }
  };
  const emitRun = (container: Container, text: string, start: number): void => {
    let last = 0;
    for (const toggle of container.toggles) {
      const at = toggle.at - start;
      if (at < 0 || at >= text.length) continue;
      // The words before the letter are its context, so they go out first.
      out += text.slice(last, at);
      out += caseForContext(text[at]!, out);
      last = at + 1;
    }
    out += text.slice(last);
  };
  const container = provisionContainer(state, provision.id);
  if (container) emitContainer(container, buildInlineTree(state, container));
  return out;
}

export function labelPrefix(provision: Provision): string {
  const { layout } = provision;
  if (provision.label === null) return layout.prefix ?? '';
  // A label written against its text ("2.2.5²~~…") still needs a space once the marker is gone.
  return (layout.prefix ?? '') + (layout.labelRaw ?? provision.label) + (layout.afterLabel || ' ');
}

/** Removing words leaves doubled spaces and spaces before punctuation; tidy them. */
export function tidy(text: string): string {
  return text
    .replace(/ {2,}/gu, ' ')
    .replace(/ +([,.;:])/gu, '$1')
    .replace(/[ \t]+$/gmu, (match) => (match.includes('\t') ? match : ''))
    .trim();
}

/** One paragraph per visible provision. */
export function renderCleanSections(state: DocumentState, resolution: Resolution): { provisionId: string; paragraphs: string[] }[] {
  return visibleProvisions(state, resolution).map((provision) => ({
    provisionId: provision.id,
    paragraphs: [tidy(labelPrefix(provision) + cleanProvisionText(state, provision, resolution))],
  }));
}
