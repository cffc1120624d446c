/**
 * The secretariat's form for a new note verbale: what it fills in, in each language of the
 * registry; the fixed formulas, the sender, the letterhead and the number come from the
 * template and the registry. The addressee wording starts as the last note's, since most
 * notes go to the same addressees. Saved as a draft, or issued (numbered) and circulated at once.
 */
import { useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import { request } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { LOCALE_NAMES } from '../i18n/locales.ts';
import { pathOf } from '../routes.ts';
import { notesApi, type NewNoteBody, type NoteLanguage } from './notes-api.ts';

interface Props {
  readonly organisationId: string;
  readonly onSaved: (noteId: string) => void;
  readonly onBack: () => void;
}

interface LanguageFields {
  subject: string;
  addressee: string;
  addresseeBlock: string;
  purpose: string;
  body: string;
}

const EMPTY: LanguageFields = { subject: '', addressee: '', addresseeBlock: '', purpose: '', body: '' };
const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** Today at the reader's place, YYYY-MM-DD: the default date of a new note. */
function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function NoteForm({ organisationId, onSaved, onBack }: Props) {
  const t = useT();
  const [languages, setLanguages] = useState<NoteLanguage[] | null>(null);
  const [fileIndex, setFileIndex] = useState('17-1');
  const [date, setDate] = useState(today());
  const [allMembers, setAllMembers] = useState(true);
  const [states, setStates] = useState('');
  const [pages, setPages] = useState(0);
  const [texts, setTexts] = useState<Partial<Record<NoteLanguage, LanguageFields>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const registry = request<{ config: { languages: NoteLanguage[] } | null }>('GET', `/api/organisations/${encodeURIComponent(organisationId)}/notes-verbales/registry`);
    Promise.all([registry, notesApi.list(organisationId, {})]).then(
      ([{ config }, { notes }]) => {
        const last = notes[0]?.content;
        const langs = config?.languages ?? ['en', 'ru', 'kk'];
        setLanguages(langs);
        setTexts(Object.fromEntries(langs.map((l) => [l, { ...EMPTY, addressee: last?.addressee[l] ?? '', addresseeBlock: (last?.addresseeBlock[l] ?? []).join('\n') }])));
        if (!config) setError(t('notes.notConfigured', { detail: '' }));
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    // Filled once per organisation: a switch of the interface's language must not clear what is typed.
  }, [organisationId]);

  const set = (language: NoteLanguage, field: keyof LanguageFields, value: string): void =>
    setTexts((current) => ({ ...current, [language]: { ...(current[language] ?? EMPTY), [field]: value } }));

  const submit = (circulate: boolean) => (event: FormEvent | MouseEvent) => {
    event.preventDefault();
    if (!languages) return;
    const pick = (field: keyof LanguageFields) => Object.fromEntries(languages.map((l) => [l, texts[l]?.[field] ?? '']));
    const pickLines = (field: 'addresseeBlock' | 'body') => Object.fromEntries(languages.map((l) => [l, lines(texts[l]?.[field] ?? '')]));
    const body: NewNoteBody = {
      fileIndex,
      date,
      subject: pick('subject'),
      addressees: allMembers ? { kind: 'all-members' } : { kind: 'states', states: states.split(/[\s,;]+/u).filter((s) => s !== '').map((s) => s.toUpperCase()) },
      addressee: pick('addressee'),
      addresseeBlock: pickLines('addresseeBlock'),
      purpose: pick('purpose'),
      body: pickLines('body'),
      enclosures: pages > 0 ? [{ pages }] : [],
      ...(circulate ? { circulate: true } : {}),
    };
    setBusy(true);
    notesApi
      .create(organisationId, body)
      .then((note) => onSaved(note.id), (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit(false)} aria-labelledby="note-form-heading" className="note-form">
      <p>
        <a
          href={pathOf({ name: 'notes', noteId: null })}
          onClick={(event: MouseEvent) => {
            event.preventDefault();
            onBack();
          }}
        >
          {t('notes.back')}
        </a>
      </p>
      <h1 id="note-form-heading">{t('notes.new')}</h1>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <p>
        <label>
          {t('notes.form.fileIndex')} <input value={fileIndex} onChange={(e) => setFileIndex(e.target.value)} required />
        </label>{' '}
        <label>
          {t('notes.form.date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
      </p>
      <fieldset>
        <legend>{t('notes.form.addressees')}</legend>
        <label>
          <input type="radio" name="addressees" checked={allMembers} onChange={() => setAllMembers(true)} /> {t('notes.form.allMembers')}
        </label>{' '}
        <label>
          <input type="radio" name="addressees" checked={!allMembers} onChange={() => setAllMembers(false)} /> {t('notes.form.named')}
        </label>
        {allMembers ? null : (
          <p>
            <label>
              {t('notes.form.states')} <input value={states} onChange={(e) => setStates(e.target.value)} required />
            </label>
          </p>
        )}
      </fieldset>
      {(languages ?? []).map((language) => (
        <fieldset key={language} lang={language}>
          <legend>{t('notes.form.inLanguage', { language: LOCALE_NAMES[language] })}</legend>
          <p>
            <label>
              {t('notes.form.subject')} <input value={texts[language]?.subject ?? ''} onChange={(e) => set(language, 'subject', e.target.value)} required />
            </label>
          </p>
          <p>
            <label>
              {t('notes.form.addressee')} <input value={texts[language]?.addressee ?? ''} onChange={(e) => set(language, 'addressee', e.target.value)} required />
            </label>
          </p>
          <p>
            <label>
              {t('notes.form.purpose')} <textarea rows={4} value={texts[language]?.purpose ?? ''} onChange={(e) => set(language, 'purpose', e.target.value)} required />
            </label>
          </p>
          <p>
            <label>
              {t('notes.form.body')} <textarea rows={3} value={texts[language]?.body ?? ''} onChange={(e) => set(language, 'body', e.target.value)} />
            </label>
          </p>
          <p>
            <label>
              {t('notes.form.addresseeBlock')} <textarea rows={3} value={texts[language]?.addresseeBlock ?? ''} onChange={(e) => set(language, 'addresseeBlock', e.target.value)} required />
            </label>
          </p>
        </fieldset>
      ))}
      <p>
        <label>
          {t('notes.form.enclosurePages')} <input type="number" min={0} max={10000} value={pages} onChange={(e) => setPages(Math.max(0, Number(e.target.value) || 0))} />
        </label>
      </p>
      <p>
        <button type="submit" disabled={busy || !languages}>
          {t('notes.form.saveDraft')}
        </button>{' '}
        <button type="button" disabled={busy || !languages} onClick={submit(true)}>
          {t('notes.form.issueAndCirculate')}
        </button>
      </p>
    </form>
  );
}
