/**
 * The catalogue of confidence-building measures as member states use it: dimensions →
 * priority areas → measures. It is never edited by itself: {@link deriveCatalogue} reads it
 * from the negotiated document's current state, so a measure's words are always the
 * negotiated ones and its agreement status is the provision's.
 *
 * Everything is named by provision id (stable for life), never by number: numbers are
 * provisional while the text is negotiated ("2.2.x", a 2.3.3 used twice) and change at adoption.
 */
import type { AgreementStatus } from '../model/provision.ts';

export interface Catalogue {
  /** The document the catalogue was read from, and its version then. */
  readonly documentId: string;
  readonly version: number;
  readonly dimensions: readonly CatalogueDimension[];
  /** What a person should check: numbers used twice, measures outside any priority area, implicit areas. */
  readonly notes: readonly CatalogueNote[];
}

export interface CatalogueDimension {
  /** The provision id of the dimension's heading. */
  readonly id: string;
  readonly provisionId: string;
  /** "2.1". */
  readonly label: string;
  /** "Military-political dimension". */
  readonly title: string;
  readonly areas: readonly PriorityArea[];
  /**
   * Measures placed before the first priority-area heading of a dimension that has such headings:
   * the draft has not said which area they belong to (the seed's "[2.2.x]").
   */
  readonly unassigned: readonly Measure[];
}

export interface PriorityArea {
  /** The heading's provision id; for an implicit area, {@link implicitAreaId} of the dimension. */
  readonly id: string;
  /** Null for an implicit area: no heading names it. */
  readonly provisionId: string | null;
  readonly dimensionId: string;
  readonly title: string;
  /**
   * A dimension without priority-area headings (the seed's military-political and human
   * dimensions) is one implicit area titled like the dimension, so that it can be coordinated,
   * chosen from and reviewed exactly like an area.
   */
  readonly implicit: boolean;
  readonly measures: readonly Measure[];
}

export interface Measure {
  /** The measure's provision id; what selections, reports and links refer to. */
  readonly id: string;
  readonly provisionId: string;
  readonly dimensionId: string;
  /** Null for a measure outside any priority area (see {@link CatalogueDimension.unassigned}). */
  readonly areaId: string | null;
  /** The number as negotiators see it: "2.2.1", "2.2.x", "2.5.12(a)". Not unique while negotiated. */
  readonly label: string;
  /** The agreed text: the provision's words with every open question falling back to the status quo. */
  readonly text: string;
  readonly status: AgreementStatus;
  /** Open proposals on the measure: brackets in its words (nested ones too), and any proposal to add, delete or move it. */
  readonly openBrackets: number;
  /** Words put forward in those brackets (not part of the agreed text), so that search finds them too. */
  readonly proposedWords: readonly string[];
  /**
   * Its number is not final: a placeholder ("2.2.x"), a sub-number ("2.5.12(a)"), a number in
   * brackets, or the paragraph exists only because an open proposal puts it forward.
   */
  readonly provisional: boolean;
  /** The open proposal that puts the measure forward, and whose it is; null for text in the status quo. */
  readonly proposedBy: { readonly proposalId: string; readonly proponent: string | null } | null;
  /** Measures standing against this one in an open option set (the draft's "OR"). */
  readonly alternatives: readonly string[];
  /** Its lettered sub-items ("2.1.1 c)"), which are parts of the measure, chosen with it. */
  readonly parts: readonly SubMeasure[];
}

export interface SubMeasure {
  readonly id: string;
  readonly provisionId: string;
  readonly measureId: string;
  /** "c". */
  readonly label: string;
  /** "2.1.1 c)", as the information exchange cites it as its legal basis. */
  readonly fullLabel: string;
  readonly text: string;
  readonly status: AgreementStatus;
  readonly openBrackets: number;
  readonly proposedWords: readonly string[];
}

export type CatalogueNoteCode = 'IMPLICIT_AREA' | 'OUTSIDE_AREA' | 'DUPLICATE_NUMBER' | 'STRAY_ITEM';

export interface CatalogueNote {
  readonly code: CatalogueNoteCode;
  readonly provisionId: string;
  readonly message: string;
}

/** The id of the one implicit area of a dimension without priority-area headings. */
export function implicitAreaId(dimensionId: string): string {
  return `${dimensionId}:area`;
}

/** Every area of the catalogue, implicit ones included, in document order. */
export function allAreas(catalogue: Catalogue): PriorityArea[] {
  return catalogue.dimensions.flatMap((dimension) => dimension.areas);
}

/** Every measure of the catalogue in document order, unassigned ones included. */
export function allMeasures(catalogue: Catalogue): Measure[] {
  return catalogue.dimensions.flatMap((dimension) => [...dimension.unassigned, ...dimension.areas.flatMap((area) => area.measures)]);
}
