/** The registry as the reader may see it: number, date, subject (in the interface's language where the note has it), status; search by words and year. */
import { useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t.ts';
import { messageOf } from '../api.ts';
import { pathOf } from '../routes.ts';
import { notesApi, type NoteView } from './notes-api.ts';
import { subjectOf } from './note-text.ts';

interface Props {
  readonly organisationId: string;
  readonly isSecretariat: boolean;
  readonly onOpen: (noteId: string) => void;
}

export function NoteRegistry({ organisationId, isSecretariat, onOpen }: Props) {
  const t = useT();
  const { locale } = useIntl();
  const [text, setText] = useState('');
  const [year, setYear] = useState('');
  const [notes, setNotes] = useState<NoteView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (search: { text: string; year: string }): void => {
    notesApi.list(organisationId, search).then(
      (list) => {
        setNotes(list.notes);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };
  useEffect(() => load({ text: '', year: '' }), [organisationId]);

  const onSearch = (event: FormEvent): void => {
    event.preventDefault();
    load({ text, year });
  };

  const link = (noteId: string) => (event: MouseEvent) => {
    event.preventDefault();
    onOpen(noteId);
  };

  return (
    <section aria-labelledby="notes-heading">
      <h1 id="notes-heading">{t('notes.heading')}</h1>
      {isSecretariat ? (
        <p>
          <a href={pathOf({ name: 'notes', noteId: 'new' })} onClick={link('new')}>
            {t('notes.new')}
          </a>{' '}
          <a href={pathOf({ name: 'notes', noteId: 'settings' })} onClick={link('settings')}>
            {t('notes.settings.link')}
          </a>
        </p>
      ) : null}
      <form role="search" onSubmit={onSearch} className="notes-search">
        <label>
          {t('notes.searchLabel')} <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>{' '}
        <label>
          {t('notes.yearLabel')} <input type="number" min={1900} max={9999} value={year} onChange={(e) => setYear(e.target.value)} className="notes-year" />
        </label>{' '}
        <button type="submit">{t('notes.searchButton')}</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {notes === null ? (
        <p role="status">{t('notes.loading')}</p>
      ) : (
        <>
          <p role="status">{t('notes.count', { count: notes.length })}</p>
          {notes.length > 0 ? (
            <table className="notes-table">
              <thead>
                <tr>
                  <th scope="col">{t('notes.colNumber')}</th>
                  <th scope="col">{t('notes.colDate')}</th>
                  <th scope="col">{t('notes.colSubject')}</th>
                  <th scope="col">{t('notes.colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {notes.map((note) => (
                  <tr key={note.id}>
                    <td>
                      <a href={pathOf({ name: 'notes', noteId: note.id })} onClick={link(note.id)}>
                        {note.number ?? t('notes.unnumbered')}
                      </a>
                    </td>
                    <td>{note.date}</td>
                    <td>{subjectOf(note, locale)}</td>
                    <td>{t(`notes.status.${note.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </section>
  );
}
