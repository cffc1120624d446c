/**
 * The information exchange screen (lazy-loaded): what the member's state may see — received
 * and sent, with counts and search —, what it owes and must answer (requests for consent,
 * obligations, reminders, contact checks, contingent permissions), a new submission, one
 * submission. Live: the exchange's SSE stream carries only the notifications meant for this
 * member; each one refetches the list and the duties.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { exchangeApi, type Duties, type ExchangeCounts, type SubmissionHit } from '../exchange-api.ts';
import { ContingentPermissions } from '../exchange/ContingentPermissions.tsx';
import { ExchangeDuties } from '../exchange/ExchangeDuties.tsx';
import { ExchangeForm, type FormPreset } from '../exchange/ExchangeForm.tsx';
import { PendingConsent } from '../exchange/PendingConsent.tsx';
import '../exchange/exchange.css';
import { useLocaleChoice } from '../i18n/LocaleProvider.tsx';
import { useT } from '../i18n/use-t.ts';
import { ExchangeSubmission } from './ExchangeSubmission.tsx';

interface Props {
  readonly organisationId: string;
  readonly delegation: string | null;
  readonly submissionId: string | null;
  readonly onOpen: (submissionId: string | null) => void;
}

function Row({ hit, onOpen }: { hit: SubmissionHit; onOpen: (id: string) => void }) {
  const t = useT();
  const e = hit.envelope;
  return (
    <li data-testid="exchange-row">
      <a href={`/exchange/${encodeURIComponent(e.id)}`} onClick={(event) => { event.preventDefault(); onOpen(e.id); }}>
        {e.urgent ? <span className="badge urgent">{t('exchange.urgent')}</span> : null} {e.registryNumber} — {e.subject}
      </a>{' '}
      <span>{t('exchange.from', { from: e.from, to: e.to.join(', ') })}</span>
      {hit.expired ? <span> · {t('exchange.expired')}</span> : null}
    </li>
  );
}

export default function ExchangeScreen({ organisationId, delegation, submissionId, onOpen }: Props) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const [hits, setHits] = useState<SubmissionHit[]>([]);
  const [counts, setCounts] = useState<ExchangeCounts | null>(null);
  const [text, setText] = useState('');
  const [writing, setWriting] = useState<FormPreset | null | false>(false);
  const [duties, setDuties] = useState<Duties | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // One stream per organisation: the current language's messages are taken when a notification comes.
  const tRef = useRef(t);
  tRef.current = t;

  const load = useCallback(async (): Promise<void> => {
    const [list, c, d] = await Promise.all([exchangeApi.list(organisationId, text), exchangeApi.counts(organisationId), exchangeApi.duties(organisationId)]);
    setHits(list.submissions);
    setCounts(c);
    setDuties(d);
  }, [organisationId, text]);
  useEffect(() => {
    load().catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [load, version]);

  useEffect(() => {
    const source = new EventSource(exchangeApi.liveUrl(organisationId));
    source.addEventListener('notification', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { kind: string; submission: { subject: string; from: string } | null };
      const tr = tRef.current;
      setNotice(data.submission !== null && data.kind === 'submission.received' ? tr('exchange.live.new', { subject: data.submission.subject, from: data.submission.from }) : tr('exchange.live.other', { kind: data.kind }));
      setVersion((v) => v + 1);
    });
    return () => source.close();
  }, [organisationId]);

  const received = hits.filter((h) => h.envelope.from !== delegation);
  const sent = hits.filter((h) => h.envelope.from === delegation);
  const changed = (): void => setVersion((v) => v + 1);

  return (
    <main id="content" className="exchange">
      <h1>{t('exchange.heading')}</h1>
      <p role="status" aria-live="polite" data-testid="exchange-live">
        {notice}
      </p>
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {submissionId !== null && writing === false ? (
        <ExchangeSubmission
          organisationId={organisationId}
          submissionId={submissionId}
          version={version}
          duties={duties}
          onBack={() => onOpen(null)}
          onReply={(preset) => {
            setWriting(preset);
            onOpen(null);
          }}
          onChanged={changed}
        />
      ) : writing !== false && delegation !== null ? (
        <ExchangeForm
          organisationId={organisationId}
          language={locale}
          delegation={delegation}
          sent={sent}
          received={received}
          duties={duties}
          preset={writing}
          onSent={(registryNumber) => {
            setWriting(false);
            setNotice(t('exchange.sent', { registryNumber }));
            setVersion((v) => v + 1);
          }}
          onCancel={() => setWriting(false)}
        />
      ) : (
        <>
          {counts === null ? null : <p data-testid="exchange-counts">{t('exchange.counts', { ...counts })}</p>}
          <label>
            {t('exchange.search')} <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          {delegation !== null ? (
            <button type="button" onClick={() => setWriting(null)}>
              {t('exchange.new')}
            </button>
          ) : null}
          <h2>{t('exchange.inbox')}</h2>
          {received.length === 0 ? <p>{t('exchange.empty')}</p> : null}
          <ul>
            {received.map((hit) => (
              <Row key={hit.envelope.id} hit={hit} onOpen={onOpen} />
            ))}
          </ul>
          {delegation !== null ? (
            <>
              <h2>{t('exchange.outbox')}</h2>
              {sent.length === 0 ? <p>{t('exchange.empty')}</p> : null}
              <ul>
                {sent.map((hit) => (
                  <Row key={hit.envelope.id} hit={hit} onOpen={onOpen} />
                ))}
              </ul>
              <PendingConsent organisationId={organisationId} sent={sent} version={version} onOpen={onOpen} onChanged={changed} />
            </>
          ) : null}
          {duties === null ? null : <ExchangeDuties organisationId={organisationId} delegation={delegation} duties={duties} onOpen={onOpen} onChanged={changed} />}
          {duties === null || delegation === null ? null : <ContingentPermissions organisationId={organisationId} delegation={delegation} permissions={duties.permissions} onChanged={changed} />}
        </>
      )}
    </main>
  );
}
