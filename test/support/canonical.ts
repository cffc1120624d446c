/**
 * A state without its ids and layout hints: what must survive a render → import round
 * trip. Provisions are named by their place; proposals by what they do and where.
 */
import type { DocumentState } from '../../src/core/model/document-state.ts';
import type { Proposal } from '../../src/core/model/proposal.ts';

export function canonical(state: DocumentState): unknown {
  const index = new Map(state.order.map((id, i) => [id, i]));
  const keyCache = new Map<string, string>();
  const key = (proposal: Proposal): string => {
    const cached = keyCache.get(proposal.id);
    if (cached) return cached;
    const parent = proposal.anchor?.parent ? state.proposals.get(proposal.anchor.parent) : undefined;
    const where = proposal.anchor
      ? `${index.get(proposal.anchor.provisionId)}/${parent ? key(parent) : '-'}/${proposal.anchor.start}-${proposal.anchor.end}`
      : proposal.provisionIds.map((id) => index.get(id)).join(',');
    const value = `${proposal.kind}:${proposal.byChair ? 'chair' : proposal.proponent}:${where}:${proposal.text}`;
    keyCache.set(proposal.id, value);
    return value;
  };
  const provisions = state.order.map((id) => {
    const p = state.provisions.get(id)!;
    return { kind: p.kind, label: p.label, text: p.text, proposed: p.proposedBy !== null };
  });
  const proposals = [...state.proposals.values()]
    .filter((p) => p.status === 'open')
    .map((p) => ({
      key: key(p),
      positions: [...(state.positions.get(p.id)?.values() ?? [])].map((x) => `${x.delegation}:${x.stance}:${x.reason ?? ''}`).sort(),
    }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.positions.join().localeCompare(b.positions.join()));
  // Statements on text that is gone (a dropped proposal, a deleted paragraph) are history, not text.
  const statements = [...state.statements.values()]
    .filter((s) => (s.anchor.proposalId !== undefined ? state.proposals.get(s.anchor.proposalId)?.status === 'open' : index.has(s.anchor.provisionId)))
    .map((s) => {
      const anchor = s.anchor.proposalId !== undefined ? key(state.proposals.get(s.anchor.proposalId)!) : `${index.get(s.anchor.provisionId)}@${String(s.anchor.at)}`;
      return `${s.kind}:${s.by ?? ''}:${anchor}:${s.text}`;
    })
    .sort();
  return { provisions, proposals, statements };
}
