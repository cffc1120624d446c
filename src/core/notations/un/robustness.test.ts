/**
 * Import in the UN notation never throws, keeps everything it was given, and stays fast on
 * inputs no person would write.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDraft, renderText } from '../../index.ts';
import { normalizeWhitespace } from '../../../../test/support/seed.ts';

const runs = { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 300) };

/** Pieces of UN compilation texts, and the characters that break them. */
const PIECES = [
  '[', ']', '[', ']', '[[', ']]', '][', ' ', ' ', '\n', '\n\n', '\t', '\r\n', 'words', 'text', ' - ', '-', ' – ', ' / ', '/', ';', ',', ':', '.', '(', ')',
  'US', 'G77', 'EU', 'Canada', 'Narnia', 'Iran (Islamic Republic of)', 'Co-facilitators', 'delete', 'retain', 'reserve', 'add', 'and',
  '(G77)', '(US: delete)', ' (EU, US: delete)', '(Agreed)', '[Agreed ad ref]', '\n(Agreed, placement tbd)\n', '(Note: x)', '\n(Note: y)',
  'OP1 ', 'PP2 bis ', '2.bis ', '12. ', '(a) ', 'I. ', 'Option 1:', 'Option 2:', 'OP7 Option 1: ', 'Option A (G77, US: delete): ', 'Alt 2.',
  '{No text}', '{Placeholder for x}', '[No text]', 'x[ly](Mexico)', '[a - US delete][b - US]', 'é', '\u00a0',
];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((pieces) => pieces.join(''));

function roundTrips(text: string): void {
  const { state } = importDraft(text, { notation: 'un' });
  expect(normalizeWhitespace(renderText(state, { view: 'compiled', notation: 'un' }))).toBe(normalizeWhitespace(text));
}

describe('UN import on any input', () => {
  it('never throws, and answers with a state and warnings a person can act on', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), soup), (text) => {
        const result = importDraft(text, { notation: 'un' });
        expect(result.notation).toBe('un');
        for (const warning of result.warnings) {
          expect(warning.line).toBeGreaterThanOrEqual(1);
          expect(warning.column).toBeGreaterThanOrEqual(1);
          expect(warning.message.length).toBeGreaterThan(20);
        }
        // Nothing it read is refused by the fold.
        expect(result.warnings.filter((w) => w.code === 'INVALID_TEXT')).toEqual([]);
        for (const view of ['compiled', 'agreed', 'as:USA']) expect(typeof renderText(result.state, { view, notation: 'un' })).toBe('string');
      }),
      runs,
    );
  });

  it('keeps every character of any mix of UN conventions: rendering gives the input back', () => {
    fc.assert(fc.property(soup, roundTrips), runs);
  });

  it('gives back the defects it repairs', () => {
    for (const text of ['[', ']', '][', '[[x - US]', '[x - US]]', 'a [b\n\nc] d', '[\n\ntext[]](Agreed)', 'Option 2:\n(Agreed)\n[Agreed ad ref]x', '[]', '[ / ]', '[shall][]']) {
      roundTrips(text);
    }
  });

  it('takes 100,000 nested opening brackets, and as many closing ones, quickly and with warnings', () => {
    for (const text of ['['.repeat(100_000), ']'.repeat(100_000), '['.repeat(50_000) + 'x' + ']'.repeat(50_000)]) {
      const started = performance.now();
      const { state, warnings } = importDraft(text, { notation: 'un' });
      expect(performance.now() - started).toBeLessThan(3000);
      expect(warnings.length).toBeGreaterThan(0);
      expect(normalizeWhitespace(renderText(state, { notation: 'un' }))).toBe(text);
    }
  });

  it('reads a 5 MB draft within a second per megabyte', { timeout: 60_000 }, () => {
    const draft = readFileSync(fileURLToPath(new URL('./drafts/ga-oceans-resolution.txt', import.meta.url)), 'utf8');
    const text = draft.repeat(Math.ceil(5_000_000 / draft.length));
    importDraft(draft, { notation: 'un' });
    // The best of two runs: other processes on a shared machine slow one run down, not the code.
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 2 && best >= 5000; run++) {
      const started = performance.now();
      const { state } = importDraft(text, { notation: 'un' });
      best = Math.min(best, performance.now() - started);
      expect(state.order.length).toBeGreaterThan(20_000);
    }
    expect(best).toBeLessThan(5000);
  });
});
