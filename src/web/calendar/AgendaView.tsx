/**
 * A meeting's agenda with its state (draft, or adopted and kept as adopted), each item in the
 * reader's language where it was written in it, with links to its documents. The secretariat
 * and the chair, while it is a draft, move, remove and add items and record its adoption.
 */
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { AGENDA_ITEM_KINDS, agendaTitleIn, type AgendaItemKind } from '../../core/index.ts';
import { ApiError, type DocumentSummaryBody } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { calendarApi, type AgendaItemView, type MeetingView } from './calendar-api.ts';
import { languageOf } from './language.ts';

interface Props {
  readonly organisationId: string;
  readonly meeting: MeetingView;
  /** The secretariat or the chair: may draft and adopt. */
  readonly canRecord: boolean;
  readonly documents: readonly DocumentSummaryBody[];
  readonly onChange: (meeting: MeetingView) => void;
  readonly onOpenDocument: (documentId: string) => void;
}

export function AgendaView({ organisationId, meeting, canRecord, documents, onChange, onOpenDocument }: Props) {
  const t = useT();
  const language = languageOf(useIntl().locale);
  const [error, setError] = useState<string | null>(null);
  const { agenda } = meeting;
  const editable = canRecord && agenda.status === 'draft' && meeting.status === 'scheduled';
  const titleOf = (item: AgendaItemView): string => agendaTitleIn(item.title, language);

  const act = (change: Promise<MeetingView>): void => {
    setError(null);
    change.then(onChange, (caught: unknown) => setError(caught instanceof ApiError ? caught.message : String(caught)));
  };
  const move = (index: number, by: -1 | 1): void => {
    const order = agenda.items.map((item) => item.id);
    [order[index], order[index + by]] = [order[index + by]!, order[index]!];
    act(calendarApi.reorder(organisationId, meeting.id, order));
  };

  return (
    <section aria-labelledby="agenda-heading" className="agenda">
      <h2 id="agenda-heading">
        {t('calendar.agenda')}: <span data-testid="agenda-state">{agenda.status === 'adopted' ? t('calendar.agendaAdopted') : t('calendar.agendaDraft')}</span>
      </h2>
      {agenda.items.length === 0 ? <p>{t('calendar.agendaEmpty')}</p> : null}
      <ol className="agenda-items">
        {agenda.items.map((item, index) => (
          <li key={item.id}>
            <span lang={item.title[language]?.trim() ? language : undefined}>{titleOf(item)}</span>{' '}
            {!item.title[language]?.trim() ? <span className="meta">{t('calendar.notInLanguage')}</span> : null}
            {/* The kind is said only where the wording does not already say it. */}
            {t(`calendar.kind.${item.kind}`) === titleOf(item) ? null : <span className="meta"> — {t(`calendar.kind.${item.kind}`)}</span>}
            {item.documents.map((document) => (
              <div key={document.id}>
                <a
                  href={`/documents/${encodeURIComponent(document.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpenDocument(document.id);
                  }}
                >
                  {t('calendar.openDocument', { title: document.title })}
                </a>
              </div>
            ))}
            {editable ? (
              <span className="buttons">
                <button type="button" disabled={index === 0} aria-label={t('calendar.moveUp', { title: titleOf(item) })} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button type="button" disabled={index === agenda.items.length - 1} aria-label={t('calendar.moveDown', { title: titleOf(item) })} onClick={() => move(index, 1)}>
                  ↓
                </button>
                <button type="button" aria-label={t('calendar.removeItem', { title: titleOf(item) })} onClick={() => act(calendarApi.removeItem(organisationId, meeting.id, item.id))}>
                  ✕
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {error ? <p role="alert">{error}</p> : null}
      {editable ? (
        <>
          <AddItem documents={documents} onAdd={(item) => act(calendarApi.addItem(organisationId, meeting.id, item))} />
          <button type="button" disabled={agenda.items.length === 0} onClick={() => act(calendarApi.adopt(organisationId, meeting.id))}>
            {t('calendar.adopt')}
          </button>
        </>
      ) : null}
    </section>
  );
}

function AddItem({ documents, onAdd }: { readonly documents: readonly DocumentSummaryBody[]; readonly onAdd: (item: { kind: AgendaItemKind; title: { en?: string; ru?: string; kk?: string }; documents: string[] }) => void }) {
  const t = useT();
  const [kind, setKind] = useState<AgendaItemKind>('adoption-of-agenda');
  const [title, setTitle] = useState({ en: '', ru: '', kk: '' });
  const [documentId, setDocumentId] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const given = Object.fromEntries(Object.entries(title).filter(([, text]) => text.trim()));
    onAdd({ kind, title: given, documents: documentId ? [documentId] : [] });
    setTitle({ en: '', ru: '', kk: '' });
    setDocumentId('');
  };
  const field = (language: 'en' | 'ru' | 'kk', label: string) => (
    <label>
      {label} <input lang={language} value={title[language]} onChange={(e) => setTitle((before) => ({ ...before, [language]: e.target.value }))} size={50} />
    </label>
  );
  return (
    <form className="add-item" onSubmit={submit} aria-labelledby="add-item-heading">
      <h3 id="add-item-heading">{t('calendar.addItemHeading')}</h3>
      <label>
        {t('calendar.itemKind')}{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as AgendaItemKind)}>
          {AGENDA_ITEM_KINDS.map((each) => (
            <option key={each} value={each}>
              {t(`calendar.kind.${each}`)}
            </option>
          ))}
        </select>
      </label>
      {field('en', t('calendar.itemTitleEn'))}
      {field('ru', t('calendar.itemTitleRu'))}
      {field('kk', t('calendar.itemTitleKk'))}
      <label>
        {t('calendar.itemDocument')}{' '}
        <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
          <option value="">{t('calendar.itemNoDocument')}</option>
          {documents.map((document) => (
            <option key={document.id} value={document.id}>
              {document.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!Object.values(title).some((text) => text.trim())}>
        {t('calendar.addItem')}
      </button>
    </form>
  );
}
