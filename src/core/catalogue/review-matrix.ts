/**
 * `reviewMatrix` is what the regular review of implementation (seed, 1.8) looks at: every
 * member state against every measure, with the state's choice and its latest report; how many
 * states take part in each dimension and priority area; and how that changed period by period.
 *
 * For a period ("2021", "2021-H1") a cell shows the report for that period — or, for a year,
 * the latest report for a half or quarter within it — and otherwise whether the measure was
 * selected at any time during the period. Without a period it shows the present: the current
 * selection and the report for its latest period.
 */
import { allMeasures, type Catalogue, type Measure } from './catalogue.ts';
import type { ImplementationStatus, SelectionMode } from './catalogue-event.ts';
import type { CatalogueState, ImplementationReport, Selection } from './catalogue-state.ts';
import { comparePeriods, isWithin, overlaps, parsePeriod, type Period } from './period.ts';

export type CellStatus = 'not-selected' | 'selected' | 'withdrawn' | ImplementationStatus;

export interface ReviewCell {
  readonly status: CellStatus;
  /** The terms of the selection the cell shows; null when the measure was never selected then. */
  readonly mode: SelectionMode | null;
  readonly partners: readonly string[];
  readonly report: { readonly period: string; readonly status: ImplementationStatus; readonly text: string; readonly at: string } | null;
}

export interface ReviewMeasure {
  readonly id: string;
  readonly label: string;
  readonly dimensionId: string;
  readonly areaId: string | null;
  readonly text: string;
}

export interface Participation {
  readonly id: string;
  readonly label: string | null;
  readonly title: string;
  readonly measures: number;
  /** Member states that selected at least one of its measures (in the period, or now). */
  readonly states: number;
  /** `states` as a share of all member states, 0 … 1. */
  readonly share: number;
  /** State × measure selections. */
  readonly selections: number;
  /** Member states that reported on at least one of its measures (in the period, or ever). */
  readonly reporting: number;
}

export interface TrendPoint {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** Member states with at least one measure selected at some time in the period. */
  readonly statesSelecting: number;
  readonly statesReporting: number;
  readonly reports: number;
  readonly byStatus: Readonly<Record<ImplementationStatus, number>>;
}

export interface ReviewMatrix {
  readonly period: string | null;
  /** Rows: the member states, in the order given. */
  readonly states: readonly string[];
  /** Columns: every measure of the catalogue in document order. */
  readonly measures: readonly ReviewMeasure[];
  /** `cells[row][column]`. */
  readonly cells: readonly (readonly ReviewCell[])[];
  readonly participation: { readonly dimensions: readonly Participation[]; readonly areas: readonly Participation[] };
  /** Every period reported on, earliest first: the series a chart draws. */
  readonly trends: readonly TrendPoint[];
}

export interface ReviewOptions {
  /** The organisation's member states (ISO alpha-3): the rows, and the whole that shares are of. */
  readonly members: readonly string[];
  /** "2021", "2021-H1", "2021-Q3"; absent: the present. */
  readonly period?: string;
}

/** @throws RangeError if `options.period` is not a period. */
export function reviewMatrix(catalogue: Catalogue, state: CatalogueState, options: ReviewOptions): ReviewMatrix {
  const period = options.period === undefined ? null : parsePeriod(options.period);
  if (options.period !== undefined && period === null) {
    throw new RangeError(`"${options.period}" is no period: write a year (2021), a half (2021-H1) or a quarter (2021-Q3).`);
  }
  const measures = allMeasures(catalogue);
  const reports = reportsByStateAndMeasure(state);
  const cells = options.members.map((member) => measures.map((measure) => cellOf(state, reports, member, measure.id, period)));
  return {
    period: period?.label ?? null,
    states: [...options.members],
    measures: measures.map(({ id, label, dimensionId, areaId, text }) => ({ id, label, dimensionId, areaId, text })),
    cells,
    participation: participationOf(catalogue, options.members, measures, cells),
    trends: trendsOf(state, options.members),
  };
}

function cellOf(state: CatalogueState, reports: ReadonlyMap<string, ImplementationReport[]>, member: string, measureId: string, period: Period | null): ReviewCell {
  const selection = state.selections.get(member)?.get(measureId);
  const ofMeasure = reports.get(`${member}\u0000${measureId}`) ?? [];
  const report = period === null ? latest(ofMeasure) : latest(ofMeasure.filter((r) => isWithin(parsePeriod(r.period) ?? period, period)));
  const shown = report ? { period: report.period, status: report.status, text: report.text, at: report.at } : null;
  const spans = selection ? (period === null ? selection.spans : selection.spans.filter((s) => overlaps(s.from, s.to, period))) : [];
  const span = spans.at(-1);
  const selected = selection !== undefined && (period === null ? selection.active : span !== undefined);
  const everBefore = selection !== undefined && (period === null || selection.spans.some((s) => s.from.slice(0, 10) < period.end));
  const status: CellStatus = selected ? (shown?.status ?? 'selected') : everBefore ? 'withdrawn' : (shown?.status ?? 'not-selected');
  const terms = selected ? span ?? selection?.spans.at(-1) : undefined;
  return { status, mode: terms?.mode ?? null, partners: terms?.partners ?? [], report: shown };
}

/** The report for the latest period (a later-ending one first; of equal periods, the later recorded). */
function latest(reports: readonly ImplementationReport[]): ImplementationReport | undefined {
  let best: ImplementationReport | undefined;
  let bestPeriod: Period | null = null;
  for (const report of reports) {
    const period = parsePeriod(report.period);
    if (period === null) continue;
    if (best === undefined || bestPeriod === null || period.end > bestPeriod.end || (period.end === bestPeriod.end && report.at > best.at)) {
      best = report;
      bestPeriod = period;
    }
  }
  return best;
}

function reportsByStateAndMeasure(state: CatalogueState): Map<string, ImplementationReport[]> {
  const result = new Map<string, ImplementationReport[]>();
  for (const report of state.reports.values()) {
    const key = `${report.state}\u0000${report.measureId}`;
    result.set(key, [...(result.get(key) ?? []), report]);
  }
  return result;
}

const SELECTED: ReadonlySet<CellStatus> = new Set(['selected', 'planned', 'in-progress', 'implemented', 'not-implemented']);

function participationOf(catalogue: Catalogue, members: readonly string[], measures: readonly Measure[], cells: readonly (readonly ReviewCell[])[]): ReviewMatrix['participation'] {
  const column = new Map(measures.map((measure, index) => [measure.id, index]));
  const count = (id: string, label: string | null, title: string, ofGroup: readonly Measure[]): Participation => {
    const columns = ofGroup.map((m) => column.get(m.id) ?? -1);
    let states = 0;
    let reporting = 0;
    let selections = 0;
    cells.forEach((row) => {
      const chosen = columns.filter((c) => row[c] !== undefined && SELECTED.has(row[c].status)).length;
      selections += chosen;
      if (chosen > 0) states++;
      if (columns.some((c) => row[c]?.report !== null && row[c]?.report !== undefined)) reporting++;
    });
    return { id, label, title, measures: ofGroup.length, states, share: members.length === 0 ? 0 : states / members.length, selections, reporting };
  };
  return {
    dimensions: catalogue.dimensions.map((d) => count(d.id, d.label, d.title, measures.filter((m) => m.dimensionId === d.id))),
    areas: catalogue.dimensions.flatMap((d) => d.areas.map((a) => count(a.id, null, a.title, a.measures))),
  };
}

function trendsOf(state: CatalogueState, members: readonly string[]): TrendPoint[] {
  const memberSet = new Set(members);
  const periods = new Map<string, Period>();
  for (const report of state.reports.values()) {
    const period = parsePeriod(report.period);
    if (period) periods.set(period.label, period);
  }
  const selections: Selection[] = [...state.selections.values()].flatMap((byMeasure) => [...byMeasure.values()]).filter((s) => memberSet.has(s.state));
  const reports = [...state.reports.values()].filter((r) => memberSet.has(r.state));
  return [...periods.values()].sort(comparePeriods).map((period) => {
    const inPeriod = reports.filter((r) => r.period === period.label);
    const byStatus: Record<ImplementationStatus, number> = { planned: 0, 'in-progress': 0, implemented: 0, 'not-implemented': 0 };
    for (const report of inPeriod) byStatus[report.status]++;
    return {
      period: period.label,
      start: period.start,
      end: period.end,
      statesSelecting: new Set(selections.filter((s) => s.spans.some((span) => overlaps(span.from, span.to, period))).map((s) => s.state)).size,
      statesReporting: new Set(inPeriod.map((r) => r.state)).size,
      reports: inPeriod.length,
      byStatus,
    };
  });
}
