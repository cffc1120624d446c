/**
 * What follows a bracket: the delegations' positions as chips (`+ISR`, `−IND`, `?CHN`), the
 * proponent's code when it has no position of its own, all inside one button that selects
 * the proposal. The delegation is always written, so colour is never the only signal.
 */
import { directions, type DocumentState, type Position, type Proposal } from '../../core/index.ts';
import { delegationColour } from '../delegation-colour.ts';
import { useT, type T } from '../i18n/use-t.ts';

const SIGN = { for: '+', against: '−', reserve: '?' } as const;

export function positionsOf(state: DocumentState, proposalId: string): Position[] {
  return [...(state.positions.get(proposalId)?.values() ?? [])];
}

export function chipText(proposal: Proposal, position: Position): string {
  return `${SIGN[directions(proposal, position)[0] ?? 'for']}${position.delegation}`;
}

export function proponentName(t: T, proposal: Proposal): string {
  if (proposal.byChair) return t('bracket.byChair');
  return proposal.proponent ?? t('bracket.unattributed');
}

export function stanceLabel(t: T, proposal: Proposal, position: Position): string {
  const values = { delegation: position.delegation };
  if (position.stance === 'proposes' && directions(proposal, position)[0] === 'against') return t('stance.against', values);
  return t(`stance.${position.stance}`, values);
}

export function Chips({ state, proposal, selected, onSelect }: { readonly state: DocumentState; readonly proposal: Proposal; readonly selected: boolean; readonly onSelect: (id: string) => void }) {
  const t = useT();
  const positions = positionsOf(state, proposal.id);
  const proponentHasChip = positions.some((p) => p.delegation === proposal.proponent);
  const description = [t('bracket.label', { kind: t(`kind.${proposal.kind}`), delegation: proponentName(t, proposal) }), ...positions.map((p) => stanceLabel(t, proposal, p))].join('; ');
  // The name starts with the chips as shown (WCAG 2.5.3, label in name), so a voice-control user can say what they see.
  const shown = (proponentHasChip ? '' : proposal.byChair ? 'CHAIR' : (proposal.proponent ?? '?')) + positions.map((p) => chipText(proposal, p)).join('');
  const label = `${shown}: ${description}`;
  return (
    <button type="button" className={`chips${selected ? ' selected' : ''}`} aria-label={label} aria-pressed={selected} data-proposal={proposal.id} onClick={() => onSelect(proposal.id)}>
      {proponentHasChip ? null : (
        <span className="chip proponent" style={{ color: delegationColour(proposal.proponent) }}>
          {proposal.byChair ? 'CHAIR' : (proposal.proponent ?? '?')}
        </span>
      )}
      {positions.map((position) => (
        <span key={position.delegation} className={`chip ${directions(proposal, position)[0] ?? 'for'}`} style={{ borderColor: delegationColour(position.delegation) }}>
          {chipText(proposal, position)}
        </span>
      ))}
    </button>
  );
}
