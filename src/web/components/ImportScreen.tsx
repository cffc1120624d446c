/**
 * Importing a draft (the secretariat): paste the text or read a .txt file in the browser,
 * or import Word files below it (word-import/WordImport: a bracketed .docx, or delegations'
 * tracked-change files merged, with the authors mapped to delegations);
 * "Check" runs the server's import without saving and shows the warnings line by line, the
 * text can be corrected here and checked again, and only a check of the current text lets
 * "Save and open" create the document. Reading, sending and the server's work show progress;
 * meanwhile the buttons wait and the text is read-only. A draft too long for a text box is
 * kept out of one (see {@link EDITABLE_MAX_CHARS}): it is corrected in its file and chosen again.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { DRAFT_TEXT_MAX_CHARS, REQUEST_BODY_LIMIT_BYTES } from '../../protocol/schemas.ts';
import { api, ApiError, encodeDraft, type DraftPreviewResult } from '../api.ts';
import { DraftFileError, readDraftFile } from '../draft-file.ts';
import { useT, type T } from '../i18n/use-t.ts';
import { isNotationId, notationChoices, notationDescription, type NotationId } from '../notations.ts';
import { NetworkError, type TransferProgress } from '../upload-request.ts';
import { ImportResult } from './ImportResult.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { WordImport } from '../word-import/WordImport.tsx';

/**
 * Longer drafts are checked and saved as read, not shown for editing: a browser's text box
 * slows down past this size (measured in Chromium: at 500,000 characters each key press
 * takes a quarter of a second, at 2.5 million setting the text takes seconds).
 */
export const EDITABLE_MAX_CHARS = 250_000;

type Purpose = 'check' | 'save';
type Activity =
  | { readonly kind: 'reading'; readonly loaded: number; readonly total: number }
  | { readonly kind: 'uploading'; readonly purpose: Purpose; readonly loaded: number; readonly total: number }
  | { readonly kind: 'working'; readonly purpose: Purpose };

/** What was checked, so that a change to it can be noticed before saving. */
interface Checked {
  readonly text: string;
  readonly notation: NotationId | '';
  readonly preview: DraftPreviewResult;
  /** Counts the checks, so that each result starts at its first page of warnings. */
  readonly round: number;
}

function activityOf(purpose: Purpose, progress: TransferProgress): Activity {
  return progress.phase === 'waiting' ? { kind: 'working', purpose } : { kind: 'uploading', purpose, loaded: progress.loaded, total: progress.total };
}

/** The offset in `text` of a 1-based line and column, as the importers count them. */
export function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return text.length;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return Math.min(start + column - 1, end === -1 ? text.length : end);
}

function useMegabytes(): (bytes: number) => string {
  const intl = useIntl();
  return (bytes) => intl.formatNumber(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}

function describe(t: T, megabytes: (bytes: number) => string, caught: unknown): string {
  if (caught instanceof DraftFileError) {
    const problem = caught.problem;
    switch (problem.kind) {
      case 'too-large':
        return t('import.error.tooLarge', { size: megabytes(problem.size), limit: megabytes(problem.limit) });
      case 'not-text':
        return t('import.error.notText', { type: problem.type });
      case 'binary':
        return t('import.error.binary');
      case 'not-utf8':
        return t('import.error.notUtf8');
      case 'unreadable':
        return t('import.error.unreadable');
    }
  }
  if (caught instanceof NetworkError) return t('import.error.network');
  if (caught instanceof ApiError) return t('import.error.server', { detail: caught.problem.detail ?? caught.message });
  return caught instanceof Error ? caught.message : String(caught);
}

export function ImportScreen({ organisationId, onSaved, onBack }: { readonly organisationId: string; readonly onSaved: (documentId: string) => void; readonly onBack: () => void }) {
  const t = useT();
  const megabytes = useMegabytes();
  const errorText = (caught: unknown): string => describe(t, megabytes, caught);
  const [title, setTitle] = useState('');
  const [notation, setNotation] = useState<NotationId | ''>('');
  const [text, setText] = useState('');
  /** Where a draft too long to edit came from: the file's name, or null when it was pasted. */
  const [origin, setOrigin] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [activity, setActivity] = useState<Activity | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const busy = activity !== null;
  const stale = checked !== null && (checked.text !== text || checked.notation !== notation);
  const editable = text.length <= EDITABLE_MAX_CHARS;

  useEffect(() => {
    if (checked) resultRef.current?.focus();
  }, [checked]);

  const chooseFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    // Cleared at once, so that choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (!file) return;
    setError(null);
    setFileNote(null);
    setActivity({ kind: 'reading', loaded: 0, total: file.size });
    try {
      const read = await readDraftFile(file, REQUEST_BODY_LIMIT_BYTES, (loaded, total) => setActivity({ kind: 'reading', loaded, total }));
      if (read.length > DRAFT_TEXT_MAX_CHARS) {
        setError(t('import.error.tooLong', { count: read.length, limit: DRAFT_TEXT_MAX_CHARS }));
        return;
      }
      setText(read);
      setOrigin(file.name);
      setFileNote(t('import.fileRead', { name: file.name, count: read.length }));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setActivity(null);
    }
  };

  /** The body to send, or null (with the reason shown) when the server would refuse it anyway. */
  const draftBody = (): Blob | null => {
    if (text.trim() === '') {
      setError(t('import.error.empty'));
      return null;
    }
    if (text.length > DRAFT_TEXT_MAX_CHARS) {
      setError(t('import.error.tooLong', { count: text.length, limit: DRAFT_TEXT_MAX_CHARS }));
      return null;
    }
    const body = encodeDraft({ text, title: title.trim() === '' ? null : title.trim(), notation: notation === '' ? null : notation });
    if (body.size > REQUEST_BODY_LIMIT_BYTES) {
      setError(t('import.error.bodyTooLarge', { size: megabytes(body.size), limit: megabytes(REQUEST_BODY_LIMIT_BYTES) }));
      return null;
    }
    return body;
  };

  const check = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const body = draftBody();
    if (!body) return;
    const sent = { text, notation };
    setActivity({ kind: 'uploading', purpose: 'check', loaded: 0, total: body.size });
    try {
      const preview = await api.previewDraft(organisationId, body, (progress) => setActivity(activityOf('check', progress)));
      setChecked((previous) => ({ ...sent, preview, round: (previous?.round ?? 0) + 1 }));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setActivity(null);
    }
  };

  const save = async (): Promise<void> => {
    if (busy || !checked || stale) return;
    setError(null);
    const body = draftBody();
    if (!body) return;
    setActivity({ kind: 'uploading', purpose: 'save', loaded: 0, total: body.size });
    try {
      const created = await api.importDraft(organisationId, body, (progress) => setActivity(activityOf('save', progress)));
      onSaved(created.document.id);
    } catch (caught) {
      setError(errorText(caught));
      setActivity(null);
    }
  };

  const goTo = (line: number, column: number): void => {
    const area = textRef.current;
    if (!area) return;
    const at = offsetOf(area.value, line, column);
    area.focus();
    area.setSelectionRange(at, at);
    // Browsers do not all scroll a textarea to its caret: place the line near the middle.
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 1) * lineHeight - area.clientHeight / 2);
  };

  const progress =
    activity === null ? null : activity.kind === 'reading' ? (
      <ProgressBar label={t('import.progress.reading')} done={activity.total === 0 ? 1 : activity.loaded / activity.total} />
    ) : activity.kind === 'uploading' ? (
      <ProgressBar label={t('import.progress.uploading')} done={activity.total === 0 ? 1 : activity.loaded / activity.total} />
    ) : (
      <ProgressBar label={t(activity.purpose === 'check' ? 'import.progress.checking' : 'import.progress.saving')} done={null} />
    );

  return (
    <main id="content" className="import-screen">
      <button type="button" className="link" onClick={onBack}>
        ← {t('import.back')}
      </button>
      <h1>{t('import.heading')}</h1>
      <p>{t('import.intro')}</p>
      <form className="import-form" onSubmit={(e) => void check(e)} aria-busy={busy}>
        <div className="import-fields">
          <div className="field">
            <label htmlFor="import-title">{t('import.title')}</label>
            <input id="import-title" name="title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} aria-describedby="import-title-hint" disabled={busy} />
            <span id="import-title-hint" className="hint">
              {t('import.titleHint')}
            </span>
          </div>
          <label>
            {t('import.notation')}
            <select name="notation" value={notation} onChange={(e) => setNotation(isNotationId(e.target.value) ? e.target.value : '')} disabled={busy}>
              <option value="">{t('import.notationDetect')}</option>
              {notationChoices().map((id) => (
                <option key={id} value={id}>
                  {t(notationDescription(id))}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('import.file')}
            <input type="file" name="file" accept=".txt,text/plain" onChange={(e) => void chooseFile(e.currentTarget)} disabled={busy} />
          </label>
        </div>
        {fileNote ? (
          <p role="status" className="hint">
            {fileNote}
          </p>
        ) : null}
        {editable ? (
          <>
            <label className="import-text">
              {t('import.text')}
              <textarea
                name="text"
                ref={textRef}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setOrigin(null);
                }}
                readOnly={busy}
                rows={16}
                spellCheck={false}
                autoComplete="off"
                dir="auto"
              />
            </label>
            <p className="hint">{t('import.length', { count: text.length })}</p>
          </>
        ) : (
          <div className="large-draft" role="group" aria-labelledby="import-large-heading">
            <p id="import-large-heading">
              <strong>{origin ?? t('import.largePasted')}</strong> — {t('import.length', { count: text.length })}
            </p>
            <p>{t('import.large', { limit: EDITABLE_MAX_CHARS })}</p>
            <button
              type="button"
              onClick={() => {
                setText('');
                setOrigin(null);
                setFileNote(null);
              }}
              disabled={busy}
            >
              {t('import.largeRemove')}
            </button>
          </div>
        )}
        {progress}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {stale ? (
          <p role="status" className="stale">
            {t('import.stale')}
          </p>
        ) : null}
        <div className="buttons">
          <button type="submit" disabled={busy}>
            {t('import.check')}
          </button>
          <button type="button" onClick={() => void save()} disabled={busy || checked === null || stale}>
            {t('import.save')}
          </button>
        </div>
      </form>
      {checked ? <ImportResult key={checked.round} preview={checked.preview} onGoTo={editable ? goTo : null} headingRef={resultRef} /> : null}
      <WordImport organisationId={organisationId} onSaved={onSaved} />
    </main>
  );
}
