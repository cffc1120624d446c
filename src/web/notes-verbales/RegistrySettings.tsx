/**
 * The secretariat's registry settings: the numbering pattern and counter scope, how far each
 * counter has run, the languages every note is written in (ordered), and the sender, its short
 * form and the place in each of them. The next number is previewed with core's `nextNumber`,
 * from the settings as saved, so a saved change shows at once. The server judges the settings
 * (core's checkConfig: a counter never moves back, a pattern needs {number}, each language
 * needs its sender and place); its refusal is shown beside the form, which keeps what was typed.
 * Others never see the link; a typed-in address says that only the secretariat may see it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { createRegistry, nextNumber } from '../../core/index.ts';
import { notesApi, type NoteLanguage, type NoteRegistryConfigBody, type NoteRegistryViewBody } from './notes-api.ts';
import { useT } from '../i18n/use-t.ts';
import { messageOf } from '../api.ts';
import { BackToRegistry } from './BackToRegistry.tsx';
import { LOCALE_NAMES } from '../i18n/locales.ts';

interface Props {
  readonly organisationId: string;
  readonly isSecretariat: boolean;
  readonly onBack: () => void;
}

const ALL_LANGUAGES: readonly NoteLanguage[] = ['en', 'ru', 'kk'];
type Counter = 'per-year' | 'per-index-and-year';
type Localized = Record<NoteLanguage, string>;
const filled = (value: Partial<Localized> | undefined): Localized => ({ en: value?.en ?? '', ru: value?.ru ?? '', kk: value?.kk ?? '' });

interface FormState {
  pattern: string;
  counter: Counter;
  /** Counter key → last number, as typed. */
  last: { key: string; value: string }[];
  /** The registry's languages in order; the unchecked ones follow, kept with their texts. */
  languages: NoteLanguage[];
  sender: Localized;
  senderShort: Localized;
  place: Localized;
}

function formOf(view: NoteRegistryViewBody): FormState {
  const config = view.config;
  const last = { ...(config?.last ?? {}), ...view.last };
  return {
    pattern: config?.format.pattern ?? '{index}/{number}',
    counter: config?.format.counter ?? 'per-year',
    last: Object.entries(last)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value: String(value) })),
    languages: config ? [...config.languages] : [...ALL_LANGUAGES],
    sender: filled(config?.sender),
    senderShort: filled(config?.senderShort),
    place: filled(config?.place),
  };
}

/** The next number as the saved registry would give it for a file index and year, or why it cannot. */
export function previewNumber(view: NoteRegistryViewBody, fileIndex: string, year: number): { number: string } | { problem: string } {
  if (!view.config) return { problem: '' };
  try {
    return { number: nextNumber(createRegistry(view.config.format, view.last), fileIndex.trim(), year).formatted };
  } catch (error) {
    return { problem: messageOf(error) };
  }
}

export function RegistrySettings({ organisationId, isSecretariat, onBack }: Props) {
  const t = useT();
  const [view, setView] = useState<NoteRegistryViewBody | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [exampleIndex, setExampleIndex] = useState('17-1');
  const [exampleYear, setExampleYear] = useState(String(new Date().getFullYear()));
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');

  useEffect(() => {
    if (!isSecretariat) return;
    notesApi.registry(organisationId).then(
      (loaded) => {
        setView(loaded);
        setForm(formOf(loaded));
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [organisationId, isSecretariat]);

  const back = <BackToRegistry onBack={onBack} />;

  if (!isSecretariat) {
    return (
      <section aria-labelledby="registry-settings-heading">
        {back}
        <h1 id="registry-settings-heading">{t('notes.settings.heading')}</h1>
        <p role="alert">{t('notes.settings.onlySecretariat')}</p>
      </section>
    );
  }

  const update = (change: Partial<FormState>): void => {
    setSaved(false);
    setForm((current) => (current ? { ...current, ...change } : current));
  };
  const setText = (field: 'sender' | 'senderShort' | 'place', language: NoteLanguage, value: string): void => {
    if (form) update({ [field]: { ...form[field], [language]: value } });
  };
  const move = (language: NoteLanguage, by: -1 | 1): void => {
    if (!form) return;
    const order = [...form.languages];
    const at = order.indexOf(language);
    const to = at + by;
    if (at < 0 || to < 0 || to >= order.length) return;
    [order[at], order[to]] = [order[to]!, order[at]!];
    update({ languages: order });
  };
  const toggle = (language: NoteLanguage, on: boolean): void => {
    if (!form) return;
    update({ languages: on ? [...form.languages, language] : form.languages.filter((l) => l !== language) });
  };
  const addCounter = (): void => {
    if (!form || newKey.trim() === '') return;
    update({ last: [...form.last.filter((entry) => entry.key !== newKey.trim()), { key: newKey.trim(), value: newValue || '0' }] });
    setNewKey('');
    setNewValue('');
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!form) return;
    const pick = (value: Localized) => Object.fromEntries(form.languages.map((l) => [l, value[l]]));
    const body: NoteRegistryConfigBody = {
      format: { pattern: form.pattern, counter: form.counter },
      last: Object.fromEntries(form.last.map(({ key, value }) => [key, Number(value)])),
      languages: form.languages,
      sender: pick(form.sender),
      senderShort: pick(form.senderShort),
      place: pick(form.place),
    };
    setBusy(true);
    setSaved(false);
    notesApi
      .configureRegistry(organisationId, body)
      .then(
        (next) => {
          setView(next);
          setForm(formOf(next));
          setError(null);
          setSaved(true);
        },
        (e: unknown) => setError(messageOf(e)),
      )
      .finally(() => setBusy(false));
  };

  const preview = view ? previewNumber(view, exampleIndex, Number(exampleYear)) : null;
  const unchecked = ALL_LANGUAGES.filter((l) => !form?.languages.includes(l));

  return (
    <section aria-labelledby="registry-settings-heading" className="note-form registry-settings">
      {back}
      <h1 id="registry-settings-heading">{t('notes.settings.heading')}</h1>
      {view === null ? (
        error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p role="status">{t('notes.loading')}</p>
        )
      ) : (
        <>
          <section aria-labelledby="registry-next-heading">
            <h2 id="registry-next-heading">{t('notes.settings.nextHeading')}</h2>
            {view.config ? <p>{t('notes.settings.currentPattern', { pattern: view.config.format.pattern })}</p> : <p>{t('notes.settings.notConfigured')}</p>}
            <p className="notes-search">
              <label>
                {t('notes.settings.exampleIndex')} <input value={exampleIndex} onChange={(e) => setExampleIndex(e.target.value)} className="notes-year" />
              </label>
              <label>
                {t('notes.settings.exampleYear')} <input type="number" min={1900} max={9999} value={exampleYear} onChange={(e) => setExampleYear(e.target.value)} className="notes-year" />
              </label>
            </p>
            {preview && 'number' in preview ? (
              <p role="status" className="registry-next">
                {t('notes.settings.nextNumber', { number: preview.number })}
              </p>
            ) : preview && preview.problem ? (
              <p role="status">{preview.problem}</p>
            ) : null}
            <h3>{t('notes.settings.countersHeading')}</h3>
            {Object.keys(view.last).length === 0 ? (
              <p>{t('notes.settings.noCounters')}</p>
            ) : (
              <table className="notes-table registry-counters">
                <thead>
                  <tr>
                    <th scope="col">{t('notes.settings.colCounter')}</th>
                    <th scope="col">{t('notes.settings.colLast')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(view.last)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([key, last]) => (
                      <tr key={key}>
                        <td>{key}</td>
                        <td>{last}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </section>
          {form ? (
            <form onSubmit={submit} aria-labelledby="registry-form-heading">
              <h2 id="registry-form-heading">{t('notes.settings.formHeading')}</h2>
              {error ? (
                <p role="alert" className="error">
                  {error}
                </p>
              ) : null}
              {saved ? <p role="status">{t('notes.settings.saved')}</p> : null}
              <fieldset>
                <legend>{t('notes.settings.numbering')}</legend>
                <p>
                  <label>
                    {t('notes.settings.pattern')} <input value={form.pattern} onChange={(e) => update({ pattern: e.target.value })} required aria-describedby="registry-pattern-help" />
                  </label>
                </p>
                <p id="registry-pattern-help">{t('notes.settings.patternHelp')}</p>
                <p>
                  <label>
                    <input type="radio" name="registry-counter" checked={form.counter === 'per-year'} onChange={() => update({ counter: 'per-year' })} /> {t('notes.settings.perYear')}
                  </label>{' '}
                  <label>
                    <input type="radio" name="registry-counter" checked={form.counter === 'per-index-and-year'} onChange={() => update({ counter: 'per-index-and-year' })} /> {t('notes.settings.perIndexAndYear')}
                  </label>
                </p>
              </fieldset>
              <fieldset>
                <legend>{t('notes.settings.counters')}</legend>
                <p>{t('notes.settings.countersHelp')}</p>
                {form.last.map((entry, at) => (
                  <p key={entry.key}>
                    <label>
                      {t('notes.settings.counterLast', { counter: entry.key })}{' '}
                      <input
                        type="number"
                        min={0}
                        value={entry.value}
                        onChange={(e) => update({ last: form.last.map((other, i) => (i === at ? { ...other, value: e.target.value } : other)) })}
                        className="notes-year"
                        required
                      />
                    </label>
                  </p>
                ))}
                <p className="notes-search">
                  <label>
                    {t('notes.settings.newCounterKey')} <input value={newKey} onChange={(e) => setNewKey(e.target.value)} className="notes-year" />
                  </label>
                  <label>
                    {t('notes.settings.newCounterLast')} <input type="number" min={0} value={newValue} onChange={(e) => setNewValue(e.target.value)} className="notes-year" />
                  </label>
                  <button type="button" onClick={addCounter} disabled={newKey.trim() === ''}>
                    {t('notes.settings.addCounter')}
                  </button>
                </p>
              </fieldset>
              <fieldset>
                <legend>{t('notes.settings.languages')}</legend>
                <ol>
                  {form.languages.map((language, at) => (
                    <li key={language}>
                      <label>
                        <input type="checkbox" checked onChange={() => toggle(language, false)} /> {LOCALE_NAMES[language]}
                      </label>{' '}
                      <button type="button" disabled={at === 0} onClick={() => move(language, -1)}>
                        {t('notes.settings.moveUp', { language: LOCALE_NAMES[language] })}
                      </button>{' '}
                      <button type="button" disabled={at === form.languages.length - 1} onClick={() => move(language, 1)}>
                        {t('notes.settings.moveDown', { language: LOCALE_NAMES[language] })}
                      </button>
                    </li>
                  ))}
                </ol>
                {unchecked.map((language) => (
                  <p key={language}>
                    <label>
                      <input type="checkbox" checked={false} onChange={() => toggle(language, true)} /> {LOCALE_NAMES[language]}
                    </label>
                  </p>
                ))}
              </fieldset>
              {form.languages.map((language) => (
                <fieldset key={language} lang={language}>
                  <legend>{t('notes.form.inLanguage', { language: LOCALE_NAMES[language] })}</legend>
                  <p>
                    <label>
                      {t('notes.settings.sender')} <input value={form.sender[language]} onChange={(e) => setText('sender', language, e.target.value)} required />
                    </label>
                  </p>
                  <p>
                    <label>
                      {t('notes.settings.senderShort')} <input value={form.senderShort[language]} onChange={(e) => setText('senderShort', language, e.target.value)} required />
                    </label>
                  </p>
                  <p>
                    <label>
                      {t('notes.settings.place')} <input value={form.place[language]} onChange={(e) => setText('place', language, e.target.value)} required />
                    </label>
                  </p>
                </fieldset>
              ))}
              <p>
                <button type="submit" disabled={busy}>
                  {t('notes.settings.save')}
                </button>
              </p>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}
