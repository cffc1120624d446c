/**
 * The side panel of one provision: its agreement status, the statements on it, and what the
 * signed-in user may do — the chair records it agreed ad referendum (once no bracket remains
 * on it) or adopted; a delegate or the chair adds a statement or puts a new paragraph forward
 * after it or as an alternative to it.
 */
import { useState } from 'react';
import type { DocumentState, Proposal, Provision } from '../../core/index.ts';
import type { ParagraphInput, StatementInput } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { AgreementBadge } from './AgreementBadge.tsx';
import { ParagraphForm } from './ParagraphForm.tsx';
import { StatementForm } from './StatementForm.tsx';
import { TimeStamp } from './TimeStamp.tsx';

export interface ProvisionActions {
  readonly addStatement: (body: StatementInput) => Promise<unknown>;
  readonly agree: (provisionId: string, status: 'agreed-ad-ref' | 'adopted') => Promise<unknown>;
  readonly proposeParagraph: (paragraph: ParagraphInput) => Promise<unknown>;
}

/** Open proposals that keep the provision from being agreed: brackets in its words, around it, or remarks on it. */
export function openProposalsOn(state: DocumentState, provisionId: string): Proposal[] {
  return [...state.proposals.values()].filter(
    (p) => p.status === 'open' && (p.anchor?.provisionId === provisionId || p.provisionIds.includes(provisionId) || p.about === provisionId),
  );
}

export function ProvisionPanel({
  state,
  provision,
  delegation,
  isChair,
  actions,
  onSelectProposal,
  onClose,
}: {
  readonly state: DocumentState;
  readonly provision: Provision;
  readonly delegation: string | null;
  readonly isChair: boolean;
  readonly actions: ProvisionActions;
  readonly onSelectProposal: (proposalId: string) => void;
  readonly onClose: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const label = provision.layout.labelRaw ?? provision.label;
  const open = openProposalsOn(state, provision.id);
  const statements = [...state.statements.values()].filter((s) => s.anchor.provisionId === provision.id);

  const agree = async (status: 'agreed-ad-ref' | 'adopted'): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      await actions.agree(provision.id, status);
      setMessage(t('action.done'));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : t('error.title'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="panel provision-panel" aria-labelledby="provision-panel-heading">
      <div className="panel-head">
        <h2 id="provision-panel-heading">{label === null ? t('paragraph.unlabelled') : t('paragraph.heading', { label })}</h2>
        <button type="button" onClick={onClose}>
          {t('panel.close')}
        </button>
      </div>
      <p>
        {t('paragraph.status')} {provision.status === 'open' ? t('agreement.open') : <AgreementBadge status={provision.status} />}
      </p>
      {provision.proposedBy !== null ? (
        <p>
          {t('paragraph.onlyProposed')}{' '}
          <button type="button" className="link" onClick={() => onSelectProposal(provision.proposedBy!)}>
            {t('paragraph.showProposal')}
          </button>
        </p>
      ) : null}
      <p>{t('paragraph.openProposals', { count: open.length })}</p>

      {isChair ? (
        <section className="actions" aria-labelledby="provision-chair-heading">
          <h3 id="provision-chair-heading">{t('chair.heading')}</h3>
          {provision.status === 'open' ? (
            <>
              <div className="buttons">
                <button type="button" disabled={busy || open.length > 0} aria-describedby={open.length > 0 ? 'agree-blocked' : undefined} onClick={() => void agree('agreed-ad-ref')}>
                  {t('paragraph.agreeAdRef')}
                </button>
              </div>
              {open.length > 0 ? (
                <p id="agree-blocked" className="hint">
                  {t('paragraph.agreeBlocked', { count: open.length })}
                </p>
              ) : null}
            </>
          ) : null}
          {provision.status === 'agreed-ad-ref' ? (
            <div className="buttons">
              <button type="button" disabled={busy} onClick={() => void agree('adopted')}>
                {t('paragraph.adopt')}
              </button>
            </div>
          ) : null}
          {message ? (
            <p role="status" className="message">
              {message}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="provision-statements-heading">
        <h3 id="provision-statements-heading">{t('paragraph.statements', { count: statements.length })}</h3>
        <ul className="statements">
          {statements.map((statement) => (
            <li key={statement.id}>
              <strong>{t(`statementKind.${statement.kind}`)}</strong>
              {statement.by ? ` — ${statement.by === 'CHAIR' ? t('bracket.byChair') : statement.by}` : null} <TimeStamp at={statement.at} />
              <p className="statement-text">{statement.text}</p>
            </li>
          ))}
        </ul>
      </section>

      {delegation !== null || isChair ? (
        <>
          <StatementForm anchor={{ provisionId: provision.id, at: 'end' }} delegation={delegation} isChair={isChair} onAdd={actions.addStatement} />
          <ParagraphForm provision={provision} onPropose={actions.proposeParagraph} />
        </>
      ) : null}
    </aside>
  );
}
