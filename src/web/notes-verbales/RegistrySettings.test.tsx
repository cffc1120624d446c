// @vitest-environment happy-dom
/**
 * The registry settings form against a fake server whose answers are checked against the wire
 * schemas (src/protocol), as the other component tests do; the real server and browser are
 * exercised by src/web/e2e/registry-settings.test.ts. The form sends the settings whole, in
 * the registry's languages and order; a refusal is shown as the server's message with what was
 * typed kept; a saved change shows in the next number at once; a delegate gets no form.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteRegistryConfigSchema, NoteRegistryView } from '../../protocol/notes-verbales.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locales.ts';
import type { NoteRegistryViewBody } from './notes-api.ts';
import { RegistrySettings } from './RegistrySettings.tsx';

const URL_ = '/api/organisations/cica/notes-verbales/registry';
const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status });
const problem = (status: number, code: string, detail: string): Response => json({ type: `/api/errors#${code}`, title: code, status, code, detail }, status);

let stored: NoteRegistryViewBody;
let calls: { method: string; url: string; body: unknown }[] = [];

function serve(method: string, url: string, body: unknown): Response {
  if (url !== URL_) return problem(404, 'ERR_ROUTE_NOT_FOUND', `No ${method} ${url}`);
  if (method === 'GET') return json(stored);
  if (method === 'PUT') {
    const config = NoteRegistryConfigSchema.parse(body);
    for (const [key, last] of Object.entries(config.last)) {
      const current = stored.last[key] ?? 0;
      if (last < current) return problem(422, 'ERR_NOTE_CHANGE_REFUSED', `Counter ${key} has reached ${current}; it cannot be set back to ${last}, or numbers would repeat.`);
    }
    stored = NoteRegistryView.parse({ config, last: { ...stored.last, ...config.last } });
    return json(stored);
  }
  return problem(405, 'ERR_METHOD', method);
}

beforeEach(() => {
  calls = [];
  stored = NoteRegistryView.parse({
    config: {
      format: { pattern: '{index}/{number}', counter: 'per-year' },
      last: { '2021': 297 },
      languages: ['en', 'ru', 'kk'],
      sender: { en: 'The Secretariat of CICA', ru: 'Секретариат СВМДА', kk: 'АӨСШК Хатшылығы' },
      senderShort: { en: 'The Secretariat', ru: 'Секретариат', kk: 'Хатшылық' },
      place: { en: 'Nur-Sultan', ru: 'Нур-Султан', kk: 'Нұр-Сұлтан' },
    },
    last: { '2021': 298 },
  });
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = init.body ? (JSON.parse(init.body as string) as unknown) : undefined;
      calls.push({ method, url, body });
      return Promise.resolve(serve(method, url, body));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSettings(isSecretariat = true, locale: Locale = 'en') {
  render(
    <LocaleProvider initial={locale}>
      <RegistrySettings organisationId="cica" isSecretariat={isSecretariat} onBack={vi.fn()} />
    </LocaleProvider>,
  );
}

const puts = () => calls.filter((call) => call.method === 'PUT');

describe('RegistrySettings', () => {
  it('shows the settings and the next number, and saves a changed place and order of languages', async () => {
    renderSettings();
    fireEvent.change(await screen.findByLabelText('Example year'), { target: { value: '2021' } });
    await screen.findByText('The next note would be No. 17-1/299');
    // The saved pattern, braces and all, as the server gave it.
    expect(screen.getByText(/^Numbering pattern:/u).textContent).toBe('Numbering pattern: {index}/{number}');
    const english = screen.getByRole('group', { name: 'Text in English' });
    expect(within(english).getByLabelText<HTMLInputElement>('Place').value).toBe('Nur-Sultan');

    fireEvent.change(within(english).getByLabelText('Place'), { target: { value: 'Astana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move Русский down' }));
    fireEvent.change(screen.getByLabelText('Last number of counter 2021'), { target: { value: '310' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the settings' }));

    await screen.findByText('The settings are saved.');
    await screen.findByText('The next note would be No. 17-1/311');
    expect(puts()).toHaveLength(1);
    const sent = NoteRegistryConfigSchema.parse(puts()[0]!.body);
    expect(sent.languages).toEqual(['en', 'kk', 'ru']);
    expect(sent.place).toEqual({ en: 'Astana', ru: 'Нур-Султан', kk: 'Нұр-Сұлтан' });
    expect(sent.last).toEqual({ '2021': 310 });
    expect(sent.format).toEqual({ pattern: '{index}/{number}', counter: 'per-year' });
    expect(screen.getAllByRole('group').map((group) => group.getAttribute('lang')).filter((lang) => lang !== null)).toEqual(['en', 'kk', 'ru']);
  });

  it("shows the server's refusal beside the form and keeps what was typed", async () => {
    renderSettings();
    const english = await screen.findByRole('group', { name: 'Text in English' });
    fireEvent.change(within(english).getByLabelText('Sender'), { target: { value: 'The CICA Secretariat' } });
    fireEvent.change(screen.getByLabelText('Last number of counter 2021'), { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the settings' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Counter 2021 has reached 298; it cannot be set back to 100, or numbers would repeat.');
    expect(within(english).getByLabelText<HTMLInputElement>('Sender').value).toBe('The CICA Secretariat');
    expect(screen.getByLabelText<HTMLInputElement>('Last number of counter 2021').value).toBe('100');
    expect(screen.queryByText('The settings are saved.')).toBeNull();
  });

  it('tells a delegate that only the secretariat may see the settings, and asks the server nothing', async () => {
    renderSettings(false);
    await screen.findByText('Only the secretariat may see and change the settings of the registry of notes verbales.');
    expect(screen.queryByRole('button', { name: 'Save the settings' })).toBeNull();
    expect(calls).toEqual([]);
  });

  it('speaks Russian and Kazakh', async () => {
    renderSettings(true, 'ru');
    await screen.findByRole('button', { name: 'Сохранить настройки' });
    cleanup();
    renderSettings(false, 'kk');
    await screen.findByText('Вербалды ноталар журналының баптауларын тек хатшылық көре және өзгерте алады.');
  });
});
