/** The provider widens access to its submission unasked: to named states, the secretariat (and onward), or all. */
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { exchangeApi } from '../exchange-api.ts';
import { useT } from '../i18n/use-t.ts';
import { initialWidening, WideningChooser, wideningOf } from './WideningChooser.tsx';

export function WidenAccess({ organisationId, submissionId, onDone }: { organisationId: string; submissionId: string; onDone: () => void }) {
  const t = useT();
  const [entries, setEntries] = useState(() => initialWidening(null));
  const [error, setError] = useState<string | null>(null);
  const widening = wideningOf(entries, null);

  async function widen(): Promise<void> {
    setError(null);
    try {
      await exchangeApi.grant(organisationId, submissionId, widening!, null);
      setEntries(initialWidening(null));
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <details className="exchange-widen">
      <summary>{t('exchange.widen.heading')}</summary>
      <WideningChooser idPrefix="widen" entries={entries} asked={null} onChange={setEntries} />
      <button type="button" disabled={widening === null} onClick={() => void widen()}>
        {t('exchange.widen.send')}
      </button>
      {error === null ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </details>
  );
}
