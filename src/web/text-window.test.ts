/** The arithmetic of a text drawn in a window: what is drawn covers the view, and the gaps keep the page as tall as the text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { covers, fittedRate, itemHeights, offsetOf, OVERSCAN_PX, rangeAround, rangeCovering, rangeForView, shouldMove, STEP_PX, windowParts } from './text-window.ts';

const heightsOf = (values: readonly number[]): Float64Array => Float64Array.from(values);

describe('heights', () => {
  it('are measured where drawn, else estimated from the length at the rate measured so far', () => {
    const keys = ['a', 'b', 'c'];
    const sizes = [60, 160, 460];
    const measured = new Map([
      ['a', 50],
      ['b', 100],
    ]);
    // (50 + 100) px over (60 + 40) + (160 + 40) characters: half a pixel per character.
    expect(fittedRate(keys, sizes, measured)).toBe(0.5);
    expect(Array.from(itemHeights(keys, sizes, measured, 0.5))).toEqual([50, 100, 250]);
    expect(fittedRate(keys, sizes, new Map())).toBeNull();
  });
});

describe('the range drawn', () => {
  const heights = heightsOf([100, 100, 100, 100, 100]);

  it('is the items overlapping the span asked for, at least one', () => {
    expect(rangeCovering(heights, 150, 250)).toEqual({ start: 1, end: 3 });
    expect(rangeCovering(heights, 200, 300)).toEqual({ start: 2, end: 3 });
    expect(rangeCovering(heights, 0, 0)).toEqual({ start: 0, end: 1 });
    expect(rangeCovering(heights, 10_000, 20_000)).toEqual({ start: 4, end: 5 });
    expect(offsetOf(heights, 3)).toBe(300);
  });

  it('reaches the overscan beyond the view on either side, and around an item brought to the top', () => {
    const many = heightsOf(Array.from({ length: 200 }, () => 50));
    const range = rangeForView(many, 5000, 5800);
    expect(offsetOf(many, range.start)).toBeLessThanOrEqual(5000 - OVERSCAN_PX);
    expect(offsetOf(many, range.end)).toBeGreaterThanOrEqual(5800 + OVERSCAN_PX);
    expect(rangeAround(many, 100, 800)).toEqual(range);
  });

  it('moves only once the view has come a step nearer its edge than the overscan', () => {
    const many = heightsOf(Array.from({ length: 400 }, () => 50));
    const range = rangeForView(many, 5000, 5800);
    expect(shouldMove(many, range, 5000, 5800)).toBe(false);
    expect(shouldMove(many, range, 5000 + STEP_PX - 60, 5800 + STEP_PX - 60)).toBe(false);
    expect(shouldMove(many, range, 5000 + STEP_PX + 60, 5800 + STEP_PX + 60)).toBe(true);
    expect(covers(many, range, 5000 + STEP_PX + 60, 5800 + STEP_PX + 60)).toBe(true);
    expect(covers(many, range, 5000 + OVERSCAN_PX + 60, 5800 + OVERSCAN_PX + 60)).toBe(false);
  });
});

describe('the parts of the page', () => {
  it('are the drawn items, the kept one, and gaps as tall as what they stand for', () => {
    const heights = heightsOf([10, 20, 30, 40, 50, 60]);
    expect(windowParts(heights, { start: 2, end: 4 }, 5)).toEqual([
      { kind: 'gap', from: 0, to: 2, height: 30 },
      { kind: 'item', index: 2 },
      { kind: 'item', index: 3 },
      { kind: 'gap', from: 4, to: 5, height: 50 },
      { kind: 'item', index: 5 },
    ]);
    expect(windowParts(heights, { start: 0, end: 6 }, null).every((part) => part.kind === 'item')).toBe(true);
  });

  it('always add up to the whole text, in order, every item once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), fc.option(fc.nat()), (values, a, b, keep) => {
        const heights = heightsOf(values);
        const total = values.reduce((sum, h) => sum + h, 0);
        const from = a % total;
        const range = rangeForView(heights, from, from + (b % 2000));
        const kept = keep === null ? null : keep % values.length;
        const parts = windowParts(heights, range, kept);
        let covered = 0;
        let next = 0;
        for (const part of parts) {
          if (part.kind === 'gap') {
            expect(part.from).toBe(next);
            covered += part.height;
            next = part.to;
          } else {
            expect(part.index).toBe(next);
            covered += values[part.index]!;
            next = part.index + 1;
          }
        }
        expect(next).toBe(values.length);
        expect(covered).toBeCloseTo(total, 6);
        expect(covers(heights, range, from, from + (b % 2000))).toBe(true);
      }),
    );
  });
});
