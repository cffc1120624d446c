/**
 * Setting up a TOTP second factor at sign-in, for a user whose organisation requires one and
 * who has none yet. The session is signed in but stops short of everything else until a code
 * confirms the key (the server's 'session' access rule): only this screen works meanwhile.
 * The key is asked for by a click, not on display, so that a second render never replaces
 * the key already shown with a newer one.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, messageOf, type MeBody } from '../api.ts';
import { useT } from '../i18n/use-t.ts';

interface Shown {
  readonly secret: string;
  readonly uri: string;
  /** The otpauth URI as an SVG QR code, made in the browser (the key never leaves for a QR service). */
  readonly qr: string;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": groups of four are easier to copy by eye. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/gu)?.join(' ') ?? '';
}


export function Enrolment({ onEnrolled }: { readonly onEnrolled: (me: MeBody) => void }) {
  const t = useT();
  const [shown, setShown] = useState<Shown | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef<HTMLElement>(null);

  // Once the key is there, reading goes on from it (the button that asked for it is gone).
  useEffect(() => {
    if (shown) keyRef.current?.focus();
  }, [shown]);

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { secret, uri } = await api.enrolSecondFactor();
      // Loaded only here: few users ever enrol, and seldom.
      const { default: QRCode } = await import('qrcode');
      const qr = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      setShown({ secret, uri, qr });
    } catch (caught) {
      setError(t('enrol.failed', { detail: messageOf(caught) }));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onEnrolled(await api.secondFactor(code.trim()));
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };

  const errorLine = error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;

  return (
    <div className="signin enrolment">
      <h1>{t('enrol.heading')}</h1>
      <p>{t('enrol.intro')}</p>
      {shown ? (
        <form onSubmit={(e) => void confirm(e)}>
          <section className="enrolment-key" ref={keyRef} tabIndex={-1} aria-label={t('enrol.keyLabel')}>
            <p>{t('enrol.scan')}</p>
            <img className="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(shown.qr)}`} alt={t('enrol.qrAlt')} width={200} height={200} />
            <p>{t('enrol.typeKey')}</p>
            <p>
              <code className="totp-secret" data-testid="totp-secret" translate="no">
                {groupKey(shown.secret)}
              </code>
            </p>
            <p>
              <a href={shown.uri}>{t('enrol.openApp')}</a>
            </p>
            <p className="hint">{t('enrol.keepSecret')}</p>
          </section>
          <p>{t('enrol.confirmPrompt')}</p>
          <label>
            {t('enrol.code')}
            <input name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
          </label>
          {errorLine}
          <button type="submit" disabled={busy}>
            {t('enrol.confirm')}
          </button>
        </form>
      ) : (
        <>
          {errorLine}
          <button type="button" onClick={() => void start()} disabled={busy}>
            {t('enrol.start')}
          </button>
        </>
      )}
    </div>
  );
}
