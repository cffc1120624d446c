/**
 * Import from Word, on the import screen (the secretariat). Two kinds of files:
 * - one Word file written in a bracket notation: checked (the server's import, nothing saved),
 *   its warnings shown with their place in the Word file, then saved;
 * - delegations' Word files with tracked changes against one base text: checked, which lists
 *   every author of a change with the delegation the server knows for them (remembered from
 *   earlier imports); the secretariat chooses the missing ones — the mapping dialog — and saves
 *   the merged compilation. Save stays off until every author has a delegation, as the server
 *   would refuse it.
 * A change to the files, the kind or the mapping after a check asks for a new check.
 */
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { api, ApiError, type DelegationBody } from '../api.ts';
import { useT, type T } from '../i18n/use-t.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { readWordFile, WordFileError, type ChosenWordFile } from './word-file.ts';
import { wordImportApi, type TrackedImportAnswer, type WordImportAnswer } from './word-import-api.ts';

type Mode = 'bracketed' | 'tracked';

type Checked = { readonly mode: 'bracketed'; readonly answer: WordImportAnswer } | { readonly mode: 'tracked'; readonly answer: TrackedImportAnswer };

interface Warning {
  readonly key: string;
  readonly where: string;
  readonly message: string;
}

function describeError(t: T, megabytes: (bytes: number) => string, caught: unknown): string {
  if (caught instanceof WordFileError) {
    const { problem } = caught;
    return problem.kind === 'not-docx' ? t('wordImport.error.notDocx', { name: problem.name }) : t('wordImport.error.tooLarge', { name: problem.name, size: megabytes(problem.size), limit: megabytes(problem.limit) });
  }
  if (caught instanceof ApiError) return t('wordImport.error.server', { detail: caught.problem.detail ?? caught.message });
  return caught instanceof Error ? caught.message : String(caught);
}

function warningsOf(t: T, checked: Checked): Warning[] {
  if (checked.mode === 'bracketed') {
    return checked.answer.warnings.map((w, n) => ({
      key: String(n),
      where: w.word.footnote === undefined ? t('wordImport.where.paragraph', { paragraph: w.word.paragraph }) : t('wordImport.where.footnote', { paragraph: w.word.paragraph, footnote: w.word.footnote }),
      message: w.message,
    }));
  }
  return checked.answer.warnings.map((w, n) => ({
    key: String(n),
    where: w.file === null ? '' : w.paragraph === null ? w.file : t('wordImport.where.file', { file: w.file, paragraph: w.paragraph }),
    message: w.message,
  }));
}

export function WordImport({ organisationId, onSaved }: { readonly organisationId: string; readonly onSaved: (documentId: string) => void }) {
  const t = useT();
  const intl = useIntl();
  const ids = useId();
  const megabytes = (bytes: number): string => intl.formatNumber(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const [mode, setMode] = useState<Mode>('bracketed');
  const [files, setFiles] = useState<readonly ChosenWordFile[]>([]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [authors, setAuthors] = useState<Readonly<Record<string, string>>>({});
  const [delegations, setDelegations] = useState<readonly DelegationBody[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = (): void => {
    setChecked(null);
    setError(null);
  };

  const choose = async (input: HTMLInputElement): Promise<void> => {
    const chosen = input.files === null ? [] : Array.from(input.files);
    input.value = '';
    reset();
    try {
      setFiles(await Promise.all(chosen.map(readWordFile)));
    } catch (caught) {
      setFiles([]);
      setError(describeError(t, megabytes, caught));
    }
  };

  const send = async (preview: boolean): Promise<Checked> => {
    if (mode === 'bracketed') return { mode, answer: await wordImportApi.word(organisationId, { file: files[0]!.file, preview }) };
    return { mode, answer: await wordImportApi.tracked(organisationId, { files: files.map(({ name, file }) => ({ name, file })), authors, preview }) };
  };

  const check = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    if (files.length === 0) {
      setError(t('wordImport.noFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The delegations to map authors to arrive with the first tracked check, so the table is whole when shown.
      const [result, list] = await Promise.all([send(true), mode === 'tracked' && delegations.length === 0 ? api.delegations(organisationId) : Promise.resolve(delegations)]);
      setDelegations(list);
      setChecked(result);
      if (result.mode === 'tracked') {
        // What the server knows (given now or remembered) fills the choices; the rest stays to choose.
        const known: Record<string, string> = {};
        for (const { author, delegation } of result.answer.authors) if (delegation !== null) known[author] = delegation;
        setAuthors((given) => ({ ...known, ...given }));
      }
    } catch (caught) {
      setError(describeError(t, megabytes, caught));
    } finally {
      setBusy(false);
    }
  };

  const unmapped = checked?.mode === 'tracked' ? checked.answer.authors.filter(({ author }) => authors[author] === undefined) : [];

  const save = async (): Promise<void> => {
    if (busy || checked === null) return;
    if (unmapped.length > 0) {
      setError(t('wordImport.error.unmapped'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { answer } = await send(false);
      if (answer.document !== null) onSaved(answer.document.id);
    } catch (caught) {
      setError(describeError(t, megabytes, caught));
      setBusy(false);
    }
  };

  const language = intl.locale.startsWith('ru') ? 'ru' : 'en';
  const warnings = checked ? warningsOf(t, checked) : [];
  return (
    <section className="word-import" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('wordImport.heading')}</h2>
      <p>{t('wordImport.intro')}</p>
      <form onSubmit={(e) => void check(e)} aria-busy={busy}>
        <fieldset disabled={busy}>
          <legend>{t('wordImport.mode')}</legend>
          {(['bracketed', 'tracked'] as const).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name="word-import-mode"
                value={choice}
                checked={mode === choice}
                onChange={() => {
                  setMode(choice);
                  setFiles((chosen) => (choice === 'bracketed' ? chosen.slice(0, 1) : chosen));
                  reset();
                }}
              />
              {t(choice === 'bracketed' ? 'wordImport.mode.bracketed' : 'wordImport.mode.tracked')}
            </label>
          ))}
        </fieldset>
        <label>
          {t(mode === 'bracketed' ? 'wordImport.file' : 'wordImport.files')}
          <input type="file" name="word-files" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" multiple={mode === 'tracked'} onChange={(e) => void choose(e.currentTarget)} disabled={busy} />
        </label>
        {files.length > 0 ? (
          <p role="status" className="hint">
            {t('wordImport.chosen', { count: files.length, names: intl.formatList(files.map((f) => f.name), { type: 'conjunction' }) })}
          </p>
        ) : null}
        {busy ? <ProgressBar label={t('wordImport.working')} done={null} /> : null}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {checked ? (
          <div className="word-import-result" role="group" aria-labelledby={`${ids}-result`}>
            <h3 id={`${ids}-result`}>{t('wordImport.result')}</h3>
            <p data-testid="word-import-counts">{t('wordImport.counts', { provisions: checked.answer.counts.provisions, proposals: checked.answer.counts.proposals, optionSets: checked.answer.counts.optionSets })}</p>
            {checked.mode === 'tracked' && checked.answer.authors.length > 0 ? (
              <table className="word-import-authors">
                <caption>
                  {t('wordImport.authors')}
                  <span className="hint"> {t('wordImport.authorsHint')}</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('wordImport.author')}</th>
                    <th scope="col">{t('wordImport.delegation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {checked.answer.authors.map(({ author }) => (
                    <tr key={author}>
                      <th scope="row">{author}</th>
                      <td>
                        <select
                          aria-label={`${t('wordImport.delegation')}: ${author}`}
                          value={authors[author] ?? ''}
                          onChange={(e) => {
                            const code = e.currentTarget.value;
                            setAuthors((given) => {
                              const next = { ...given };
                              if (code === '') delete next[author];
                              else next[author] = code;
                              return next;
                            });
                          }}
                        >
                          <option value="">{t('wordImport.choose')}</option>
                          {delegations.map((d) => (
                            <option key={d.code} value={d.code}>
                              {d.code} — {d.names[language]}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <h4>{t('wordImport.warnings')}</h4>
            {warnings.length === 0 ? (
              <p>{t('wordImport.noWarnings')}</p>
            ) : (
              <ul className="word-import-warnings">
                {warnings.map((w) => (
                  <li key={w.key}>
                    {w.where === '' ? null : <strong>{w.where}: </strong>}
                    {w.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
        <div className="buttons">
          <button type="submit" disabled={busy}>
            {t('wordImport.check')}
          </button>
          <button type="button" onClick={() => void save()} disabled={busy || checked === null || unmapped.length > 0}>
            {t('wordImport.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
