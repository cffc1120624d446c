/**
 * The test drafts in `drafts/`, written in the conventions of UN compilation texts: each
 * is recognised as UN, renders back as written, and states the positions counted by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importDraft, renderText, summarize } from '../../index.ts';
import { cicaNotation } from '../cica/index.ts';
import { unNotation } from './index.ts';
import { expectGolden } from '../../../../test/support/golden.ts';
import { normalizeWhitespace, readSeed } from '../../../../test/support/seed.ts';

const path = (name: string): string => fileURLToPath(new URL(`./drafts/${name}`, import.meta.url));
const readDraft = (name: string): string => readFileSync(path(name), 'utf8');

type Counts = Record<string, [number, number, number]>;

interface Expected {
  /** for, against, reserve — counted by hand from the draft. */
  readonly positions: Counts;
  readonly optionSets: number;
  readonly statements: number;
  readonly agreed: number;
  /** Each warning: its code and the text it points at (first occurrence, or the n-th). */
  readonly warnings: readonly (readonly [code: string, at: string, nth?: number])[];
}

const DRAFTS: Record<string, Expected> = {
  'rio-compilation.txt': {
    positions: {
      AOSIS: [1, 0, 0],
      CAN: [0, 3, 0],
      CHE: [1, 0, 1],
      EU: [5, 3, 0],
      G77: [9, 1, 0],
      JPN: [0, 3, 0],
      MEX: [2, 0, 0],
      Narnia: [1, 0, 0],
      NOR: [1, 0, 0],
      USA: [3, 5, 1],
    },
    optionSets: 3,
    statements: 1,
    agreed: 4,
    warnings: [
      ['UNATTRIBUTED_BRACKET', '[(Johannesburg'],
      ['UNKNOWN_DELEGATION', 'Narnia'],
    ],
  },
  'ga-oceans-resolution.txt': {
    positions: {
      AOSIS: [1, 0, 0],
      ARG: [1, 0, 0],
      BRA: [1, 0, 0],
      CAN: [0, 1, 0],
      CANZ: [1, 2, 0],
      CHN: [1, 0, 0],
      EU: [8, 3, 0],
      Freedonia: [1, 0, 0],
      G77: [6, 1, 0],
      ISL: [1, 0, 0],
      JPN: [2, 1, 0],
      JUSSCANNZ: [1, 0, 0],
      MEX: [2, 0, 0],
      NOR: [2, 0, 0],
      RUS: [2, 3, 0],
      USA: [2, 5, 1],
    },
    optionSets: 3,
    statements: 3,
    agreed: 4,
    warnings: [
      ['DUPLICATE_NUMBER', 'PP4', 1],
      ['UNKNOWN_DELEGATION', 'Freedonia'],
      ['DUPLICATE_NUMBER', 'OP5', 1],
      ['UNMATCHED_OPEN', '[, unless'],
      ['UNMATCHED_CLOSE', '];'],
    ],
  },
  'unfccc-options.txt': {
    positions: {
      AGN: [9, 1, 0],
      AOSIS: [4, 0, 0],
      ARAB: [1, 0, 0],
      CANZ: [1, 0, 0],
      CHE: [0, 1, 0],
      EIG: [2, 0, 0],
      EU: [7, 2, 1],
      JPN: [0, 2, 0],
      LDC: [4, 0, 0],
      LMDC: [4, 0, 0],
      NOR: [0, 1, 0],
      SAU: [1, 0, 0],
      UMBRELLA: [1, 0, 0],
      USA: [1, 5, 1],
    },
    optionSets: 8,
    statements: 1,
    agreed: 3,
    warnings: [
      ['UNATTRIBUTED_BRACKET', '[periodically]'],
      ['DUPLICATE_NUMBER', '1. The objectives'],
    ],
  },
  'csw-agreed-conclusions.txt': {
    positions: {
      CAN: [0, 1, 0],
      CANZ: [2, 0, 0],
      COL: [1, 0, 0],
      EGY: [0, 2, 0],
      EU: [10, 2, 0],
      G77: [6, 1, 0],
      IRN: [0, 1, 0],
      ISL: [1, 0, 0],
      JUSSCANNZ: [3, 0, 0],
      KOR: [1, 0, 0],
      MEX: [3, 0, 0],
      NOR: [1, 0, 0],
      RUS: [1, 3, 0],
      SAU: [0, 1, 0],
      Tuvaluu: [1, 0, 0],
      USA: [0, 2, 1],
      VAT: [0, 3, 1],
    },
    optionSets: 5,
    statements: 2,
    agreed: 3,
    warnings: [
      ['DUPLICATE_NUMBER', 'PP6', 1],
      ['UNMATCHED_CLOSE', ']]\n', 0],
      ['UNKNOWN_DELEGATION', 'Tuvaluu'],
    ],
  },
};

/** Line and column of the n-th occurrence of `needle` (0-based n); for `]]\n` the second bracket. */
function locate(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" is not in the draft`);
  if (needle === ']]\n') at += 1;
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe.each(Object.entries(DRAFTS))('UN draft %s', (name, expected) => {
  const text = readDraft(name);
  const { state, warnings, notation } = importDraft(text);

  it('is 30 to 150 lines long and recognised as the UN notation', () => {
    expect(text.split('\n').length).toBeGreaterThanOrEqual(30);
    expect(text.split('\n').length).toBeLessThanOrEqual(150);
    expect(notation).toBe('un');
    expect(unNotation.detect(text)).toBeGreaterThan(2 * cicaNotation.detect(text) + 10);
  });

  it('renders back in its own notation as written (whitespace aside)', () => {
    expect(normalizeWhitespace(renderText(state, { view: 'compiled', notation: 'un' }))).toBe(normalizeWhitespace(text));
  });

  it('states the positions counted by hand, per delegation', () => {
    const positions = Object.fromEntries(Object.entries(summarize(state).positions).map(([code, c]) => [code, [c.for, c.against, c.reserve]]));
    expect(positions).toEqual(expected.positions);
  });

  it('finds its option sets, statements and agreed paragraphs', () => {
    const summary = summarize(state);
    expect(summary.optionSets).toBe(expected.optionSets);
    expect(summary.statements).toBe(expected.statements);
    expect([...state.provisions.values()].filter((p) => p.status === 'agreed-ad-ref')).toHaveLength(expected.agreed);
  });

  it('reports its defects where they are, in a sentence a person can act on', () => {
    expect(warnings.map((w) => [w.code, w.line, w.column])).toEqual(
      expected.warnings.map(([code, needle, nth]) => {
        const { line, column } = locate(text, needle, nth);
        return [code, line, column];
      }),
    );
    expect(warnings.every((w) => w.message.length > 40 && /[.!]$/u.test(w.message))).toBe(true);
  });

  it('leaves no bracket in the agreed view or in a delegation’s view', () => {
    expect(renderText(state, { view: 'agreed' })).not.toMatch(/[[\]]/u);
    expect(renderText(state, { view: 'as:USA' })).not.toMatch(/[[\]]/u);
  });
});

describe('UN draft ga-oceans-resolution.txt in detail', () => {
  const text = readDraft('ga-oceans-resolution.txt');
  const { state, warnings } = importDraft(text);

  it('matches the golden summary and views', () => {
    const golden = (suffix: string): string => path(`golden/ga-oceans-resolution.${suffix}`);
    expectGolden(golden('summary.json'), JSON.stringify(summarize(state, warnings), null, 2) + '\n');
    expectGolden(golden('compiled.txt'), renderText(state, { view: 'compiled', notation: 'un' }));
    expectGolden(golden('agreed.txt'), renderText(state, { view: 'agreed' }));
    expectGolden(golden('as-USA.txt'), renderText(state, { view: 'as:USA' }));
    expectGolden(golden('as-G77.txt'), renderText(state, { view: 'as:G77' }));
  });

  it('resolves the views as the delegations asked', () => {
    const agreed = renderText(state, { view: 'agreed' });
    const asUs = renderText(state, { view: 'as:USA' });
    const asMexico = renderText(state, { view: 'as:MEX' });
    // The US proposed the IOC and wants the G77's "and commitments" out.
    expect(asUs).toContain('the work of the Intergovernmental Oceanographic Commission and its contribution');
    expect(agreed).toContain('the work of the and its contribution'.replace('the and', 'the  and').replace('  ', ' '));
    expect(asUs).not.toContain('commitments');
    // The US wants OP4 deleted: it stands in the agreed view, not in the US view.
    expect(agreed).toContain('OP4 Requests the Secretary-General');
    expect(asUs).not.toContain('OP4 Requests');
    // Mexico's sub-word insertion sits inside the G77's bracket, which Mexico does not back.
    expect(asMexico).not.toContain('internationally');
  });

  it('keeps the line-broken attributions and the agreed tags', () => {
    const ids = state.order.filter((id) => state.provisions.get(id)!.label === 'OP6');
    expect(state.provisions.get(ids[0]!)!.status).toBe('agreed-ad-ref');
    const reservation = [...state.statements.values()].find((s) => s.kind === 'reservation');
    expect(reservation).toMatchObject({ by: 'USA', text: 'US: reservation on financial implications' });
  });
});

describe('UN draft unfccc-options.txt in detail', () => {
  const { state } = importDraft(readDraft('unfccc-options.txt'));

  it('matches the golden views', () => {
    const golden = (suffix: string): string => path(`golden/unfccc-options.${suffix}`);
    expectGolden(golden('agreed.txt'), renderText(state, { view: 'agreed' }));
    expectGolden(golden('as-AGN.txt'), renderText(state, { view: 'as:AGN' }));
    expectGolden(golden('as-EU.txt'), renderText(state, { view: 'as:EU' }));
  });

  it('reads the options of paragraph 2 with "no text" allowed, and Option A and B of paragraph 4', () => {
    const sets = [...state.optionSets.values()].filter((set) => set.members.every((m) => state.proposals.get(m.id)!.kind === 'new-provision'));
    expect(sets.map((set) => set.allowsNoText)).toEqual([true, false, false]);
    const headers = sets.map((set) => set.members.map((m) => (state.proposals.get(m.id)!.layout.notation as { option: { header: string } }).option.header));
    expect(headers).toEqual([['Option 1:', 'Option 2:'], ['3. Option 1:', 'Option 2:'], ['Option A (AGN, LDC):', 'Option B:']]);
  });
});

describe('UN detection', () => {
  it('scores the CICA seed at 0 and leaves it to the CICA notation', () => {
    const seed = readSeed();
    expect(unNotation.detect(seed)).toBe(0);
    expect(cicaNotation.detect(seed)).toBeGreaterThan(20);
    expect(importDraft(seed).notation).toBe('cica');
  });

  it('recognises a short UN snippet', () => {
    expect(importDraft('OP1 Decides to [act - G77; US delete].').notation).toBe('un');
    expect(importDraft('12. Parties [shall][should] report.\nOption 1: {Placeholder}\nOption 2: {No text}').notation).toBe('un');
  });
});
