// @vitest-environment happy-dom
/** A selection in the rendered text maps back to the container and offsets the server anchors proposals to. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { importDraft } from '../core/index.ts';
import { CompiledText } from './components/DocumentText.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { selectionAnchor } from './selection-anchor.ts';

afterEach(cleanup);

function select(node: Node, start: number, end: number): Selection {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

it('gives the provision and the offsets in its status-quo text, after a bracket too', () => {
  const { state } = importDraft('1.1 The Member States shall [exchange information] (+ISR) on military activities.\n');
  render(
    <LocaleProvider initial="en">
      <CompiledText state={state} selectedId={null} onSelect={() => undefined} />
    </LocaleProvider>,
  );
  const provision = state.provisions.get(state.order[0]!)!;
  const runs = Array.from(document.querySelectorAll('p.provision > [data-container] > [data-start]'));
  const after = runs.at(-1)!.firstChild!;
  const at = after.textContent!.indexOf('military');
  const anchor = selectionAnchor(select(after, at, at + 'military'.length));
  expect(anchor).toMatchObject({ provisionId: provision.id, parent: null, text: 'military' });
  expect(provision.text.slice(anchor!.start, anchor!.end)).toBe('military');
});

it('gives the proposal as parent for words inside a bracket, and null for a selection across containers', () => {
  const { state } = importDraft('1.1 The Member States shall [exchange information] (+ISR) on military activities.\n');
  render(
    <LocaleProvider initial="en">
      <CompiledText state={state} selectedId={null} onSelect={() => undefined} />
    </LocaleProvider>,
  );
  const proposal = [...state.proposals.values()][0]!;
  const inner = document.querySelector(`[data-parent="${proposal.id}"] [data-start]`)!.firstChild!;
  expect(selectionAnchor(select(inner, 0, 8))).toMatchObject({ parent: proposal.id, start: 0, end: 8, text: 'exchange' });
  const range = document.createRange();
  range.setStart(document.querySelector('p.provision > [data-container] > [data-start]')!.firstChild!, 2);
  range.setEnd(inner, 3);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  expect(selectionAnchor(document.getSelection())).toBeNull();
});
