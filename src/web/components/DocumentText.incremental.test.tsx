// @vitest-environment happy-dom
/**
 * Paragraphs are redrawn only when what they are drawn from changed (entry-dependencies.ts).
 * If that list missed something, a live change would leave a paragraph stale: so a text kept
 * current event by event, and by selections moving about, must always equal a text drawn
 * afresh from the same state.
 */
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNegotiation, documentArbitrary, intentArbitrary } from '../../../test/support/random-negotiation.ts';
import { applyEvent, emptyState } from '../../core/index.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import { CompiledText } from './DocumentText.tsx';

afterEach(cleanup);

const select = (): void => undefined;

describe('the compiled text kept current', () => {
  it('equals the text drawn afresh after every event and every change of selection', () => {
    const negotiation = fc.tuple(documentArbitrary, fc.array(intentArbitrary, { minLength: 5, maxLength: 30 }), fc.array(fc.nat(), { minLength: 30, maxLength: 30 }));
    fc.assert(
      fc.property(negotiation, ([document, intents, picks]) => {
        const { events } = buildNegotiation(document, intents);
        const state = emptyState();
        const live = render(
          <LocaleProvider initial="en">
            <CompiledText state={state} selectedId={null} onSelect={select} />
          </LocaleProvider>,
        );
        events.forEach((event, index) => {
          applyEvent(state, event);
          const ids = [...state.proposals.keys()];
          const selectedId = ids.length > 0 && picks[index % picks.length]! % 3 !== 0 ? ids[picks[index % picks.length]! % ids.length]! : null;
          const tree = (
            <LocaleProvider initial="en">
              <CompiledText state={state} selectedId={selectedId} onSelect={select} />
            </LocaleProvider>
          );
          live.rerender(tree);
          const fresh = render(tree);
          expect(live.container.innerHTML).toBe(fresh.container.innerHTML);
          fresh.unmount();
        });
        live.unmount();
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 40) / (process.env['PROPERTY_RUNS'] ? 10 : 1) },
    );
  });
});
