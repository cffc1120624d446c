import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNegotiation, documentArbitrary, intentArbitrary } from '../../../test/support/random-negotiation.ts';
import { readSeed } from '../../../test/support/seed.ts';
import { applyEvent, fold } from '../events/apply.ts';
import { importDraft } from '../import-draft.ts';
import type { DocumentState } from './document-state.ts';
import { fromTransfer, toTransfer, type StateTransfer } from './state-transfer.ts';

/** Everything of a state, maps as entry lists so that their order counts too. */
function exactly(state: DocumentState): unknown {
  return {
    ...state,
    provisions: [...state.provisions],
    proposals: [...state.proposals],
    positions: [...state.positions].map(([id, byDelegation]) => [id, [...byDelegation]]),
    statements: [...state.statements],
    optionSets: [...state.optionSets],
    anchored: [...state.anchored],
    translations: [...state.translations],
  };
}

const overTheWire = (state: DocumentState): DocumentState => fromTransfer(JSON.parse(JSON.stringify(toTransfer(state))) as StateTransfer);

describe('a state sent as JSON', () => {
  it('comes back as the seed’s folded state, order of every map included', () => {
    const { events } = importDraft(readSeed());
    const state = fold(events);
    expect(exactly(overTheWire(state))).toEqual(exactly(state));
  });

  it('folds the later events as the whole log does, wherever the log is cut', () => {
    const negotiation = fc
      .tuple(documentArbitrary, fc.array(intentArbitrary, { maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([document, intents, cut]) => ({ ...buildNegotiation(document, intents), cut }));
    fc.assert(
      fc.property(negotiation, ({ events, cut }) => {
        const at = Math.floor(cut * events.length);
        const restored = overTheWire(fold(events.slice(0, at)));
        for (const event of events.slice(at)) applyEvent(restored, event);
        expect(exactly(restored)).toEqual(exactly(fold(events)));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 150) },
    );
  });

  it('gives the receiver maps of its own', () => {
    const state = fold(importDraft(readSeed()).events);
    const transfer = toTransfer(state);
    const restored = fromTransfer(transfer);
    const first = state.order[0]!;
    restored.provisions.delete(first);
    restored.order.length = 0;
    expect(state.provisions.has(first)).toBe(true);
    expect(transfer.order.length).toBe(state.order.length);
  });
});
