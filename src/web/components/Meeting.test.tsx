// @vitest-environment happy-dom
/**
 * Meeting mode on the document screen, fed by the live stream's `meeting` events: the banner,
 * the provision under discussion marked, following the chair (and not), reduced motion, the
 * chair who leads, and the oral proposal box. The real scrolling is checked in Chromium
 * (e2e/meeting.test.ts); happy-dom has no layout, so here scrollIntoView is watched.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { importDraft, toTransfer, type DocumentState } from '../../core/index.ts';
import type { MeetingState } from '../api.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { DocumentScreen } from './DocumentScreen.tsx';

const DRAFT = '1. General provisions\n\n1.1 The Member States shall [exchange information] (+ISR) on military activities.\n\n1.2 Measures are recommendatory.\n';

/** An EventSource whose named events the test sends. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = FakeEventSource.OPEN;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

const { events, state } = importDraft(DRAFT);
const [, first, second] = state.order as [string, string, string];
let requests: { method: string; url: string; body: unknown }[] = [];
/** What the server answers to the chair's next meeting change. */
let answer: MeetingState;
let scrolled: MockInstance<Element['scrollIntoView']>;

function meeting(fields: Partial<MeetingState>): MeetingState {
  return {
    documentId: 'd1',
    organisationId: 'org',
    active: true,
    provisionId: null,
    floor: null,
    chair: { userId: 'user-chair', displayName: 'Chair of the SWG' },
    startedAt: '2021-06-02T08:00:00.000Z',
    updatedAt: '2021-06-02T08:00:00.000Z',
    revision: 1,
    ...fields,
  };
}

beforeEach(() => {
  requests = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      requests.push({ method, url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
      if (url.endsWith('/delegations')) return Promise.resolve(Response.json([{ code: 'IND', names: { en: 'India', ru: 'Индия' } }, { code: 'ISR', names: { en: 'Israel', ru: 'Израиль' } }]));
      if (url.includes('/meeting/') && !url.endsWith('/proposals')) return Promise.resolve(Response.json(answer));
      if (method !== 'GET') return Promise.resolve(Response.json({ documentId: 'd1', version: events.length, id: 'p9', events: [] }, { status: 201 }));
      if (url.includes('/drafts')) return Promise.resolve(Response.json([]));
      if (url.endsWith('/state')) return Promise.resolve(Response.json(toTransfer(state)));
      const after = Number(new URL(url, 'http://x').searchParams.get('after'));
      const page = events.slice(after).map((event, index) => ({ version: after + index + 1, seq: after + index + 1, hash: 'h', event }));
      return Promise.resolve(Response.json({ documentId: 'd1', events: page, next: null }));
    }),
  );
  scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setMotionPreference('no-preference');
});

async function open(props: { delegation: string | null; isChair: boolean; userId: string }): Promise<FakeEventSource> {
  render(
    <LocaleProvider initial="en">
      <DocumentScreen documentId="d1" onBack={() => undefined} {...props} />
    </LocaleProvider>,
  );
  await screen.findByRole('button', { name: '+ISR: insertion proposed by ISR; ISR proposes' });
  return FakeEventSource.last!;
}

const provision = (id: string): Element => document.querySelector(`[data-provision="${id}"]`)!;
const focused = (): string[] => Array.from(document.querySelectorAll('.meeting-focus')).map((e) => e.getAttribute('data-provision')!);
const scrolledTo = (): [string | null, ScrollIntoViewOptions | boolean | undefined][] =>
  scrolled.mock.contexts.map((element, index) => [(element as Element).getAttribute('data-provision'), scrolled.mock.calls[index]![0]]);

describe('meeting mode for a delegate', () => {
  it('shows who chairs, who has the floor and what is discussed, marks it, and brings the view to it', async () => {
    const source = await open({ delegation: 'IND', isChair: false, userId: 'user-ind' });
    expect(screen.queryByTestId('meeting-banner')).toBeNull();

    act(() => source.emit('meeting', meeting({ provisionId: second, revision: 1 })));
    const banner = await screen.findByTestId('meeting-banner');
    expect(banner.querySelector('.meeting-facts')!.textContent).toBe('Chaired by Chair of the SWGFloor: no oneUnder discussion: 1.2');
    expect(focused()).toEqual([second]);
    expect(provision(second).getAttribute('aria-current')).toBe('true');
    expect(provision(first).getAttribute('aria-current')).toBeNull();
    expect(scrolledTo()).toEqual([[second, { behavior: 'smooth', block: 'start' }]]);

    // The floor changes: the banner says so; the view stays where it is.
    act(() => source.emit('meeting', meeting({ provisionId: second, floor: 'IND', revision: 2 })));
    expect(screen.getByTestId('meeting-floor').textContent).toBe('Floor: IND');
    expect(scrolled).toHaveBeenCalledTimes(1);
    // An older state arriving late changes nothing.
    act(() => source.emit('meeting', meeting({ provisionId: first, revision: 1 })));
    expect(screen.getByTestId('meeting-focus').textContent).toBe('Under discussion: 1.2');
    expect(focused()).toEqual([second]);

    // The meeting ends: no banner, nothing marked.
    act(() => source.emit('meeting', meeting({ active: false, provisionId: null, floor: null, chair: null, revision: 3 })));
    expect(screen.queryByTestId('meeting-banner')).toBeNull();
    expect(focused()).toEqual([]);
  });

  it('lets the delegate stop following to read elsewhere, jump back, and follow again', async () => {
    const source = await open({ delegation: 'IND', isChair: false, userId: 'user-ind' });
    act(() => source.emit('meeting', meeting({ provisionId: second, revision: 1 })));
    const follow = await screen.findByRole('checkbox', { name: 'Follow the chair' });
    expect((follow as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('button', { name: /^Go to/u })).toBeNull();

    fireEvent.click(follow);
    act(() => source.emit('meeting', meeting({ provisionId: first, revision: 2 })));
    expect(screen.getByTestId('meeting-focus').textContent).toBe('Under discussion: 1.1');
    expect(scrolledTo().map(([id]) => id)).toEqual([second]);

    fireEvent.click(screen.getByRole('button', { name: 'Go to 1.1' }));
    expect(scrolledTo().map(([id]) => id)).toEqual([second, first]);
    fireEvent.click(follow);
    expect(scrolledTo().map(([id]) => id)).toEqual([second, first, first]);
    expect(screen.queryByRole('button', { name: /^Go to/u })).toBeNull();
  });

  it('scrolls without animation for a reader who asked for reduced motion', async () => {
    setMotionPreference('reduce');
    const source = await open({ delegation: 'IND', isChair: false, userId: 'user-ind' });
    act(() => source.emit('meeting', meeting({ provisionId: first, revision: 1 })));
    await screen.findByTestId('meeting-banner');
    expect(scrolledTo()).toEqual([[first, { behavior: 'auto', block: 'start' }]]);
  });
});

describe('meeting mode for the chair', () => {
  it('lets the chair start the meeting; the chair who runs it leads and is not scrolled', async () => {
    const source = await open({ delegation: null, isChair: true, userId: 'user-chair' });
    act(() => source.emit('meeting', meeting({ active: false, chair: null, revision: 0 })));
    answer = meeting({ provisionId: second, revision: 1 });
    // The chair's console is loaded when first shown.
    fireEvent.click(await screen.findByRole('button', { name: 'Start meeting' }));
    // The answer shows at once, before the stream repeats it.
    await screen.findByTestId('meeting-banner');
    expect(requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.url])).toEqual([['POST', '/api/documents/d1/meeting/start']]);
    act(() => source.emit('meeting', answer));
    expect(screen.getByText('You lead the meeting: as you scroll, the provision at the top of your screen comes under discussion.').tagName).toBe('P');
    expect(screen.queryByRole('checkbox', { name: 'Follow the chair' })).toBeNull();
    expect(focused()).toEqual([second]);
    expect(scrolled).not.toHaveBeenCalled();

    // Clicking a provision offers it for discussion.
    answer = meeting({ provisionId: first, revision: 2 });
    fireEvent.click(provision(first));
    fireEvent.click(screen.getByRole('button', { name: 'Discuss 1.1' }));
    await vi.waitFor(() => expect(requests.at(-1)).toMatchObject({ method: 'PUT', url: '/api/documents/d1/meeting/focus', body: { provisionId: first } }));
    await vi.waitFor(() => expect(focused()).toEqual([first]));
    expect(scrolled).not.toHaveBeenCalled();
    answer = meeting({ provisionId: first, floor: 'ISR', revision: 3 });

    const floor = await screen.findByRole('option', { name: 'ISR — Israel' });
    fireEvent.change(floor.closest('select')!, { target: { value: 'ISR' } });
    await vi.waitFor(() => expect(requests.at(-1)).toMatchObject({ method: 'PUT', url: '/api/documents/d1/meeting/floor', body: { delegation: 'ISR' } }));
    await vi.waitFor(() => expect(screen.getByTestId('meeting-floor').textContent).toBe('Floor: ISR'));
  });

  it('offers a chair who does not run the meeting to take it over, and makes them follow meanwhile', async () => {
    const source = await open({ delegation: null, isChair: true, userId: 'user-vice-chair' });
    act(() => source.emit('meeting', meeting({ provisionId: first, revision: 4 })));
    expect((await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Follow the chair' })).checked).toBe(true);
    expect(scrolledTo().map(([id]) => id)).toEqual([first]);
    answer = meeting({ provisionId: first, chair: { userId: 'user-vice-chair', displayName: 'Vice-chair' }, revision: 5 });
    fireEvent.click(screen.getByRole('button', { name: 'Take the chair' }));
    await screen.findByText('Chaired by Vice-chair');
    expect(requests.at(-1)).toMatchObject({ method: 'POST', url: '/api/documents/d1/meeting/start' });
    expect(screen.queryByRole('checkbox', { name: 'Follow the chair' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Take the chair' })).toBeNull();
  });

  it('records the words the chair selects as an oral proposal of the delegation that has the floor', async () => {
    const source = await open({ delegation: null, isChair: true, userId: 'user-chair' });
    act(() => source.emit('meeting', meeting({ provisionId: first, floor: 'IND', revision: 2 })));
    await screen.findByTestId('meeting-banner');
    const text = select(state, first, 'military');
    const oral = (await screen.findByRole('heading', { name: 'Oral proposal for IND' })).closest('section')!;
    expect(oral.textContent).toContain('Selected words: “military”');
    fireEvent.click(screen.getByRole('button', { name: 'Propose deleting these words' }));
    await vi.waitFor(() =>
      expect(requests.at(-1)).toEqual({
        method: 'POST',
        url: '/api/documents/d1/meeting/proposals',
        body: { kind: 'delete', anchor: { provisionId: first, parent: null, start: text.start, end: text.end }, text: null, delegation: 'IND' },
      }),
    );

    // With the floor given to no one, the chair's selection is a chair's proposal again.
    act(() => source.emit('meeting', meeting({ provisionId: first, floor: null, revision: 3 })));
    select(state, first, 'military');
    expect((await screen.findByRole('heading', { name: 'New proposal' })).closest('section')!.textContent).toContain('Selected words: “military”');
    expect(screen.queryByRole('heading', { name: /^Oral proposal/u })).toBeNull();
  });
});

/** What `prefers-reduced-motion` answers: happy-dom keeps it in its own settings. */
function setMotionPreference(value: 'reduce' | 'no-preference'): void {
  (window as unknown as { happyDOM: { settings: { device: { prefersReducedMotion: string } } } }).happyDOM.settings.device.prefersReducedMotion = value;
}

/** Selects a word of a provision's status-quo text, as the reader's mouse would. */
function select(documentState: DocumentState, provisionId: string, word: string): { start: number; end: number } {
  const runs = Array.from(document.querySelectorAll(`[data-provision="${provisionId}"] > [data-container] > [data-start]`));
  const run = runs.find((r) => r.textContent.includes(word))!;
  const at = run.textContent.indexOf(word);
  const range = document.createRange();
  range.setStart(run.firstChild!, at);
  range.setEnd(run.firstChild!, at + word.length);
  act(() => {
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
  });
  const start = Number(run.getAttribute('data-start')) + at;
  expect(documentState.provisions.get(provisionId)!.text.slice(start, start + word.length)).toBe(word);
  return { start, end: start + word.length };
}
