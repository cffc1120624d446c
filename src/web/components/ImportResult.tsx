/**
 * What a check of a draft found: how it was read, what it holds, and each warning with its
 * line number and the line as written, so the secretariat can find the line and fix it.
 * A draft with thousands of warnings shows them a page at a time, so the screen stays quick.
 */
import { useState, type Ref } from 'react';
import { useIntl } from 'react-intl';
import type { DraftPreviewResult } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { notationName } from '../notations.ts';

export const WARNINGS_PAGE = 100;

type Warning = DraftPreviewResult['warnings'][number];

/** The line as written, the character the warning points at marked. */
function SourceLine({ line, source }: { readonly line: number; readonly source: Warning['source'] }) {
  const at = source.column - 1;
  // The character at the column, whole even when it is outside the Basic Multilingual Plane.
  const marked = at < source.text.length ? String.fromCodePoint(source.text.codePointAt(at) ?? 32) : ' ';
  return (
    <pre className="source-line">
      <span className="line-number">{line}</span>
      {source.text.slice(0, at)}
      <mark>{marked}</mark>
      {source.text.slice(at + marked.length)}
    </pre>
  );
}

export function ImportResult({
  preview,
  onGoTo,
  headingRef,
}: {
  readonly preview: DraftPreviewResult;
  /** Puts the caret on a warning's line in the text box; null when the draft is not shown in one. */
  readonly onGoTo: ((line: number, column: number) => void) | null;
  /** The heading, focused once the check is done so that reading goes on from it. */
  readonly headingRef?: Ref<HTMLHeadingElement>;
}) {
  const t = useT();
  const intl = useIntl();
  const [shown, setShown] = useState(WARNINGS_PAGE);
  const { counts, warnings } = preview;
  const rest = warnings.length - Math.min(shown, warnings.length);
  return (
    <section className="import-result" aria-labelledby="import-result-heading">
      <h2 id="import-result-heading" ref={headingRef} tabIndex={-1}>
        {t('import.result.heading')}
      </h2>
      <p>{t('import.result.readAs', { notation: t(notationName(preview.notation)), title: preview.title })}</p>
      <ul className="import-counts">
        <li data-count="provisions">{t('import.count.provisions', { count: counts.provisions })}</li>
        <li data-count="proposals">{t('import.count.proposals', { count: counts.proposals })}</li>
        <li data-count="option-sets">{t('import.count.optionSets', { count: counts.optionSets })}</li>
        <li data-count="footnotes">{t('import.count.footnotes', { count: counts.footnotes })}</li>
        <li data-count="statements">{t('import.count.statements', { count: counts.statements })}</li>
        <li data-count="delegations">{t('import.count.delegations', { count: counts.delegations.length, list: intl.formatList(counts.delegations, { type: 'conjunction' }) })}</li>
      </ul>
      <h3>{t('import.warnings.heading', { count: warnings.length })}</h3>
      <p>{warnings.length === 0 ? t('import.warnings.none') : t('import.warnings.intro')}</p>
      {warnings.length > 0 ? (
        <ol className="import-warnings">
          {warnings.slice(0, shown).map((warning, index) => (
            <li key={index} data-code={warning.code} data-line={warning.line}>
              <p className="where">
                <strong>{t('import.warning.where', { line: warning.line, column: warning.column })}</strong> <code>{warning.code}</code>
              </p>
              <p className="message">{warning.message}</p>
              <SourceLine line={warning.line} source={warning.source} />
              {onGoTo ? (
                <button type="button" className="link" onClick={() => onGoTo(warning.line, warning.column)}>
                  {t('import.warning.goTo', { line: warning.line })}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {rest > 0 ? (
        <p>
          {t('import.warnings.shown', { shown, total: warnings.length })}{' '}
          <button type="button" onClick={() => setShown((n) => n + WARNINGS_PAGE)}>
            {t('import.warnings.more', { count: Math.min(rest, WARNINGS_PAGE) })}
          </button>
        </p>
      ) : null}
    </section>
  );
}
