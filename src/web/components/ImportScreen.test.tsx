// @vitest-environment happy-dom
/**
 * The import screen against a scripted XMLHttpRequest that answers with the server's real
 * preview (the golden answer that src/server/routes/draft-preview.test.ts checks the server
 * against): progress while sending and while the server works, the warnings line by line,
 * a stale check after an edit, a clean re-check, and saving.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftPreviewResult } from '../api.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { ImportScreen, offsetOf } from './ImportScreen.tsx';

const GOLDEN_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'routes', 'golden', 'draft-preview.json');
const GOLDEN = JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as DraftPreviewResult;

/** The draft that the golden answer is for (there with \r\n endings, which a textarea turns into \n). */
const DEFECTIVE = [
  '1. General provisions',
  '',
  '1.1 The Member States shall exchange information] (+ISR) on military activities.',
  '',
  '1.2 Measures are [recommendatory] (+Thai) (-IND) and selected voluntarily.',
  '',
].join('\n');

class ScriptedXhr {
  static sent: ScriptedXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: Blob | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(body: Blob): void {
    this.body = body;
    ScriptedXhr.sent.push(this);
  }
  progress(loaded: number): void {
    act(() => this.upload.onprogress?.({ loaded, total: this.body!.size, lengthComputable: true } as ProgressEvent));
  }
  uploaded(): void {
    act(() => this.upload.onload?.());
  }
  async respond(status: number, body: unknown): Promise<void> {
    this.status = status;
    this.responseText = JSON.stringify(body);
    await act(async () => {
      this.onload?.();
      await Promise.resolve();
    });
  }
  async fail(): Promise<void> {
    await act(async () => {
      this.onerror?.();
      await Promise.resolve();
    });
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.body!.text()) as unknown;
  }
}

function lastRequest(): ScriptedXhr {
  const xhr = ScriptedXhr.sent.at(-1);
  if (!xhr) throw new Error('no request was sent');
  return xhr;
}

const button = (name: string): HTMLButtonElement => screen.getByRole('button', { name });
const textArea = (): HTMLTextAreaElement => screen.getByLabelText('Text of the draft');

let saved: string[] = [];

function renderScreen(): void {
  render(
    <LocaleProvider initial="en">
      <ImportScreen organisationId="cica" onSaved={(id) => saved.push(id)} onBack={() => undefined} />
    </LocaleProvider>,
  );
}

beforeEach(() => {
  ScriptedXhr.sent = [];
  saved = [];
  vi.stubGlobal('XMLHttpRequest', ScriptedXhr);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ImportScreen', () => {
  it('checks a pasted draft with progress, lists each warning with its line, goes to the line, and saves only a clean current check', async () => {
    renderScreen();
    fireEvent.change(textArea(), { target: { value: DEFECTIVE } });
    expect(button('Save and open').disabled).toBe(true);

    fireEvent.click(button('Check'));
    const check = lastRequest();
    expect([check.method, check.url]).toEqual(['POST', '/api/organisations/cica/documents/preview']);
    expect(check.headers['content-type']).toBe('application/json');
    expect(await check.json()).toEqual({ text: DEFECTIVE, title: null, notation: null });

    // Sending: a bar with its value.
    check.progress(Math.round(check.body!.size / 2));
    const sending = screen.getByRole('progressbar', { name: 'Sending the draft to the server — 50%' });
    expect(sending.getAttribute('aria-valuenow')).toBe('50');
    expect(button('Check').disabled).toBe(true);
    expect(button('Save and open').disabled).toBe(true);
    expect(textArea().readOnly).toBe(true);
    // Sent: the server works for a time nobody knows.
    check.uploaded();
    const working = screen.getByRole('progressbar', { name: 'The server is reading the draft…' });
    expect(working.getAttribute('aria-valuenow')).toBeNull();
    expect(working.getAttribute('aria-busy')).toBe('true');
    expect(button('Check').disabled).toBe(true);
    expect(document.querySelector('form')!.getAttribute('aria-busy')).toBe('true');

    await check.respond(200, GOLDEN);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(textArea().readOnly).toBe(false);
    const heading = screen.getByRole('heading', { name: 'Result of the check' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('Read as CICA, with the title “1. General provisions”.').tagName).toBe('P');
    const counts: Record<string, string | null> = Object.fromEntries(Array.from(document.querySelectorAll('.import-counts li'), (li) => [li.getAttribute('data-count') ?? '', li.textContent]));
    expect(counts).toEqual({
      provisions: '3 provisions',
      proposals: '1 open bracket',
      'option-sets': '0 option sets',
      footnotes: '0 footnotes',
      statements: '0 statements (footnotes included)',
      delegations: '2 delegations: IND and THA',
    });
    expect(screen.getByRole('heading', { name: '2 warnings' }).tagName).toBe('H3');
    const items = Array.from(document.querySelectorAll('.import-warnings > li'));
    expect(items.map((li) => li.querySelector('.where')!.textContent)).toEqual(['Line 3, column 49 UNMATCHED_CLOSE', 'Line 3, column 51 LOOSE_MARKER']);
    const line3 = '1.1 The Member States shall exchange information] (+ISR) on military activities.';
    expect(items.map((li) => li.querySelector('.source-line')!.textContent)).toEqual([`3${line3}`, `3${line3}`]);
    expect(items.map((li) => li.querySelector('.source-line mark')!.textContent)).toEqual([']', '(']);
    expect(items[0]!.querySelector('.message')!.textContent).toBe(GOLDEN.warnings[0]!.message);

    // "Go to line 3" puts the caret on the stray bracket.
    fireEvent.click(screen.getAllByRole('button', { name: 'Go to line 3' })[0]!);
    expect(document.activeElement).toBe(textArea());
    expect(textArea().selectionStart).toBe(DEFECTIVE.indexOf(']'));

    expect(button('Save and open').disabled).toBe(false);
    const fixed = DEFECTIVE.replace('exchange information]', '[exchange information]');
    fireEvent.change(textArea(), { target: { value: fixed } });
    expect(screen.getByRole('status').textContent).toBe('The text or the notation changed after the check: check again before saving.');
    expect(button('Save and open').disabled).toBe(true);

    fireEvent.click(button('Check'));
    const recheck = lastRequest();
    expect(await recheck.json()).toMatchObject({ text: fixed });
    recheck.uploaded();
    await recheck.respond(200, { ...GOLDEN, counts: { ...GOLDEN.counts, proposals: 2, delegations: ['IND', 'ISR', 'THA'] }, warnings: [] });
    expect(screen.getByRole('heading', { name: 'No warnings' }).tagName).toBe('H3');
    expect(document.querySelectorAll('.import-warnings > li')).toHaveLength(0);
    expect(screen.queryByText(/changed after the check/u)).toBeNull();

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '  Catalogue of CBMs ' } });
    fireEvent.change(screen.getByLabelText('Notation'), { target: { value: 'cica' } });
    expect(button('Save and open').disabled).toBe(true);
    fireEvent.click(button('Check'));
    await lastRequest().respond(200, { ...GOLDEN, warnings: [] });
    fireEvent.click(button('Save and open'));
    const save = lastRequest();
    expect([save.method, save.url]).toEqual(['POST', '/api/organisations/cica/documents']);
    expect(await save.json()).toEqual({ text: fixed, title: 'Catalogue of CBMs', notation: 'cica' });
    save.uploaded();
    expect(screen.getByRole('progressbar', { name: 'The server is saving the document…' }).getAttribute('aria-busy')).toBe('true');
    expect(button('Save and open').disabled).toBe(true);
    await save.respond(201, { document: { id: 'doc-42', organisationId: 'cica', title: 'Catalogue of CBMs', notation: 'cica', version: 9, circulatedToObservers: false, createdAt: '', updatedAt: '' }, warnings: [] });
    expect(saved).toEqual(['doc-42']);
  });

  it('shows a page of warnings at a time', async () => {
    renderScreen();
    fireEvent.change(textArea(), { target: { value: DEFECTIVE } });
    fireEvent.click(button('Check'));
    const many = Array.from({ length: 230 }, (_, i) => ({ ...GOLDEN.warnings[0]!, line: i + 1 }));
    await lastRequest().respond(200, { ...GOLDEN, warnings: many });
    expect(document.querySelectorAll('.import-warnings > li')).toHaveLength(100);
    expect(screen.getByText(/^Showing 100 of 230 warnings\./u).tagName).toBe('P');
    fireEvent.click(button('Show 100 more warnings'));
    fireEvent.click(button('Show 30 more warnings'));
    expect(document.querySelectorAll('.import-warnings > li')).toHaveLength(230);
    expect(screen.queryByRole('button', { name: /more warning/u })).toBeNull();
  });

  it('says what to do when the text is empty, the server refuses, or cannot be reached', async () => {
    renderScreen();
    fireEvent.click(button('Check'));
    expect(screen.getByRole('alert').textContent).toBe('Paste the text of the draft or choose a file first.');
    expect(ScriptedXhr.sent).toHaveLength(0);

    fireEvent.change(textArea(), { target: { value: DEFECTIVE } });
    fireEvent.click(button('Check'));
    await lastRequest().respond(403, { status: 403, code: 'ERR_ACCESS_FORBIDDEN', detail: 'You may not do this: only the secretariat imports and circulates documents.' });
    expect(screen.getByRole('alert').textContent).toBe('The server did not accept the draft: You may not do this: only the secretariat imports and circulates documents.');
    expect(button('Check').disabled).toBe(false);

    fireEvent.click(button('Check'));
    await lastRequest().fail();
    expect(screen.getByRole('alert').textContent).toBe('The server could not be reached. Check your connection and try again; nothing was saved.');
    expect(screen.queryByRole('heading', { name: 'Result of the check' })).toBeNull();
  });

  it('reads a chosen text file into the text, and refuses one that is not text', async () => {
    renderScreen();
    const input = screen.getByLabelText<HTMLInputElement>('Text file (.txt, UTF-8)');
    const binary = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])], 'draft.txt', { type: 'text/plain' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [binary] } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByRole('alert').textContent).toMatch(/^The file contains binary data/u);
    expect(textArea().value).toBe('');

    const pdf = new File(['%PDF-1.7'], 'draft.pdf', { type: 'application/pdf' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [pdf] } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByRole('alert').textContent).toBe('This is not a text file (application/pdf). Save the draft as plain text (.txt, UTF-8) in your word processor and choose that file.');

    const good = new File([DEFECTIVE], 'cbm.txt', { type: 'text/plain' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [good] } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(textArea().value).toBe(DEFECTIVE);
    expect(screen.getByRole('status').textContent).toBe(`Read “cbm.txt”: ${DEFECTIVE.length} characters.`);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('offsetOf', () => {
  it('finds a line and column as the importers count them, clamped to the line', () => {
    expect(offsetOf('ab\ncd\nef', 2, 2)).toBe(4);
    expect(offsetOf('ab\ncd\nef', 2, 9)).toBe(5);
    expect(offsetOf('ab', 5, 1)).toBe(2);
  });
});
