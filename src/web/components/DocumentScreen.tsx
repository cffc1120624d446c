/**
 * One document: header with counts, the view and notation switches and the text/revisions
 * tabs; the text or its revisions; the legend; the proposal or provision panel; a delegate's
 * drafts; meeting mode; the live banner.
 */
import { Suspense, useCallback, useEffect, useState } from 'react';
import { parseViewSpec } from '../../core/index.ts';
import { api } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { useLiveDocument } from '../live-document.ts';
import { CleanText, CompiledText } from './DocumentText.tsx';
import { CountsBar } from './CountsBar.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { Legend } from './Legend.tsx';
import { ProposalPanel, type Actions } from './ProposalPanel.tsx';
import { ProposeBox, type ProposalDraft } from './ProposeBox.tsx';
import { OralProposalBox } from './OralProposalBox.tsx';
import { selectionAnchor, type SelectionAnchor } from '../selection-anchor.ts';
import { MeetingFocus } from '../meeting-focus.ts';
import { Meeting } from './Meeting.tsx';
import { useNotationChoice } from '../notation-choice.ts';
import { isNotationId, notationChoices, notationDescription } from '../notations.ts';
import { SeatContext, useDocumentSeat } from '../seat-time-zone.ts';
import { ProvisionPanel, type ProvisionActions } from './ProvisionPanel.tsx';
import { DraftsPanel, LanguageVersions, NotationText, preloadProposalRecord, ProposalRecord, ProposeByWords, RevisionsView } from './on-demand.tsx';
import { useEventLog } from '../event-log.ts';
import { useAddressChoice, type AddressCodec } from '../address-choice.ts';

/** The tabs beside the text, as the address names them: `?view=revisions`, `?view=bilingual` (the text itself is no parameter). */
type OtherTab = 'revisions' | 'languages';
const TAB_IN_ADDRESS: AddressCodec<OtherTab> = {
  parse: (value) => (value === 'revisions' ? 'revisions' : value === 'bilingual' ? 'languages' : null),
  format: (tab) => (tab === 'languages' ? 'bilingual' : tab),
};

export function DocumentScreen({
  documentId,
  delegation,
  isChair,
  isSecretariat = false,
  userId = null,
  onBack,
}: {
  readonly documentId: string;
  readonly delegation: string | null;
  readonly isChair: boolean;
  /** The secretariat sets the document's languages and records their versions. */
  readonly isSecretariat?: boolean;
  /** The signed-in user: the chair who runs a meeting leads it rather than following. */
  readonly userId?: string | null;
  readonly onBack: () => void;
}) {
  const t = useT();
  const live = useLiveDocument(documentId);
  const [view, setView] = useState('compiled');
  // null: Parley's own presentation (coloured brackets); else the text as that notation writes it.
  const [notation, setNotation] = useNotationChoice();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedProvisionId, setSelectedProvisionId] = useState<string | null>(null);
  const [otherTab, setOtherTab] = useAddressChoice('view', TAB_IN_ADDRESS);
  const tab = otherTab ?? 'text';
  const setTab = (next: 'text' | OtherTab): void => setOtherTab(next === 'text' ? null : next);
  const seat = useDocumentSeat(documentId);
  // Stable, so that the paragraphs of the text, drawn again only when they change, are not all redrawn for a new function.
  const selectProposal = useCallback((id: string | null): void => {
    setSelectedId(id);
    setSelectedProvisionId(null);
  }, []);
  const selectProvision = useCallback((id: string | null): void => {
    setSelectedProvisionId(id);
    setSelectedId(null);
  }, []);
  const [anchor, setAnchor] = useState<SelectionAnchor | null>(null);
  const [anchorByKeyboard, setAnchorByKeyboard] = useState(false);
  const [draftsChanged, setDraftsChanged] = useState(0);
  const canPropose = delegation !== null || isChair;
  // A selection in the text offers a proposal; one outside it (say, in the box's own input) keeps the last.
  useEffect(() => {
    if (!canPropose) return;
    const onChange = (): void => {
      const found = selectionAnchor(document.getSelection());
      if (found) {
        setAnchor(found);
        setAnchorByKeyboard(false);
      }
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [canPropose]);
  const state = live.state;
  const shown = state !== null;
  // Once the text is shown, a proposal's record is fetched while the browser is idle.
  useEffect(() => (shown ? preloadProposalRecord() : undefined), [shown]);
  // The whole log is fetched only for the screens made from it: the revisions and a proposal's history.
  const log = useEventLog(documentId, live.version, tab === 'revisions' || selectedId !== null);
  const meeting = live.meeting?.active ? live.meeting : null;
  // While a delegation has the floor, what the chair proposes is that delegation's oral proposal.
  const floor = isChair && meeting ? meeting.floor : null;
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
    const body = { kind: draft.kind, anchor: { provisionId, parent, start, end }, text: draft.text };
    await act(() => (floor === null ? api.propose(documentId, delegation === null, body) : api.oralProposal(documentId, floor, body)));
    document.getSelection()?.removeAllRanges();
    setAnchor(null);
  };

  const saveDraft = async (draft: ProposalDraft): Promise<void> => {
    if (!anchor) return;
    const { provisionId, parent, start, end } = anchor;
    await api.createDraft(documentId, { kind: draft.kind, anchor: { provisionId, parent, start, end }, text: draft.text });
    document.getSelection()?.removeAllRanges();
    setAnchor(null);
    setDraftsChanged((n) => n + 1);
  };

  const spec = parseViewSpec(view) ?? { kind: 'compiled' as const };
  const loading = <p role="status">{t('document.loading')}</p>;
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
        <label className="view-switch">
          {t('notation.label')}{' '}
          <select value={notation ?? ''} onChange={(e) => setNotation(isNotationId(e.target.value) ? e.target.value : null)}>
            <option value="">{t('notation.parley')}</option>
            {notationChoices().map((id) => (
              <option key={id} value={id}>
                {t(notationDescription(id))}
              </option>
            ))}
          </select>
        </label>
        <ExportLinks documentId={documentId} view={view} notation={notation} />
        <div className="tabs" role="group" aria-label={t('tabs.label')}>
          <button type="button" aria-pressed={tab === 'text'} onClick={() => setTab('text')}>
            {t('tabs.text')}
          </button>
          <button type="button" aria-pressed={tab === 'revisions'} onClick={() => setTab('revisions')}>
            {t('tabs.revisions')}
          </button>
          <button type="button" aria-pressed={tab === 'languages'} onClick={() => setTab('languages')}>
            {t('tabs.languages')}
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
              log === null ? (
                loading
              ) : (
                <Suspense fallback={loading}>
                  <RevisionsView events={log} state={state} version={state.version} />
                </Suspense>
              )
            ) : tab === 'languages' ? (
              <Suspense fallback={loading}>
                <LanguageVersions documentId={documentId} state={state} version={state.version} isSecretariat={isSecretariat} onChanged={() => live.refresh()} />
              </Suspense>
            ) : notation !== null ? (
              <Suspense fallback={loading}>
                <NotationText state={state} version={live.version} view={view} notation={notation} />
              </Suspense>
            ) : (
              <>
                <Legend state={state} />
                <MeetingFocus.Provider value={meeting?.provisionId ?? null}>
                  {spec.kind === 'compiled' ? (
                    <CompiledText state={state} selectedId={selectedId} onSelect={selectProposal} selectedProvisionId={selectedProvisionId} onSelectProvision={selectProvision} />
                  ) : (
                    <CleanText state={state} view={spec} />
                  )}
                </MeetingFocus.Provider>
              </>
            )}
          </main>
          <div className="side">
          {anchor && spec.kind === 'compiled' && notation === null && tab === 'text' ? (
            floor === null ? (
              <ProposeBox key={`${anchor.provisionId}|${anchor.parent ?? ''}|${anchor.start}|${anchor.end}`} anchor={anchor} focusOnOpen={anchorByKeyboard} onPropose={propose} onSaveDraft={delegation === null ? undefined : saveDraft} onCancel={() => setAnchor(null)} />
            ) : (
              <OralProposalBox key={`${floor}|${anchor.provisionId}|${anchor.parent ?? ''}|${anchor.start}|${anchor.end}`} anchor={anchor} floor={floor} onPropose={propose} onCancel={() => setAnchor(null)} />
            )
          ) : null}
          <Suspense fallback={null}>
          {canPropose && spec.kind === 'compiled' && notation === null && tab === 'text' ? (
            <ProposeByWords
              state={state}
              onAnchor={(found) => {
                setAnchor(found);
                setAnchorByKeyboard(true);
              }}
            />
          ) : null}
          </Suspense>
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
              {log === null ? (
                loading
              ) : (
                <Suspense fallback={loading}>
                  <ProposalRecord events={log} version={state.version} proposalId={selected.id} delegation={delegation} isChair={isChair} onAddStatement={provisionActions.addStatement} />
                </Suspense>
              )}
            </ProposalPanel>
          ) : (
            <aside className="panel empty">
              <p>{t('panel.none')}</p>
            </aside>
          )}
          <Suspense fallback={null}>
            {delegation === null ? null : <DraftsPanel documentId={documentId} delegation={delegation} version={live.version} changed={draftsChanged} onTabled={() => void live.refresh()} />}
          </Suspense>
          </div>
        </div>
      ) : (
        <p role="status">{t('document.loading')}</p>
      )}
      {state ? <Meeting documentId={documentId} meeting={live.meeting} state={state} isChair={isChair} userId={userId} onMeeting={live.noteMeeting} /> : null}
    </div>
    </SeatContext.Provider>
  );
}
