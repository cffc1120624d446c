// @vitest-environment happy-dom
/** The document screen against a fake server: it starts from the folded state, follows live messages with the log, and says when the connection drops. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fold, importDraft, toTransfer, type ParleyEvent } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { DocumentScreen } from './DocumentScreen.tsx';

const DRAFT = '1. General provisions\n\n1.1 The Member States shall [exchange information] (+ISR) on military activities.\n';

class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = FakeEventSource.OPEN;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(): void {}
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

let log: ParleyEvent[] = [];

beforeEach(() => {
  log = [...importDraft(DRAFT).events];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      if (url.endsWith('/state')) return Promise.resolve(new Response(JSON.stringify(toTransfer(fold(log))), { status: 200 }));
      // The delegate's Drafts panel asks for its drafts: there are none here.
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

describe('DocumentScreen', () => {
  it('renders the folded state, shows a dropped connection, and applies what a live message announces', async () => {
    render(
      <LocaleProvider initial="en">
        <DocumentScreen documentId="d1" delegation="IND" isChair={false} onBack={() => undefined} />
      </LocaleProvider>,
    );
    const chips = await screen.findByRole('button', { name: '+ISR: insertion proposed by ISR; ISR proposes' });
    expect(FakeEventSource.last?.url).toBe('/api/documents/d1/live');
    expect(screen.queryByRole('alert')).toBeNull();

    const source = FakeEventSource.last!;
    act(() => {
      source.readyState = FakeEventSource.CONNECTING;
      source.onerror?.();
    });
    expect(screen.getByRole('alert').textContent).toBe('Connection lost — reconnecting…');
    act(() => {
      source.readyState = FakeEventSource.OPEN;
      source.onopen?.();
    });
    expect(screen.queryByRole('alert')).toBeNull();

    const proposalId = chips.getAttribute('data-proposal')!;
    log.push({ type: 'position.taken', at: '2021-06-02T08:00:00.000Z', actor: { user: 'u', delegation: 'IND', role: 'delegate' }, data: { proposalId, delegation: 'IND', stance: 'objects', reason: 'too broad' } });
    act(() => source.onmessage?.(new MessageEvent('message', { data: '{}' })));
    const updated = await screen.findByRole('button', { name: '+ISR−IND: insertion proposed by ISR; ISR proposes; IND objects' });
    expect(updated.getAttribute('data-proposal')).toBe(proposalId);
  });
});
