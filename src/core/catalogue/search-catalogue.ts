/**
 * `searchCatalogue` finds dimensions, priority areas, measures and their sub-items by their
 * words and numbers. Case, diacritics and typographic quotes and dashes are ignored
 * ("SÉCURITÉ" finds "securite", "CV’s" finds "CV's"); spelling is not ("defence" does not find
 * "defense").
 *
 * Every word of the query must be found. A measure matches on its own words (its agreed text,
 * the words proposed in its brackets, its number) and may take some query words from its
 * area's and dimension's titles, so "energy pipeline" finds 2.3.3 under "Energy security".
 * A query word that looks like a number ("2.2", "2.2.1") matches numbers from their start, level
 * by level: "2.2" finds 2.2.1 and 2.2.x but never 2.2.10 for "2.2.1".
 */
import { allMeasures, type Catalogue, type CatalogueDimension, type Measure, type PriorityArea, type SubMeasure } from './catalogue.ts';
import { foldText, foldWithOrigin } from './folded-text.ts';

export type CatalogueHitKind = 'dimension' | 'area' | 'measure' | 'sub-measure';
/** Where the first query word was found: the number, a title, the agreed text, or words still in brackets. */
export type CatalogueHitField = 'label' | 'title' | 'text' | 'proposed';

export interface CatalogueHit {
  readonly kind: CatalogueHitKind;
  readonly id: string;
  readonly provisionId: string | null;
  readonly dimensionId: string;
  readonly areaId: string | null;
  /** The matched item's number as negotiators cite it: "2.3", "2.2.1", "2.1.1 c)"; null for a priority area. */
  readonly label: string | null;
  /** A dimension's or area's title, or the measure's agreed text. */
  readonly title: string;
  readonly field: CatalogueHitField;
  /** The words around the match, with the match at [start, end). */
  readonly excerpt: string;
  readonly start: number;
  readonly end: number;
}

export interface SearchOptions {
  /** At most this many hits (default 50). */
  readonly limit?: number;
  /** Only these kinds (default all). */
  readonly kinds?: readonly CatalogueHitKind[];
  /** Also search words that are still only proposed, in brackets (default true). */
  readonly includeProposed?: boolean;
}

interface Field {
  readonly field: CatalogueHitField;
  readonly text: string;
}

interface Candidate {
  readonly kind: CatalogueHitKind;
  readonly id: string;
  readonly provisionId: string | null;
  readonly dimensionId: string;
  readonly areaId: string | null;
  readonly label: string | null;
  readonly title: string;
  readonly own: readonly Field[];
  /** Titles a query word may also be found in without the item's own words containing it. */
  readonly context: readonly string[];
}

const EXCERPT_RADIUS = 60;
const NUMBER = /^\d+(?:\.[\p{L}\d()]+)*\.?$/u;
const FIELD_RANK: Record<CatalogueHitField, number> = { label: 0, title: 1, text: 2, proposed: 3 };

export function searchCatalogue(catalogue: Catalogue, query: string, options: SearchOptions = {}): CatalogueHit[] {
  const terms = foldText(query).split(' ').filter((term) => term !== '');
  if (terms.length === 0) return [];
  const kinds = new Set(options.kinds ?? ['dimension', 'area', 'measure', 'sub-measure']);
  const includeProposed = options.includeProposed ?? true;
  const hits: { hit: CatalogueHit; order: number }[] = [];
  let order = 0;
  for (const candidate of candidates(catalogue, includeProposed)) {
    order++;
    if (!kinds.has(candidate.kind)) continue;
    const hit = match(candidate, terms);
    if (hit) hits.push({ hit, order });
  }
  hits.sort((a, b) => FIELD_RANK[a.hit.field] - FIELD_RANK[b.hit.field] || a.order - b.order);
  return hits.slice(0, options.limit ?? 50).map((h) => h.hit);
}

function match(candidate: Candidate, terms: readonly string[]): CatalogueHit | null {
  let first: { field: Field; at: number; length: number } | null = null;
  const context = candidate.context.map(foldText);
  for (const term of terms) {
    const found = findInOwn(candidate, term);
    if (found) {
      first ??= found;
      continue;
    }
    if (!context.some((title) => title.includes(term))) return null;
  }
  if (first === null) return null;
  return { ...describe(candidate), field: first.field.field, ...excerptAround(first.field.text, first.at, first.length) };
}

function findInOwn(candidate: Candidate, term: string): { field: Field; at: number; length: number } | null {
  for (const field of candidate.own) {
    if (field.field === 'label') {
      if (NUMBER.test(term) && numberMatches(foldText(field.text), term.replace(/\.$/u, ''))) return { field, at: 0, length: field.text.length };
      continue;
    }
    const { folded, origin } = foldWithOrigin(field.text);
    const at = folded.indexOf(term);
    if (at >= 0) return { field, at: origin[at] ?? 0, length: (origin[at + term.length] ?? field.text.length) - (origin[at] ?? 0) };
  }
  return null;
}

/** "2.2" matches "2.2", "2.2.1", "2.2.x" and "2.2.1 c)"; "2.2.1" does not match "2.2.10". */
function numberMatches(label: string, term: string): boolean {
  return label === term || label.startsWith(`${term}.`) || label.startsWith(`${term}(`) || label.startsWith(`${term} `);
}

function excerptAround(text: string, at: number, length: number): { excerpt: string; start: number; end: number } {
  const from = Math.max(0, at - EXCERPT_RADIUS);
  const to = Math.min(text.length, at + length + EXCERPT_RADIUS);
  const lead = from > 0 ? '…' : '';
  const excerpt = lead + text.slice(from, to) + (to < text.length ? '…' : '');
  return { excerpt, start: at - from + lead.length, end: at - from + lead.length + length };
}

function describe(candidate: Candidate): Omit<CatalogueHit, 'field' | 'excerpt' | 'start' | 'end'> {
  const { kind, id, provisionId, dimensionId, areaId, label, title } = candidate;
  return { kind, id, provisionId, dimensionId, areaId, label, title };
}

function* candidates(catalogue: Catalogue, includeProposed: boolean): Generator<Candidate> {
  const areaTitles = new Map<string, string>();
  for (const dimension of catalogue.dimensions) {
    yield dimensionCandidate(dimension);
    for (const area of dimension.areas) {
      areaTitles.set(area.id, area.title);
      // An implicit area repeats its dimension's title: one hit for it is enough.
      if (!area.implicit) yield areaCandidate(area);
    }
  }
  const dimensionTitles = new Map(catalogue.dimensions.map((d) => [d.id, d.title]));
  for (const measure of allMeasures(catalogue)) {
    const context = [areaTitles.get(measure.areaId ?? '') ?? '', dimensionTitles.get(measure.dimensionId) ?? ''];
    yield measureCandidate(measure, context, includeProposed);
    for (const part of measure.parts) yield partCandidate(part, measure, [measure.text, ...context], includeProposed);
  }
}

function dimensionCandidate(dimension: CatalogueDimension): Candidate {
  return {
    kind: 'dimension',
    id: dimension.id,
    provisionId: dimension.provisionId,
    dimensionId: dimension.id,
    areaId: null,
    label: dimension.label,
    title: dimension.title,
    own: [
      { field: 'label', text: dimension.label },
      { field: 'title', text: dimension.title },
    ],
    context: [],
  };
}

function areaCandidate(area: PriorityArea): Candidate {
  return {
    kind: 'area',
    id: area.id,
    provisionId: area.provisionId,
    dimensionId: area.dimensionId,
    areaId: area.id,
    label: null,
    title: area.title,
    own: [{ field: 'title', text: area.title }],
    context: [],
  };
}

function measureCandidate(measure: Measure, context: readonly string[], includeProposed: boolean): Candidate {
  return {
    kind: 'measure',
    id: measure.id,
    provisionId: measure.provisionId,
    dimensionId: measure.dimensionId,
    areaId: measure.areaId,
    label: measure.label,
    title: measure.text,
    own: [
      { field: 'label', text: measure.label },
      { field: 'text', text: measure.text },
      ...(includeProposed ? measure.proposedWords.map((text): Field => ({ field: 'proposed', text })) : []),
    ],
    context,
  };
}

function partCandidate(part: SubMeasure, measure: Measure, context: readonly string[], includeProposed: boolean): Candidate {
  return {
    kind: 'sub-measure',
    id: part.id,
    provisionId: part.provisionId,
    dimensionId: measure.dimensionId,
    areaId: measure.areaId,
    label: part.fullLabel,
    title: part.text,
    own: [
      { field: 'label', text: part.fullLabel },
      { field: 'text', text: part.text },
      ...(includeProposed ? part.proposedWords.map((text): Field => ({ field: 'proposed', text })) : []),
    ],
    context,
  };
}
