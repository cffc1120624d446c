/**
 * What the proposal panel adds below the positions: the proposal's history read from the
 * log the browser already folded (recomputed when the document's version changes), and the
 * form to attach a statement to the proposal.
 */
import { useMemo } from 'react';
import { proposalHistory, type ParleyEvent } from '../../core/index.ts';
import type { StatementInput } from '../api.ts';
import { ProposalHistory } from './ProposalHistory.tsx';
import { StatementForm } from './StatementForm.tsx';

export function ProposalRecord({
  events,
  version,
  proposalId,
  delegation,
  isChair,
  onAddStatement,
}: {
  readonly events: readonly ParleyEvent[];
  /** The version of the log; `events` is appended in place, so this is what says it changed. */
  readonly version: number;
  readonly proposalId: string;
  readonly delegation: string | null;
  readonly isChair: boolean;
  readonly onAddStatement: (body: StatementInput) => Promise<unknown>;
}) {
  // `version` stands for the log's contents, which grow in place.
  const history = useMemo(() => proposalHistory(events, proposalId), [events, proposalId, version]);
  return (
    <>
      {history ? <ProposalHistory entries={history.entries} /> : null}
      {delegation !== null || isChair ? <StatementForm key={proposalId} anchor={{ proposalId }} delegation={delegation} isChair={isChair} onAdd={onAddStatement} /> : null}
    </>
  );
}
