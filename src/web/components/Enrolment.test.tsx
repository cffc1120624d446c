// @vitest-environment happy-dom
/**
 * Setting up a second factor at sign-in, against a fake server that answers as the real one
 * does (src/server/auth/second-factor.test.ts): the key as a QR code of the otpauth URI and
 * as grouped text, a wrong code refused, a right one signs the user in.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { App } from './App.tsx';
import { groupKey } from './Enrolment.tsx';

const SECRET = new Secret({ size: 20 }).base32;
const totp = new TOTP({ issuer: 'Parley', label: 'chair', algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(SECRET) });
const URI = totp.toString();

const me = (secondFactor: string) => ({
  user: { id: 'u2', username: 'chair', displayName: 'Chair' },
  memberships: [{ organisationId: 'cica', role: 'chair', delegation: null, isHead: false }],
  csrfToken: 'csrf-2',
  secondFactor,
});
const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status });

let calls: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
let enrolAnswer: () => Response;

beforeEach(() => {
  calls = [];
  localStorage.clear();
  enrolAnswer = () => json({ secret: SECRET, uri: URI });
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const body = init.body ? (JSON.parse(init.body as string) as { code?: string }) : undefined;
      calls.push({ method: init.method ?? 'GET', url, headers: init.headers as Record<string, string>, body });
      if (url === '/api/auth/me') return Promise.resolve(json({ status: 401, code: 'ERR_AUTH_REQUIRED', detail: 'Sign in first.' }, 401));
      if (url === '/api/auth/login') return Promise.resolve(json(me('enrolment-required')));
      if (url === '/api/auth/second-factor/enrol') return Promise.resolve(enrolAnswer());
      if (url === '/api/auth/second-factor') {
        return Promise.resolve(
          totp.validate({ token: body?.code ?? '', window: 1 }) === null
            ? json({ status: 401, code: 'ERR_AUTH_SECOND_FACTOR_INVALID', detail: 'The code is wrong or has expired. Enter the code your authenticator app shows now.' }, 401)
            : json(me('passed')),
        );
      }
      if (url === '/api/auth/logout') return Promise.resolve(new Response(null, { status: 204 }));
      if (url === '/api/organisations/cica/documents') return Promise.resolve(json([]));
      return Promise.resolve(json({ status: 404 }, 404));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function signIn(): Promise<void> {
  render(
    <LocaleProvider initial="en">
      <App />
    </LocaleProvider>,
  );
  fireEvent.change(await screen.findByLabelText('User name'), { target: { value: 'chair' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse battery staple' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { name: 'Set up a second factor' });
}

describe('second-factor enrolment', () => {
  it('shows the key as a QR code and grouped text, refuses a wrong code, and signs in with a right one', async () => {
    await signIn();
    // Nothing but this screen and signing out while the factor is missing.
    expect(screen.queryByTestId('who')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign out' }).tagName).toBe('BUTTON');
    expect(calls.some((c) => c.url.startsWith('/api/organisations'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Show my key' }));
    const qr = await screen.findByAltText<HTMLImageElement>('QR code of your authenticator key for Parley');
    const prefix = 'data:image/svg+xml;charset=utf-8,';
    expect(qr.getAttribute('src')!.startsWith(prefix)).toBe(true);
    expect(decodeURIComponent(qr.getAttribute('src')!.slice(prefix.length))).toBe(await QRCode.toString(URI, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    const key = screen.getByTestId('totp-secret');
    expect(key.textContent).toBe(groupKey(SECRET));
    expect(key.textContent.split(' ').every((group) => group.length <= 4)).toBe(true);
    expect(key.textContent.replaceAll(' ', '')).toBe(SECRET);
    expect(screen.getByRole('link', { name: 'Open in an authenticator app on this device' }).getAttribute('href')).toBe(URI);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Key');
    const enrol = calls.find((c) => c.url === '/api/auth/second-factor/enrol')!;
    expect([enrol.method, enrol.headers['x-csrf-token']]).toEqual(['POST', 'csrf-2']);

    const wrong = totp.generate({ timestamp: Date.now() + 10 * 60_000 });
    fireEvent.change(screen.getByLabelText('Code from your authenticator app'), { target: { value: wrong } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The code is wrong or has expired. Enter the code your authenticator app shows now.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Confirm and continue' }).disabled).toBe(false);

    const right = totp.generate();
    fireEvent.change(screen.getByLabelText('Code from your authenticator app'), { target: { value: ` ${right} ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and continue' }));
    expect((await screen.findByTestId('who')).textContent).toBe('Chair — no delegation — chair');
    expect((await screen.findByRole('heading', { name: 'Documents' })).tagName).toBe('H1');
    expect(calls.filter((c) => c.url === '/api/auth/second-factor').map((c) => c.body)).toEqual([{ code: wrong }, { code: right }]);
  });

  it('says what went wrong when no key could be made, and lets the user try again', async () => {
    enrolAnswer = () => json({ status: 500, code: 'ERR_SERVER_INTERNAL', detail: 'Something failed on the server (reference r-1).' }, 500);
    await signIn();
    fireEvent.click(screen.getByRole('button', { name: 'Show my key' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The key could not be created: Something failed on the server (reference r-1).');
    expect(screen.queryByTestId('totp-secret')).toBeNull();
    enrolAnswer = () => json({ secret: SECRET, uri: URI });
    fireEvent.click(screen.getByRole('button', { name: 'Show my key' }));
    expect((await screen.findByTestId('totp-secret')).textContent).toBe(groupKey(SECRET));
  });

  it('groups a key in fours', () => {
    expect(groupKey('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
    expect(groupKey('')).toBe('');
  });
});
