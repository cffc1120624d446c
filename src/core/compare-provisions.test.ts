import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLaws } from '../../test/support/laws.ts';
import { consensus, position, propose, revision } from '../../test/support/events.ts';
import { readSeed } from '../../test/support/seed.ts';
import { compareProvisions } from './compare-provisions.ts';
import { fold } from './events/apply.ts';
import type { ParleyEvent } from './events/event.ts';
import { importDraft } from './import-draft.ts';
import { joinSections } from './notations/notation.ts';
import { renderSections, renderText } from './render-text.ts';

const DRAFT = [
  '1. General provisions',
  '',
  '1.1 The Member States shall [exchange information] (+ISR) (-IND) on military activities.',
  '',
  '1.2 Measures are recommendatory and selected voluntarily.',
  '',
  '1.3 Implementation is reviewed regularly.',
  '',
].join('\n');

function labelled(events: readonly ParleyEvent[], label: string): string {
  const state = fold(events);
  return state.order.find((id) => state.provisions.get(id)?.label === label)!;
}

describe('renderSections', () => {
  it('cuts exactly the text renderText writes, in every view and notation', () => {
    const unDraft = readFileSync(new URL('./notations/un/drafts/ga-oceans-resolution.txt', import.meta.url), 'utf8');
    for (const text of [readSeed(), unDraft]) {
      const { state } = importDraft(text, { aliases: { Turk: 'TUR', Thai: 'THA', Rus: 'RUS', UZ: 'UZB' } });
      for (const notation of ['cica', 'un']) {
        for (const view of ['compiled', 'agreed', 'as:ISR', 'as:USA']) {
          const sections = renderSections(state, { view, notation });
          expect(joinSections(sections), `${notation} ${view}`).toBe(renderText(state, { view, notation }));
          expect(sections.filter((s) => s.provisionId !== null).every((s) => state.provisions.has(s.provisionId!))).toBe(true);
        }
      }
    }
  });
});

describe('compareProvisions', () => {
  const imported = importDraft(DRAFT).events;
  const insertion = [...fold(imported).proposals.values()][0]!.id;
  const p12 = labelled(imported, '1.2');
  const p13 = labelled(imported, '1.3');
  const log: ParleyEvent[] = [
    ...imported,
    revision(1),
    consensus(insertion, 'accept'),
    propose('CHN', { id: 'np', kind: 'new-provision', proponent: 'CHN', provisions: [{ id: 'n1', kind: 'paragraph', label: '1.2bis', text: 'States may nominate experts.' }], after: p12 }),
    position('RUS', 'np', 'supports'),
    consensus('np', 'accept'),
    propose('IND', { id: 'dp', kind: 'delete-provision', proponent: 'IND', provisionIds: [p13] }),
    consensus('dp', 'accept'),
    revision(2),
  ];

  it('marks each provision changed, added, removed or unchanged, and counts them', () => {
    const state = checkLaws(log);
    const rev1 = fold(log.slice(0, state.revisions[0]!.version));
    const rev2 = fold(log.slice(0, state.revisions[1]!.version));
    const comparison = compareProvisions(rev1, rev2);
    expect(comparison.provisions.map((p) => [p.label, p.change])).toEqual([
      ['1', 'unchanged'],
      ['1.1', 'changed'],
      ['1.2', 'unchanged'],
      // A removed provision stays right after the one it followed, before what was added there (as in a word diff).
      ['1.3', 'removed'],
      ['1.2bis', 'added'],
    ]);
    expect([comparison.changed, comparison.added, comparison.removed, comparison.unchanged]).toEqual([1, 1, 1, 2]);
    const changed = comparison.provisions[1]!;
    // The compiled text loses the bracket and the markers; the words stay.
    expect(changed.parts.filter((p) => p.removed).map((p) => p.value).join('')).toContain('(+ISR)');
    expect(changed.parts.filter((p) => !p.removed).map((p) => p.value).join('')).toBe('1.1 The Member States shall exchange information on military activities.');
    expect(changed.parts.filter((p) => !p.added).map((p) => p.value).join('')).toBe('1.1 The Member States shall [exchange information] (+ISR) (-IND) on military activities.');
    expect(comparison.provisions[3]!.parts).toEqual([{ value: '1.3 Implementation is reviewed regularly.', removed: true }]);
  });

  it('in the agreed view shows the accepted words as inserted', () => {
    const state = fold(log);
    const rev1 = fold(log.slice(0, state.revisions[0]!.version));
    const comparison = compareProvisions(rev1, state, { view: 'agreed' });
    const changed = comparison.provisions.find((p) => p.label === '1.1')!;
    expect(changed.change).toBe('changed');
    expect(changed.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['exchange information']);
    expect(changed.parts.some((p) => p.removed)).toBe(false);
  });

  it('finds nothing changed between a state and itself', () => {
    const state = fold(log);
    const comparison = compareProvisions(state, state);
    expect(comparison.changed + comparison.added + comparison.removed).toBe(0);
    expect(comparison.unchanged).toBe(state.order.length);
  });
});
