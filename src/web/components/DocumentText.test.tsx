// @vitest-environment happy-dom
/** The text rendered from the engine's state: brackets, who proposed them, positions, views, counts. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importDraft, type DocumentState } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/locales.ts';
import { CountsBar } from './CountsBar.tsx';
import { CleanText, CompiledText } from './DocumentText.tsx';
import { Legend } from './Legend.tsx';
import { REVEAL_EVENT, WINDOW_FROM } from '../text-window.ts';

const DRAFT = [
  '1. General provisions',
  '',
  '1.1 The Member States shall [exchange information] (+ISR) (-IND) on military activities.',
  '',
  '1.2 Measures are recommendatory (-Thai) [voluntary] (+Thai) and selected by each State.',
  '',
].join('\n');

function stateOf(text = DRAFT): DocumentState {
  return importDraft(text, { aliases: { Thai: 'THA' } }).state;
}

function inLocale(node: React.ReactNode, locale: Locale = 'en') {
  return render(<LocaleProvider initial={locale}>{node}</LocaleProvider>);
}

afterEach(cleanup);

describe('compiled view', () => {
  it('shows every bracket as a bracket, with the delegation written beside its colour', () => {
    const state = stateOf();
    inLocale(<CompiledText state={state} selectedId={null} onSelect={() => undefined} />);
    const p11 = document.querySelector('p.provision.paragraph')!;
    expect(p11.textContent).toContain('1.1');
    expect(p11.textContent).toMatch(/\[exchange information\] \+ISR−IND/u);
    const insertion = screen.getByRole('button', { name: /insertion proposed by ISR/u });
    expect(insertion.getAttribute('aria-label')).toBe('+ISR−IND: insertion proposed by ISR; ISR proposes; IND objects');
    const marks = p11.querySelectorAll('.bracket-mark');
    expect(Array.from(marks, (m) => m.textContent)).toEqual(['[', ']']);
    expect((marks[0] as HTMLElement).style.color).not.toBe('');
  });

  it('shows a replacement as the old words struck and the new ones in brackets', () => {
    inLocale(<CompiledText state={stateOf()} selectedId={null} onSelect={() => undefined} />);
    const replacement = document.querySelector('.bracket.kind-replace')!;
    expect(replacement.querySelector('del')?.textContent).toBe('recommendatory');
    expect(replacement.textContent).toContain('[voluntary]');
    expect(within(replacement as HTMLElement).getByRole('button').textContent).toContain('THA');
  });

  it('selects a proposal from its chips', () => {
    const state = stateOf();
    const onSelect = vi.fn();
    inLocale(<CompiledText state={state} selectedId={null} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: /insertion proposed by ISR/u }));
    const id = [...state.proposals.values()].find((p) => p.proponent === 'ISR')!.id;
    expect(onSelect).toHaveBeenCalledWith(id);
  });

  it('writes positions and kinds in Russian', () => {
    inLocale(<CompiledText state={stateOf()} selectedId={null} onSelect={() => undefined} />, 'ru');
    const bracket = screen.getByRole('button', { name: '+ISR−IND: вставка, предлагает ISR; ISR предлагает; IND возражает' });
    expect(bracket.textContent).toContain('ISR');
  });
});

describe('clean views', () => {
  it('agreed leaves out what is only proposed; as ISR takes what Israel wants', () => {
    const state = stateOf();
    const agreed = inLocale(<CleanText state={state} view={{ kind: 'agreed' }} />);
    expect(agreed.container.textContent).toContain('The Member States shall on military activities.');
    expect(agreed.container.textContent).not.toContain('[');
    cleanup();
    const isr = inLocale(<CleanText state={state} view={{ kind: 'as', delegation: 'ISR' }} />);
    expect(isr.container.textContent).toContain('shall exchange information on military activities.');
  });
});

describe('a long text', () => {
  const paragraphs = (count: number): string[] => Array.from({ length: count }, (_, i) => `1.${i + 1} Paragraph ${i + 1} of the generated text [with words] (+ISR).`);

  it('is drawn whole up to the window’s threshold', () => {
    const state = stateOf(['1. Short', '', ...paragraphs(WINDOW_FROM - 1)].join('\n\n'));
    const { container } = inLocale(<CompiledText state={state} selectedId={null} onSelect={() => undefined} />);
    expect(container.querySelectorAll('[data-provision]')).toHaveLength(WINDOW_FROM);
    expect(container.querySelector('.text-gap')).toBeNull();
  });

  it('beyond it, is drawn in a window from the top, and draws a paragraph it is asked for (meeting mode)', () => {
    const state = stateOf(['1. Long', '', ...paragraphs(400)].join('\n\n'));
    const { container } = inLocale(<CompiledText state={state} selectedId={null} onSelect={() => undefined} />);
    const text = container.querySelector('.document-text')!;
    const drawn = (): string[] => Array.from(text.querySelectorAll('[data-provision]'), (p) => p.textContent);
    expect(drawn().length).toBeGreaterThan(3);
    expect(drawn().length).toBeLessThan(200);
    expect(drawn()[0]).toBe('1. Long');
    // What is not drawn is stood in for by a gap of its estimated height, so that the page is as tall as the text.
    const gap = text.lastElementChild as HTMLElement;
    expect(gap.className).toBe('text-gap');
    expect(parseFloat(gap.style.blockSize)).toBeGreaterThan(1000);

    const last = [...state.provisions.values()].find((p) => p.label === '1.400')!;
    expect(text.querySelector(`[data-provision="${last.id}"]`)).toBeNull();
    let revealed = false;
    act(() => {
      revealed = !text.dispatchEvent(new CustomEvent(REVEAL_EVENT, { detail: last.id, cancelable: true }));
    });
    expect(revealed).toBe(true);
    expect(text.querySelector(`[data-provision="${last.id}"]`)?.textContent).toContain('Paragraph 400 of the generated text');
    expect(drawn()).not.toContain('1. Long');
    // A provision the text does not hold is not claimed.
    expect(text.dispatchEvent(new CustomEvent(REVEAL_EVENT, { detail: 'no-such-provision', cancelable: true }))).toBe(true);
  });

  it('the clean views are windowed alike', () => {
    const state = stateOf(['1. Long', '', ...paragraphs(400)].join('\n\n'));
    const { container } = inLocale(<CleanText state={state} view={{ kind: 'agreed' }} />);
    const count = container.querySelectorAll('[data-provision]').length;
    expect(count).toBeGreaterThan(3);
    expect(count).toBeLessThan(200);
    expect(container.querySelector('.document-text')!.getAttribute('data-window')).toBe(`0-${count}/401`);
  });
});

describe('counts and legend', () => {
  it('counts open brackets with the right plural in each language', () => {
    const state = stateOf();
    inLocale(<CountsBar state={state} />, 'en');
    expect(document.querySelector('[data-count="open-brackets"]')?.textContent).toBe('2 open brackets');
    cleanup();
    inLocale(<CountsBar state={state} />, 'ru');
    expect(document.querySelector('[data-count="open-brackets"]')?.textContent).toBe('2 открытые скобки');
    cleanup();
    inLocale(<CountsBar state={state} />, 'kk');
    expect(document.querySelector('[data-count="open-brackets"]')?.textContent).toBe('2 ашық жақша');
  });

  it('lists each proposing delegation by code in the legend', () => {
    inLocale(<Legend state={stateOf()} />);
    const items = Array.from(document.querySelectorAll('.legend-delegations li'), (li) => li.textContent);
    expect(items).toEqual(['[ ] ISR', '[ ] THA']);
  });
});
