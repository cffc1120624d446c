/** Sign-in with user name and password, then the second factor when the organisation asks for it (set up first when there is none). */
import { useState, type FormEvent } from 'react';
import { api, type MeBody } from '../api.ts';
import { useT } from '../i18n/use-t.ts';
import { Enrolment } from './Enrolment.tsx';

export function SignIn({ pending, onSignedIn }: { readonly pending: MeBody | null; readonly onSignedIn: (me: MeBody) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (action: () => Promise<MeBody>) => async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await action());
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const errorLine = error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;

  if (pending?.secondFactor === 'enrolment-required') return <Enrolment onEnrolled={onSignedIn} />;
  if (pending?.secondFactor === 'required') {
    return (
      <form className="signin" onSubmit={(e) => void submit(() => api.secondFactor(code.trim()))(e)}>
        <h1>{t('signin.heading')}</h1>
        <p>{t('signin.codePrompt')}</p>
        <label>
          {t('signin.code')}
          <input name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
        </label>
        {errorLine}
        <button type="submit" disabled={busy}>
          {t('signin.codeSubmit')}
        </button>
      </form>
    );
  }
  return (
    <form className="signin" onSubmit={(e) => void submit(() => api.login(username.trim(), password))(e)}>
      <h1>{t('signin.heading')}</h1>
      <label>
        {t('signin.username')}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t('signin.password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {errorLine}
      <button type="submit" disabled={busy}>
        {t('signin.submit')}
      </button>
    </form>
  );
}
