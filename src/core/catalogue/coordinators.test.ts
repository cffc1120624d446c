import { describe, expect, it } from 'vitest';
import { CICA_REGISTRY, documentOf, MEMBERS, seedState } from '../../../test/support/catalogue.ts';
import { foldCatalogue } from './apply-catalogue-event.ts';
import { matchListToCatalogue } from './area-matching.ts';
import { coordinationOf, type AreaCoordination } from './coordination.ts';
import { readCoordinatorsList, type CoordinatorsListRow } from './coordinators-list.ts';
import { deriveCatalogue } from './derive-catalogue.ts';
import { seedCoordinators } from './seed-coordinators.ts';

const state = seedState();
const catalogue = deriveCatalogue(state);
const SEED_OPTIONS = { registry: CICA_REGISTRY, at: '2021-05-28T06:00:00.000Z', date: '2021-05-28', members: MEMBERS, note: 'Note verbale No. 17-1/298' };

/** A row as "No. | area No. | area | coordinators | co-coordinators", "+" kept before a name. */
function rowText(row: CoordinatorsListRow): string {
  const names = (list: CoordinatorsListRow['coordinators']): string => list.map((n) => `${n.volunteered ? '+' : ''}${n.code}`).join(' ');
  return [row.dimensionNumber, row.dimension, row.areaNumber ?? '', row.area ?? '', names(row.coordinators), names(row.coCoordinators)].join(' | ');
}

describe('the seed’s list of coordinating and co-coordinating countries', () => {
  it('is read row by row, across the page break and its footnote, names mapped to ISO codes', () => {
    const list = readCoordinatorsList(state, CICA_REGISTRY)!;
    // Written by hand from the end of fixtures/cica-draft-2021-05-28.txt.
    expect(list.rows.map(rowText)).toEqual([
      '1 | Military-political |  |  | KAZ | TUR',
      '2 | New challenges and threats | 1 | New challenges and threats (general) | TUR | AFG',
      '2 | New challenges and threats | 2 | Security of and in the use of information and communication technologies (ICTs) |  | ',
      '2 | New challenges and threats | 3 | Combating illicit drugs | IRN | AFG',
      '2 | New challenges and threats | 4 | Epidemiological safety, public health and pharmaceuticals |  | +CHN +JOR',
      '3 | Economic | 1 | Development of Small and Medium Enterprises (SMEs) | RUS | KAZ THA TUR',
      '3 | Economic | 2 | Energy Security | KOR | IND',
      '3 | Economic | 3 | Information Technology | KOR | BGD',
      '3 | Economic | 4 | Tourism | TJK | LKA',
      '3 | Economic | 5 | Development of secure and effective systems of transportation corridors | AZE | IND +CHN',
      '3 | Economic | 6 | Agriculture | CHN | ',
      '3 | Economic | 7 | Finance | CHN | ',
      '3 | Economic | 8 | Trade and Investment |  | ',
      '4 | Environment | 1 | Sustainable Development | THA | ',
      '4 | Environment | 2 | Natural Disaster Management | IRN | +BGD',
      '4 | Environment | 3 | Environment Protection | MNG | BGD CHN',
      '5 | Human |  |  | UZB | KAZ KGZ',
    ]);
    expect(list.rows.find((r) => r.area === 'Energy Security')!.coordinators).toEqual([{ written: 'Republic of Korea', code: 'KOR', volunteered: false }]);
    expect(list.problems).toEqual([]);
    expect(state.provisions.get(list.titleProvisionId!)?.text).toMatch(/^List of coordinating and co-coordinating countries/u);
  });

  it('matches every row to a dimension and area of the text, by an explicit rule', () => {
    const list = readCoordinatorsList(state, CICA_REGISTRY)!;
    const titleOf = new Map(catalogue.dimensions.flatMap((d) => d.areas.map((a) => [a.id, a.title] as const)));
    expect(matchListToCatalogue(catalogue, list.rows).map((m) => [m.row.area ?? m.row.dimension, titleOf.get(m.areaId ?? ''), m.rule])).toEqual([
      ['Military-political', 'Military-political dimension', 'whole-dimension'],
      ['New challenges and threats (general)', 'New challenges and threats (general)', 'same-name'],
      ['Security of and in the use of information and communication technologies (ICTs)', 'Security of and in the use of ICTs', 'abbreviation'],
      ['Combating illicit drugs', 'Combating illicit drugs', 'same-name'],
      ['Epidemiological safety, public health and pharmaceuticals', 'Epidemiological safety, public health and pharmaceuticals', 'same-name'],
      ['Development of Small and Medium Enterprises (SMEs)', 'Small and medium enterprises (SMEs)', 'contained-words'],
      ['Energy Security', 'Energy security', 'same-name'],
      ['Information Technology', 'Information technology', 'same-name'],
      ['Tourism', 'Tourism', 'same-name'],
      ['Development of secure and effective systems of transportation corridors', 'Development of secure and effective systems of transportation corridors', 'same-name'],
      ['Agriculture', 'Agriculture', 'same-name'],
      ['Finance', 'Finance', 'same-name'],
      ['Trade and Investment', 'Trade and Investment', 'same-name'],
      ['Sustainable Development', 'Sustainable Development', 'same-name'],
      ['Natural Disaster Management', 'Natural Disaster Management', 'same-name'],
      ['Environment Protection', 'Environment Protection', 'same-name'],
      ['Human', 'Human Dimension', 'whole-dimension'],
    ]);
  });

  it('becomes events that fold to the list: coordinators and co-coordinators in office, volunteers awaiting the SOC, and the gaps', () => {
    const seed = seedCoordinators(state, catalogue, SEED_OPTIONS)!;
    expect(seed.problems).toEqual([]);
    // 28 names in office × (volunteered, recommended, approved) + 4 volunteers × (volunteered, recommended).
    expect(seed.events).toHaveLength(28 * 3 + 4 * 2);
    expect(seed.events.every((e) => e.at === SEED_OPTIONS.at && 'date' in e.data && e.data.date === '2021-05-28')).toBe(true);
    const coordination = coordinationOf(catalogue, foldCatalogue(seed.events));
    const table = (area: AreaCoordination): string =>
      [
        area.title,
        area.coordinator?.state ?? '—',
        area.coCoordinators.map((h) => h.state).join(' ') || '—',
        area.pending.map((p) => `+${p.state} (${p.role}, ${p.stage})`).join(' ') || '—',
      ].join(' | ');
    expect(coordination.dimensions.map((d) => [d.label, d.areas.map(table)])).toEqual([
      ['2.1', ['Military-political dimension | KAZ | TUR | —']],
      [
        '2.2',
        [
          'New challenges and threats (general) | TUR | AFG | —',
          'Security of and in the use of ICTs | — | — | —',
          'Combating illicit drugs | IRN | AFG | —',
          'Epidemiological safety, public health and pharmaceuticals | — | — | +CHN (co-coordinator, recommended) +JOR (co-coordinator, recommended)',
        ],
      ],
      [
        '2.3',
        [
          'Small and medium enterprises (SMEs) | RUS | KAZ THA TUR | —',
          'Energy security | KOR | IND | —',
          'Information technology | KOR | BGD | —',
          'Tourism | TJK | LKA | —',
          'Development of secure and effective systems of transportation corridors | AZE | IND | +CHN (co-coordinator, recommended)',
          'Agriculture | CHN | — | —',
          'Finance | CHN | — | —',
          'Trade and Investment | — | — | —',
        ],
      ],
      ['2.4', ['Sustainable Development | THA | — | —', 'Natural Disaster Management | IRN | — | +BGD (co-coordinator, recommended)', 'Environment Protection | MNG | BGD CHN | —']],
      ['2.5', ['Human Dimension | UZB | KAZ KGZ | —']],
    ]);
    expect(coordination.gaps.map((g) => g.title)).toEqual(['Security of and in the use of ICTs', 'Epidemiological safety, public health and pharmaceuticals', 'Trade and Investment']);
    expect(coordination.listOnly).toEqual([]);
    expect(coordination.unknownAreas).toEqual([]);
    expect(coordination.dimensions[0]!.areas[0]!.coordinator).toEqual({ state: 'KAZ', since: '2021-05-28' });
  });

  it('keeps where each step came from', () => {
    const seed = seedCoordinators(state, catalogue, SEED_OPTIONS)!;
    const log = foldCatalogue(seed.events);
    const kazakhstan = log.candidacies.get(catalogue.dimensions[0]!.areas[0]!.id)!.find((c) => c.state === 'KAZ')!;
    expect(kazakhstan.steps.map((s) => [s.stage, s.date, s.note, s.actor.role])).toEqual([
      ['volunteered', '2021-05-28', 'Note verbale No. 17-1/298', 'system'],
      ['recommended', '2021-05-28', 'Note verbale No. 17-1/298', 'system'],
      ['approved', '2021-05-28', 'Note verbale No. 17-1/298', 'system'],
    ]);
  });
});

describe('an untidy list', () => {
  const doc = documentOf([
    ['h2', 'heading', '2', 'Dimensions of cooperation'],
    ['d1', 'heading', '2.1', 'Military-political dimension'],
    ['m1', 'paragraph', '2.1.1', 'Exchange of information.'],
    ['d2', 'heading', '2.2', 'Economic dimension'],
    ['a1', 'heading', null, 'Small and medium enterprises (SMEs)'],
    ['m2', 'paragraph', '2.2.1', 'Promoting SMEs.'],
    ['a2', 'heading', null, 'Security of and in the use of ICTs'],
    ['m3', 'paragraph', '2.2.2', 'Promoting ICT security.'],
    ['h3', 'heading', '3', 'Modalities'],
    ['title', 'paragraph', null, 'List of coordinating and co-coordinating countries'],
    [
      't1',
      'table',
      null,
      [
        'No.\tDimension\tPriority Area\tCoordinator\tCo-coordinator\t',
        '1\tMilitary-political\t\tKazakhstan\tRepublic of Korea Sri Lanka\t',
        '2\tEconomic\t1\tDevelopment of Small and Medium Enterprises (SMEs)\tRussia\t+China, Jordan',
        '* The Member States marked by “+” have volunteered to be Co-coordinators.',
      ].join('\n'),
    ],
    ['fn', 'free-text', null, '¹ A footnote the page break left between the parts.'],
    [
      't2',
      'table',
      null,
      [
        'No.\tDimension\tPriority Area\tCoordinator\tCo-coordinator',
        '\t\t2\tSecurity of and in the use of information and communication technologies (ICTs)\tRuritania\tIndia',
        '\t\t3\tBlue economy\t\t+ Mongolia',
        '3\tSpace\t1\tOuter space\tIran Iraq\tNorway',
      ].join('\n'),
    ],
    ['end', 'heading', null, 'Nur-Sultan, 2021'],
  ]);
  const docCatalogue = deriveCatalogue(doc);

  it('is read across table parts, with footnotes skipped and unknown names reported', () => {
    const list = readCoordinatorsList(doc, CICA_REGISTRY)!;
    expect(list.titleProvisionId).toBe('title');
    expect(list.rows.map(rowText)).toEqual([
      '1 | Military-political |  |  | KAZ | KOR LKA',
      '2 | Economic | 1 | Development of Small and Medium Enterprises (SMEs) | RUS | +CHN JOR',
      '2 | Economic | 2 | Security of and in the use of information and communication technologies (ICTs) |  | IND',
      '2 | Economic | 3 | Blue economy |  | +MNG',
      '3 | Space | 1 | Outer space | IRN IRQ | NOR',
    ]);
    expect(list.problems.map((p) => [p.code, p.provisionId, p.line])).toEqual([
      ['NOT_A_ROW', 't1', 4],
      ['UNKNOWN_NAME', 't2', 2],
    ]);
    expect(list.problems[1]!.message).toContain('"Ruritania"');
  });

  it('keeps areas the text does not have as list-only areas, reports them, and leaves out steps that break the rules', () => {
    const seed = seedCoordinators(doc, docCatalogue, SEED_OPTIONS)!;
    expect(seed.matches.map((m) => [m.areaId, m.rule])).toEqual([
      ['d1:area', 'whole-dimension'],
      ['a1', 'contained-words'],
      ['a2', 'abbreviation'],
      [null, null],
      [null, null],
    ]);
    expect(seed.areaIds).toEqual(['d1:area', 'a1', 'a2', 'list:2.3', 'list:3.1']);
    expect(seed.problems.map((p) => p.code)).toEqual(['NOT_A_ROW', 'UNKNOWN_NAME', 'LIST_ONLY_AREA', 'UNKNOWN_DIMENSION', 'LIST_ONLY_AREA', 'STEP_REJECTED', 'STEP_REJECTED']);
    const rejected = seed.problems.filter((p) => p.code === 'STEP_REJECTED').map((p) => p.message);
    expect(rejected[0]).toMatch(/^IRN is the coordinator of "Outer space"; an area has one coordinator/u);
    expect(rejected[1]).toMatch(/^NOR is not a member state/u);

    const coordination = coordinationOf(docCatalogue, foldCatalogue(seed.events));
    const brief = (a: AreaCoordination): string => `${a.title}: ${a.coordinator?.state ?? '—'} / ${a.coCoordinators.map((h) => h.state).join(' ')} / ${a.pending.map((p) => p.state).join(' ')}${a.listOnly ? ' (list only)' : ''}`;
    expect(coordination.dimensions.map((d) => d.areas.map(brief))).toEqual([
      ['Military-political dimension: KAZ / KOR LKA / '],
      ['Small and medium enterprises (SMEs): RUS / JOR / CHN', 'Security of and in the use of ICTs: — / IND / ', 'Blue economy: — /  / MNG (list only)'],
    ]);
    expect(coordination.listOnly.map(brief)).toEqual(['Blue economy: — /  / MNG (list only)', 'Outer space: IRN /  / IRQ (list only)']);
    expect(coordination.gaps.map((g) => g.title)).toEqual(['Security of and in the use of ICTs', 'Blue economy']);
  });

  it('reports candidacies for an area that neither the text nor the list has any more', () => {
    const seed = seedCoordinators(state, catalogue, SEED_OPTIONS)!;
    // The seed's log read against a catalogue without the military-political dimension.
    const shorter = { ...catalogue, dimensions: catalogue.dimensions.slice(1) };
    expect(coordinationOf(shorter, foldCatalogue(seed.events)).unknownAreas).toEqual([catalogue.dimensions[0]!.areas[0]!.id]);
  });

  it('is no list at all in a document without one', () => {
    const plain = documentOf([['p', 'paragraph', '1.1', 'Text.']]);
    expect(readCoordinatorsList(plain, CICA_REGISTRY)).toBeNull();
    expect(seedCoordinators(plain, deriveCatalogue(plain), SEED_OPTIONS)).toBeNull();
  });
});
