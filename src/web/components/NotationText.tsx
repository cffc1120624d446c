/**
 * The document written in a notation exactly as the engine writes it (renderText, the same
 * text the server's views and exports give): read-only plain text, wrapped, for reading and
 * copying into a word processor. Rendered again only when the document or the choice changes.
 */
import { useMemo } from 'react';
import { renderText, type DocumentState } from '../../core/index.ts';
import { useT } from '../i18n/use-t.ts';
import { notationName, type NotationId } from '../notations.ts';

export function NotationText({ state, version, view, notation }: { readonly state: DocumentState; /** The state changes in place; its version says when. */ readonly version: number; readonly view: string; readonly notation: NotationId }) {
  const t = useT();
  // `version` stands for the state's contents: the state object is updated in place.
  const text = useMemo(() => renderText(state, { view, notation }), [state, version, view, notation]);
  return (
    <pre className="notation-text" data-notation={notation} tabIndex={0} aria-label={t('notation.textLabel', { notation: t(notationName(notation)) })}>
      {text}
    </pre>
  );
}
