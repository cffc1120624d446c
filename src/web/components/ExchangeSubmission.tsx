/**
 * One submission: envelope and body (the read is logged), its retention limit and reply clock,
 * why the reader sees it; for its provider the read log, the requests for consent to answer,
 * the grants to revoke and access to widen unasked; for others a request for consent, the
 * secretariat's dissemination within what the provider allowed, and the contact check.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { CATEGORIES } from '../../core/index.ts';
import { ApiError } from '../api.ts';
import { exchangeApi, type Consent, type Duties, type ReadLog, type SubmissionRead, type Why } from '../exchange-api.ts';
import { BodyView } from '../exchange/BodyView.tsx';
import { ConsentAnswer } from '../exchange/ConsentAnswer.tsx';
import { describeWidening as widening } from '../exchange/describe-widening.ts';
import { Dissemination, secretariatScope } from '../exchange/Dissemination.tsx';
import type { FormPreset } from '../exchange/ExchangeForm.tsx';
import { stateCodes as codes } from '../exchange/form-value.ts';
import { useWhen } from '../exchange/use-when.ts';
import { WidenAccess } from '../exchange/WidenAccess.tsx';
import { useT, type T } from '../i18n/use-t.ts';

function WhyChains({ t, why, when }: { t: T; why: Why; when: (iso: string) => string }) {
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

interface Props {
  readonly organisationId: string;
  readonly submissionId: string;
  readonly version: number;
  readonly duties: Duties | null;
  readonly onBack: () => void;
  readonly onReply: (preset: FormPreset) => void;
  readonly onChanged: () => void;
}

export function ExchangeSubmission({ organisationId, submissionId, version, duties, onBack, onReply, onChanged }: Props) {
  const t = useT();
  const when = useWhen();
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
  const changed = (): void => {
    refresh().catch(fail);
    onChanged();
  };
  const category = envelope === null ? null : CATEGORIES[envelope.category];
  const replyClock = duties?.obligations.find((o) => o.kind === 'reply' && o.about === submissionId);
  const replyWithin = envelope === null ? undefined : duties?.deadlines[envelope.category]?.replyWithinHours;
  const checks = duties?.contactChecks.filter((c) => c.submissionId === submissionId) ?? [];
  const scope = why === null ? null : secretariatScope(why);

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
          {envelope.retainUntil === null ? null : <p className="exchange-personal-data">{t('exchange.retainUntil', { at: when(envelope.retainUntil) })}</p>}
          {envelope.kind === 'report' ? null : <p>{t(envelope.kind === 'nil' ? 'exchange.kind.nil' : 'exchange.kind.noChange')}</p>}
          {read?.outcome === 'ok' ? <BodyView category={envelope.category} body={read.submission.body} /> : <p>{t('exchange.expired')}</p>}
          {replyClock === undefined || category?.replyCategory == null ? null : (
            <p className={`reply-clock ${replyClock.status}`} data-testid="exchange-reply-clock">
              {t('exchange.replyClock', { dueAt: when(replyClock.dueAt), status: t(`exchange.obligation.status.${replyClock.status}`) })}{' '}
              {replyClock.status === 'open' || replyClock.status === 'overdue' ? (
                <button type="button" onClick={() => onReply({ category: category.replyCategory!, replyTo: submissionId, to: [envelope.from] })}>
                  {t('exchange.reply')}
                </button>
              ) : null}
            </p>
          )}
          {provider && category?.replyCategory != null && replyWithin !== undefined ? (
            <p className="reply-clock">{t('exchange.repliesDue', { dueAt: when(new Date(Date.parse(envelope.sentAt) + replyWithin * 3_600_000).toISOString()) })}</p>
          ) : null}
          {envelope.category === 'points-of-contact' && envelope.kind === 'report' ? (
            <section aria-labelledby="exchange-checks-here">
              <h3 id="exchange-checks-here">{t('exchange.checks')}</h3>
              <ul>
                {checks.map((c) => (
                  <li key={c.id}>{t('exchange.check.line', { by: c.checkedBy, at: when(c.at), status: t(`exchange.check.status.${c.status}`) })}</li>
                ))}
              </ul>
              {provider ? null : (
                <button type="button" onClick={act(async () => { await exchangeApi.checkContact(organisationId, submissionId); setNotice(t('exchange.check.sent', { provider: envelope.from })); onChanged(); })}>
                  {t('exchange.check.ask')}
                </button>
              )}
            </section>
          ) : null}
        </>
      )}
      {why === null ? null : (
        <details open>
          <summary>{t('exchange.why')}</summary>
          <WhyChains t={t} why={why} when={when} />
        </details>
      )}
      {scope === null || provider ? null : <Dissemination organisationId={organisationId} submissionId={submissionId} scope={scope} onDone={changed} />}
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
          {consent.requests.length === 0 ? <p>{t('exchange.requests.none')}</p> : null}
          <ul>
            {consent.requests.map((r) => (
              <li key={r.id}>
                {r.answer === null ? (
                  <ConsentAnswer organisationId={organisationId} submissionId={submissionId} request={r} onAnswered={changed} />
                ) : (
                  <>
                    {t('exchange.requestBy', { party: r.party, widening: widening(t, r.widening) })}: {t(`exchange.answer.${r.answer.outcome}`)}
                  </>
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
          {category?.personalData === true ? <p>{t('exchange.personalData.noWidening')}</p> : <WidenAccess organisationId={organisationId} submissionId={submissionId} onDone={changed} />}
        </section>
      ) : null}
      {read !== null && !provider && category?.personalData !== true ? (
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
        </form>
      ) : null}
      {notice === null ? null : <p role="status">{notice}</p>}
    </section>
  );
}
