/**
 * The Drafts panel of a delegate: their delegation's private drafts on this document and the
 * drafts partner delegations shared with it. Drafts never travel on the document's live
 * stream (everyone reads that stream), so the panel asks the server for them: when it opens,
 * after each action, when the document changes (a tabled draft, or text moving under one),
 * when the window regains focus, and every {@link POLL_MS} otherwise.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type DelegationBody, type DraftViewBody } from '../api.ts';
import type { MessageId } from '../i18n/en.ts';
import { useT } from '../i18n/use-t.ts';
import { DraftCard, type DraftActions } from './DraftCard.tsx';

const POLL_MS = 15_000;

/** What a failed action means for the reader, by the server's error code. */
const FAILURES: Readonly<Record<string, MessageId>> = {
  ERR_DRAFT_ANCHOR_MOVED: 'drafts.errorMoved',
  ERR_DRAFT_CLOSED: 'drafts.errorClosed',
  ERR_DRAFT_REVISION_CONFLICT: 'drafts.errorConflict',
};

type Notice = { readonly kind: 'status' | 'alert'; readonly text: string };

export function DraftsPanel({
  documentId,
  delegation,
  version,
  changed,
  onTabled,
}: {
  readonly documentId: string;
  /** The reader's delegation. */
  readonly delegation: string;
  /** The document's version: a change may table a draft or move the words under one. */
  readonly version: number;
  /** Bumped by the screen when it saved a draft from the propose box. */
  readonly changed: number;
  readonly onTabled: () => void;
}) {
  const t = useT();
  const [drafts, setDrafts] = useState<DraftViewBody[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const delegations = useRef<Promise<DelegationBody[]> | null>(null);

  const load = useCallback(async (): Promise<void> => {
    const ticket = (latest.current += 1);
    try {
      const list = await api.drafts(documentId);
      if (ticket !== latest.current) return;
      setDrafts(list);
      setLoadError(null);
    } catch (error) {
      if (ticket === latest.current) setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [documentId]);

  useEffect(() => {
    void load();
  }, [load, version, changed]);

  useEffect(() => {
    const poll = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void load();
    }, POLL_MS);
    const onFocus = (): void => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(poll);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  /** Runs an action, says how it went, and reloads the list either way. */
  const perform = async (action: () => Promise<unknown>, done: MessageId): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
      setNotice({ kind: 'status', text: t(done) });
    } catch (error) {
      const code = error instanceof ApiError ? error.problem.code : undefined;
      const known = code === undefined ? undefined : FAILURES[code];
      setNotice({ kind: 'alert', text: known ? t(known) : error instanceof Error ? error.message : t('error.title') });
      throw error;
    } finally {
      setBusy(false);
      await load();
    }
  };

  const actions: DraftActions = {
    edit: (draft, changes) => perform(() => api.editDraft(documentId, draft.id, changes, draft.revision), 'drafts.saved'),
    share: (draft, code) => perform(() => api.shareDraft(documentId, draft.id, code), 'drafts.saved'),
    unshare: (draft, code) => perform(() => api.unshareDraft(documentId, draft.id, code), 'drafts.saved'),
    table: (draft) =>
      perform(async () => {
        await api.tableDraft(documentId, draft.id, draft.revision);
        onTabled();
      }, 'drafts.tabled'),
    discard: (draft) => perform(() => api.discardDraft(documentId, draft.id, draft.revision), 'drafts.discarded'),
    delegations: () => {
      // Failed fetches are not kept, so that opening the chooser again tries again.
      delegations.current ??= api
        .document(documentId)
        .then((doc) => api.delegations(doc.organisationId))
        .catch((error: unknown) => {
          delegations.current = null;
          setNotice({ kind: 'alert', text: error instanceof Error ? error.message : t('error.title') });
          throw error;
        });
      return delegations.current;
    },
  };

  return (
    <section className="panel drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">
        {t('drafts.heading')} <span className="drafts-count">({t('drafts.count', { count: drafts?.length ?? 0 })})</span>
      </h2>
      <p className="hint">{t('drafts.privacy')}</p>
      {notice ? (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : 'done'}>
          {notice.text}
        </p>
      ) : null}
      {loadError ? (
        <p role="alert" className="error">
          {t('drafts.loadError', { message: loadError })}
        </p>
      ) : null}
      {drafts === null ? null : drafts.length === 0 ? (
        <p>{t('drafts.empty')}</p>
      ) : (
        <ul className="draft-list">
          {drafts.map((draft) => (
            <DraftCard key={draft.id} draft={draft} own={draft.delegation === delegation} busy={busy} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}
