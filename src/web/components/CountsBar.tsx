/** The figures negotiators track, from the engine's countState, in the document's header. */
import { countState, type DocumentState } from '../../core/index.ts';
import { useT } from '../i18n/use-t.ts';

export function CountsBar({ state }: { readonly state: DocumentState }) {
  const t = useT();
  const counts = countState(state);
  return (
    <ul className="counts" aria-label={t('document.counts')}>
      <li data-count="open-brackets">{t('counts.openBrackets', { count: counts.openProposals })}</li>
      <li data-count="option-sets">{t('counts.optionSets', { count: counts.optionSets })}</li>
      <li data-count="agreed">{t('counts.agreed', { agreed: counts.provisionsAgreed, total: counts.provisionsTotal })}</li>
      <li data-count="revisions">{t('counts.revision', { revisions: state.revisions.length })}</li>
    </ul>
  );
}
