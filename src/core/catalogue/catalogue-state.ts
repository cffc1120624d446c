/**
 * The state of one organisation's catalogue log: what `foldCatalogue(events)` gives.
 *
 * As with a document's state, the maps belong to whoever folded it: applying an event
 * updates them in place and replaces the changed records with new objects, so that a record
 * read earlier never changes under its reader. Nothing is ever forgotten: rejected and
 * withdrawn candidacies, withdrawn selections and replaced reports stay as history.
 */
import type { Actor } from '../events/event.ts';
import type { CoordinatorRole, ImplementationStatus, SelectionMode } from './catalogue-event.ts';

export type CandidacyStage = 'volunteered' | 'recommended' | 'approved' | 'rejected' | 'withdrawn';

/** Stages in which a candidacy is alive: a state has at most one live candidacy per area. */
export const LIVE_STAGES: ReadonlySet<CandidacyStage> = new Set(['volunteered', 'recommended', 'approved']);

export interface CandidacyStep {
  readonly stage: CandidacyStage;
  readonly date: string;
  readonly at: string;
  readonly actor: Actor;
  readonly note: string | null;
}

/** One state's way to a role in one area, from volunteering to approval (office) or its end. */
export interface Candidacy {
  readonly areaId: string;
  readonly state: string;
  readonly role: CoordinatorRole;
  readonly stage: CandidacyStage;
  readonly steps: readonly CandidacyStep[];
}

export interface ListedArea {
  readonly id: string;
  readonly dimensionId: string | null;
  readonly dimension: string;
  readonly title: string;
}

/** A stretch of time during which a state had a measure selected, on unchanged terms. */
export interface SelectionSpan {
  readonly from: string;
  /** When it was withdrawn or its terms changed; null while it runs. */
  readonly to: string | null;
  readonly mode: SelectionMode;
  readonly partners: readonly string[];
}

export interface Selection {
  readonly measureId: string;
  readonly state: string;
  readonly active: boolean;
  readonly spans: readonly SelectionSpan[];
}

export interface ReportVersion {
  readonly status: ImplementationStatus;
  readonly text: string;
  readonly at: string;
  readonly actor: Actor;
}

/** A state's report on one measure for one period; `earlier` holds the versions it replaced. */
export interface ImplementationReport extends ReportVersion {
  readonly measureId: string;
  readonly state: string;
  readonly period: string;
  readonly earlier: readonly ReportVersion[];
}

export interface CatalogueState {
  /** Number of events folded so far. */
  version: number;
  listedAreas: Map<string, ListedArea>;
  /** Area id → candidacies in the order they began. */
  candidacies: Map<string, Candidacy[]>;
  /** State → measure id → its selection. */
  selections: Map<string, Map<string, Selection>>;
  /** {@link reportKey} → the report standing for that state, measure and period. */
  reports: Map<string, ImplementationReport>;
}

export function emptyCatalogueState(): CatalogueState {
  return { version: 0, listedAreas: new Map(), candidacies: new Map(), selections: new Map(), reports: new Map() };
}

export function reportKey(state: string, measureId: string, period: string): string {
  return `${state}\u0000${measureId}\u0000${period}`;
}

/** The live candidacy of `state` in `areaId`, if any. */
export function liveCandidacy(catalogueState: CatalogueState, areaId: string, state: string): Candidacy | undefined {
  return catalogueState.candidacies.get(areaId)?.find((c) => c.state === state && LIVE_STAGES.has(c.stage));
}
