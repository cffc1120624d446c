import { describe, expect, it } from 'vitest';
import { importDraft } from '../core/index.ts';
import { readSeed } from '../../test/support/seed.ts';
import { anchorForWords } from './words-anchor.ts';

const state = importDraft(readSeed(), { aliases: { Thai: 'THA', Turk: 'TUR', Rus: 'RUS', UZ: 'UZB' } }).state;

describe('pointing at words by paragraph number', () => {
  it('finds words of 2.2.2 once and anchors them, or the point after them', () => {
    const on = anchorForWords(state, '2.2.2', 'cooperative  measures', 'on');
    expect(on.ok).toBe(true);
    if (!on.ok) return;
    const provision = state.provisions.get(on.anchor.provisionId)!;
    expect(provision.label).toBe('2.2.2');
    expect(provision.text.slice(on.anchor.start, on.anchor.end)).toBe(on.anchor.text);
    expect(on.anchor.text).toMatch(/^cooperative\s+measures$/u);
    const after = anchorForWords(state, '2.2.2.', 'cooperative measures', 'after');
    expect(after).toMatchObject({ ok: true, anchor: { provisionId: on.anchor.provisionId, start: on.anchor.end, end: on.anchor.end, text: '' } });
  });

  it('says why when the paragraph or the words are not there, or the words occur more than once', () => {
    expect(anchorForWords(state, '9.9.9', 'of', 'on')).toEqual({ ok: false, reason: 'no-paragraph', count: 0 });
    expect(anchorForWords(state, '2.2.2', 'words nowhere in it', 'on')).toEqual({ ok: false, reason: 'no-words', count: 0 });
    const twice = anchorForWords(state, '2.2.2', 'the', 'on');
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.count).toBeGreaterThan(1);
  });
});
