/**
 * One private draft in the Drafts panel: what it would do to which words (shown in their
 * context, as a deletion and an insertion), its note, whom it is shared with, who changed it
 * last; and, for the owning delegation only, editing, sharing, tabling and discarding. A
 * partner delegation reads it and is told that only the owner may change or table it.
 */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { DelegationBody, DraftViewBody } from '../api.ts';
import { delegationColour } from '../delegation-colour.ts';
import type { MessageId } from '../i18n/en.ts';
import { useT, type T } from '../i18n/use-t.ts';

export interface DraftActions {
  edit(draft: DraftViewBody, changes: { text?: string; note: string }): Promise<unknown>;
  share(draft: DraftViewBody, delegation: string): Promise<unknown>;
  unshare(draft: DraftViewBody, delegation: string): Promise<unknown>;
  table(draft: DraftViewBody): Promise<unknown>;
  discard(draft: DraftViewBody): Promise<unknown>;
  /** The organisation's delegations, fetched once when first asked for. */
  delegations(): Promise<DelegationBody[]>;
}

const HAS_TEXT = new Set(['insert', 'replace', 'remark']);

function summary(t: T, draft: DraftViewBody): string {
  const { kind } = draft.proposal;
  const text = draft.proposal.text ?? '';
  const words = draft.anchor?.words ?? '';
  if (kind === 'replace') return t('drafts.replace', { words, text });
  if (kind === 'delete') return t('drafts.delete', { words });
  if (kind === 'insert') return t('drafts.insert', { text });
  return t('drafts.other', { kind: t(`kind.${kind}` as MessageId), text });
}

export function DraftCard({ draft, own, busy, actions }: { readonly draft: DraftViewBody; readonly own: boolean; readonly busy: boolean; readonly actions: DraftActions }) {
  const t = useT();
  const intl = useIntl();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(draft.proposal.text ?? '');
  const [note, setNote] = useState(draft.note);
  const [partners, setPartners] = useState<DelegationBody[] | null>(null);
  const [partner, setPartner] = useState('');
  const hasText = HAS_TEXT.has(draft.proposal.kind);
  // A remark's text is about the words, not in place of them.
  const inserted = draft.proposal.kind === 'remark' ? '' : (draft.proposal.text ?? '');
  const headingId = `draft-${draft.id}`;
  const name = (d: DelegationBody): string => (intl.locale.startsWith('ru') ? d.names.ru : d.names.en);

  const startEditing = (): void => {
    setText(draft.proposal.text ?? '');
    setNote(draft.note);
    setEditing(true);
  };
  const save = (): void => {
    void actions.edit(draft, hasText ? { text, note } : { note }).then(() => setEditing(false), () => undefined);
  };
  const openSharing = (): void => {
    void actions.delegations().then(setPartners, () => undefined);
  };
  const share = (): void => {
    void actions.share(draft, partner).then(() => setPartner(''), () => undefined);
  };

  return (
    <li className="draft" aria-labelledby={headingId} data-draft={draft.id}>
      <h3 id={headingId}>
        <span className="swatch" style={{ background: delegationColour(draft.delegation) }} aria-hidden="true" />{' '}
        {own ? t('drafts.own', { delegation: draft.delegation }) : t('drafts.sharedBy', { delegation: draft.delegation })}
      </h3>
      <p className="draft-summary">{summary(t, draft)}</p>
      {draft.anchor ? (
        <p className="draft-context">
          <span className="draft-context-label">{t('drafts.context')}</span> …{draft.anchor.before}
          {draft.anchor.words ? <del>{draft.anchor.words}</del> : null}
          {draft.anchor.words && inserted ? ' ' : null}
          {inserted ? <ins>{inserted}</ins> : null}
          {draft.anchor.after}…
        </p>
      ) : null}
      {draft.anchor?.moved ? <p className="warning">{t('drafts.moved')}</p> : null}
      {draft.note ? <p className="draft-note">{t('drafts.note', { note: draft.note })}</p> : null}
      <p>{draft.sharedWith.length > 0 ? t('drafts.sharedWith', { list: intl.formatList(draft.sharedWith, { type: 'conjunction' }) }) : t('drafts.notShared')}</p>
      <p className="meta">{t('drafts.changed', { name: draft.updatedBy.name, date: intl.formatDate(draft.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      {!own ? (
        <p className="meta">{t('drafts.readOnly', { delegation: draft.delegation })}</p>
      ) : editing ? (
        <div className="draft-edit">
          {hasText ? (
            <label>
              {t('drafts.textLabel')}
              <textarea value={text} rows={2} onChange={(e) => setText(e.target.value)} />
            </label>
          ) : null}
          <label>
            {t('drafts.noteLabel')}
            <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="buttons">
            <button type="button" disabled={busy || (hasText && text.trim() === '')} onClick={save}>
              {t('drafts.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('drafts.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {draft.sharedWith.length > 0 ? (
            <div className="buttons">
              {draft.sharedWith.map((code) => (
                <button key={code} type="button" disabled={busy} onClick={() => void actions.unshare(draft, code).catch(() => undefined)}>
                  {t('drafts.unshare', { delegation: code })}
                </button>
              ))}
            </div>
          ) : null}
          {partners === null ? (
            <div className="buttons">
              <button type="button" onClick={openSharing}>
                {t('drafts.shareOpen')}
              </button>
            </div>
          ) : (
            <div className="draft-share">
              <label>
                {t('drafts.shareLabel')}
                <select value={partner} onChange={(e) => setPartner(e.target.value)}>
                  <option value="">{t('drafts.shareChoose')}</option>
                  {partners
                    .filter((d) => d.code !== draft.delegation && !draft.sharedWith.includes(d.code))
                    .map((d) => (
                      <option key={d.code} value={d.code}>
                        {t('drafts.delegationOption', { code: d.code, name: name(d) })}
                      </option>
                    ))}
                </select>
              </label>
              <button type="button" disabled={busy || partner === ''} onClick={share}>
                {t('drafts.share')}
              </button>
            </div>
          )}
          <div className="buttons">
            <button type="button" className="primary" disabled={busy || draft.anchor?.moved === true} onClick={() => void actions.table(draft).catch(() => undefined)}>
              {t('drafts.table')}
            </button>
            <button type="button" disabled={busy} onClick={startEditing}>
              {t('drafts.edit')}
            </button>
            <button type="button" disabled={busy} onClick={() => void actions.discard(draft).catch(() => undefined)}>
              {t('drafts.discard')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
