import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../test/support/canonical.ts';
import { buildNegotiation, DELEGATIONS, documentArbitrary, intentArbitrary } from '../../test/support/random-negotiation.ts';
import { tryApplyEvent } from './events/apply.ts';
import { importDraft } from './import-draft.ts';
import { renderText } from './render-text.ts';
import { CHAIR, T0 } from '../../test/support/events.ts';

const negotiation = fc.tuple(documentArbitrary, fc.array(intentArbitrary, { maxLength: 40 })).map(([document, intents]) => buildNegotiation(document, intents));
const runs = { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 150) };

describe('properties of random negotiations (fast-check prints the seed of any failure)', () => {
  it('rendering in the CICA notation and importing gives back the same state', () => {
    fc.assert(
      fc.property(negotiation, ({ state }) => {
        const text = renderText(state, { view: 'compiled', notation: 'cica' });
        const imported = importDraft(text, { notation: 'cica' });
        expect(canonical(imported.state)).toEqual(canonical(state));
      }),
      runs,
    );
  });

  it('the agreed view has no brackets', () => {
    fc.assert(
      fc.property(negotiation, ({ state }) => {
        expect(renderText(state, { view: 'agreed' })).not.toMatch(/[[\]]/u);
      }),
      runs,
    );
  });

  it('declaring consensus on every open proposal leaves none open', () => {
    fc.assert(
      fc.property(negotiation, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), ({ state }, outcomes) => {
        let k = 0;
        for (let open = [...state.proposals.values()].find((p) => p.status === 'open'); open; open = [...state.proposals.values()].find((p) => p.status === 'open')) {
          const outcome = outcomes[k++ % outcomes.length] ? 'accept' : 'drop';
          const result = tryApplyEvent(state, { type: 'consensus.declared', at: T0, actor: CHAIR, data: { proposalId: open.id, outcome } });
          expect(result.ok).toBe(true);
        }
        expect([...state.proposals.values()].filter((p) => p.status === 'open')).toEqual([]);
        expect(renderText(state, { view: 'compiled' })).not.toMatch(/[[\]]/u);
      }),
      runs,
    );
  });

  it('the as-X view contains no words X objected to', () => {
    fc.assert(
      fc.property(negotiation, fc.constantFrom(...DELEGATIONS), ({ state }, who) => {
        const view = renderText(state, { view: `as:${who}` });
        for (const proposal of state.proposals.values()) {
          if (proposal.status !== 'open' || state.positions.get(proposal.id)?.get(who)?.stance !== 'objects') continue;
          const words = proposal.kind === 'new-provision' ? state.provisions.get(proposal.provisionIds[0]!)!.text : proposal.text;
          const token = /kx\d+q/iu.exec(words)?.[0];
          if (token) expect(view.toLowerCase()).not.toContain(token.toLowerCase());
        }
      }),
      runs,
    );
  });
});
