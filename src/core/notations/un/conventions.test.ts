/**
 * One UN convention per case, on short snippets: what the importer makes of it, and that
 * the compiled view in the UN notation gives the snippet back.
 */
import { describe, expect, it } from 'vitest';
import { importDraft, renderText, summarize } from '../../index.ts';
import type { DocumentState } from '../../model/document-state.ts';
import type { Proposal } from '../../model/proposal.ts';
import { normalizeWhitespace } from '../../../../test/support/seed.ts';

function read(text: string): ReturnType<typeof importDraft> {
  const result = importDraft(text, { notation: 'un' });
  // Every snippet must come back as written.
  expect(normalizeWhitespace(renderText(result.state, { view: 'compiled', notation: 'un' }))).toBe(normalizeWhitespace(text));
  return result;
}

function open(state: DocumentState): Proposal[] {
  return [...state.proposals.values()].filter((p) => p.status === 'open');
}

/** "kind proponent 'words' [CODE:stance …]" for each open proposal, in creation order. */
function described(state: DocumentState): string[] {
  return open(state).map((p) => {
    const positions = [...(state.positions.get(p.id)?.values() ?? [])].map((x) => `${x.delegation}:${x.stance}`).join(' ');
    return `${p.kind} ${p.proponent ?? '-'} '${p.text}' [${positions}]`;
  });
}

function codes(warnings: readonly { code: string }[]): string[] {
  return warnings.map((w) => w.code);
}

describe('UN notation: attributions inside the bracket', () => {
  it('reads `[extreme - US; G77 delete]` as a US insertion the G77 objects to', () => {
    const { state, warnings } = read('OP1 We recognize that [extreme - US; G77 delete] poverty remains a challenge.');
    expect(described(state)).toEqual(["insert USA 'extreme' [USA:proposes G77:objects]"]);
    expect(state.provisions.get(state.order[0]!)!.text).toBe('We recognize that  poverty remains a challenge.');
    expect(summarize(state).positions).toEqual({ G77: { for: 0, against: 1, reserve: 0 }, USA: { for: 1, against: 0, reserve: 0 } });
    expect(warnings).toEqual([]);
  });

  it('reads a dash without a blank after it and a full stop after the verb', () => {
    const { state } = read('6. We commit to benefit all, [in particular youth -G77; US, Canada, Japan, EU delete.]');
    expect(described(state)).toEqual(["insert G77 'in particular youth' [G77:proposes USA:objects CAN:objects JPN:objects EU:objects]"]);
  });

  it('reads several proponents, `retain`, `reserve` and `add`', () => {
    const { state } = read('OP2 Calls for [enhanced cooperation - EU, Mexico; Norway retain; US reserve; Japan add].');
    expect(described(state)).toEqual(["insert EU 'enhanced cooperation' [EU:proposes MEX:proposes NOR:supports USA:reserves JPN:proposes]"]);
  });

  it('reads words nobody proposes and someone deletes as standing words with a deletion proposal', () => {
    const { state } = read('OP3 Urges States [to act without delay - US delete; EU retain].');
    expect(described(state)).toEqual(["delete USA '' [USA:proposes EU:objects]"]);
    expect(state.provisions.get(state.order[0]!)!.text).toBe('Urges States to act without delay.');
    expect(renderText(state, { view: 'agreed' })).toContain('Urges States to act without delay.');
    expect(summarize(state).positions).toEqual({ EU: { for: 1, against: 0, reserve: 0 }, USA: { for: 0, against: 1, reserve: 0 } });
  });

  it('does not take a dash inside the words for an attribution', () => {
    const { state } = read('OP4 Supports [low- and middle-income countries - G77] and [the 2015 - 2030 period].');
    expect(described(state)).toEqual(["insert G77 'low- and middle-income countries' [G77:proposes]", "insert - 'the 2015 - 2030 period' []"]);
  });

  it('reads an attribution broken across lines', () => {
    const { state } = read('OP5 [Encourages Member States to consider the matter - G77; US,\nCanada, Japan delete]');
    expect(described(state)).toEqual(["new-provision G77 '' [G77:proposes USA:objects CAN:objects JPN:objects]"]);
  });

  it('names the chair and co-facilitators as the chair', () => {
    const { state } = read('OP6 Decides to [convene a meeting - Co-facilitators] in 2025.');
    expect(open(state)[0]).toMatchObject({ proponent: 'CHAIR', byChair: true });
  });

  it('keeps an unknown name as written and reports it where it stands', () => {
    const { state, warnings } = read('PP1 Recalling [the outcome - G77, Narnia] of the conference,');
    expect(described(state)).toEqual(["insert G77 'the outcome' [G77:proposes Narnia:proposes]"]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'UNKNOWN_DELEGATION', line: 1, column: 35 })]);
    expect(warnings[0]!.message).toContain('"Narnia"');
  });

  it('reports a name given twice on one bracket', () => {
    const { warnings } = read('OP1 Takes [note - US; US delete].');
    expect(codes(warnings)).toEqual(['DUPLICATE_POSITION']);
  });
});

describe('UN notation: attributions after the bracket', () => {
  it('reads `[and commitments] (G77) (EU, CANZ, Russia, US: delete)`', () => {
    const { state } = read('PP3 Noting the pledges [and commitments] (G77) (EU, CANZ, Russia, US: delete) made,');
    expect(described(state)).toEqual(["insert G77 'and commitments' [G77:proposes EU:objects CANZ:objects RUS:objects USA:objects]"]);
  });

  it('reads a sub-word insertion `international[ly agreed](Mexico)`', () => {
    const { state } = read('PP4 in accordance with international[ly agreed](Mexico) law,');
    const [proposal] = open(state);
    expect(proposal).toMatchObject({ kind: 'insert', proponent: 'MEX', text: 'ly agreed', anchor: { start: 'in accordance with international'.length } });
    expect(renderText(state, { view: 'as:MEX' })).toContain('internationally agreed law');
    expect(renderText(state, { view: 'agreed' })).toContain('international law');
  });

  it('takes attributions written on the line after the bracket', () => {
    const { state } = read('OP7 Welcomes [the report]\n(G77) (US: delete)');
    expect(described(state)).toEqual(["insert G77 'the report' [G77:proposes USA:objects]"]);
  });

  it('leaves parentheses that name nobody as words', () => {
    const { state } = read('OP8 Recalls [the Agenda] (2015) and the Alliance of Small Island States (SIDS).');
    expect(described(state)).toEqual(["insert - 'the Agenda' []"]);
    expect(state.provisions.get(state.order[0]!)!.text).toContain('(2015) and the Alliance');
  });

  it('reads known names in parentheses closing the words, but not an abbreviation', () => {
    const { state, warnings } = read('PP.1 Recalling [women (G77)], [x (EU, US: delete)] and [least developed countries (LDCs)] and [fighters (FTF)],');
    expect(described(state)).toEqual([
      "insert G77 'women' [G77:proposes]",
      "delete EU '' [EU:proposes USA:proposes]",
      "insert - 'least developed countries (LDCs)' []",
      "insert - 'fighters (FTF)' []",
    ]);
    expect(codes(warnings)).toEqual(['UNATTRIBUTED_BRACKET', 'UNATTRIBUTED_BRACKET']);
  });

  it('reads `US/EU` as two names', () => {
    const { state } = read('OP3 Urges [action - US/EU].');
    expect(described(state)).toEqual(["insert USA 'action' [USA:proposes EU:proposes]"]);
  });

  it('reads `(US: delete)` after an unbracketed paragraph as a proposal to delete it', () => {
    const { state } = read('OP9 Requests a report at the eightieth session; (US, Canada: delete)');
    expect(described(state)).toEqual(["delete-provision USA '' [USA:proposes CAN:proposes]"]);
    expect(renderText(state, { view: 'agreed' })).toContain('OP9 Requests a report');
    expect(renderText(state, { view: 'as:USA' })).not.toContain('OP9');
  });
});

describe('UN notation: alternatives', () => {
  it('reads ` / ` inside one bracket as alternatives at one place, each with its supporters', () => {
    const { state } = read('4. poverty eradication, [changing unsustainable - EU, G77 retain / promoting sustainable - US] patterns');
    expect(described(state)).toEqual(["insert - 'changing unsustainable' [EU:supports G77:supports]", "insert USA 'promoting sustainable' [USA:proposes]"]);
    const [set] = [...state.optionSets.values()];
    expect(set!.members.map((m) => m.id)).toEqual(open(state).map((p) => p.id));
    expect(renderText(state, { view: 'as:USA' })).toContain('eradication, promoting sustainable patterns');
    expect(renderText(state, { view: 'as:EU' })).toContain('eradication, changing unsustainable patterns');
    expect(summarize(state).positions).toEqual({
      EU: { for: 1, against: 0, reserve: 0 },
      G77: { for: 1, against: 0, reserve: 0 },
      USA: { for: 1, against: 0, reserve: 0 },
    });
  });

  it('reads adjacent brackets `[shall][should]` and `[shall][agree to]` as alternatives', () => {
    const { state, warnings } = read('3.1 Parties [shall][should] report and [shall][agree to] review.');
    expect(state.optionSets.size).toBe(2);
    expect([...state.optionSets.values()].map((s) => s.members.map((m) => state.proposals.get(m.id)!.text))).toEqual([
      ['shall', 'should'],
      ['shall', 'agree to'],
    ]);
    // Alternatives without names are normal in compilations: no warning.
    expect(warnings).toEqual([]);
  });

  it('reads `[old - X delete][new - X]` as a replacement', () => {
    const { state } = read('6. [Invites - EU delete][Requests - EU] the subsidiary bodies to act.');
    expect(described(state)).toEqual(["replace EU 'Requests' [EU:proposes]"]);
    expect(renderText(state, { view: 'agreed' })).toContain('Invites the subsidiary');
    expect(renderText(state, { view: 'as:EU' })).toContain('Requests the subsidiary');
  });

  it('keeps a words-less alternative as written and allows no text', () => {
    const { state } = read('OP2 Decides to [adopt / ] the framework.');
    const [set] = [...state.optionSets.values()];
    expect(set).toMatchObject({ allowsNoText: true });
  });
});

describe('UN notation: nesting', () => {
  it('reads brackets nested five deep, each on the words of the one around it', () => {
    const text = '2.bis [Urges Parties to [enhance [their efforts [, including through [transformational - EU; AGN delete] approaches - LDC] - AOSIS] - EU] - AOSIS, EU]';
    const { state } = read(text);
    const chain = open(state).filter((p) => p.kind === 'insert');
    expect(chain.map((p) => p.proponent)).toEqual(['EU', 'AOSIS', 'LDC', 'EU']);
    const parents = chain.map((p) => state.proposals.get(p.anchor!.parent ?? '')?.proponent ?? null);
    expect(parents).toEqual([null, 'EU', 'AOSIS', 'LDC']);
    expect(open(state).find((p) => p.kind === 'new-provision')).toMatchObject({ proponent: 'AOSIS' });
  });

  it('keeps insertions written inside a deletion’s bracket at its start or end inside it', () => {
    const { state } = read('OP1 We support [sustainable development [and poverty eradication - G77] - US delete] and [[new - EU] old words - US delete] here.');
    expect(described(state)).toEqual([
      "insert G77 'and poverty eradication' [G77:proposes]",
      "delete USA '' [USA:proposes]",
      "insert EU 'new' [EU:proposes]",
      "delete USA '' [USA:proposes]",
    ]);
  });

  it('reads an outer bracket holding only reactions as positions on the inner one', () => {
    const { state } = read('OP1 (b) [[Mobilize resources - EU] - G77 delete]');
    expect(described(state)).toEqual(["new-provision EU '' [EU:proposes G77:objects]"]);
  });
});

describe('UN notation: paragraphs, options and status', () => {
  it('reads labels `PP2 bis`, `2.bis`, `OP3`, `PP2ter` and `OP1 (a)`', () => {
    const { state } = read('PP2 bis Recalling a,\n\nPP2ter Noting b,\n\n2.bis Decides c;\n\nOP3 Urges d;\n\nOP1 (a) Requests e;');
    expect(state.order.map((id) => state.provisions.get(id)!.label)).toEqual(['PP2bis', 'PP2ter', '2.bis', 'OP3', 'OP1(a)']);
    expect(state.order.map((id) => state.provisions.get(id)!.kind)).toEqual(['preamble', 'preamble', 'paragraph', 'paragraph', 'sub-item']);
  });

  it('starts a paragraph at each labelled line even without blank lines', () => {
    const { state } = read('PP1 Recalling a\nand b,\nPP2 Noting c,\nOP1 Decides d;');
    expect(state.order.map((id) => state.provisions.get(id)!.text)).toEqual(['Recalling a\nand b,', 'Noting c,', 'Decides d;']);
  });

  it('reads a bracket around a whole paragraph as a proposed paragraph', () => {
    const { state } = read('OP4 [Urges developed countries to provide finance - G77; US delete]');
    const [proposal] = open(state);
    expect(proposal).toMatchObject({ kind: 'new-provision', proponent: 'G77', layout: { labelOutside: true } });
    expect(renderText(state, { view: 'agreed' })).toBe('\n');
  });

  it('reads a bracket around several paragraphs as one block', () => {
    const { state } = read('5. [Decides to launch a programme:\n\n(a) Mapping indicators;\n\n(b) Identifying gaps - AGN; US reserve]');
    const [block] = open(state);
    expect(block).toMatchObject({ kind: 'new-provision', proponent: 'AGN' });
    expect(block!.provisionIds).toHaveLength(3);
    expect(state.positions.get(block!.id)!.get('USA')!.stance).toBe('reserves');
  });

  it('reads `Option 1:` / `Option 2:` blocks, a `{Placeholder}` option and a `{No text}` option', () => {
    const { state } = read('7. Option 1: Decides to establish a mechanism;\nOption 2: {Placeholder for text on a review}\nOption 3: {No text}\n\n8. Requests a report.');
    const [set] = [...state.optionSets.values()];
    expect(set).toMatchObject({ allowsNoText: true });
    const options = set!.members.map((m) => state.proposals.get(m.id)!);
    expect(options.map((o) => o.kind)).toEqual(['new-provision', 'new-provision']);
    expect(options.map((o) => state.provisions.get(o.provisionIds[0]!)!.text)).toEqual(['Decides to establish a mechanism;', '{Placeholder for text on a review}']);
    expect(options[1]!.layout.notation).toMatchObject({ placeholder: true });
    expect(state.provisions.get(options[0]!.provisionIds[0]!)!.label).toBe('7');
    expect(renderText(state, { view: 'agreed' }).trim()).toBe('8. Requests a report.');
  });

  it('gives the proponents written with an option header or around its words to the option', () => {
    const { state } = read('4. Option A (AGN, LDC): Requests finance;\nOption B: [Urges finance - EU; LMDC retain]');
    const options = [...state.optionSets.values()][0]!.members.map((m) => state.proposals.get(m.id)!);
    expect(options.map((o) => [...state.positions.get(o.id)!.values()].map((x) => `${x.delegation}:${x.stance}`))).toEqual([
      ['AGN:proposes', 'LDC:proposes'],
      ['EU:proposes', 'LMDC:supports'],
    ]);
  });

  it('runs the last option over its sub-items and over the numbers the first option used', () => {
    const { state } = read('3. Option 1:\n3.1 Decides a;\n3.2 Decides b;\nOption 2:\n3.1 Decides c;\n(a) first;\n3.2 Decides d;\n4. Requests e.');
    const options = [...state.optionSets.values()][0]!.members.map((m) => state.proposals.get(m.id)!);
    expect(options.map((o) => o.provisionIds.length)).toEqual([2, 3]);
    expect(state.provisions.get(state.order.at(-1)!)!.proposedBy).toBeNull();
  });

  it('reads `PP.1`, `OP.3`, `Option 1 –` headers and `(Ad ref)`', () => {
    const { state } = read('PP.1 Recalling a,\n\nOP.3 Urges b. (Ad ref)\n\n7. Option 1 – Decides c;\nOption 2 – Decides d;');
    expect(state.order.map((id) => state.provisions.get(id)!.label)).toEqual(['PP1', 'OP3', '7', null]);
    expect(state.provisions.get(state.order[1]!)!.status).toBe('agreed-ad-ref');
    expect(state.optionSets.size).toBe(1);
  });

  it('reads status tags as agreed ad referendum and notes as statements', () => {
    const { state, events } = read('1. Welcomes a. [Agreed ad ref]\n\n2. Notes b. (Agreed)\n\n3. Urges c. (Agreed, placement tbd)\n\n4. Invites d. (Note: facilitator to propose language)\n(Co-facilitators\' note: consult informally)');
    expect(state.order.map((id) => state.provisions.get(id)!.status)).toEqual(['agreed-ad-ref', 'agreed-ad-ref', 'agreed-ad-ref', 'open']);
    expect(events.filter((e) => e.type === 'provision.agreed')).toHaveLength(3);
    expect([...state.statements.values()].map((s) => [s.kind, s.by, s.text])).toEqual([
      ['footnote', null, 'Note: facilitator to propose language'],
      ['chair-note', 'CHAIR', "Co-facilitators' note: consult informally"],
    ]);
  });

  it('reads `(US: reservation …)` after a paragraph as a reservation', () => {
    const { state } = read('OP7 Welcomes the conference. (US: reservation on financial implications)');
    expect([...state.statements.values()][0]).toMatchObject({ kind: 'reservation', by: 'USA' });
  });

  it('reports a duplicate number with the line of the first, but not numbers shared by options', () => {
    const { warnings } = read('OP1 Decides a;\nOP2 Option 1: Urges b;\nOption 2: OP2 Urges c;\nOP1 Requests d.');
    expect(warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_NUMBER', line: 4, column: 1 })]);
    expect(warnings[0]!.message).toContain('line 1');
  });
});

describe('UN notation: defects', () => {
  it('closes a bracket left open mid-paragraph at the end of its paragraph', () => {
    const { state, warnings } = read('OP5 Decides [, unless otherwise agreed - US\nOP6 Stresses participation];');
    expect(warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ['UNMATCHED_OPEN', 1, 13],
      ['UNMATCHED_CLOSE', 2, 27],
    ]);
    expect(open(state)[0]).toMatchObject({ proponent: 'USA', layout: { implicitClose: true } });
  });

  it('keeps an empty bracket as written and says so', () => {
    const { warnings } = read('OP1 Decides [] to act.');
    expect(codes(warnings)).toEqual(['EMPTY_BRACKET']);
  });

  it('reports a bracket without names', () => {
    const { warnings } = read('OP1 Decides to [act].');
    expect(warnings).toEqual([expect.objectContaining({ code: 'UNATTRIBUTED_BRACKET', line: 1, column: 16 })]);
  });
});
