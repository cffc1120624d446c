import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWhitespace, readSeed } from '../../test/support/seed.ts';
import { importDraft } from './import-draft.ts';
import { renderText } from './render-text.ts';
import { CICA_ALIASES } from './delegations/index.ts';

/** Imports within a second per megabyte (and at least a second), never throwing. */
function importsQuickly(text: string): ReturnType<typeof importDraft> {
  const started = performance.now();
  const result = importDraft(text, { aliases: CICA_ALIASES });
  const budget = Math.max(1000, (text.length / 1_000_000) * 1000);
  expect(performance.now() - started).toBeLessThan(budget);
  return result;
}

const seed = readSeed();

describe('importing anything', () => {
  it('never throws on random unicode, and keeps every word of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const { state } = importsQuickly(text);
        const rendered = renderText(state, { view: 'compiled' });
        // Nothing dropped: every non-blank character of the input is in the rendering.
        expect(sortedChars(rendered)).toEqual(sortedChars(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on drafts mutated from the seed, and loses nothing', () => {
    const lines = seed.split('\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length - 1), fc.nat(200), fc.constantFrom('[', ']', '(+ISR)', '(-Rus)', '~~', '¹', '\n\n', 'OR', '*', '(', ')', '')), { maxLength: 12 }), (edits) => {
        const mutated = [...lines];
        for (const [line, column, insert] of edits) {
          const text = mutated[line] ?? '';
          const at = Math.min(column, text.length);
          mutated[line] = text.slice(0, at) + insert + text.slice(at);
        }
        const input = mutated.join('\n');
        const { state, warnings } = importsQuickly(input);
        expect(sortedChars(renderText(state, { view: 'compiled' }))).toEqual(sortedChars(input));
        expect(warnings.every((w) => w.line >= 1 && w.column >= 1 && w.message.length > 0)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('takes binary data with a warning', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const { warnings } = importsQuickly(bytes);
    expect(warnings.some((w) => w.code === 'BINARY_INPUT')).toBe(true);
  });

  it('takes 100,000 nested opening brackets', () => {
    const text = '['.repeat(100_000) + 'deep text';
    const { state, warnings } = importsQuickly(text);
    expect(warnings.some((w) => w.code === 'UNMATCHED_OPEN')).toBe(true);
    expect(renderText(state, { view: 'compiled' })).toContain('deep text');
  });

  it('takes 100,000 nested closed brackets', () => {
    const text = '['.repeat(100_000) + 'deep text' + ']'.repeat(100_000) + ' (+ISR)';
    const { state } = importsQuickly(text);
    expect(normalizeWhitespace(renderText(state, { view: 'compiled' }))).toBe(normalizeWhitespace(text));
  });

  it('takes a 5 MB draft within five seconds', () => {
    const big = Array.from({ length: Math.ceil(5_000_000 / seed.length) }, () => seed).join('\n\n');
    expect(big.length).toBeGreaterThan(5_000_000);
    const { state } = importsQuickly(big);
    expect(state.order.length).toBeGreaterThan(100 * 143);
  });

  it('keeps an empty bracket a delegation objects to, found by the mutation property above', () => {
    // Seed line 2.5.14 with a "[" typed before "] (-IND)": once read as a deletion of nothing and dropped.
    for (const text of ['1.1 Text [] (-IND) more.', '1.1 Human rights (+UZ)[] (-IND)', '1.1 Text [ ] (-Rus) more.']) {
      const { state } = importsQuickly(text);
      expect(normalizeWhitespace(renderText(state, { view: 'compiled' }))).toBe(normalizeWhitespace(text));
    }
  });

  it('keeps a draft of nothing but footnote texts, found by the fuzz campaign', () => {
    for (const text of ['¹ of the measures', '¹ x ² y', '¹ As read out by IND \r\n PP2 bis a)']) {
      const { state, warnings } = importDraft(text, { notation: 'cica' });
      expect(warnings.map((w) => w.code)).toContain('FOOTNOTE_TEXT_WITHOUT_MARKER');
      expect(normalizeWhitespace(renderText(state, { view: 'compiled', notation: 'cica' }))).toBe(normalizeWhitespace(text));
    }
  });

  it('keeps a deletion around nothing but an unattributed bracket, a marker with half a bracket, and a marker inside a bracket around paragraphs, found by the fuzz campaign', () => {
    for (const text of ['a [[[x]] (-IND) b', '[[[]](-I)', '1.1 Text [[more]] (-Rus) here.', 'text (EU,[) more', '(EU,[)i', '(EU,[])e', ')(-R,)', '[text] (-IND, )', 'р[1(-D)o](-R)', '[\n\n]', '[ \n\n ] (-IND)', '[](-Rus,n)(+Rus)', '[x] (-Rus, n) (Rus)', '[[]\n\n]', '[[x] (+IND)\n\n]', 's ](-D)😀', ')\ufeff¹(-I)😀', '[X](-Rus)[X](Rus)', '[Considering cooperation] (-IND) [Considering cooperation] (+IND)', '[x (+ISR)\n\n]', 'a [(+ISR)\n\nb] c']) {
      const { state, warnings } = importDraft(text, { notation: 'cica' });
      expect(warnings.map((w) => w.code)).not.toContain('INVALID_TEXT');
      // A bracket around paragraphs closes on the last of them, a paragraph of its own may come
      // out before it: the same characters, not always in the same places.
      expect(sortedChars(renderText(state, { view: 'compiled', notation: 'cica' }))).toBe(sortedChars(text));
    }
  });

  it('reports an empty draft', () => {
    expect(importsQuickly('   \n\n').warnings.map((w) => w.code)).toContain('EMPTY_INPUT');
  });
});

function sortedChars(text: string): string {
  return [...text.replace(/\s+/gu, '')].sort().join('');
}
