/** One document: header with counts and the view switch, the text or its revisions, the legend, the proposal or provision panel, the live banner. */
import { useEffect, useState } from 'react';
import { parseViewSpec } from '../../core/index.ts';
import { api } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { useLiveDocument } from '../live-document.ts';
import { CleanText, CompiledText } from './DocumentText.tsx';
import { CountsBar } from './CountsBar.tsx';
import { Legend } from './Legend.tsx';
import { ProposalPanel, type Actions } from './ProposalPanel.tsx';
import { ProposeBox, type ProposalDraft } from './ProposeBox.tsx';
import { selectionAnchor, type SelectionAnchor } from '../selection-anchor.ts';
import { SeatContext, useDocumentSeat } from '../seat-time-zone.ts';
import { ProposalRecord } from './ProposalRecord.tsx';
import { ProvisionPanel, type ProvisionActions } from './ProvisionPanel.tsx';
import { RevisionsView } from './RevisionsView.tsx';

export function DocumentScreen({ documentId, delegation, isChair, onBack }: { readonly documentId: string; readonly delegation: string | null; readonly isChair: boolean; readonly onBack: () => void }) {
  const t = useT();
  const live = useLiveDocument(documentId);
  const [view, setView] = useState('compiled');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedProvisionId, setSelectedProvisionId] = useState<string | null>(null);
  const [tab, setTab] = useState<'text' | 'revisions'>('text');
  const seat = useDocumentSeat(documentId);
  const selectProposal = (id: string | null): void => {
    setSelectedId(id);
    setSelectedProvisionId(null);
  };
  const selectProvision = (id: string | null): void => {
    setSelectedProvisionId(id);
    setSelectedId(null);
  };
  const [anchor, setAnchor] = useState<SelectionAnchor | null>(null);
  const canPropose = delegation !== null || isChair;
  // A selection in the text offers a proposal; one outside it (say, in the box's own input) keeps the last.
  useEffect(() => {
    if (!canPropose) return;
    const onChange = (): void => {
      const found = selectionAnchor(document.getSelection());
      if (found) setAnchor(found);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [canPropose]);
  const state = live.state;
  // The state is updated in place, so this is computed on each render rather than memoised on the object.
  const codes = new Set<string>(delegation ? [delegation] : []);
  if (state) for (const byDelegation of state.positions.values()) for (const code of byDelegation.keys()) codes.add(code);
  const delegations = [...codes].sort();

  const act = async (action: () => Promise<unknown>): Promise<unknown> => {
    const result = await action();
    await live.refresh();
    return result;
  };
  const actions: Actions = {
    takePosition: (proposalId, stance, reason) => act(() => api.takePosition(documentId, proposalId, delegation ?? '', stance, reason)),
    withdrawPosition: (proposalId) => act(() => api.withdrawPosition(documentId, proposalId, delegation ?? '')),
    withdrawProposal: (proposalId) => act(() => api.withdrawProposal(documentId, proposalId)),
    declareConsensus: (proposalId, outcome) => act(() => api.declareConsensus(documentId, proposalId, outcome)),
  };
  const provisionActions: ProvisionActions = {
    addStatement: (body) => act(() => api.addStatement(documentId, body)),
    agree: (provisionId, status) => act(() => api.agreeProvision(documentId, provisionId, status)),
    proposeParagraph: (paragraph) => act(() => api.proposeParagraph(documentId, delegation === null, paragraph)),
  };

  const propose = async (draft: ProposalDraft): Promise<void> => {
    if (!anchor) return;
    const { provisionId, parent, start, end } = anchor;
    await act(() => api.propose(documentId, delegation === null, { kind: draft.kind, anchor: { provisionId, parent, start, end }, text: draft.text }));
    document.getSelection()?.removeAllRanges();
    setAnchor(null);
  };

  const spec = parseViewSpec(view) ?? { kind: 'compiled' as const };
  const selected = selectedId && state ? state.proposals.get(selectedId) : undefined;
  const selectedProvision = selectedProvisionId && state ? state.provisions.get(selectedProvisionId) : undefined;

  return (
    <SeatContext.Provider value={seat}>
    <div className="document-screen">
      {live.connected ? null : (
        <p className="banner reconnecting" role="alert">
          {t('live.reconnecting')}
        </p>
      )}
      <header className="document-header">
        <button type="button" className="link" onClick={onBack}>
          ← {t('document.back')}
        </button>
        <h1>{state?.title ?? ''}</h1>
        {state ? <CountsBar state={state} /> : null}
        <label className="view-switch">
          {t('view.label')}{' '}
          <select value={view} onChange={(e) => setView(e.target.value)}>
            <option value="compiled">{t('view.compiled')}</option>
            <option value="agreed">{t('view.agreed')}</option>
            {delegations.map((code) => (
              <option key={code} value={`as:${code}`}>
                {t('view.as', { delegation: code })}
              </option>
            ))}
          </select>
        </label>
        <div className="tabs" role="group" aria-label={t('tabs.label')}>
          <button type="button" aria-pressed={tab === 'text'} onClick={() => setTab('text')}>
            {t('tabs.text')}
          </button>
          <button type="button" aria-pressed={tab === 'revisions'} onClick={() => setTab('revisions')}>
            {t('tabs.revisions')}
          </button>
        </div>
        {isChair ? (
          <button type="button" onClick={() => void act(() => api.issueRevision(documentId))}>
            {t('chair.issueRevision')}
          </button>
        ) : null}
      </header>
      {live.error ? (
        <p role="alert" className="error">
          {t('error.title')}: {live.error.message}
        </p>
      ) : null}
      {state ? (
        <div className="document-body">
          <main id="content" className="document-main" data-version={state.version}>
            {tab === 'revisions' ? (
              <RevisionsView events={live.events} state={state} version={state.version} />
            ) : (
              <>
                <Legend state={state} />
                {spec.kind === 'compiled' ? (
                  <CompiledText state={state} selectedId={selectedId} onSelect={selectProposal} selectedProvisionId={selectedProvisionId} onSelectProvision={selectProvision} />
                ) : (
                  <CleanText state={state} view={spec} />
                )}
              </>
            )}
          </main>
          <div className="side">
          {anchor && spec.kind === 'compiled' ? <ProposeBox key={`${anchor.provisionId}|${anchor.parent ?? ''}|${anchor.start}|${anchor.end}`} anchor={anchor} onPropose={propose} onCancel={() => setAnchor(null)} /> : null}
          {selectedProvision ? (
            <ProvisionPanel
              key={selectedProvision.id}
              state={state}
              provision={selectedProvision}
              delegation={delegation}
              isChair={isChair}
              actions={provisionActions}
              onSelectProposal={selectProposal}
              onClose={() => selectProvision(null)}
            />
          ) : selected ? (
            <ProposalPanel state={state} proposal={selected} delegation={delegation} isChair={isChair} actions={actions} onClose={() => setSelectedId(null)}>
              <ProposalRecord events={live.events} version={state.version} proposalId={selected.id} delegation={delegation} isChair={isChair} onAddStatement={provisionActions.addStatement} />
            </ProposalPanel>
          ) : (
            <aside className="panel empty">
              <p>{t('panel.none')}</p>
            </aside>
          )}
          </div>
        </div>
      ) : (
        <p role="status">{t('document.loading')}</p>
      )}
    </div>
    </SeatContext.Provider>
  );
}
