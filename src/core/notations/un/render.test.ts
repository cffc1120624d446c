/**
 * The compiled view in the UN notation of states that were not imported from a UN draft
 * (built by events, or imported and changed since): written in the plain UN form, and read
 * back to the same positions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, fold } from '../../events/apply.ts';
import type { ParleyEvent } from '../../events/event.ts';
import { importDraft, renderText, summarize } from '../../index.ts';
import type { DocumentState } from '../../model/document-state.ts';
import { CHAIR, T0, chairProposes, consensus, created, insert, position, propose, provision, remove, replace } from '../../../../test/support/events.ts';
import { buildNegotiation, documentArbitrary, intentArbitrary } from '../../../../test/support/random-negotiation.ts';
import { checkLaws } from '../../../../test/support/laws.ts';

const TEXT = 'We recognize that poverty remains the greatest challenge.';
const AT = 'We recognize that '.length;

function un(state: DocumentState): string {
  return renderText(state, { view: 'compiled', notation: 'un' });
}

/** Two open proposals on the very same words, with a delegation (or the chair) behind both. */
function stacksOneDelegation(state: DocumentState): boolean {
  const open = [...state.proposals.values()].filter((p) => p.status === 'open' && p.anchor !== null && p.anchor.start !== p.anchor.end);
  const behind = (id: string): Set<string> => {
    const proposal = state.proposals.get(id)!;
    return new Set([...(state.positions.get(id)?.keys() ?? []), ...(proposal.byChair ? ['CHAIR'] : [])]);
  };
  return open.some((a) =>
    open.some((b) => {
      if (a.id >= b.id) return false;
      const x = a.anchor!;
      const y = b.anchor!;
      const same = x.provisionId === y.provisionId && x.parent === y.parent && x.start === y.start && x.end === y.end;
      return same && [...behind(a.id)].some((code) => behind(b.id).has(code));
    }),
  );
}

function positionsOf(state: DocumentState): Record<string, unknown> {
  const { positions } = summarize(state);
  // A chair's proposal is no delegation's position; some nestings read back with the chair named as one.
  return Object.fromEntries(Object.entries(positions).filter(([code]) => code !== 'CHAIR'));
}

describe('UN rendering of a state built by events', () => {
  it('writes proponents after a dash and other delegations with their verbs after `;`', () => {
    const state = fold([
      created(),
      provision('v1', '15.', TEXT),
      propose('USA', insert('p1', 'v1', AT, 'extreme ', 'USA')),
      position('G77', 'p1', 'objects'),
      position('EU', 'p1', 'supports'),
      position('JPN', 'p1', 'reserves'),
    ]);
    expect(un(state)).toBe('15. We recognize that [extreme  - US; EU retain; G77 delete; Japan reserve]poverty remains the greatest challenge.\n');
    expect(positionsOf(importDraft(un(state)).state)).toEqual(positionsOf(state));
  });

  it('writes a deletion with `delete` and those who keep the words with `retain`', () => {
    const start = TEXT.indexOf('the greatest');
    const state = fold([
      created(),
      provision('v1', 'OP1', TEXT),
      propose('USA', remove('p1', 'v1', start, start + 'the greatest'.length, 'USA')),
      position('CAN', 'p1', 'supports'),
      position('EU', 'p1', 'objects'),
    ]);
    expect(un(state)).toBe('OP1 We recognize that poverty remains [the greatest - US, Canada delete; EU retain] challenge.\n');
    const back = importDraft(un(state));
    expect(back.notation).toBe('un');
    expect(positionsOf(back.state)).toEqual(positionsOf(state));
    expect(renderText(back.state, { view: 'agreed' })).toBe(renderText(state, { view: 'agreed' }));
  });

  it('writes a replacement as two brackets side by side and reads it back as one', () => {
    const start = TEXT.indexOf('remains');
    const state = fold([created(), provision('v1', 'OP2', TEXT), propose('EU', replace('p1', 'v1', start, start + 'remains'.length, 'is', 'EU'))]);
    expect(un(state)).toBe('OP2 We recognize that poverty [remains - EU delete][is - EU] the greatest challenge.\n');
    const back = importDraft(un(state));
    expect([...back.state.proposals.values()].map((p) => [p.kind, p.proponent, p.text])).toEqual([['replace', 'EU', 'is']]);
  });

  it('writes alternatives side by side, and keeps unrelated brackets at one place apart', () => {
    const events: ParleyEvent[] = [
      created(),
      provision('v1', '3.1', 'Parties report.'),
      propose('EU', insert('p1', 'v1', 8, 'shall ', 'EU')),
      propose('G77', insert('p2', 'v1', 8, 'should ', 'G77')),
      { type: 'option-set.formed', at: T0, actor: CHAIR, data: { optionSet: { id: 'o1', members: [{ t: 'proposal', id: 'p1' }, { t: 'proposal', id: 'p2' }], allowsNoText: false } } },
      propose('USA', insert('p3', 'v1', 14, ' annually', 'USA')),
      propose('JPN', insert('p4', 'v1', 14, ' in writing', 'JPN')),
    ];
    const state = fold(events);
    expect(un(state)).toBe('3.1 Parties [shall  - EU][should  - G77]report[ annually - US] [ in writing - Japan].\n');
    const back = importDraft(un(state));
    expect(back.state.optionSets.size).toBe(1);
    expect(positionsOf(back.state)).toEqual(positionsOf(state));
  });

  it('writes proposed and opposed paragraphs, options, "no text", agreement and notes', () => {
    const events: ParleyEvent[] = [
      created(),
      provision('v1', 'OP1', 'Decides to act.'),
      propose('G77', { id: 'p1', kind: 'new-provision', proponent: 'G77', provisions: [{ id: 'v2', kind: 'paragraph', label: 'OP2', text: 'Urges finance.' }], after: 'v1' }),
      position('USA', 'p1', 'objects'),
      propose('AGN', { id: 'p2', kind: 'new-provision', proponent: 'AGN', provisions: [{ id: 'v3', kind: 'paragraph', label: 'OP3', text: 'Option text one.' }], after: 'v2' }),
      propose('EU', { id: 'p3', kind: 'new-provision', proponent: 'EU', provisions: [{ id: 'v4', kind: 'paragraph', label: 'OP3', text: 'Option text two.' }], after: 'v3' }),
      { type: 'option-set.formed', at: T0, actor: CHAIR, data: { optionSet: { id: 'o1', members: [{ t: 'proposal', id: 'p2' }, { t: 'proposal', id: 'p3' }], allowsNoText: true } } },
      propose('USA', { id: 'p4', kind: 'delete-provision', proponent: 'USA', provisionIds: ['v1'] }),
      { type: 'provision.agreed', at: T0, actor: CHAIR, data: { provisionId: 'v1', status: 'agreed-ad-ref' } },
      { type: 'statement.added', at: T0, actor: CHAIR, data: { statement: { id: 's1', kind: 'chair-note', by: 'CHAIR', text: 'consult informally', anchor: { provisionId: 'v2', at: 'end' } } } },
    ];
    const state = checkLaws(events);
    expect(un(state)).toBe(
      [
        '[OP1 Decides to act. - US delete] [Agreed ad ref]',
        '[OP2 Urges finance. - G77; US delete]',
        "(Chair's note: consult informally)",
        'Option 1 (AGN): OP3 Option text one.',
        'Option 2 (EU): OP3 Option text two.',
        'Option 3: {No text}',
      ].join('\n\n') + '\n',
    );
    const back = importDraft(un(state));
    expect(positionsOf(back.state)).toEqual(positionsOf(state));
    expect([...back.state.optionSets.values()]).toEqual([expect.objectContaining({ allowsNoText: true })]);
    expect([...back.state.statements.values()]).toEqual([expect.objectContaining({ kind: 'chair-note', by: 'CHAIR' })]);
    expect(back.state.provisions.get(back.state.order[0]!)!.status).toBe('agreed-ad-ref');
  });

  it('names the chair as the proponent of a chair’s proposal', () => {
    const state = fold([created(), provision('v1', 'OP1', TEXT), chairProposes(insert('p1', 'v1', AT, 'extreme ', 'CHAIR'))]);
    expect(un(state)).toContain('[extreme  - Chair]');
    expect([...importDraft(un(state)).state.proposals.values()][0]).toMatchObject({ byChair: true, proponent: 'CHAIR' });
  });

  it('keeps the positions of random negotiations through a render and an import', () => {
    const negotiation = fc.tuple(documentArbitrary, fc.array(intentArbitrary, { maxLength: 40 })).map(([document, intents]) => buildNegotiation(document, intents));
    fc.assert(
      fc.property(negotiation, ({ state }) => {
        // `[[words - X delete] - X delete]` is one bracket of reactions in UN notation (see below).
        fc.pre(!stacksOneDelegation(state));
        const back = importDraft(un(state), { notation: 'un' });
        expect(positionsOf(back.state)).toEqual(positionsOf(state));
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 150) },
    );
  });

  it('reads two deletions of the same words by one delegation back as one, and says so', () => {
    const start = TEXT.indexOf('poverty');
    const end = start + 'poverty'.length;
    const state = fold([
      created(),
      provision('v1', 'OP1', TEXT),
      propose('KAZ', remove('p1', 'v1', start, end, 'KAZ')),
      propose('KAZ', remove('p2', 'v1', start, end, 'KAZ')),
    ]);
    expect(un(state)).toBe('OP1 We recognize that [[poverty - Kazakhstan delete] - Kazakhstan delete] remains the greatest challenge.\n');
    const back = importDraft(un(state));
    expect([...back.state.proposals.values()]).toHaveLength(1);
    expect(back.warnings.map((w) => w.code)).toEqual(['DUPLICATE_POSITION']);
  });
});

describe('UN rendering of an imported draft changed since', () => {
  const draft = 'PP3 Expressing concern at the [extreme - US; G77 delete] impacts [and commitments] (G77) (EU, US: delete),';

  it('writes afresh only the attribution whose positions changed', () => {
    const { state } = importDraft(draft);
    const commitments = [...state.proposals.values()].find((p) => p.text === 'and commitments')!;
    applyEvent(state, { type: 'position.withdrawn', at: T0, actor: CHAIR, data: { proposalId: commitments.id, delegation: 'EU' } });
    expect(un(state)).toBe('PP3 Expressing concern at the [extreme - US; G77 delete] impacts [and commitments - G77; US delete],\n');
  });

  it('drops the brackets of accepted words and the words of dropped ones', () => {
    const { state } = importDraft(draft);
    const [extreme, commitments] = [...state.proposals.values()];
    applyEvent(state, consensus(extreme!.id, 'accept'));
    applyEvent(state, consensus(commitments!.id, 'drop'));
    expect(un(state)).toBe('PP3 Expressing concern at the extreme impacts ,\n');
  });

  it('writes the agreed tag only while the paragraph is agreed', () => {
    const { state } = importDraft('OP1 Decides to act. [Agreed ad ref]\n\nOP2 Urges States. (Note: placement)');
    expect(un(state)).toBe('OP1 Decides to act. [Agreed ad ref]\n\nOP2 Urges States. (Note: placement)\n');
    applyEvent(state, { type: 'provision.agreed', at: T0, actor: CHAIR, data: { provisionId: state.order[1]!, status: 'agreed-ad-ref' } });
    expect(un(state)).toBe('OP1 Decides to act. [Agreed ad ref]\n\nOP2 Urges States. (Note: placement) [Agreed ad ref]\n');
  });
});

describe('UN rendering of a CICA draft', () => {
  it('writes the seed in UN style and reads it back without losing a bracket', () => {
    const { state } = importDraft('2.2.2 [Taking] (-ISR) [Consider the adoption of] (+ISR) measures [and movement of fighters] (-IND) (+Turk).', { aliases: { Turk: 'TUR' } });
    const text = un(state);
    expect(text).toBe('2.2.2 [Taking - Israel delete][Consider the adoption of - Israel] measures [and movement of fighters - Turkey; India delete].\n');
    expect(positionsOf(importDraft(text).state)).toEqual(positionsOf(state));
  });
});
