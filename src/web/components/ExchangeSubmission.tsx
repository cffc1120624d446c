/** One submission: envelope and body (the read is logged), why the reader sees it, the provider's read log and consent, a request for consent. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { exchangeApi, type Consent, type ReadLog, type SubmissionRead, type Why, type Widening } from '../exchange-api.ts';
import { useT, type T } from '../i18n/use-t.ts';

const codes = (text: string): string[] => text.split(/[\s,;]+/u).map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
const when = (iso: string): string => new Date(iso).toLocaleString();

function widening(t: T, w: Widening): string {
  if (w.kind === 'states') return t('exchange.widening.states', { states: w.states.join(', ') });
  return w.kind === 'secretariat' ? t('exchange.widening.secretariat') : t('exchange.widening.publication');
}

function WhyChains({ t, why }: { t: T; why: Why }) {
  return (
    <ol className="exchange-why">
      {why.chains.map((chain, i) => (
        <li key={i}>
          {t(`exchange.basis.${chain.basis.via}`)}
          <ul>
            {chain.links.map((link, j) => (
              <li key={j}>
                {link.step === 'sent'
                  ? t('exchange.link.sent', { by: link.by.delegation ?? link.by.role, from: link.from, to: link.to.join(', '), at: when(link.at) })
                  : link.step === 'granted'
                    ? t('exchange.link.granted', { by: link.by.delegation ?? link.by.role, at: when(link.at), widening: widening(t, link.widening) })
                    : t('exchange.link.disseminated', { to: link.to.join(', '), at: when(link.at) })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export function ExchangeSubmission({ organisationId, submissionId, version, onBack }: { organisationId: string; submissionId: string; version: number; onBack: () => void }) {
  const t = useT();
  const [read, setRead] = useState<SubmissionRead | null>(null);
  const [why, setWhy] = useState<Why | null>(null);
  const [log, setLog] = useState<ReadLog | null>(null);
  const [consent, setConsent] = useState<Consent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [states, setStates] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const fail = (failure: unknown): void => setError(failure instanceof ApiError ? failure.message : String(failure));

  // The body is read (and the read logged) once; what changes with the exchange is refetched on `version`.
  useEffect(() => {
    exchangeApi.read(organisationId, submissionId).then(setRead, fail);
  }, [organisationId, submissionId]);
  const refresh = useCallback(async (): Promise<void> => {
    const [w, c] = await Promise.all([exchangeApi.why(organisationId, submissionId), exchangeApi.consent(organisationId, submissionId)]);
    setWhy(w);
    setConsent(c);
  }, [organisationId, submissionId]);
  const provider = read !== null && read.basis.via === 'provider';
  useEffect(() => {
    refresh().catch(fail);
    if (provider) exchangeApi.reads(organisationId, submissionId).then(setLog, fail);
  }, [refresh, provider, organisationId, submissionId, version]);

  const envelope = read === null ? null : read.outcome === 'ok' ? read.submission : read.envelope;

  async function ask(e: FormEvent): Promise<void> {
    e.preventDefault();
    try {
      await exchangeApi.requestConsent(organisationId, submissionId, { kind: 'states', states: codes(states) }, reason.trim() === '' ? null : reason);
      setNotice(t('exchange.requested', { from: envelope?.from ?? '' }));
      await refresh();
    } catch (failure) {
      fail(failure);
    }
  }
  const act = (action: () => Promise<unknown>) => () => void action().then(refresh).catch(fail);

  return (
    <section className="exchange-submission" aria-labelledby="exchange-subject">
      <button type="button" onClick={onBack}>
        {t('exchange.back')}
      </button>
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {envelope === null ? null : (
        <>
          <h2 id="exchange-subject">
            {envelope.urgent ? <span className="badge urgent">{t('exchange.urgent')}</span> : null} {envelope.registryNumber} — {envelope.subject}
          </h2>
          <p>
            {t('exchange.from', { from: envelope.from, to: envelope.to.join(', ') })} · {envelope.legalBasis} · {when(envelope.sentAt)}
          </p>
          {read?.outcome === 'ok' ? <pre className="exchange-body" data-testid="exchange-body">{JSON.stringify(read.submission.body, null, 2)}</pre> : <p>{t('exchange.expired')}</p>}
        </>
      )}
      {why === null ? null : (
        <details open>
          <summary>{t('exchange.why')}</summary>
          <WhyChains t={t} why={why} />
        </details>
      )}
      {provider && log !== null ? (
        <section aria-labelledby="exchange-reads">
          <h3 id="exchange-reads">{t('exchange.readLog')}</h3>
          {log.entries.length === 0 ? <p>{t('exchange.readLogEmpty')}</p> : null}
          <ul data-testid="exchange-read-log">
            {log.entries.map((entry, i) => (
              <li key={i}>{t('exchange.readEntry', { user: entry.user, delegation: entry.delegation ?? entry.role, at: when(entry.at), basis: t(`exchange.logBasis.${entry.basis.via}`) })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {consent !== null && provider ? (
        <section aria-labelledby="exchange-requests">
          <h3 id="exchange-requests">{t('exchange.requests')}</h3>
          <ul>
            {consent.requests.map((r) => (
              <li key={r.id}>
                {t('exchange.requestBy', { party: r.party, widening: widening(t, r.widening) })}{' '}
                {r.answer === null ? (
                  <>
                    <button type="button" onClick={act(() => exchangeApi.grant(organisationId, submissionId, r.widening, r.id))}>
                      {t('exchange.grant')}
                    </button>{' '}
                    <button type="button" onClick={act(() => exchangeApi.refuse(organisationId, r.id))}>
                      {t('exchange.refuse')}
                    </button>
                  </>
                ) : (
                  t(`exchange.answer.${r.answer.outcome}`)
                )}
              </li>
            ))}
          </ul>
          <h3>{t('exchange.grants')}</h3>
          <ul>
            {consent.grants.map((g) => (
              <li key={g.id}>
                {t('exchange.grantLine', { widening: widening(t, g.widening), at: when(g.at) })}{' '}
                {g.revokedAt === null ? (
                  <button type="button" onClick={act(() => exchangeApi.revoke(organisationId, submissionId, g.id))}>
                    {t('exchange.revoke')}
                  </button>
                ) : (
                  t('exchange.revoked', { at: when(g.revokedAt) })
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {read !== null && !provider ? (
        <form onSubmit={(e) => void ask(e)} aria-labelledby="exchange-ask">
          <h3 id="exchange-ask">{t('exchange.requestHeading')}</h3>
          {consent?.requests.map((r) => (
            <p key={r.id}>
              {t('exchange.requestBy', { party: r.party, widening: widening(t, r.widening) })}: {r.answer === null ? '…' : t(`exchange.answer.${r.answer.outcome}`)}
            </p>
          ))}
          <label>
            {t('exchange.requestStates')} <input name="states" value={states} onChange={(e) => setStates(e.target.value)} required />
          </label>
          <label>
            {t('exchange.requestReason')} <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit">{t('exchange.request')}</button>
          {notice === null ? null : <p role="status">{notice}</p>}
        </form>
      ) : null}
    </section>
  );
}
