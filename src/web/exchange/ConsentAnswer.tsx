/**
 * The provider's answer to one request for consent: grant it as asked or differently
 * (WideningChooser), for a time or until revoked, or refuse it with a reason. Each answer is
 * an event the server records with who, to whom and when.
 */
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { exchangeApi, type Consent } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { describeWidening } from './describe-widening.ts';
import { initialWidening, WideningChooser, wideningOf } from './WideningChooser.tsx';

interface Props {
  readonly organisationId: string;
  readonly submissionId: string;
  readonly request: Consent['requests'][number];
  readonly onAnswered: () => void;
}

export function ConsentAnswer({ organisationId, submissionId, request, onAnswered }: Props) {
  const t = useT();
  const prefix = `consent-${request.id}`;
  const [entries, setEntries] = useState(() => initialWidening(request.widening));
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const widening = wideningOf(entries, request.widening);

  async function answer(action: () => Promise<unknown>): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      await action();
      onAnswered();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="consent-answer" role="group" aria-labelledby={`${prefix}-what`}>
      <p id={`${prefix}-what`}>{t('exchange.requestBy', { party: request.party, widening: describeWidening(t, request.widening) })}</p>
      {request.reason === null ? null : <p>{t('exchange.requestReasonGiven', { reason: request.reason })}</p>}
      <WideningChooser idPrefix={prefix} entries={entries} asked={describeWidening(t, request.widening)} onChange={setEntries} />
      <div className="field">
        <label htmlFor={`${prefix}-until`}>{t('exchange.grantUntil')}</label>
        <input id={`${prefix}-until`} type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
      </div>
      <button
        type="button"
        disabled={busy || widening === null}
        onClick={() => void answer(() => exchangeApi.grant(organisationId, submissionId, widening!, request.id, until === '' ? null : new Date(until).toISOString()))}
      >
        {t('exchange.grant')}
      </button>
      <div className="field">
        <label htmlFor={`${prefix}-reason`}>{t('exchange.refusalReason')}</label>
        <input id={`${prefix}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="button" disabled={busy} onClick={() => void answer(() => exchangeApi.refuse(organisationId, request.id, reason.trim() === '' ? null : reason.trim()))}>
        {t('exchange.refuse')}
      </button>
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
