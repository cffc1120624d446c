/**
 * One note verbale: its printed page in the chosen language (the very HTML the PDF is printed
 * from, in a sandboxed frame), the PDF and DOCX of that language or of all, whom it was
 * addressed and circulated to, and for the secretariat the next step (issue, circulate) and,
 * while the note is a draft, its correction in the note form.
 */
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t.ts';
import { messageOf } from '../api.ts';
import { BackToRegistry } from './BackToRegistry.tsx';
import { LOCALE_NAMES } from '../i18n/locales.ts';
import { notesApi, type NoteLanguage, type NoteView } from './notes-api.ts';
import { NoteForm } from './NoteForm.tsx';
import { preferredLanguage, subjectOf } from './note-text.ts';

interface Props {
  readonly organisationId: string;
  readonly noteId: string;
  readonly isSecretariat: boolean;
  readonly onBack: () => void;
}

export function NoteScreen({ organisationId, noteId, isSecretariat, onBack }: Props) {
  const t = useT();
  const { locale } = useIntl();
  const [note, setNote] = useState<NoteView | null>(null);
  const [language, setLanguage] = useState<NoteLanguage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasEditing = useRef(false);

  // Back from the form (saved or not), the reader is taken to the note's heading: the form was
  // longer than the screen, and its last button was the one pressed.
  useEffect(() => {
    if (wasEditing.current && !editing) heading.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  useEffect(() => {
    notesApi.get(organisationId, noteId).then(setNote, (e: unknown) => setError(messageOf(e)));
  }, [organisationId, noteId]);

  const step = (action: 'issue' | 'circulate'): void => {
    setBusy(true);
    notesApi[action](organisationId, noteId)
      .then(setNote, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  const back = <BackToRegistry onBack={onBack} />;
  if (!note) {
    return (
      <>
        {back}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p role="status">{t('notes.loading')}</p>
        )}
      </>
    );
  }
  if (editing && isSecretariat && note.status === 'draft') {
    return (
      <NoteForm
        organisationId={organisationId}
        draft={note}
        onSaved={(revised) => {
          setNote(revised);
          setError(null);
          setEditing(false);
        }}
        onBack={() => setEditing(false)}
      />
    );
  }
  const shown = language ?? preferredLanguage(note, locale);
  const languageName = (code: NoteLanguage | 'all'): string => (code === 'all' ? t('notes.languageAll') : LOCALE_NAMES[code]);
  const addressees = note.addressees.kind === 'all-members' ? t('notes.allMembers') : note.addressees.states.join(', ');

  return (
    <article aria-labelledby="note-heading">
      {back}
      <h1 id="note-heading" ref={heading} tabIndex={-1}>{note.number === null ? t('notes.draftTitle') : t('notes.title', { number: note.number })}</h1>
      <p className="note-subject">{subjectOf(note, locale)}</p>
      <p>
        {note.date} · {t(`notes.status.${note.status}`)}
      </p>
      <p>{t('notes.addressedTo', { addressees })}</p>
      {note.circulatedTo.length > 0 ? <p>{t('notes.circulatedTo', { states: note.circulatedTo.join(', ') })}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {isSecretariat && note.status !== 'circulated' ? (
        <p>
          {note.status === 'draft' ? (
            <>
              <button type="button" disabled={busy} onClick={() => setEditing(true)}>
                {t('notes.editDraft')}
              </button>{' '}
            </>
          ) : null}
          <button type="button" disabled={busy} onClick={() => step(note.status === 'draft' ? 'issue' : 'circulate')}>
            {note.status === 'draft' ? t('notes.issue') : t('notes.circulate')}
          </button>
        </p>
      ) : null}
      <div className="note-toolbar">
        <label>
          {t('notes.language')}{' '}
          <select value={shown} onChange={(e) => setLanguage(e.target.value as NoteLanguage)}>
            {note.languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <ul className="note-downloads">
          {([shown, 'all'] as const).map((code) => (
            <li key={code}>
              <a href={notesApi.fileHref(organisationId, noteId, 'pdf', code)} download>
                {t('notes.downloadPdf', { language: languageName(code) })}
              </a>{' '}
              <a href={notesApi.fileHref(organisationId, noteId, 'docx', code)} download>
                {t('notes.downloadDocx', { language: languageName(code) })}
              </a>
            </li>
          ))}
        </ul>
      </div>
      <iframe
        className="note-page"
        title={t('notes.frameTitle', { language: LOCALE_NAMES[shown] })}
        src={notesApi.htmlHref(organisationId, noteId, shown)}
        sandbox=""
      />
    </article>
  );
}
