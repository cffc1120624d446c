import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CICA_ALIASES, importDraft, renderText, summarize } from '../../index.ts';
import { expectGolden } from '../../../../test/support/golden.ts';
import { normalizeWhitespace, readSeed } from '../../../../test/support/seed.ts';

const golden = (name: string): string => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const seed = readSeed();
const { state, warnings, events } = importDraft(seed, { aliases: CICA_ALIASES });

describe('the CICA seed draft', () => {
  it('is read as the CICA notation', () => {
    expect(state.notation).toBe('cica');
  });

  it('renders back in its own notation as written (whitespace aside)', () => {
    expect(normalizeWhitespace(renderText(state, { view: 'compiled' }))).toBe(normalizeWhitespace(seed));
  });

  it('reports every position the draft states, per delegation, with Thai and THA as one state', () => {
    const { positions } = summarize(state, warnings);
    // Counted by hand from the markers: (+ISR) ×11 and (ISR) ×1, (-ISR) ×7, and so on.
    expect(positions).toEqual({
      CHN: { for: 3, against: 1, reserve: 0 },
      IND: { for: 5, against: 7, reserve: 0 },
      ISR: { for: 12, against: 7, reserve: 0 },
      RUS: { for: 2, against: 1, reserve: 0 },
      THA: { for: 8, against: 5, reserve: 0 },
      TUR: { for: 4, against: 2, reserve: 0 },
      UZB: { for: 1, against: 0, reserve: 0 },
    });
  });

  it('keeps the reason given with a position', () => {
    const reasons = [...state.positions.values()].flatMap((m) => [...m.values()]).filter((p) => p.reason !== null);
    expect(reasons).toEqual([expect.objectContaining({ delegation: 'CHN', stance: 'proposes', reason: 'to avoid duplication with 2.5.7' })]);
  });

  it('records the ten footnotes as typed statements anchored where their markers are', () => {
    const statements = [...state.statements.values()];
    expect(statements.map((s) => s.layout.marker)).toEqual(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '*']);
    const byMarker = new Map(statements.map((s) => [s.layout.marker, s]));
    expect(byMarker.get('²')).toMatchObject({ kind: 'renumbering', text: 'Former p. 2.2.10 – Chair’s proposal.' });
    expect(byMarker.get('⁵')).toMatchObject({ kind: 'provenance' });
    expect(byMarker.get('⁵')!.anchor.proposalId).toBeDefined();
    expect(byMarker.get('⁷')).toMatchObject({ kind: 'interpretative', by: 'ISR' });
    expect(byMarker.get('⁹')).toMatchObject({ by: 'IRN' });
    expect(byMarker.get('¹')).toMatchObject({ kind: 'chair-note', by: 'CHAIR' });
    expect(statements.every((s) => s.text.length > 10)).toBe(true);
  });

  it('reports the defects the draft really has, with their lines', () => {
    const at = (code: string) => warnings.filter((w) => w.code === code).map((w) => w.line);
    // The closing brackets without opening ones: after footnote 5 in 2.2.7 and after (+Rus) in 2.2.11.
    expect(at('UNMATCHED_CLOSE')).toEqual([189, 211]);
    expect(seed.split('\n')[188]).toContain('(+CHN)⁵] (-ISR)');
    expect(seed.split('\n')[210]).toContain('(+Rus)] (-ISR)⁸');
    // 2.3.3 is used twice: "2.3.3." at line 235 and "2.3.3" at line 241.
    const duplicate = warnings.find((w) => w.code === 'DUPLICATE_NUMBER');
    expect(duplicate).toMatchObject({ line: 241 });
    expect(duplicate!.message).toContain('2.3.3');
    expect(duplicate!.message).toContain('line 235');
    expect(at('PARAGRAPH_JOINED')).toEqual([165, 365]);
    expect(at('CASE_TOGGLE').length).toBe(7);
    expect(warnings.every((w) => w.message.length > 20 && w.column >= 1)).toBe(true);
  });

  it('sees the alternatives joined by OR as option sets', () => {
    const sets = [...state.optionSets.values()];
    expect(sets).toHaveLength(2);
    const labels = sets.map((set) =>
      set.members.map((m) => (m.t === 'provision' ? state.provisions.get(m.id)!.label : state.proposals.get(m.id)!.proponent)),
    );
    expect(labels).toEqual([
      ['2.2.1', 'RUS'],
      ['CHN', 'IND'],
    ]);
  });

  it('is the fold of the events it returns', () => {
    expect(events[0]!.type).toBe('document.created');
    expect(state.version).toBe(events.length);
  });

  it('matches the golden summary and views', () => {
    expectGolden(golden('seed.summary.json'), JSON.stringify(summarize(state, warnings), null, 2) + '\n');
    expectGolden(golden('seed.compiled.txt'), renderText(state, { view: 'compiled' }));
    expectGolden(golden('seed.agreed.txt'), renderText(state, { view: 'agreed' }));
    for (const code of ['ISR', 'IND', 'CHN']) expectGolden(golden(`seed.as-${code}.txt`), renderText(state, { view: `as:${code}` }));
  });

  it('resolves views as the delegations asked', () => {
    const agreed = renderText(state, { view: 'agreed' });
    const asIsrael = renderText(state, { view: 'as:ISR' });
    const asIndia = renderText(state, { view: 'as:IND' });
    expect(agreed).toContain('2. Dimensions of cooperation');
    expect(asIsrael).toContain('2. Dimensions of possible cooperation');
    expect(asIsrael).toContain('2.3.9 Considering widening of cooperation');
    expect(agreed).toContain('2.3.9 Widening of cooperation');
    expect(asIsrael).toContain('2.2.2 Consider the adoption of cooperative measures');
    expect(agreed).not.toMatch(/[[\]]/u);
    // India objects to [and movement of foreign terrorist fighters (FTF)] and wants 2.5.8 … 2.5.14 out.
    expect(asIndia).not.toContain('foreign terrorist fighters');
    // Russia's block 2.2.9–2.2.11 stands only for those who back it; India does not.
    expect(asIndia).not.toContain('2.2.10');
    expect(renderText(state, { view: 'as:RUS' })).toContain('stemming from the use of ICTs');
    expect(renderText(state, { view: 'as:THA' })).toContain("2.5.12 Protecting and promoting women's rights and empowerment of women and girls");
    expect(agreed).toContain("2.5.12 Protecting and promoting women's rights to ensure sustainable democracy");
  });
});
