/**
 * The catalogue in use: dimensions, priority areas and measures read from the negotiated
 * document; coordinators, selections and implementation reports as events in a log of their
 * own; the coordination and review views made from both.
 */
export { allAreas, allMeasures, implicitAreaId } from './catalogue.ts';
export type { Catalogue, CatalogueDimension, CatalogueNote, CatalogueNoteCode, Measure, PriorityArea, SubMeasure } from './catalogue.ts';
export { deriveCatalogue } from './derive-catalogue.ts';
export { searchCatalogue, type CatalogueHit, type CatalogueHitField, type CatalogueHitKind, type SearchOptions } from './search-catalogue.ts';
export {
  readCoordinatorsList,
  type CoordinatorsList,
  type CoordinatorsListRow,
  type ListedName,
  type ListProblem,
  type ListProblemCode,
} from './coordinators-list.ts';
export { matchListToCatalogue, type AreaMatch, type AreaMatchRule } from './area-matching.ts';
export { seedCoordinators, type CoordinatorSeed, type CoordinatorSeedOptions, type SeedProblem, type SeedProblemCode } from './seed-coordinators.ts';
export {
  CATALOGUE_EVENT_TYPES,
  COORDINATOR_ROLES,
  IMPLEMENTATION_STATUSES,
  SELECTION_MODES,
  type AreaListed,
  type CatalogueEvent,
  type CatalogueEventType,
  type CoordinatorApproved,
  type CoordinatorRecommended,
  type CoordinatorRejected,
  type CoordinatorRole,
  type CoordinatorVolunteered,
  type CoordinatorWithdrawn,
  type ImplementationReported,
  type ImplementationStatus,
  type MeasureSelected,
  type MeasureWithdrawn,
  type SelectionMode,
} from './catalogue-event.ts';
export {
  emptyCatalogueState,
  liveCandidacy,
  type Candidacy,
  type CandidacyStage,
  type CandidacyStep,
  type CatalogueState,
  type ImplementationReport,
  type ListedArea,
  type ReportVersion,
  type Selection,
  type SelectionSpan,
} from './catalogue-state.ts';
export { catalogueScope, type CatalogueScope } from './catalogue-scope.ts';
export { CatalogueEventRejected, type CatalogueRejection, type CatalogueRejectionCode } from './catalogue-rejection.ts';
export { applyCatalogueEvent, checkCatalogueEvent, foldCatalogue, tryApplyCatalogueEvent, type CatalogueApplyResult } from './apply-catalogue-event.ts';
export { coordinationOf, type AreaCoordination, type Coordination, type DimensionCoordination, type Holder, type PendingCandidate } from './coordination.ts';
export { parsePeriod, type Period } from './period.ts';
export {
  reviewMatrix,
  type CellStatus,
  type Participation,
  type ReviewCell,
  type ReviewMatrix,
  type ReviewMeasure,
  type ReviewOptions,
  type TrendPoint,
} from './review-matrix.ts';
export { csvField, reviewCsv, type ReviewCsvOptions } from './review-csv.ts';
