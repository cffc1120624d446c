/**
 * The side panel of one proposal: what it is, every delegation's position with its reason,
 * and what the signed-in user may do — a delegate for their delegation (support, object with
 * an optional reason, reserve, withdraw), the chair (declare consensus). The server decides
 * in the end; the panel only offers what the user's role allows.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { DocumentState, Proposal } from '../../core/index.ts';
import { ApiError } from '../api.ts';
import { delegationColour } from '../delegation-colour.ts';
import { useT } from '../i18n/use-t.ts';
import { chipText, positionsOf, proponentName, stanceLabel } from './Chips.tsx';
import { TimeStamp } from './TimeStamp.tsx';

export interface Actions {
  takePosition(proposalId: string, stance: 'supports' | 'objects' | 'reserves', reason: string | null): Promise<unknown>;
  withdrawPosition(proposalId: string): Promise<unknown>;
  withdrawProposal(proposalId: string): Promise<unknown>;
  declareConsensus(proposalId: string, outcome: 'accept' | 'drop'): Promise<unknown>;
}

export function ProposalPanel({
  state,
  proposal,
  delegation,
  isChair,
  actions,
  onClose,
  children,
}: {
  readonly state: DocumentState;
  readonly proposal: Proposal;
  readonly delegation: string | null;
  readonly isChair: boolean;
  readonly actions: Actions;
  readonly onClose: () => void;
  /** More about the proposal below the actions (its history, statements). */
  readonly children?: ReactNode;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const positions = positionsOf(state, proposal.id);
  const own = delegation === null ? undefined : positions.find((p) => p.delegation === delegation);
  const open = proposal.status === 'open';

  const perform = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setReason('');
      setMessage(t('action.done'));
    } catch (error) {
      setMessage(error instanceof ApiError || error instanceof Error ? error.message : t('error.title'));
    } finally {
      setBusy(false);
    }
  };
  const run = (action: () => Promise<unknown>) => (): void => void perform(action);
  const text = proposal.text.trim();
  // A proposal chosen in the text opens here: the focus follows, so a keyboard user acts on it next (the page does not scroll).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [proposal.id]);

  return (
    <aside className="panel" aria-labelledby="panel-heading">
      <div className="panel-head">
        <h2 id="panel-heading" ref={heading} tabIndex={-1}>
          {t('panel.heading')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('panel.close')}
        </button>
      </div>
      <p>
        <span className="swatch" style={{ background: delegationColour(proposal.proponent) }} aria-hidden="true" />{' '}
        {t('bracket.label', { kind: t(`kind.${proposal.kind}`), delegation: proponentName(t, proposal) })}
      </p>
      {text ? <p>{t('panel.text', { text })}</p> : null}
      <p>{t('panel.status', { status: proposal.status })}</p>
      {proposal.madeAt.startsWith('1970') ? null : (
        <p>
          <FormattedMessage id="panel.madeAt" values={{ date: <TimeStamp at={proposal.madeAt} /> }} />
        </p>
      )}
      <h3>{t('panel.positions', { count: positions.length })}</h3>
      <ul className="positions">
        {positions.map((position) => (
          <li key={position.delegation}>
            <span className="chip">{chipText(proposal, position)}</span> {stanceLabel(t, proposal, position)}
            {position.reason ? <span className="reason"> — {t('panel.reason', { reason: position.reason })}</span> : null}
          </li>
        ))}
      </ul>
      {open && delegation !== null ? (
        <section className="actions" aria-label={t('action.heading', { delegation })}>
          <h3>{t('action.heading', { delegation })}</h3>
          <label>
            {t('action.reasonLabel')}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </label>
          <div className="buttons">
            <button type="button" disabled={busy} onClick={run(() => actions.takePosition(proposal.id, 'supports', reason.trim() || null))}>
              {t('action.support')}
            </button>
            <button type="button" disabled={busy} onClick={run(() => actions.takePosition(proposal.id, 'objects', reason.trim() || null))}>
              {t('action.object')}
            </button>
            <button type="button" disabled={busy} onClick={run(() => actions.takePosition(proposal.id, 'reserves', reason.trim() || null))}>
              {t('action.reserve')}
            </button>
            {own && own.stance !== 'proposes' ? (
              <button type="button" disabled={busy} onClick={run(() => actions.withdrawPosition(proposal.id))}>
                {t('action.withdrawPosition')}
              </button>
            ) : null}
            {proposal.proponent === delegation && !proposal.byChair ? (
              <button type="button" disabled={busy} onClick={run(() => actions.withdrawProposal(proposal.id))}>
                {t('action.withdrawProposal')}
              </button>
            ) : null}
          </div>
        </section>
      ) : null}
      {open && isChair ? (
        <section className="actions" aria-label={t('chair.heading')}>
          <h3>{t('chair.heading')}</h3>
          <div className="buttons">
            <button type="button" disabled={busy} onClick={run(() => actions.declareConsensus(proposal.id, 'accept'))}>
              {t('chair.accept')}
            </button>
            <button type="button" disabled={busy} onClick={run(() => actions.declareConsensus(proposal.id, 'drop'))}>
              {t('chair.drop')}
            </button>
          </div>
        </section>
      ) : null}
      {message ? (
        <p role="status" className="message">
          {message}
        </p>
      ) : null}
      {children}
    </aside>
  );
}
