/**
 * One measure as the catalogue shows it: its number, its agreed words, whether it is agreed
 * (in words, not by colour alone) with the count of open brackets, and a link to it in the document.
 */
import { useT } from '../i18n/use-t.ts';
import { provisionHref } from '../routes.ts';
import type { MeasureBody } from './catalogue-api.ts';

export function measureAnchor(measureId: string): string {
  return `measure-${measureId}`;
}

export function MeasureItem({ measure, documentId }: { readonly measure: MeasureBody; readonly documentId: string }) {
  const t = useT();
  const agreed = measure.status !== 'open';
  return (
    <li id={measureAnchor(measure.id)} className={`measure ${agreed ? 'agreed' : 'open'}`} data-testid="measure">
      <span className="measure-label">{measure.label}</span>{' '}
      <span className={`measure-status ${agreed ? 'agreed' : 'open'}`}>
        {measure.status === 'adopted' ? t('catalogue.statusAdopted') : measure.status === 'agreed-ad-ref' ? t('catalogue.statusAgreed') : t('catalogue.statusOpen')}
        {measure.openBrackets > 0 || !agreed ? ` · ${t('catalogue.openBrackets', { count: measure.openBrackets })}` : ''}
        {measure.provisional ? ` · ${t('catalogue.provisional')}` : ''}
      </span>
      <p className="measure-text">{measure.text.trim() === '' ? t('catalogue.noText') : measure.text}</p>
      {measure.parts.length > 0 ? (
        <ul className="measure-parts">
          {measure.parts.map((part) => (
            <li key={part.id}>
              <span className="measure-label">{part.label})</span> {part.text}
            </li>
          ))}
        </ul>
      ) : null}
      <a href={provisionHref(documentId, measure.provisionId)}>{t('catalogue.inDocument', { label: measure.label })}</a>
    </li>
  );
}
