/**
 * The secretariat passes on a submission it holds, within what the provider allowed (1.6):
 * the scope is read from the provider's live secretariat grant in "why can I see this?";
 * nothing is offered when the provider allowed no onward dissemination.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { exchangeApi, type Why } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { stateCodes } from './form-value.ts';

type Scope = 'none' | 'any' | readonly string[];

/** The widest onward scope the viewer's secretariat grants allow; null when the viewer holds none. */
export function secretariatScope(why: Why): Scope | null {
  let scope: Scope | null = null;
  for (const chain of why.chains) {
    if (chain.basis.via !== 'grant') continue;
    for (const link of chain.links) {
      if (link.step !== 'granted' || link.widening.kind !== 'secretariat') continue;
      const next = link.widening.disseminateTo;
      if (next === 'any' || scope === 'any') scope = 'any';
      else if (next === 'none') scope ??= 'none';
      else scope = [...new Set([...(Array.isArray(scope) ? (scope as readonly string[]) : []), ...next])];
    }
  }
  return scope;
}

interface Props {
  readonly organisationId: string;
  readonly submissionId: string;
  readonly scope: Scope;
  readonly onDone: () => void;
}

export function Dissemination({ organisationId, submissionId, scope, onDone }: Props) {
  const t = useT();
  const [states, setStates] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function pass(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const to = stateCodes(states);
    try {
      await exchangeApi.disseminate(organisationId, submissionId, to);
      setNotice(t('exchange.disseminated', { states: to.join(', ') }));
      setStates('');
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <section aria-labelledby="exchange-disseminate">
      <h3 id="exchange-disseminate">{t('exchange.disseminate')}</h3>
      <p>
        {scope === 'none'
          ? t('exchange.disseminate.none')
          : scope === 'any'
            ? t('exchange.disseminate.any')
            : t('exchange.disseminate.only', { states: scope.join(', ') })}
      </p>
      {scope === 'none' ? null : (
        <form onSubmit={(e) => void pass(e)}>
          <div className="field">
            <label htmlFor="disseminate-states">{t('exchange.disseminate.states')}</label>
            <input id="disseminate-states" value={states} onChange={(e) => setStates(e.target.value)} required />
          </div>
          <button type="submit">{t('exchange.disseminate.send')}</button>
        </form>
      )}
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice === null ? null : <p role="status">{notice}</p>}
    </section>
  );
}
