/**
 * `coordinationOf` shows who coordinates what: for each dimension and priority area the
 * coordinator and co-coordinators in office, the volunteers awaiting the SWG or the SOC, and
 * the gaps — areas with no coordinator in office. Areas only the coordinators' list names are
 * shown with their dimension and reported apart; candidacies for an area that is in neither the
 * catalogue nor the list any more (its heading was dropped) are reported, never lost.
 */
import type { Catalogue, PriorityArea } from './catalogue.ts';
import type { CoordinatorRole } from './catalogue-event.ts';
import type { Candidacy, CatalogueState, ListedArea } from './catalogue-state.ts';

export interface Holder {
  readonly state: string;
  /** The day the SOC approved it. */
  readonly since: string;
}

export interface PendingCandidate {
  readonly state: string;
  readonly role: CoordinatorRole;
  /** Volunteered: awaits the SWG. Recommended: awaits the SOC. */
  readonly stage: 'volunteered' | 'recommended';
  readonly since: string;
}

export interface AreaCoordination {
  readonly areaId: string;
  readonly dimensionId: string | null;
  readonly title: string;
  readonly implicit: boolean;
  /** Named by the coordinators' list, not by the text. */
  readonly listOnly: boolean;
  readonly coordinator: Holder | null;
  readonly coCoordinators: readonly Holder[];
  readonly pending: readonly PendingCandidate[];
  /** No coordinator in office. */
  readonly gap: boolean;
}

export interface DimensionCoordination {
  readonly dimensionId: string;
  readonly label: string;
  readonly title: string;
  /** The catalogue's areas in document order, then the listed areas of this dimension. */
  readonly areas: readonly AreaCoordination[];
}

export interface Coordination {
  readonly dimensions: readonly DimensionCoordination[];
  /** Every listed area, those whose dimension is not in the text included. */
  readonly listOnly: readonly AreaCoordination[];
  /** Every area without a coordinator in office, in the order shown. */
  readonly gaps: readonly AreaCoordination[];
  /** Area ids with candidacies that neither the catalogue nor the list knows. */
  readonly unknownAreas: readonly string[];
}

export function coordinationOf(catalogue: Catalogue, state: CatalogueState): Coordination {
  const listed = [...state.listedAreas.values()];
  const dimensions = catalogue.dimensions.map(
    (dimension): DimensionCoordination => ({
      dimensionId: dimension.id,
      label: dimension.label,
      title: dimension.title,
      areas: [
        ...dimension.areas.map((area) => ofCatalogueArea(area, state)),
        ...listed.filter((area) => area.dimensionId === dimension.id).map((area) => ofListedArea(area, state)),
      ],
    }),
  );
  const listOnly = listed.map((area) => ofListedArea(area, state));
  const shown = [...dimensions.flatMap((d) => d.areas), ...listOnly.filter((area) => !dimensions.some((d) => d.dimensionId === area.dimensionId))];
  const known = new Set(shown.map((area) => area.areaId));
  const unknownAreas = [...state.candidacies.keys()].filter((id) => !known.has(id));
  return { dimensions, listOnly, gaps: shown.filter((area) => area.gap), unknownAreas };
}

function ofCatalogueArea(area: PriorityArea, state: CatalogueState): AreaCoordination {
  return summarize(area.id, area.dimensionId, area.title, area.implicit, false, state.candidacies.get(area.id) ?? []);
}

function ofListedArea(area: ListedArea, state: CatalogueState): AreaCoordination {
  return summarize(area.id, area.dimensionId, area.title, false, true, state.candidacies.get(area.id) ?? []);
}

function summarize(areaId: string, dimensionId: string | null, title: string, implicit: boolean, listOnly: boolean, candidacies: readonly Candidacy[]): AreaCoordination {
  const inOffice = candidacies.filter((c) => c.stage === 'approved');
  const holder = (c: Candidacy): Holder => ({ state: c.state, since: c.steps.at(-1)?.date ?? '' });
  const coordinator = inOffice.find((c) => c.role === 'coordinator');
  const pending = candidacies.flatMap((c): PendingCandidate[] =>
    c.stage === 'volunteered' || c.stage === 'recommended' ? [{ state: c.state, role: c.role, stage: c.stage, since: c.steps.at(-1)?.date ?? '' }] : [],
  );
  return {
    areaId,
    dimensionId,
    title,
    implicit,
    listOnly,
    coordinator: coordinator ? holder(coordinator) : null,
    coCoordinators: inOffice.filter((c) => c.role === 'co-coordinator').map(holder),
    pending,
    gap: coordinator === undefined,
  };
}
