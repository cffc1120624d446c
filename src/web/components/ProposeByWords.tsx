/**
 * Choosing words without a mouse: the paragraph's number and the words as written. What it
 * finds becomes the same anchor a selection gives, so the propose box that follows is the one
 * mouse users see.
 */
import { useState, type FormEvent } from 'react';
import type { DocumentState } from '../../core/index.ts';
import { useT } from '../i18n/use-t.ts';
import type { SelectionAnchor } from '../selection-anchor.ts';
import { anchorForWords } from '../words-anchor.ts';

export function ProposeByWords({ state, onAnchor }: { readonly state: DocumentState; readonly onAnchor: (anchor: SelectionAnchor) => void }) {
  const t = useT();
  const [label, setLabel] = useState('');
  const [words, setWords] = useState('');
  const [where, setWhere] = useState<'on' | 'after'>('on');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = anchorForWords(state, label, words, where);
    if (found.ok) {
      setError(null);
      onAnchor(found.anchor);
      return;
    }
    setError(found.reason === 'no-paragraph' ? t('words.noParagraph', { label: label.trim() }) : found.reason === 'no-words' ? t('words.noWords') : t('words.ambiguous', { count: found.count }));
  };
  return (
    <details className="panel words">
      <summary>{t('words.summary')}</summary>
      <form onSubmit={submit}>
        <label>
          {t('words.paragraph')}
          <input name="paragraph" value={label} onChange={(e) => setLabel(e.target.value)} required />
        </label>
        <label>
          {t('words.words')}
          <input name="words" value={words} onChange={(e) => setWords(e.target.value)} required />
        </label>
        <fieldset>
          <label>
            <input type="radio" name="where" checked={where === 'on'} onChange={() => setWhere('on')} /> {t('words.on')}
          </label>
          <label>
            <input type="radio" name="where" checked={where === 'after'} onChange={() => setWhere('after')} /> {t('words.after')}
          </label>
        </fieldset>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="submit">{t('words.find')}</button>
      </form>
    </details>
  );
}
