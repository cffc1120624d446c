// @vitest-environment happy-dom
/** Revisions and their comparison, rendered from a real log: issued Rev.1 and Rev.2, times in the reader's and the seat's zone. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAIR, consensus, position } from '../../../test/support/events.ts';
import { fold, importDraft, type ParleyEvent } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locales.ts';
import { SeatContext } from '../seat-time-zone.ts';
import { RevisionsView } from './RevisionsView.tsx';

const DRAFT = [
  '1. General provisions',
  '',
  '1.1 The Member States shall [exchange information] (+ISR) on military activities.',
  '',
  '1.2 Measures are recommendatory (-Thai) [voluntary] (+Thai) and selected by each State.',
  '',
].join('\n');

function at(instant: string, event: ParleyEvent): ParleyEvent {
  return { ...event, at: instant };
}

function issue(instant: string, number: number): ParleyEvent {
  return { type: 'revision.issued', at: instant, actor: CHAIR, data: { number, label: `Rev.${number}` } };
}

/** Imported on 28 May 2021, Rev.1 on 2 June 2021, the replacement accepted, Rev.2 in June 2024 (Kazakhstan on UTC+5 since March 2024). */
function negotiation(): ParleyEvent[] {
  const imported = importDraft(DRAFT, { aliases: { Thai: 'THA' }, at: '2021-05-28T06:00:00.000Z', actor: { user: 'sec', delegation: null, role: 'secretariat' } }).events;
  const state = fold(imported);
  const replacement = [...state.proposals.values()].find((p) => p.kind === 'replace')!.id;
  return [
    ...imported,
    at('2021-06-02T08:05:00.000Z', position('IND', replacement, 'supports')),
    issue('2021-06-02T09:30:00.000Z', 1),
    at('2024-06-10T07:00:00.000Z', consensus(replacement, 'accept')),
    issue('2024-06-10T07:15:00.000Z', 2),
  ];
}

function show(events: readonly ParleyEvent[], locale: Locale = 'en') {
  const state = fold(events);
  return render(
    <LocaleProvider initial={locale}>
      <SeatContext.Provider value={{ place: 'Astana', timeZone: 'Asia/Almaty' }}>
        <RevisionsView events={events} state={state} version={state.version} />
      </SeatContext.Provider>
    </LocaleProvider>,
  );
}

afterEach(cleanup);

describe('RevisionsView', () => {
  it('lists each revision with its time in the reader’s zone (UTC here) and Astana’s, who issued it, and the counts then', () => {
    show(negotiation());
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Rev.1', 'Rev.2']);
    const [rev1, rev2] = rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    // 2021: Astana on UTC+6; 2024: UTC+5 — the tz database's offsets, not ours.
    expect(rev1![0]).toMatch(/^Jun 2, 2021,? 09:30 AM UTC \(your time\) · Astana: Jun 2, 2021,? 03:30 PM GMT\+6$/u);
    expect(rev2![0]).toMatch(/^Jun 10, 2024,? 07:15 AM UTC \(your time\) · Astana: Jun 10, 2024,? 12:15 PM GMT\+5$/u);
    expect(rev1!.slice(1)).toEqual(['the chair', '2 open brackets', '0 of 3 provisions agreed']);
    expect(rev2!.slice(1)).toEqual(['the chair', '1 open bracket', '0 of 3 provisions agreed']);
    expect(screen.getAllByRole('time')[0]!.getAttribute('datetime')).toBe('2021-06-02T09:30:00.000Z');
  });

  it('compares Rev.1 with Rev.2 provision by provision, marking deleted and inserted words with del and ins', () => {
    const { container } = show(negotiation());
    expect(screen.getByRole('heading', { name: 'Comparison of Rev.1 with Rev.2' })).not.toBeNull();
    expect(screen.getByTestId('comparison-summary').textContent).toBe('1 provision differs: 1 changed, 0 added, 0 removed; 2 unchanged.');
    const change = container.querySelector('.change.changed')!;
    expect(change.querySelector('h4')!.textContent).toBe('Provision 1.2 — changed');
    // The compiled text loses the old words, the bracket and the markers.
    const deleted = Array.from(change.querySelectorAll('del'), (del) => del.textContent).join('|');
    expect(deleted).toContain('recommendatory');
    expect(deleted).toContain('(+Thai) (+IND)');
    expect(change.querySelector('del .visually-hidden')!.textContent).toBe('deleted: ');

    fireEvent.change(screen.getByLabelText('View'), { target: { value: 'agreed' } });
    const agreed = container.querySelector('.change.changed')!;
    expect(Array.from(agreed.querySelectorAll('ins'), (ins) => ins.textContent)).toEqual(['inserted: voluntary (end of insertion)']);
    expect(Array.from(agreed.querySelectorAll('del'), (del) => del.textContent)).toEqual(['deleted: recommendatory (end of deletion)']);
  });

  it('compares any two points, the imported draft and the current text included, and says when nothing differs', () => {
    show(negotiation());
    fireEvent.change(screen.getByLabelText('Compare'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('with'), { target: { value: '1' } });
    expect(screen.getByRole('heading', { name: 'Comparison of Draft as imported with Rev.1' })).not.toBeNull();
    // Only a position changed between the import and Rev.1: the compiled text shows it, the agreed text does not.
    expect(screen.getByTestId('comparison-summary').textContent).toBe('1 provision differs: 1 changed, 0 added, 0 removed; 2 unchanged.');
    fireEvent.change(screen.getByLabelText('View'), { target: { value: 'agreed' } });
    expect(screen.getByTestId('comparison-summary').textContent).toBe('No provision differs: 0 changed, 0 added, 0 removed; 3 unchanged.');
    fireEvent.change(screen.getByLabelText('with'), { target: { value: 'current' } });
    expect(screen.getByRole('heading', { name: 'Comparison of Draft as imported with Current text' })).not.toBeNull();
  });

  it('speaks Russian with its plural forms', () => {
    show(negotiation(), 'ru');
    expect(screen.getByTestId('comparison-summary').textContent).toBe('1 положение отличается: изменено — 1, добавлено — 0, удалено — 0; без изменений — 2.');
    expect(screen.getAllByRole('row')[1]!.textContent).toContain('2 открытые скобки');
  });

  it('says when no revision has been issued yet', () => {
    show(importDraft(DRAFT).events);
    expect(screen.getByText('No revision has been issued yet.')).not.toBeNull();
    expect(screen.getByRole('heading', { name: 'Comparison of Draft as imported with Current text' })).not.toBeNull();
  });
});
