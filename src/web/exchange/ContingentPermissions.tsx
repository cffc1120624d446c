/**
 * 2.1.1 c from the deploying state's side: the permissions it gave host states to release
 * information on its contingents, those it received as a host, and a form to give one — to
 * any party, or to named states and/or the secretariat. Permissions add up; the deploying state
 * may withdraw one it gave (after a confirmation on the page, with an optional reason): from then
 * on it no longer counts, but what the host already released stays released. Withdrawn
 * permissions stay listed, with the date, on both sides.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { exchangeApi, type Duties } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { SECRETARIAT } from './contingent-permission.ts';
import { stateCodes } from './form-value.ts';
import { useWhen } from './use-when.ts';

interface Props {
  readonly organisationId: string;
  readonly delegation: string;
  readonly permissions: Duties['permissions'];
  readonly onChanged: () => void;
}

export function ContingentPermissions({ organisationId, delegation, permissions, onChanged }: Props) {
  const t = useT();
  const when = useWhen();
  const [host, setHost] = useState('');
  const [scope, setScope] = useState<'any' | 'named'>('named');
  const [states, setStates] = useState('');
  const [secretariat, setSecretariat] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The permission whose withdrawal awaits confirmation, and the reason typed for it. */
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const parties = (releaseTo: Duties['permissions'][number]['releaseTo']): string =>
    releaseTo === 'any' ? t('exchange.party.any') : releaseTo.map((p) => (p === SECRETARIAT ? t('exchange.party.secretariat') : p)).join(', ');
  const given = permissions.filter((p) => p.deployingState === delegation);
  const received = permissions.filter((p) => p.hostState === delegation);

  const withdrawnLine = (p: Duties['permissions'][number]): string | null =>
    p.withdrawnAt === null
      ? null
      : p.withdrawalReason === null || p.withdrawalReason.trim() === ''
        ? t('exchange.permission.withdrawnOn', { at: when(p.withdrawnAt) })
        : t('exchange.permission.withdrawnBecause', { at: when(p.withdrawnAt), reason: p.withdrawalReason });

  async function withdraw(p: Duties['permissions'][number]): Promise<void> {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      await exchangeApi.withdrawPermission(organisationId, p.id, reason.trim() === '' ? null : reason.trim());
      setNotice(t('exchange.permission.withdrawnDone', { host: p.hostState }));
      setWithdrawing(null);
      setReason('');
      onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  async function give(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const named = [...stateCodes(states), ...(secretariat ? [SECRETARIAT] : [])];
    const hostState = host.trim().toUpperCase();
    try {
      await exchangeApi.permit(organisationId, { hostState, releaseTo: scope === 'any' ? 'any' : named });
      setNotice(t('exchange.permission.given', { host: hostState }));
      setHost('');
      setStates('');
      onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <section className="exchange-contingent" aria-labelledby="exchange-contingent">
      <h3 id="exchange-contingent">{t('exchange.permissions')}</h3>
      <h4>{t('exchange.permissions.given')}</h4>
      {given.length === 0 ? <p>{t('exchange.permissions.none')}</p> : null}
      <ul data-testid="exchange-permissions-given">
        {given.map((p) => (
          <li key={p.id} className={p.withdrawnAt === null ? undefined : 'withdrawn'}>
            {t('exchange.permission.line', { host: p.hostState, parties: parties(p.releaseTo), at: when(p.at) })}
            {p.withdrawnAt !== null ? (
              <> — {withdrawnLine(p)}</>
            ) : withdrawing === p.id ? (
              <div className="exchange-permission-withdraw" role="group" aria-label={t('exchange.permission.withdraw')}>
                <p>{t('exchange.permission.withdrawConfirm', { host: p.hostState })}</p>
                <div className="field">
                  <label htmlFor={`withdraw-reason-${p.id}`}>{t('exchange.permission.withdrawReason')}</label>
                  <input id={`withdraw-reason-${p.id}`} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
                </div>
                <button type="button" disabled={busy} onClick={() => void withdraw(p)}>
                  {t('exchange.permission.withdrawYes')}
                </button>{' '}
                <button type="button" disabled={busy} onClick={() => { setWithdrawing(null); setReason(''); }}>
                  {t('exchange.permission.withdrawNo')}
                </button>
              </div>
            ) : (
              <>
                {' '}
                <button type="button" onClick={() => { setWithdrawing(p.id); setReason(''); setError(null); setNotice(null); }}>
                  {t('exchange.permission.withdraw')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <h4>{t('exchange.permissions.received')}</h4>
      {received.length === 0 ? <p>{t('exchange.permissions.none')}</p> : null}
      <ul>
        {received.map((p) => (
          <li key={p.id} className={p.withdrawnAt === null ? undefined : 'withdrawn'}>
            {t('exchange.permission.receivedLine', { deploying: p.deployingState, parties: parties(p.releaseTo), at: when(p.at) })}
            {p.withdrawnAt === null ? null : <> — {withdrawnLine(p)}</>}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void give(e)} aria-labelledby="exchange-permit">
        <h4 id="exchange-permit">{t('exchange.permission.heading')}</h4>
        <div className="field">
          <label htmlFor="permit-host">{t('exchange.permission.host')}</label>
          <input id="permit-host" value={host} onChange={(e) => setHost(e.target.value)} required />
        </div>
        <div className="field field-check">
          <input id="permit-any" type="radio" name="permit-scope" checked={scope === 'any'} onChange={() => setScope('any')} />
          <label htmlFor="permit-any">{t('exchange.permission.any')}</label>
        </div>
        <div className="field field-check">
          <input id="permit-named" type="radio" name="permit-scope" checked={scope === 'named'} onChange={() => setScope('named')} />
          <label htmlFor="permit-named">{t('exchange.permission.named')}</label>
        </div>
        {scope === 'named' ? (
          <>
            <div className="field">
              <label htmlFor="permit-states">{t('exchange.permission.states')}</label>
              <input id="permit-states" value={states} onChange={(e) => setStates(e.target.value)} />
            </div>
            <div className="field field-check">
              <input id="permit-secretariat" type="checkbox" checked={secretariat} onChange={(e) => setSecretariat(e.target.checked)} />
              <label htmlFor="permit-secretariat">{t('exchange.permission.secretariat')}</label>
            </div>
          </>
        ) : null}
        <button type="submit">{t('exchange.permission.give')}</button>
        {error === null ? null : (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {notice === null ? null : <p role="status">{notice}</p>}
      </form>
    </section>
  );
}
