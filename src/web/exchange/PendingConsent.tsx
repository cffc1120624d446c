/**
 * The requests for consent the caller's state has not answered, across everything it sent,
 * each answerable in place. The server keeps consent per submission (GET …/consent), so this
 * asks once per sent submission; refetched whenever the exchange has news.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { exchangeApi, type Consent, type SubmissionHit } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { ConsentAnswer } from './ConsentAnswer.tsx';

interface Props {
  readonly organisationId: string;
  readonly sent: readonly SubmissionHit[];
  readonly version: number;
  readonly onOpen: (submissionId: string) => void;
  readonly onChanged: () => void;
}

interface Pending {
  readonly hit: SubmissionHit;
  readonly request: Consent['requests'][number];
}

export function PendingConsent({ organisationId, sent, version, onOpen, onChanged }: Props) {
  const t = useT();
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<string | null>(null);
  const ids = sent.map((hit) => hit.envelope.id).join(' ');

  useEffect(() => {
    let live = true;
    Promise.all(sent.map(async (hit) => ({ hit, consent: await exchangeApi.consent(organisationId, hit.envelope.id) })))
      .then((all) => {
        if (live) setPending(all.flatMap(({ hit, consent }) => consent.requests.filter((r) => r.answer === null).map((request) => ({ hit, request }))));
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
    // `ids` stands for `sent`: a new array with the same submissions needs no refetch.
  }, [organisationId, ids, version]);

  return (
    <section className="exchange-pending-consent" aria-labelledby="exchange-pending">
      <h2 id="exchange-pending">{t('exchange.pending', { count: pending.length })}</h2>
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul data-testid="exchange-pending-consent">
        {pending.map(({ hit, request }) => (
          <li key={request.id}>
            <a href={`/exchange/${encodeURIComponent(hit.envelope.id)}`} onClick={(e) => { e.preventDefault(); onOpen(hit.envelope.id); }}>
              {hit.envelope.registryNumber} — {hit.envelope.subject}
            </a>
            <ConsentAnswer organisationId={organisationId} submissionId={hit.envelope.id} request={request} onAnswered={onChanged} />
          </li>
        ))}
      </ul>
    </section>
  );
}
