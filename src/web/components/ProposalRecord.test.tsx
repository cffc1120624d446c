// @vitest-environment happy-dom
/** A proposal's history and statement form, rendered from a real log with times in the reader's and the seat's zone. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHAIR, consensus, delegate, position, propose } from '../../../test/support/events.ts';
import { fold, importDraft, type ParleyEvent } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locales.ts';
import { SeatContext } from '../seat-time-zone.ts';
import { ProposalRecord } from './ProposalRecord.tsx';

const DRAFT = '1. General provisions\n\n1.1 The Member States shall [exchange information] (+ISR) on military activities.\n';
const HOSTILE = '<script>alert(1)</script><b>x</b>';

function at(instant: string, event: ParleyEvent): ParleyEvent {
  return { ...event, at: instant };
}

function negotiation(): { events: ParleyEvent[]; imported: string; live: string } {
  const events = importDraft(DRAFT, { at: '2021-05-28T06:00:00.000Z', actor: { user: 'sec', delegation: null, role: 'secretariat' } }).events;
  const state = fold(events);
  const imported = [...state.proposals.values()][0]!.id;
  const provisionId = state.order[1]!;
  events.push(
    at('2021-06-02T08:00:00.000Z', propose('IND', { id: 'live-1', kind: 'insert', proponent: 'IND', anchor: { provisionId, parent: null, start: 0, end: 0 }, text: 'In good faith, ', reason: 'clarity' })),
    at('2021-06-02T08:10:00.000Z', position('CHN', 'live-1', 'objects', 'too vague')),
    at('2021-06-02T08:20:00.000Z', position('CHN', 'live-1', 'reserves', 'consulting capital')),
    at('2021-06-02T08:30:00.000Z', { type: 'statement.added', at: '', actor: delegate('ISR'), data: { statement: { id: 's1', kind: 'interpretative', by: 'ISR', text: HOSTILE, anchor: { proposalId: 'live-1' } } } }),
    at('2021-06-02T08:40:00.000Z', { type: 'position.withdrawn', at: '', actor: delegate('CHN'), data: { proposalId: 'live-1', delegation: 'CHN' } }),
    at('2021-06-02T08:50:00.000Z', consensus('live-1', 'accept')),
  );
  return { events, imported, live: 'live-1' };
}

function show(events: readonly ParleyEvent[], proposalId: string, options: { delegation?: string | null; isChair?: boolean; locale?: Locale; onAdd?: (body: unknown) => Promise<unknown> } = {}) {
  return render(
    <LocaleProvider initial={options.locale ?? 'en'}>
      <SeatContext.Provider value={{ place: 'Astana', timeZone: 'Asia/Almaty' }}>
        <ProposalRecord
          events={events}
          version={events.length}
          proposalId={proposalId}
          delegation={options.delegation ?? null}
          isChair={options.isChair ?? false}
          onAddStatement={options.onAdd ?? (() => Promise.resolve())}
        />
      </SeatContext.Provider>
    </LocaleProvider>,
  );
}

afterEach(cleanup);

describe('ProposalRecord', () => {
  it('tells who proposed what and when, each position taken, changed and withdrawn with its reason, statements and consensus', () => {
    const { events, live } = negotiation();
    show(events, live);
    expect(screen.getByRole('heading', { name: 'History (6 entries)' })).not.toBeNull();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.what')!.textContent)).toEqual([
      'IND proposed this insertion: “In good faith,”',
      'CHN objects',
      'CHN changed its position from “objects” to “reserves”',
      `Interpretative statement by ISR: “${HOSTILE}”`,
      'CHN withdrew its position (“reserves”)',
      'Accepted by the chair declaring consensus',
    ]);
    expect(items.map((li) => li.querySelector('.reason')?.textContent ?? '')).toEqual([' — giving as reason “clarity”', ' — giving as reason “too vague”', ' — giving as reason “consulting capital”', '', '', '']);
    // Each at its own time, in the reader's zone (UTC here) and Astana's (UTC+6 in 2021).
    expect(items[2]!.querySelector('.when')!.textContent).toMatch(/^Jun 2, 2021,? 08:20 AM UTC \(your time\) · Astana: Jun 2, 2021,? 02:20 PM GMT\+6$/u);
    // The statement is text: no element was made of its markup.
    expect(items[3]!.querySelector('script, b')).toBeNull();
  });

  it('marks what the imported draft recorded rather than inventing a time for it', () => {
    const { events, imported } = negotiation();
    show(events, imported);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['In the imported draft: ISR proposed this insertion: “exchange information”']);
  });

  it('lets a delegate add a statement of the kinds a delegation makes, for its delegation', async () => {
    const { events, live } = negotiation();
    const onAdd = vi.fn(() => Promise.resolve());
    show(events, live, { delegation: 'ISR', onAdd });
    expect(screen.getByRole('heading', { name: 'Add a statement for ISR' })).not.toBeNull();
    const kind = screen.getByLabelText('Kind of statement');
    expect(Array.from(kind.querySelectorAll('option'), (o) => o.textContent)).toEqual(['Interpretative statement', 'Reservation', 'Footnote']);
    fireEvent.click(screen.getByRole('button', { name: 'Add the statement' }));
    expect(screen.getByRole('status').textContent).toBe('Write the statement first.');
    fireEvent.change(kind, { target: { value: 'reservation' } });
    fireEvent.change(screen.getByLabelText('Text of the statement'), { target: { value: `  ${HOSTILE}  ` } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the statement' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The statement is added.'));
    expect(onAdd).toHaveBeenCalledWith({ kind: 'reservation', text: HOSTILE, anchor: { proposalId: live } });
  });

  it('offers the chair the chair’s kinds, and an observer nothing to add', () => {
    const { events, live } = negotiation();
    show(events, live, { isChair: true, locale: 'ru' });
    expect(screen.getByRole('heading', { name: 'Добавить заявление председателя' })).not.toBeNull();
    expect(Array.from(screen.getByLabelText('Вид заявления').querySelectorAll('option'), (o) => o.getAttribute('value'))).toEqual(['chair-note', 'footnote', 'provenance', 'renumbering']);
    expect(screen.getByRole('heading', { name: 'История (6 записей)' })).not.toBeNull();
    cleanup();
    show(events, live);
    expect(screen.queryByRole('button', { name: 'Add the statement' })).toBeNull();
  });

  it('shows a consequence as such: a proposal dropped because the chair accepted another', () => {
    const { events } = negotiation();
    const state = fold(events);
    const provisionId = state.order[1]!;
    const more = [
      ...events,
      at('2021-06-03T08:00:00.000Z', propose('RUS', { id: 'd1', kind: 'delete', proponent: 'RUS', anchor: { provisionId, parent: null, start: 0, end: 14 } })),
      at('2021-06-03T08:05:00.000Z', propose('CHN', { id: 'c1', kind: 'insert', proponent: 'CHN', anchor: { provisionId, parent: null, start: 3, end: 3 }, text: 'full ' })),
      at('2021-06-03T08:10:00.000Z', { ...consensus('d1', 'accept'), actor: CHAIR }),
    ];
    show(more, 'c1');
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.at(-1)!.querySelector('.what')!.textContent).toBe('Dropped as a consequence of the decision on the deletion proposed by RUS');
  });
});
