import { describe, expect, it } from 'vitest';
import { applyEvent } from '../events/apply.ts';
import type { DocumentState } from '../model/document-state.ts';
import { cleanProvisionText, tidy } from '../views/clean-text.ts';
import { resolve } from '../views/resolution.ts';
import { CHAIR } from '../../../test/support/events.ts';
import { documentOf, seedState } from '../../../test/support/catalogue.ts';
import { allAreas, allMeasures, implicitAreaId, type Catalogue, type Measure } from './catalogue.ts';
import { deriveCatalogue } from './derive-catalogue.ts';

const state = seedState();
const catalogue = deriveCatalogue(state);

function measure(of: Catalogue, label: string): Measure {
  const found = allMeasures(of).filter((m) => m.label === label);
  expect(found, `one measure numbered ${label}`).toHaveLength(1);
  return found[0]!;
}

describe('the catalogue derived from the seed', () => {
  it('has the five dimensions 2.1 … 2.5, titled as the seed titles them', () => {
    expect(catalogue.dimensions.map((d) => [d.label, d.title])).toEqual([
      ['2.1', 'Military-political dimension'],
      ['2.2', 'New challenges and threats dimension'],
      ['2.3', 'Economic dimension'],
      ['2.4', 'Environment dimension'],
      ['2.5', 'Human Dimension'],
    ]);
    expect(catalogue.documentId).toBe('seed');
    expect(catalogue.version).toBe(state.version);
  });

  it('has the priority areas under their headings, and one implicit area for each dimension without any', () => {
    expect(catalogue.dimensions.map((d) => d.areas.map((a) => (a.implicit ? `(${a.title})` : a.title)))).toEqual([
      ['(Military-political dimension)'],
      ['New challenges and threats (general)', 'Security of and in the use of ICTs', 'Combating illicit drugs', 'Epidemiological safety, public health and pharmaceuticals'],
      [
        'Small and medium enterprises (SMEs)',
        'Energy security',
        'Information technology',
        'Tourism',
        'Development of secure and effective systems of transportation corridors',
        'Agriculture',
        'Finance',
        'Trade and Investment',
      ],
      ['Sustainable Development', 'Natural Disaster Management', 'Environment Protection'],
      ['(Human Dimension)'],
    ]);
    expect(allAreas(catalogue)).toHaveLength(17);
    const military = catalogue.dimensions[0]!;
    expect(military.areas[0]).toMatchObject({ id: implicitAreaId(military.id), provisionId: null, implicit: true });
    // A priority area is its heading: the id is the provision's.
    const energy = allAreas(catalogue).find((a) => a.title === 'Energy security')!;
    expect(state.provisions.get(energy.provisionId!)?.text).toBe('Energy security');
  });

  it('numbers the measures of each area as the seed does, the provisional and duplicated ones included', () => {
    const labels = (title: string): string[] => allAreas(catalogue).find((a) => a.title === title)!.measures.map((m) => m.label);
    expect(labels('Military-political dimension')).toEqual(['2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.1.5']);
    expect(labels('New challenges and threats (general)')).toEqual(['2.2.1', '2.2.1', '2.2.2', '2.2.3', '2.2.4', '2.2.5', '2.2.6']);
    expect(labels('Security of and in the use of ICTs')).toEqual(['2.2.7', '2.2.7', '2.2.8', '2.2.9', '2.2.10', '2.2.11']);
    expect(labels('Energy security')).toEqual(['2.3.2', '2.3.3']);
    expect(labels('Information technology')).toEqual(['2.3.3']);
    expect(labels('Trade and Investment')).toEqual(['2.3.11', '2.3.12', '2.3.13']);
    expect(labels('Sustainable Development')).toEqual(['2.4.1']);
    expect(labels('Human Dimension')).toEqual(['2.5.1', '2.5.2', '2.5.3', '2.5.4', '2.5.5', '2.5.6', '2.5.7', '2.5.8', '2.5.9', '2.5.10', '2.5.11', '2.5.12', '2.5.12(a)', '2.5.13', '2.5.14']);
    expect(catalogue.dimensions.map((d) => [d.unassigned.length, d.areas.reduce((n, a) => n + a.measures.length, 0)])).toEqual([
      [0, 5],
      [1, 16],
      [0, 14],
      [0, 6],
      [0, 15],
    ]);
    expect(allMeasures(catalogue)).toHaveLength(57);
  });

  it('keeps [2.2.x] as a provisional measure of dimension 2.2 outside any area, and says so', () => {
    const placeholder = catalogue.dimensions[1]!.unassigned[0]!;
    expect(placeholder).toMatchObject({ label: '2.2.x', areaId: null, provisional: true, status: 'open' });
    expect(placeholder.text.startsWith('Strengthening cooperation in exchanging information including suspicious financial transactions')).toBe(true);
    expect(catalogue.notes.filter((n) => n.code === 'OUTSIDE_AREA').map((n) => n.provisionId)).toEqual([placeholder.provisionId]);
  });

  it('links each measure to its provision and gives the agreed text, case toggles settled', () => {
    const observers = measure(catalogue, '2.1.2');
    expect(observers.text).toBe('Inviting observers from Member States to military exercises.');
    expect(state.provisions.get(observers.provisionId)?.label).toBe('2.1.2');
    // "[Considering] (+ISR) wWidening …": the agreed text leaves out the proposal and capitalises the toggle.
    expect(measure(catalogue, '2.3.9').text).toBe('Widening of cooperation among financial sectors.');
    expect(measure(catalogue, '2.3.9').proposedWords).toEqual(['Considering ']);
    for (const m of allMeasures(catalogue)) {
      const provision = state.provisions.get(m.provisionId)!;
      expect(m.text).toBe(tidy(cleanProvisionText(state, provision, resolve(state, { kind: 'agreed' }))));
    }
  });

  it('carries the agreement status and the open brackets of every measure', () => {
    expect(allMeasures(catalogue).every((m) => m.status === 'open')).toBe(true);
    expect(measure(catalogue, '2.1.2').openBrackets).toBe(0);
    // 2.3.3 on pipelines: "[[and Supervisory Control and Data Acquisition (SCADA) …] (+Turk)] (-IND)".
    const pipelines = allMeasures(catalogue).find((m) => m.text.startsWith('Ensuring cooperation in the field of pipeline security'))!;
    expect(pipelines.openBrackets).toBe(1);
    expect(pipelines.proposedWords.join(' ')).toContain('Supervisory Control and Data Acquisition (SCADA)');
    // 2.5.8 stands in brackets that Turkey wants deleted.
    expect(measure(catalogue, '2.5.8').openBrackets).toBe(1);
  });

  it('marks paragraphs that only a proposal puts forward, with whose proposal it is, and the OR alternatives', () => {
    const [statusQuo, russian] = allMeasures(catalogue).filter((m) => m.label === '2.2.1');
    expect(statusQuo).toMatchObject({ provisional: false, proposedBy: null, alternatives: [russian!.id] });
    expect(russian).toMatchObject({ provisional: true, proposedBy: { proponent: 'RUS' }, alternatives: [statusQuo!.id] });
    const [chinese, indian] = allMeasures(catalogue).filter((m) => m.label === '2.2.7');
    expect(chinese).toMatchObject({ proposedBy: { proponent: 'CHN' }, alternatives: [indian!.id] });
    expect(indian).toMatchObject({ proposedBy: { proponent: 'IND' }, alternatives: [chinese!.id] });
    expect(measure(catalogue, '2.5.12(a)')).toMatchObject({ provisional: true, proposedBy: { proponent: 'THA' } });
    expect(measure(catalogue, '2.2.10')).toMatchObject({ proposedBy: { proponent: 'RUS' } });
  });

  it('makes lettered sub-items parts of their measure, cited as "2.1.1 c)"', () => {
    const visits = measure(catalogue, '2.1.4');
    expect(visits.parts.map((p) => [p.fullLabel, p.text])).toEqual([
      ['2.1.4 a)', 'mutual visits by the military authorities and representatives of defense colleges;'],
      ['2.1.4 b)', 'mutual invitations for participation in national holidays, cultural and sport events;'],
      ['2.1.4 c)', "information exchange on CV's of top military personnel;"],
      ['2.1.4 d)', 'other forms of cooperation as agreed by the Member States.'],
    ]);
    const exchange = measure(catalogue, '2.1.1');
    expect(exchange.parts.find((p) => p.label === 'c')).toMatchObject({
      fullLabel: '2.1.1 c)',
      text: 'presence of foreign military contingents on the territories of the Member States, if release of this information is permitted by the country deploying such a contingent.',
    });
    expect(exchange.parts[0]!.text.startsWith('components of armed forces;')).toBe(true);
    // Sub-items are not measures of their own.
    expect(allMeasures(catalogue).some((m) => m.label === 'c' || m.label === 'a')).toBe(false);
  });

  it('reports the number used twice and the implicit areas', () => {
    expect(catalogue.notes.map((n) => n.code)).toEqual(['IMPLICIT_AREA', 'OUTSIDE_AREA', 'IMPLICIT_AREA', 'DUPLICATE_NUMBER']);
    const duplicate = catalogue.notes.find((n) => n.code === 'DUPLICATE_NUMBER')!;
    expect(duplicate.message).toContain('Number 2.3.3 is used twice');
    expect(state.provisions.get(duplicate.provisionId)?.text).toMatch(/^Encouraging cooperation in the field of communications/u);
  });

  it('leaves out the agenda, the general provisions, the modalities and the coordinators list', () => {
    const ids = new Set(allMeasures(catalogue).flatMap((m) => [m.provisionId, ...m.parts.map((p) => p.provisionId)]));
    for (const id of state.order) {
      const label = state.provisions.get(id)!.label ?? '';
      if (/^(1|3)(\.|$)/u.test(label) || /^[AB]$/u.test(label)) expect(ids.has(id), `${label} is no measure`).toBe(false);
    }
  });
});

describe('the catalogue follows the negotiated text', () => {
  function fresh(): DocumentState {
    return seedState();
  }

  it('shows a provision agreed ad referendum, then adopted', () => {
    const s = fresh();
    const id = measure(deriveCatalogue(s), '2.1.2').provisionId;
    applyEvent(s, { type: 'provision.agreed', at: '2021-06-02T09:00:00.000Z', actor: CHAIR, data: { provisionId: id, status: 'agreed-ad-ref' } });
    expect(measure(deriveCatalogue(s), '2.1.2').status).toBe('agreed-ad-ref');
    applyEvent(s, { type: 'provision.agreed', at: '2021-06-02T09:00:00.000Z', actor: CHAIR, data: { provisionId: id, status: 'adopted' } });
    expect(measure(deriveCatalogue(s), '2.1.2').status).toBe('adopted');
  });

  it('takes the words a consensus accepts into the text, and closes the bracket (the toggled letter takes the case its new place needs)', () => {
    const s = fresh();
    const finance = measure(deriveCatalogue(s), '2.3.9');
    const [proposalId] = s.anchored.get(`v:${finance.provisionId}`)!;
    applyEvent(s, { type: 'consensus.declared', at: '2021-06-02T09:00:00.000Z', actor: CHAIR, data: { proposalId: proposalId!, outcome: 'accept' } });
    expect(measure(deriveCatalogue(s), '2.3.9')).toMatchObject({ text: 'Considering widening of cooperation among financial sectors.', openBrackets: 0, proposedWords: [] });
  });

  it('drops the measures of a new paragraph that consensus drops', () => {
    const s = fresh();
    const proposalId = measure(deriveCatalogue(s), '2.2.10').proposedBy!.proposalId;
    applyEvent(s, { type: 'consensus.declared', at: '2021-06-02T09:00:00.000Z', actor: CHAIR, data: { proposalId, outcome: 'drop' } });
    const ict = allAreas(deriveCatalogue(s)).find((a) => a.title === 'Security of and in the use of ICTs')!;
    expect(ict.measures.map((m) => m.label)).toEqual(['2.2.7', '2.2.7', '2.2.8']);
  });
});

describe('the rules on a document of another shape', () => {
  it('ends a dimension at the next top-level heading and reports numbered items that fit nowhere', () => {
    const doc = documentOf([
      ['h2', 'heading', '2', 'Dimensions'],
      ['d1', 'heading', '2.1', 'First dimension'],
      ['intro', 'paragraph', null, 'The states may consider:'],
      ['s0', 'sub-item', 'a', 'an item before any measure'],
      ['m1', 'paragraph', '2.1.1', 'First measure.'],
      ['x', 'paragraph', '4.7', 'A stray number.'],
      ['h3', 'heading', '3', 'Modalities'],
      ['after', 'paragraph', '2.1.9', 'Numbered like a measure, but outside the dimensions.'],
    ]);
    const result = deriveCatalogue(doc);
    expect(allMeasures(result).map((m) => m.id)).toEqual(['m1']);
    expect(result.notes.map((n) => [n.code, n.provisionId])).toEqual([
      ['STRAY_ITEM', 's0'],
      ['STRAY_ITEM', 'x'],
      ['IMPLICIT_AREA', 'd1'],
    ]);
  });

  it('gives an empty catalogue for a document without dimensions', () => {
    expect(deriveCatalogue(documentOf([['p', 'paragraph', '1.1', 'Text.']]))).toMatchObject({ dimensions: [], notes: [] });
  });
});
