/**
 * Akoma Ntoso out and back: the seed's provisions (with their eIds), proposals, proponents and
 * every delegation's stance, statements and option sets survive; the output keeps the
 * structure rules of docs/akoma-ntoso.md, and the rules catch what breaks them.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createDelegationRegistry, CICA_ALIASES, importDraft, snapshot, type DocumentState } from '../../core/index.ts';
import { readSeed } from '../../../test/support/seed.ts';
import { readAkn } from './akn-read.ts';
import { checkAkn } from './akn-rules.ts';
import { writeAkn } from './akn-write.ts';
import { attribute, nameOf, parseXml, walk } from './akn-xml.ts';

const OPTIONS = { organisation: { id: 'cica', name: 'CICA' }, date: '2021-05-28', registry: createDelegationRegistry({ aliases: CICA_ALIASES }) };
const ACTOR = { user: 'sec', delegation: null, role: 'secretariat' as const };

/** The negotiation in a state, the notation's layout hints aside (they are not Akoma Ntoso's to carry). */
function negotiation(state: DocumentState): unknown {
  const s = snapshot(state);
  return {
    title: s.title,
    provisions: s.provisions.map((p) => [p.id, p.kind, p.label, p.text, p.status, p.proposedBy]),
    proposals: s.proposals
      .filter((p) => p.status === 'open')
      .map((p) => [p.id, p.kind, p.proponent, p.byChair, p.text, p.anchor && [p.anchor.provisionId, p.anchor.parent, p.anchor.start, p.anchor.end], p.provisionIds, p.optionSetId])
      .sort(),
    positions: s.positions.map((p) => [p.proposalId, p.delegation, p.stance, p.reason]).sort(),
    statements: s.statements.map((x) => [x.id, x.kind, x.by, x.text, x.anchor]),
    optionSets: s.optionSets.map((o) => [o.id, o.members, o.allowsNoText]),
  };
}

describe('the seed as Akoma Ntoso', () => {
  const { state } = importDraft(readSeed(), { aliases: CICA_ALIASES });
  const xml = writeAkn(state, OPTIONS);

  it('keeps the structure rules', () => {
    expect(checkAkn(xml)).toEqual([]);
  });

  it('gives every provision its eId, and names proponents as TLCOrganization references', () => {
    const nodes = [...walk(parseXml(xml))];
    const provisions = nodes.filter((n) => attribute(n, 'parley:kind') !== undefined);
    // Proposed paragraphs are in their amendment's quotedStructure, the others in the text's mainBody.
    expect(provisions.length).toBe(state.provisions.size);
    expect(provisions.every((n) => attribute(n, 'eId') === `prov_${attribute(n, 'parley:id')}`)).toBe(true);
    const organisations = new Set(nodes.filter((n) => nameOf(n) === 'TLCOrganization').map((n) => attribute(n, 'eId')));
    expect(organisations).toContain('ISR');
    const proponents = nodes.filter((n) => nameOf(n) === 'docProponent');
    expect(proponents.length).toBeGreaterThan(40);
    expect(proponents.every((n) => organisations.has(attribute(n, 'refersTo')!.slice(1)))).toBe(true);
    expect(nodes.filter((n) => nameOf(n) === 'amendment').length).toBe(state.proposals.size);
    expect(nodes.filter((n) => nameOf(n) === 'note').length).toBe(state.statements.size);
  });

  it('comes back as the same negotiation: provisions, proposals, proponents, positions, statements, option sets', () => {
    const back = readAkn(xml, { actor: ACTOR, at: '2021-05-28T00:00:00.000Z' });
    expect(back.warnings).toEqual([]);
    expect(negotiation(back.state)).toEqual(negotiation(state));
    // And written again, it is the same file.
    const unversioned = (text: string): string => text.replace(/eng@v\d+|version="\d+"/gu, '');
    expect(unversioned(writeAkn(back.state, OPTIONS))).toEqual(unversioned(xml));
  });

  it('keeps agreement, and leaves closed proposals as history (their words are already in the text)', () => {
    const later = importDraft(readSeed(), { aliases: CICA_ALIASES }).state;
    const open = [...later.proposals.values()].find((p) => p.kind === 'insert' && p.anchor?.parent === null && p.optionSetId === null)!;
    const at = '2021-06-01T00:00:00.000Z';
    applyEvent(later, { type: 'consensus.declared', at, actor: { ...ACTOR, role: 'chair' }, data: { proposalId: open.id, outcome: 'accept' } });
    applyEvent(later, { type: 'provision.agreed', at, actor: { ...ACTOR, role: 'chair' }, data: { provisionId: open.anchor!.provisionId, status: 'agreed-ad-ref' } });
    const back = readAkn(writeAkn(later, OPTIONS), { actor: ACTOR, at });
    expect(back.state.proposals.has(open.id)).toBe(false);
    expect(back.state.provisions.get(open.anchor!.provisionId)).toMatchObject({ status: 'agreed-ad-ref', text: later.provisions.get(open.anchor!.provisionId)!.text });
  });
});

describe('the structure rules', () => {
  const xml = writeAkn(importDraft(readSeed()).state, OPTIONS);

  it('name a reference to an organisation that is not declared', () => {
    expect(checkAkn(xml.replace('<TLCOrganization eId="ISR"', '<TLCOrganization eId="ISX"'))).toContain('R6: docProponent refersTo="#ISR" refers to nothing');
  });

  it('name a duplicate eId, a wrong root and a missing FRBR level', () => {
    expect(checkAkn(xml.replace('eId="prov_v2"', 'eId="prov_v1"'))).toContain('R5: eId "prov_v1" is used twice');
    expect(checkAkn('<?xml version="1.0"?><act/>')).toEqual(['R1: the root element must be one akomaNtoso']);
    expect(checkAkn(xml.replace(/<FRBRManifestation>[\s\S]*?<\/FRBRManifestation>/u, '')).some((p) => p.startsWith('R4:'))).toBe(true);
    expect(checkAkn('<akomaNtoso><unclosed></akomaNtoso>')[0]).toMatch(/^R1:/u);
  });
});
