// @vitest-environment happy-dom
/**
 * Paragraph-level acts from real states: the chair marks a settled paragraph agreed ad ref
 * (the badge shows on it) but not one with brackets left; statements show as footnote markers
 * and notes; a new paragraph goes after a provision or as an alternative to it.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHAIR, delegate } from '../../../test/support/events.ts';
import { applyEvent, fold, importDraft, type DocumentState, type ParleyEvent } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locales.ts';
import { CompiledText } from './DocumentText.tsx';
import { ProvisionPanel, type ProvisionActions } from './ProvisionPanel.tsx';

const DRAFT = [
  '1. General provisions',
  '',
  '1.1 The Member States shall [exchange information] (+ISR) on military activities.',
  '',
  '1.2 Measures are recommendatory and selected by each State.',
  '',
].join('\n');
const HOSTILE = '<script>alert(1)</script><b>x</b>';

function stateWith(...more: ParleyEvent[]): DocumentState {
  const state = fold(importDraft(DRAFT).events);
  for (const event of more) applyEvent(state, event);
  return state;
}

function idOf(state: DocumentState, label: string): string {
  return state.order.find((id) => state.provisions.get(id)?.label === label)!;
}

function actionsSpy(): ProvisionActions & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    addStatement: vi.fn((body) => (calls.push(['statement', body]), Promise.resolve())),
    agree: vi.fn((id, status) => (calls.push(['agree', id, status]), Promise.resolve())),
    proposeParagraph: vi.fn((paragraph) => (calls.push(['paragraph', paragraph]), Promise.resolve())),
  };
}

function panel(state: DocumentState, label: string, options: { delegation?: string | null; isChair?: boolean; locale?: Locale; actions?: ProvisionActions; onSelectProposal?: (id: string) => void } = {}) {
  return render(
    <LocaleProvider initial={options.locale ?? 'en'}>
      <ProvisionPanel
        state={state}
        provision={state.provisions.get(idOf(state, label))!}
        delegation={options.delegation ?? null}
        isChair={options.isChair ?? false}
        actions={options.actions ?? actionsSpy()}
        onSelectProposal={options.onSelectProposal ?? (() => undefined)}
        onClose={() => undefined}
      />
    </LocaleProvider>,
  );
}

afterEach(cleanup);

describe('ProvisionPanel', () => {
  it('lets the chair mark a paragraph agreed ad ref only once no bracket remains on it', async () => {
    const state = stateWith();
    const actions = actionsSpy();
    panel(state, '1.1', { isChair: true, actions });
    const blocked = screen.getByRole('button', { name: 'Mark agreed ad ref' });
    expect(blocked.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Settle the 1 open proposal on this paragraph before marking it agreed.').id).toBe(blocked.getAttribute('aria-describedby'));
    cleanup();

    panel(state, '1.2', { isChair: true, actions });
    expect(screen.getByText('No open proposal on this paragraph')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark agreed ad ref' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Done.'));
    expect(actions.calls).toEqual([['agree', idOf(state, '1.2'), 'agreed-ad-ref']]);
  });

  it('shows an agreed paragraph’s status and offers the chair adoption next; delegates get no chair actions', () => {
    const state = stateWith();
    applyEvent(state, { type: 'provision.agreed', at: '2021-06-02T08:00:00.000Z', actor: CHAIR, data: { provisionId: idOf(state, '1.2'), status: 'agreed-ad-ref' } });
    panel(state, '1.2', { isChair: true });
    expect(screen.getByText('agreed ad ref').className).toBe('badge agreement agreed-ad-ref');
    expect(screen.queryByRole('button', { name: 'Mark agreed ad ref' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark adopted' })).not.toBeNull();
    cleanup();
    panel(state, '1.2', { delegation: 'ISR' });
    expect(screen.queryByRole('heading', { name: 'Chair' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Add a statement for ISR' })).not.toBeNull();
  });

  it('puts a new paragraph forward after the provision or as an alternative to it', async () => {
    const state = stateWith();
    const actions = actionsSpy();
    panel(state, '1.2', { delegation: 'IND', actions });
    const form = screen.getByRole('form', { name: 'Propose a new paragraph' });
    fireEvent.click(within(form).getByRole('button', { name: 'Propose after 1.2' }));
    expect(within(form).getByRole('status').textContent).toBe('Write the text of the paragraph first.');
    fireEvent.change(within(form).getByLabelText('Number (optional, e.g. 2.2.x)'), { target: { value: ' 1.3 ' } });
    fireEvent.change(within(form).getByLabelText('Text of the paragraph'), { target: { value: 'States may nominate experts.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Propose after 1.2' }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('The paragraph is proposed.'));
    fireEvent.change(within(form).getByLabelText('Text of the paragraph'), { target: { value: 'Measures are voluntary.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Propose as an alternative to 1.2' }));
    await waitFor(() => expect(actions.calls).toHaveLength(2));
    expect(actions.calls).toEqual([
      ['paragraph', { kind: 'paragraph', label: '1.3', text: 'States may nominate experts.', after: idOf(state, '1.2') }],
      ['paragraph', { kind: 'paragraph', label: null, text: 'Measures are voluntary.', alternativeTo: idOf(state, '1.2') }],
    ]);
  });

  it('lists the statements on the provision as text, with their kind, author and time', () => {
    const state = stateWith();
    applyEvent(state, { type: 'statement.added', at: '2021-06-02T08:00:00.000Z', actor: delegate('ISR'), data: { statement: { id: 's1', kind: 'interpretative', by: 'ISR', text: HOSTILE, anchor: { provisionId: idOf(state, '1.2'), at: 'end' } } } });
    panel(state, '1.2', { locale: 'ru' });
    expect(screen.getByRole('heading', { name: '1 заявление' })).not.toBeNull();
    const item = screen.getByRole('listitem');
    expect(item.querySelector('strong')!.textContent).toBe('Заявление о толковании');
    expect(item.querySelector('.statement-text')!.textContent).toBe(HOSTILE);
    expect(item.querySelector('script, b')).toBeNull();
    expect(item.querySelector('time')!.getAttribute('datetime')).toBe('2021-06-02T08:00:00.000Z');
  });
});

describe('the compiled text with paragraph acts', () => {
  it('shows the agreed badge on the paragraph, a footnote marker linking to the statement, and selects a paragraph by its number', () => {
    const state = stateWith();
    const p12 = idOf(state, '1.2');
    const proposal = [...state.proposals.values()][0]!;
    applyEvent(state, { type: 'provision.agreed', at: '2021-06-02T08:00:00.000Z', actor: CHAIR, data: { provisionId: p12, status: 'agreed-ad-ref' } });
    applyEvent(state, { type: 'statement.added', at: '2021-06-02T08:01:00.000Z', actor: delegate('IND'), data: { statement: { id: 's1', kind: 'interpretative', by: 'IND', text: HOSTILE, anchor: { proposalId: proposal.id } } } });
    applyEvent(state, { type: 'statement.added', at: '2021-06-02T08:02:00.000Z', actor: CHAIR, data: { statement: { id: 's2', kind: 'chair-note', by: 'CHAIR', text: 'Agreed at the June meeting.', anchor: { provisionId: p12, at: 'end' } } } });
    const onSelectProvision = vi.fn();
    render(
      <LocaleProvider initial="en">
        <CompiledText state={state} selectedId={null} onSelect={() => undefined} selectedProvisionId={null} onSelectProvision={onSelectProvision} />
      </LocaleProvider>,
    );
    const paragraph = document.querySelector(`p[data-provision="${p12}"]`)!;
    expect(paragraph.querySelector('.badge')!.textContent).toBe('agreed ad ref');
    expect(paragraph.textContent).toBe('1.2 Measures are recommendatory and selected by each State.²agreed ad ref');

    // New statements take the next free markers, in the order they were made.
    const onProposal = screen.getByRole('link', { name: 'Note ¹: Interpretative statement' });
    const onProvision = screen.getByRole('link', { name: 'Note ²: Chair’s note' });
    expect(onProvision.getAttribute('href')).toBe('#note-s2');
    expect(onProposal.closest('.bracket')!.querySelector('button.chips')!.getAttribute('data-proposal')).toBe(proposal.id);
    const note = document.getElementById(onProposal.getAttribute('href')!.slice(1))!;
    expect(note.textContent).toContain(`IND: ${HOSTILE}`);
    expect(note.querySelector('script, b')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '1.2' }));
    expect(onSelectProvision).toHaveBeenCalledWith(p12);
  });
});
