/**
 * What member states and the bodies of the organisation do with the catalogue, as plain
 * values appended to one log per organisation (beside, not inside, the document's log):
 * coordinators of priority areas, the measures each state chooses, and its reports on them.
 *
 * Like document events they carry who recorded them (`actor`) and when (`at`, an ISO 8601
 * instant from the caller: core has no clock). Coordinator steps also carry `date`, the day
 * the step was taken — the SOC approves at its meeting, and the secretariat may record that
 * later — as a calendar date (YYYY-MM-DD) at the organisation's seat.
 *
 * The coordinator workflow (seed, list of coordinators and section 3, modality A): a state
 * volunteers → the SWG recommends it → the SOC approves or rejects; a state may withdraw at
 * any step, and an approved one leaves office by withdrawing.
 */
import type { Actor } from '../events/event.ts';

export type CoordinatorRole = 'coordinator' | 'co-coordinator';
export const COORDINATOR_ROLES: readonly CoordinatorRole[] = ['coordinator', 'co-coordinator'];

/** How a state implements a measure it chose (section 3: "bilaterally or multilaterally"). */
export type SelectionMode = 'bilateral' | 'multilateral';
export const SELECTION_MODES: readonly SelectionMode[] = ['bilateral', 'multilateral'];

export type ImplementationStatus = 'planned' | 'in-progress' | 'implemented' | 'not-implemented';
export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = ['planned', 'in-progress', 'implemented', 'not-implemented'];

interface CatalogueEventBase<T extends string, D> {
  readonly type: T;
  readonly at: string;
  readonly actor: Actor;
  readonly data: D;
}

interface CoordinatorStep {
  /** A priority area's id (an implicit area's for a dimension without areas, or a listed area's). */
  readonly areaId: string;
  /** ISO 3166-1 alpha-3 of the member state. */
  readonly state: string;
  /** The day the step was taken, YYYY-MM-DD. */
  readonly date: string;
  /** Where it was decided or recorded: "SOC meeting of 12 October 2021", "note verbale No. 17-1/298". */
  readonly note?: string | null;
}

export type CoordinatorVolunteered = CatalogueEventBase<'coordinator.volunteered', CoordinatorStep & { readonly role: CoordinatorRole }>;
/** The SWG recommends a volunteer to the SOC. */
export type CoordinatorRecommended = CatalogueEventBase<'coordinator.recommended', CoordinatorStep>;
/** The SOC approves a recommended volunteer: from then on the state holds the role. */
export type CoordinatorApproved = CatalogueEventBase<'coordinator.approved', CoordinatorStep>;
/** The SOC does not approve a recommended volunteer. */
export type CoordinatorRejected = CatalogueEventBase<'coordinator.rejected', CoordinatorStep>;
/** A state withdraws its candidacy, or leaves the role it held. */
export type CoordinatorWithdrawn = CatalogueEventBase<'coordinator.withdrawn', CoordinatorStep>;

/**
 * A priority area that the coordinators' list names but the negotiated text does not (or not
 * yet): it can be coordinated and is reported as such, until the text has a heading for it.
 */
export type AreaListed = CatalogueEventBase<
  'area.listed',
  {
    readonly areaId: string;
    /** The catalogue dimension it belongs to, when the list's dimension was found in the text. */
    readonly dimensionId: string | null;
    /** As the list writes them. */
    readonly dimension: string;
    readonly title: string;
  }
>;

export type MeasureSelected = CatalogueEventBase<
  'measure.selected',
  {
    /** The measure's provision id. */
    readonly measureId: string;
    readonly state: string;
    readonly mode: SelectionMode;
    /** Bilateral: the partner states (at least one). Multilateral: none. */
    readonly partners: readonly string[];
  }
>;

export type MeasureWithdrawn = CatalogueEventBase<'measure.withdrawn', { readonly measureId: string; readonly state: string }>;

export type ImplementationReported = CatalogueEventBase<
  'implementation.reported',
  {
    readonly measureId: string;
    readonly state: string;
    /** "2021", "2021-H1", "2021-Q3". A later report for the same state, measure and period replaces the earlier one. */
    readonly period: string;
    readonly status: ImplementationStatus;
    readonly text: string;
  }
>;

export type CatalogueEvent =
  | CoordinatorVolunteered
  | CoordinatorRecommended
  | CoordinatorApproved
  | CoordinatorRejected
  | CoordinatorWithdrawn
  | AreaListed
  | MeasureSelected
  | MeasureWithdrawn
  | ImplementationReported;

export type CatalogueEventType = CatalogueEvent['type'];

export const CATALOGUE_EVENT_TYPES: readonly CatalogueEventType[] = [
  'coordinator.volunteered',
  'coordinator.recommended',
  'coordinator.approved',
  'coordinator.rejected',
  'coordinator.withdrawn',
  'area.listed',
  'measure.selected',
  'measure.withdrawn',
  'implementation.reported',
];
