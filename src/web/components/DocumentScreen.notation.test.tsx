// @vitest-environment happy-dom
/**
 * The notation switch of the document screen, on the seed draft: in a notation the text is
 * exactly what the engine renders for it (in the chosen view, kept current by live changes),
 * Parley's coloured brackets stay the default, and the choice lives in the page's address — as
 * does the tab beside the text (revisions, language versions).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fold, importDraft, renderText, toTransfer, type ParleyEvent } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { DocumentScreen } from './DocumentScreen.tsx';

const SEED = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'cica-draft-2021-05-28.txt'), 'utf8');
const IMPORTED = importDraft(SEED);

class FakeEventSource {
  static last: FakeEventSource | null = null;
  readyState = 1;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(): void {}
  close(): void {
    this.readyState = 2;
  }
}

let log: ParleyEvent[] = [];

beforeEach(() => {
  log = [...IMPORTED.events];
  history.replaceState(null, '', '/documents/d1');
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      if (url.endsWith('/state')) return Promise.resolve(new Response(JSON.stringify(toTransfer(fold(log))), { status: 200 }));
      if (url.includes('/drafts')) return Promise.resolve(new Response('[]', { status: 200 }));
      const after = Number(new URL(url, 'http://x').searchParams.get('after'));
      const events = log.slice(after).map((event, index) => ({ version: after + index + 1, seq: after + index + 1, hash: 'h', event }));
      return Promise.resolve(new Response(JSON.stringify({ documentId: 'd1', events, next: null }), { status: 200 }));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderScreen(): void {
  render(
    <LocaleProvider initial="en">
      <DocumentScreen documentId="d1" delegation="IND" isChair={false} onBack={() => undefined} />
    </LocaleProvider>,
  );
}

const plainText = (notation: 'CICA' | 'UN'): HTMLElement => screen.getByLabelText(`The text in the ${notation} notation, read-only`);

describe('DocumentScreen notation switch', () => {
  it('shows the engine’s rendering of the chosen notation and view, kept in the address and kept current', async () => {
    renderScreen();
    expect((await screen.findAllByRole('button', { name: /proposed by ISR/u })).length).toBeGreaterThan(0);
    const select = screen.getByLabelText<HTMLSelectElement>('Notation');
    expect(select.value).toBe('');
    expect(Array.from(select.options, (o) => o.textContent)).toEqual(['Parley (coloured brackets)', 'CICA: [words] (+ISR) after each bracket', 'UN compilation text: [words] – G77; US: delete']);

    fireEvent.change(select, { target: { value: 'un' } });
    const un = renderText(IMPORTED.state, { view: 'compiled', notation: 'un' });
    // The notations' text is loaded when first asked for.
    expect((await screen.findByLabelText('The text in the UN notation, read-only')).tagName).toBe('PRE');
    expect(plainText('UN').textContent).toBe(un);
    expect(location.search).toBe('?notation=un');
    expect(location.pathname).toBe('/documents/d1');
    expect(screen.queryAllByRole('button', { name: /proposed by/u })).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('View'), { target: { value: 'agreed' } });
    expect(plainText('UN').textContent).toBe(renderText(IMPORTED.state, { view: 'agreed', notation: 'un' }));
    fireEvent.change(select, { target: { value: 'cica' } });
    const cicaAgreed = renderText(IMPORTED.state, { view: 'agreed', notation: 'cica' });
    expect(plainText('CICA').textContent).toBe(cicaAgreed);
    fireEvent.change(screen.getByLabelText('View'), { target: { value: 'compiled' } });
    const cica = renderText(IMPORTED.state, { view: 'compiled', notation: 'cica' });
    expect(plainText('CICA').textContent).toBe(cica);
    expect(cica).toContain('(+ISR)');
    expect(cica).not.toBe(un);

    // A live change re-renders the text from the new state.
    const proposal = [...IMPORTED.state.proposals.values()].find((p) => p.status === 'open' && !IMPORTED.state.positions.get(p.id)?.has('IND'))!;
    log.push({ type: 'position.taken', at: '2021-06-02T08:00:00.000Z', actor: { user: 'u', delegation: 'IND', role: 'delegate' }, data: { proposalId: proposal.id, delegation: 'IND', stance: 'objects', reason: null } });
    const after = renderText(fold(log), { view: 'compiled', notation: 'cica' });
    expect(after).not.toBe(cica);
    act(() => FakeEventSource.last?.onmessage?.(new MessageEvent('message', { data: '{}' })));
    await vi.waitFor(() => expect(plainText('CICA').textContent).toBe(after));

    fireEvent.change(select, { target: { value: '' } });
    expect(location.search).toBe('');
    expect(screen.queryByLabelText(/notation, read-only/u)).toBeNull();
    expect((await screen.findAllByRole('button', { name: /proposed by ISR/u })).length).toBeGreaterThan(0);
  });

  it('keeps the tab in the address, and opens on the tab the address names', async () => {
    renderScreen();
    await screen.findAllByRole('button', { name: /proposed by ISR/u });
    const tabButton = (name: string): HTMLElement => screen.getByRole('button', { name });
    expect(tabButton('Text').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(tabButton('Revisions and comparison'));
    expect(location.search).toBe('?view=revisions');
    expect(tabButton('Revisions and comparison').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(tabButton('Language versions'));
    expect(location.search).toBe('?view=bilingual');
    fireEvent.click(tabButton('Text'));
    expect(location.search).toBe('');
    cleanup();

    history.replaceState(null, '', '/documents/d1?notation=un&view=revisions');
    renderScreen();
    expect(tabButton('Revisions and comparison').getAttribute('aria-pressed')).toBe('true');
    expect(tabButton('Text').getAttribute('aria-pressed')).toBe('false');
    // The two choices live side by side: leaving the tab keeps the notation.
    fireEvent.click(tabButton('Text'));
    expect(location.search).toBe('?notation=un');
  });

  it('opens in the notation the address names', async () => {
    history.replaceState(null, '', '/documents/d1?notation=cica');
    renderScreen();
    const text = await screen.findByLabelText('The text in the CICA notation, read-only');
    expect(text.textContent).toBe(renderText(IMPORTED.state, { notation: 'cica' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Notation').value).toBe('cica');
  });
});
