/** The documents the user may read in their organisation. */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, type DocumentSummaryBody } from '../api.ts';
import { useT } from '../i18n/use-t.ts';

export function DocumentList({
  organisationId,
  onOpen,
  onImport = null,
}: {
  readonly organisationId: string;
  readonly onOpen: (documentId: string) => void;
  /** Offered to those whose role imports drafts (the secretariat); null for everyone else. */
  readonly onImport?: (() => void) | null;
}) {
  const t = useT();
  const intl = useIntl();
  const [documents, setDocuments] = useState<DocumentSummaryBody[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.documents(organisationId).then(
      (list) => !cancelled && setDocuments(list),
      (caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [organisationId]);
  return (
    <main id="content" className="documents">
      <h1>{t('documents.heading')}</h1>
      {onImport ? (
        <p>
          <a
            href="/import"
            onClick={(e) => {
              e.preventDefault();
              onImport();
            }}
          >
            {t('import.open')}
          </a>
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {documents?.length === 0 ? <p>{t('documents.empty')}</p> : null}
      <ul>
        {documents?.map((doc) => (
          <li key={doc.id}>
            <a
              href={`/documents/${encodeURIComponent(doc.id)}`}
              onClick={(e) => {
                e.preventDefault();
                onOpen(doc.id);
              }}
            >
              {doc.title}
            </a>{' '}
            <span className="meta">
              {t('documents.version', { version: doc.version })} · {t('documents.updated', { date: intl.formatDate(doc.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
            </span>
          </li>
        ))}
      </ul>
    </main>
  );
}
