/**
 * The secretariat's form for a new note verbale: what it fills in, in each language of the
 * registry; the fixed formulas, the sender, the letterhead and the number come from the
 * template and the registry. The addressee wording starts as the last note's, since most
 * notes go to the same addressees. Saved as a draft, or issued (numbered) and circulated at once.
 *
 * Given a draft, the same form corrects it: filled with the draft's content, in the draft's
 * languages, and saved over it (issuing stays a step of the note's screen). What the form has
 * no field for (an opening continuation, enclosures other than one "as stated") is kept as drafted.
 */
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { request, messageOf } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { LOCALE_NAMES } from '../i18n/locales.ts';
import { pathOf } from '../routes.ts';
import { notesApi, type NewNoteBody, type NoteLanguage, type NoteView, type ReviseNoteBody } from './notes-api.ts';

interface Props {
  readonly organisationId: string;
  /** The draft to correct; absent for a new note. */
  readonly draft?: NoteView;
  readonly onSaved: (note: NoteView) => void;
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

/** The form's fields in `language`, from a draft's content. */
function fieldsOf(content: NoteView['content'], language: NoteLanguage): LanguageFields {
  return {
    subject: content.subject[language] ?? '',
    addressee: content.addressee[language] ?? '',
    addresseeBlock: (content.addresseeBlock[language] ?? []).join('\n'),
    purpose: content.purpose[language] ?? '',
    body: (content.body?.[language] ?? []).join('\n'),
  };
}

/** The pages of the one enclosure "as stated" the form edits, or null when the draft's enclosures are more than the form shows. */
function pagesOf(enclosures: NoteView['content']['enclosures']): number | null {
  if (enclosures.length === 0) return 0;
  const [only] = enclosures;
  return enclosures.length === 1 && only && !only.title ? only.pages : null;
}

/** Today at the reader's place, YYYY-MM-DD: the default date of a new note. */
function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function NoteForm({ organisationId, draft, onSaved, onBack }: Props) {
  const t = useT();
  const content = draft?.content;
  const keptEnclosures = content && pagesOf(content.enclosures) === null ? content.enclosures : null;
  const [languages, setLanguages] = useState<NoteLanguage[] | null>(draft ? draft.languages : null);
  const [fileIndex, setFileIndex] = useState(content?.fileIndex ?? '17-1');
  const [date, setDate] = useState(content?.date ?? today());
  const [allMembers, setAllMembers] = useState(content ? content.addressees.kind === 'all-members' : true);
  const [states, setStates] = useState(content?.addressees.kind === 'states' ? content.addressees.states.join(', ') : '');
  const [pages, setPages] = useState(content ? (pagesOf(content.enclosures) ?? 0) : 0);
  const [texts, setTexts] = useState<Partial<Record<NoteLanguage, LanguageFields>>>(content && draft ? Object.fromEntries(draft.languages.map((l) => [l, fieldsOf(content, l)])) : {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Opened from a draft's screen, the form takes the focus, so that its heading is what is read next.
  useEffect(() => {
    if (draft) heading.current?.focus();
    // Once, when the form opens.
  }, []);

  useEffect(() => {
    // A draft brings its own languages and wording.
    if (draft) return;
    const registry = request<{ config: { languages: NoteLanguage[] } | null }>('GET', `/api/organisations/${encodeURIComponent(organisationId)}/notes-verbales/registry`);
    Promise.all([registry, notesApi.list(organisationId, {})]).then(
      ([{ config }, { notes }]) => {
        const last = notes[0]?.content;
        const langs = config?.languages ?? ['en', 'ru', 'kk'];
        setLanguages(langs);
        setTexts(Object.fromEntries(langs.map((l) => [l, { ...EMPTY, addressee: last?.addressee[l] ?? '', addresseeBlock: (last?.addresseeBlock[l] ?? []).join('\n') }])));
        if (!config) setError(t('notes.notConfigured', { detail: '' }));
      },
      (e: unknown) => setError(messageOf(e)),
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
    const fields: ReviseNoteBody = {
      fileIndex,
      date,
      subject: pick('subject'),
      addressees: allMembers ? { kind: 'all-members' } : { kind: 'states', states: states.split(/[\s,;]+/u).filter((s) => s !== '').map((s) => s.toUpperCase()) },
      addressee: pick('addressee'),
      addresseeBlock: pickLines('addresseeBlock'),
      purpose: pick('purpose'),
      body: pickLines('body'),
      enclosures: keptEnclosures ?? (pages > 0 ? [{ pages }] : []),
      ...(content?.openingContinuation ? { openingContinuation: content.openingContinuation } : {}),
    };
    const body: NewNoteBody = { ...fields, ...(circulate ? { circulate: true } : {}) };
    setBusy(true);
    (draft ? notesApi.revise(organisationId, draft.id, { ...fields, expectedRevisedAt: draft.revisedAt }) : notesApi.create(organisationId, body))
      .then(onSaved, (e: unknown) => setError(messageOf(e)))
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
          {draft ? t('notes.form.backToDraft') : t('notes.back')}
        </a>
      </p>
      <h1 id="note-form-heading" ref={heading} tabIndex={-1}>
        {draft ? t('notes.form.editHeading') : t('notes.new')}
      </h1>
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
      {keptEnclosures ? (
        <p>{t('notes.form.enclosuresKept', { count: keptEnclosures.length })}</p>
      ) : (
        <p>
          <label>
            {t('notes.form.enclosurePages')} <input type="number" min={0} max={10000} value={pages} onChange={(e) => setPages(Math.max(0, Number(e.target.value) || 0))} />
          </label>
        </p>
      )}
      <p>
        <button type="submit" disabled={busy || !languages}>
          {draft ? t('notes.form.saveChanges') : t('notes.form.saveDraft')}
        </button>
        {draft ? null : (
          <>
            {' '}
            <button type="button" disabled={busy || !languages} onClick={submit(true)}>
              {t('notes.form.issueAndCirculate')}
            </button>
          </>
        )}
      </p>
    </form>
  );
}
