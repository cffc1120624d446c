// @vitest-environment happy-dom
/** Sign-in with the second factor, who is signed in, the language switch, sign-out — against a fake server. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { STORAGE_KEY } from '../i18n/locales.ts';
import { App } from './App.tsx';

const me = (secondFactor: string) => ({
  user: { id: 'u1', username: 'ind', displayName: 'Anil Kumar' },
  memberships: [{ organisationId: 'cica', role: 'delegate', delegation: 'IND', isHead: false }],
  csrfToken: 'csrf-1',
  secondFactor,
});

const json = (body: unknown, status = 200): Response => new Response(body === null ? null : JSON.stringify(body), { status });
let calls: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];

beforeEach(() => {
  calls = [];
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ method: init.method ?? 'GET', url, headers: init.headers as Record<string, string>, body: init.body ? JSON.parse(init.body as string) : undefined });
      if (url === '/api/auth/me') return Promise.resolve(json({ status: 401, code: 'ERR_AUTH_REQUIRED', detail: 'Sign in first.' }, 401));
      if (url === '/api/auth/login') return Promise.resolve(json(me('required')));
      if (url === '/api/auth/second-factor') return Promise.resolve(json(me('passed')));
      if (url === '/api/auth/logout') return Promise.resolve(new Response(null, { status: 204 }));
      if (url === '/api/organisations/cica/documents') return Promise.resolve(json([{ id: 'd1', organisationId: 'cica', title: 'Draft Catalogue', notation: 'cica', version: 40, circulatedToObservers: false, createdAt: '2021-05-28T08:00:00Z', updatedAt: '2021-05-28T08:00:00Z' }]));
      return Promise.resolve(json({ status: 404 }, 404));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('signs in with the second factor, shows who is signed in and the documents, switches language, signs out', async () => {
    render(
      <LocaleProvider initial="en">
        <App />
      </LocaleProvider>,
    );
    fireEvent.change(await screen.findByLabelText('User name'), { target: { value: 'ind' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    fireEvent.change(await screen.findByLabelText('Code from your authenticator app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));

    expect((await screen.findByTestId('who')).textContent).toBe('Anil Kumar — IND — delegate');
    expect((await screen.findByRole('link', { name: 'Draft Catalogue' })).getAttribute('href')).toMatch(/^\/documents\//u);
    const secondFactor = calls.find((c) => c.url === '/api/auth/second-factor')!;
    expect(secondFactor.body).toEqual({ code: '123456' });
    expect(secondFactor.headers['x-csrf-token']).toBe('csrf-1');

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'kk' } });
    expect((await screen.findByRole('heading', { name: 'Құжаттар' })).tagName).toMatch(/^H[1-3]$/u);
    expect(localStorage.getItem(STORAGE_KEY)).toBe('kk');
    expect(document.documentElement.lang).toBe('kk');
    expect(document.documentElement.dir).toBe('ltr');

    fireEvent.click(screen.getByRole('button', { name: 'Шығу' }));
    expect((await screen.findByRole('heading', { name: 'Кіру' })).tagName).toMatch(/^H[1-3]$/u);
    expect(screen.queryByTestId('who')).toBeNull();
  });
});
