/**
 * Proposing on the words the reader selected: their deletion, or a replacement; at a caret,
 * an insertion. A delegate proposes for their delegation, the chair makes a chair's proposal.
 * A delegate may instead save it as a private draft of their delegation (`onSaveDraft`).
 */
import { useEffect, useRef, useState } from 'react';
import type { SelectionAnchor } from '../selection-anchor.ts';
import { useT } from '../i18n/use-t.ts';

export type ProposalDraft = { readonly kind: 'insert' | 'delete' | 'replace'; readonly text: string | null };

export function ProposeBox({
  anchor,
  heading,
  onPropose,
  onSaveDraft,
  onCancel,
  focusOnOpen = false,
}: {
  readonly anchor: SelectionAnchor;
  /** Says for whom the proposal is made, when not the reader's own (an oral proposal the chair records). */
  readonly heading?: string;
  readonly onPropose: (draft: ProposalDraft) => Promise<unknown>;
  readonly onSaveDraft?: ((draft: ProposalDraft) => Promise<unknown>) | undefined;
  readonly onCancel: () => void;
  /** Words chosen from the keyboard: go on typing here. (A mouse selection keeps the focus where it is.) */
  readonly focusOnOpen?: boolean;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnOpen) input.current?.focus();
  }, [focusOnOpen]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const point = anchor.start === anchor.end;
  const submit = (draft: ProposalDraft, send = onPropose) => (): void => {
    setBusy(true);
    setError(null);
    send(draft).then(
      () => setBusy(false),
      (caught: unknown) => {
        setBusy(false);
        setError(caught instanceof Error ? caught.message : String(caught));
      },
    );
  };
  return (
    <section className="panel propose" aria-labelledby="propose-heading">
      <h2 id="propose-heading">{heading ?? t('propose.heading')}</h2>
      <p>{point ? t('propose.caret') : t('propose.selected', { text: anchor.text })}</p>
      {point ? null : (
        <button type="button" disabled={busy} onClick={submit({ kind: 'delete', text: null })}>
          {t('propose.delete')}
        </button>
      )}
      <label>
        {point ? t('propose.insertText') : t('propose.replaceText')}
        <input ref={input} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="buttons">
        <button type="button" disabled={busy || text.trim() === ''} onClick={submit(point ? { kind: 'insert', text } : { kind: 'replace', text })}>
          {point ? t('propose.insert') : t('propose.replace')}
        </button>
        {onSaveDraft ? (
          <button
            type="button"
            disabled={busy || (point && text.trim() === '')}
            aria-describedby="propose-draft-hint"
            onClick={submit(point ? { kind: 'insert', text } : text.trim() === '' ? { kind: 'delete', text: null } : { kind: 'replace', text }, onSaveDraft)}
          >
            {t('drafts.saveDraft')}
          </button>
        ) : null}
        <button type="button" onClick={onCancel}>
          {t('propose.cancel')}
        </button>
      </div>
      {onSaveDraft ? (
        <p id="propose-draft-hint" className="hint">
          {t('drafts.saveDraftHint')}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
