/**
 * The document's language versions side by side: one column per language, one row per
 * provision and one per open proposal on it, each version's status in words (original,
 * done, pending, outdated — never colour alone). The secretariat records a version from
 * its cell; the server checks it against the original as it now reads.
 */
import { useState, type FormEvent } from 'react';
import { alignedVersions, originalOf, type DocumentState, type LanguageVersion, type TranslationTarget } from '../../core/index.ts';
import { useT } from '../i18n/use-t.ts';
import { languagesApi } from '../languages-api.ts';

interface Editing {
  readonly target: TranslationTarget;
  readonly id: string;
  readonly language: string;
  readonly what: string;
}

export function LanguageVersions({
  documentId,
  state,
  version,
  isSecretariat,
  onChanged,
}: {
  readonly documentId: string;
  readonly state: DocumentState;
  /** The state is updated in place: the version tells React it changed. */
  readonly version: number;
  readonly isSecretariat: boolean;
  readonly onChanged: () => Promise<unknown>;
}) {
  const t = useT();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  if (state.languages === null) {
    return (
      <section className="language-versions" aria-labelledby="language-versions-heading" data-version={version}>
        <h2 id="language-versions-heading">{t('languages.heading')}</h2>
        <p>{t('languages.single')}</p>
        {isSecretariat ? (
          <button type="button" onClick={() => void languagesApi.setLanguages(documentId).then(onChanged, (e: Error) => setError(e.message))}>
            {t('languages.enable')}
          </button>
        ) : null}
        {error ? <p role="alert" className="error">{error}</p> : null}
      </section>
    );
  }

  const aligned = alignedVersions(state);
  const name = (language: string): string => t('languages.name', { language });

  const open = (next: Editing, current: string | null): void => {
    setEditing(next);
    setText(current ?? '');
    setError(null);
    setSaved(false);
  };
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!editing) return;
    const original = originalOf(state, editing.target, editing.id);
    if (!original) return;
    try {
      await languagesApi.recordTranslation(documentId, editing.target, editing.id, editing.language, text, original.text);
      setEditing(null);
      setSaved(true);
      await onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const cell = (target: TranslationTarget, id: string, what: string, versions: readonly LanguageVersion[], language: string) => {
    const v = versions.find((candidate) => candidate.language === language);
    if (!v) return <td key={language} />;
    const isEditing = editing?.target === target && editing.id === id && editing.language === language;
    return (
      <td key={language} lang={language} data-language={language} data-status={v.status}>
        {v.text === null ? <p className="not-yet">{t('languages.notYet')}</p> : <p>{v.text}</p>}
        <span className={`badge translation ${v.status}`}>{t(`languages.status.${v.status}`)}</span>
        {v.status === 'outdated' && v.translatedFrom !== null ? <p className="translated-from">{t('languages.translatedFrom', { text: v.translatedFrom })}</p> : null}
        {isSecretariat && v.status !== 'original' && !isEditing ? (
          <button type="button" className="link" onClick={() => open({ target, id, language, what }, v.text)}>
            {t('languages.record', { language, what })}
          </button>
        ) : null}
        {isEditing ? (
          <form className="translation-form" onSubmit={(e) => void save(e)}>
            <label>
              {t('languages.textLabel', { language, what })}
              <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} required />
            </label>
            <button type="submit">{t('languages.save')}</button>{' '}
            <button type="button" onClick={() => setEditing(null)}>
              {t('languages.cancel')}
            </button>
            {error ? <p role="alert" className="error">{error}</p> : null}
          </form>
        ) : null}
      </td>
    );
  };

  return (
    <section className="language-versions" aria-labelledby="language-versions-heading" data-version={version}>
      <h2 id="language-versions-heading">{t('languages.heading')}</h2>
      <p>
        {t('languages.summary', { pending: aligned.unfinished.pending, outdated: aligned.unfinished.outdated })}{' '}
        <a href={languagesApi.bilingualHref(documentId, aligned.languages)} download>
          {t('languages.download')}
        </a>
      </p>
      {saved ? <p role="status">{t('languages.saved')}</p> : null}
      <table className="bilingual">
        <thead>
          <tr>
            <th scope="col">{t('languages.provision')}</th>
            {aligned.languages.map((language) => (
              <th scope="col" key={language}>
                {language === state.languages?.original ? t('languages.original', { name: name(language) }) : name(language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {aligned.provisions.flatMap((provision) => {
            const what = provision.label ?? provision.id;
            return [
              <tr key={provision.id} data-provision={provision.id}>
                <th scope="row">{provision.label}</th>
                {aligned.languages.map((language) => cell('provision', provision.id, what, provision.versions, language))}
              </tr>,
              ...provision.proposals.map((proposal) => (
                <tr key={proposal.id} className="proposal-row" data-proposal={proposal.id}>
                  <th scope="row">{t('languages.proposal', { id: proposal.id.slice(0, 8), proponent: proposal.proponent ?? '—', language: proposal.language })}</th>
                  {aligned.languages.map((language) => cell('proposal', proposal.id, proposal.id.slice(0, 8), proposal.versions, language))}
                </tr>
              )),
            ];
          })}
        </tbody>
      </table>
    </section>
  );
}
