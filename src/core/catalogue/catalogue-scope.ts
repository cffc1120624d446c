/**
 * What a new catalogue event is checked against besides the log itself: the organisation's
 * member states and the areas and measures of the catalogue as it now stands.
 *
 * A log is replayed without a scope (`null`): each event was checked against the scope of its
 * day when it was appended, and a later change — a heading dropped by consensus, a state that
 * left — must not make yesterday's log unreadable. The views report what no longer fits.
 */
import { allAreas, allMeasures, type Catalogue } from './catalogue.ts';

export interface CatalogueScope {
  /** ISO 3166-1 alpha-3 codes of the member states. */
  readonly members: ReadonlySet<string>;
  /** Area id → title, implicit areas included (listed areas are in the log itself). */
  readonly areas: ReadonlyMap<string, string>;
  /** Measure id → its number, to name it in messages. */
  readonly measures: ReadonlyMap<string, string>;
}

export function catalogueScope(catalogue: Catalogue, members: Iterable<string>): CatalogueScope {
  return {
    members: new Set(members),
    areas: new Map(allAreas(catalogue).map((area) => [area.id, area.title])),
    measures: new Map(allMeasures(catalogue).map((measure) => [measure.id, measure.label])),
  };
}
