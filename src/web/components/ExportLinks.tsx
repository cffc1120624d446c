/**
 * The document as files, for the view and notation on screen: a Word file and a PDF of the view, and
 * the document as Akoma Ntoso. Plain links: the browser downloads them with the session cookie.
 */
import { useT } from '../i18n/use-t.ts';

export function exportHref(documentId: string, format: 'docx' | 'pdf' | 'akn', view: string, notation: string | null): string {
  const query = new URLSearchParams({ format });
  if (format !== 'akn') {
    query.set('view', view);
    if (notation !== null) query.set('notation', notation);
  }
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`;
}

export function ExportLinks({ documentId, view, notation }: { readonly documentId: string; readonly view: string; readonly notation: string | null }) {
  const t = useT();
  return (
    <nav className="export-links" aria-label={t('export.label')}>
      {t('export.label')}:{' '}
      <a href={exportHref(documentId, 'docx', view, notation)} download>
        {t('export.docx')}
      </a>{' '}
      ·{' '}
      <a href={exportHref(documentId, 'pdf', view, notation)} download>
        {t('export.pdf')}
      </a>{' '}
      ·{' '}
      <a href={exportHref(documentId, 'akn', view, notation)} download>
        {t('export.akn')}
      </a>
    </nav>
  );
}
