import { describe, expect, it } from 'vitest';
import { compiledRuns, type CompiledRunsContext } from './compiled-runs.ts';

function context(overrides: Partial<CompiledRunsContext> = {}): CompiledRunsContext {
  return {
    codes: new Map([['ISR', 'ISR'], ['Thai', 'THA'], ['IND', 'IND'], ['US', 'USA'], ['G77', 'G77'], ['Chair', 'CHAIR']]),
    footnotes: new Map([['²', 's2']]),
    tildeStrike: true,
    namesInside: false,
    ...overrides,
  };
}

describe('a compiled paragraph cut into runs', () => {
  it('colours a bracket by the marker after it, and each marker by its own delegation', () => {
    expect(compiledRuns('Taking [cooperative] (+ISR) (-IND) measures.', context())).toEqual([
      { text: 'Taking ' },
      { text: '[cooperative]', delegation: 'ISR' },
      { text: ' ' },
      { text: '(+ISR)', delegation: 'ISR' },
      { text: ' ' },
      { text: '(-IND)', delegation: 'IND' },
      { text: ' measures.' },
    ]);
  });

  it('colours nested brackets by their own owners, the outer one around them', () => {
    const runs = compiledRuns('[[shall] (+Thai) take] (+ISR)', context());
    expect(runs.slice(0, 4)).toEqual([
      { text: '[', delegation: 'ISR' },
      { text: '[shall]', delegation: 'THA' },
      { text: ' ' , delegation: 'ISR' },
      { text: '(+Thai)', delegation: 'THA' },
    ]);
  });

  it('strikes the chair’s deletion through without its tildes, and makes a known marker a footnote reference', () => {
    const footnotes = new Map([['²', 's2']]);
    expect(compiledRuns('2.2.5² ~~The Member States~~ [The Member States] (+Thai)', context({ footnotes }))).toEqual([
      { text: '2.2.5' },
      { text: '²', footnote: 's2' },
      { text: ' ' },
      { text: 'The Member States', strike: true },
      { text: ' ' },
      { text: '[The Member States]', delegation: 'THA' },
      { text: ' ' },
      { text: '(+Thai)', delegation: 'THA' },
    ]);
    // A footnote is referenced once: the marker seen again is text.
    expect(footnotes.size).toBe(0);
  });

  it('leaves unknown parentheses and an odd ~~ as written', () => {
    expect(compiledRuns('(see annex) ~~ alone', context())).toEqual([{ text: '(see annex) ~~ alone' }]);
  });

  it('reads names inside the bracket in the UN notation', () => {
    const runs = compiledRuns('[extreme - US; G77 delete] weather', context({ namesInside: true, tildeStrike: false }));
    expect(runs).toEqual([
      // The bracket is the US's (its first name); runs of one colour are one run.
      { text: '[extreme - US; ', delegation: 'USA' },
      { text: 'G77', delegation: 'G77' },
      { text: ' delete]', delegation: 'USA' },
      { text: ' weather' },
    ]);
  });

  it('keeps line breaks inside a paragraph', () => {
    expect(compiledRuns('**SECRETARIAT\nAND**', context())).toEqual([{ text: '**SECRETARIAT' }, { text: '', lineBreak: true }, { text: 'AND**' }]);
  });
});
