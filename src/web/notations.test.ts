/** The notation switch lists the engine's notations without loading them: the two lists must agree. */
import { describe, expect, it } from 'vitest';
import { notationIds } from '../core/index.ts';
import { isNotationId, notationChoices } from './notations.ts';

describe('the notations offered', () => {
  it('are the engine’s notations, every one named, in the engine’s order', () => {
    expect(notationIds().every(isNotationId)).toBe(true);
    expect(notationChoices()).toEqual(notationIds());
  });
});
