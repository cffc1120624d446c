/**
 * Two versions of the text compared provision by provision: a summary of how many changed,
 * then each changed provision with inserted words in <ins> and deleted words in <del>. The
 * marks are underline and strike-through (not colour alone), and each carries words a screen
 * reader speaks.
 */
import type { ComparisonPart, ProvisionsComparison } from '../../core/index.ts';
import { useT } from '../i18n/use-t.ts';

function Part({ part }: { readonly part: ComparisonPart }) {
  const t = useT();
  if (part.added) {
    return (
      <ins>
        <span className="visually-hidden">{t('compare.insStart')}</span>
        {part.value}
        <span className="visually-hidden">{t('compare.insEnd')}</span>
      </ins>
    );
  }
  if (part.removed) {
    return (
      <del>
        <span className="visually-hidden">{t('compare.delStart')}</span>
        {part.value}
        <span className="visually-hidden">{t('compare.delEnd')}</span>
      </del>
    );
  }
  return <span>{part.value}</span>;
}

export function ComparisonView({ comparison, from, to }: { readonly comparison: ProvisionsComparison; readonly from: string; readonly to: string }) {
  const t = useT();
  const differing = comparison.provisions.filter((p) => p.change !== 'unchanged');
  return (
    <section className="comparison" aria-labelledby="comparison-heading">
      <h3 id="comparison-heading">{t('compare.heading', { from, to })}</h3>
      <p className="comparison-summary" data-testid="comparison-summary">
        {t('compare.summary', { total: differing.length, changed: comparison.changed, added: comparison.added, removed: comparison.removed, unchanged: comparison.unchanged })}
      </p>
      {differing.length === 0 ? null : (
        <ol className="changes">
          {differing.map((provision) => (
            <li key={provision.provisionId ?? ''} className={`change ${provision.change}`} data-provision={provision.provisionId ?? ''}>
              <h4>
                {provision.label === null ? t('compare.unlabelled') : t('compare.provision', { label: provision.label })} — {t(`compare.${provision.change}`)}
              </h4>
              <p className="diff">
                {provision.parts.map((part, index) => (
                  <Part key={index} part={part} />
                ))}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
