import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  catalogueScope,
  coordinationOf,
  deriveCatalogue,
  foldCatalogue,
  reviewMatrix,
  searchCatalogue,
  seedCoordinators,
  type CatalogueEvent,
} from '../core/index.ts';
import { CICA_REGISTRY, MEMBERS, reported, seedState, selected } from '../../test/support/catalogue.ts';
import {
  CatalogueEventSchema,
  CatalogueHitView,
  CatalogueSearchQuery,
  CatalogueView,
  CoordinationView,
  ReportBody,
  ReviewMatrixView,
  ReviewQuery,
  SelectMeasureBody,
  VolunteerBody,
} from './catalogue.ts';

// A parsed event is a core event: the server hands what it validated straight to src/core.
type Assignable<A, B> = [A] extends [B] ? true : false;
const parsedEventIsCoreEvent: Assignable<z.infer<typeof CatalogueEventSchema>, CatalogueEvent> = true;

const state = seedState();
const catalogue = deriveCatalogue(state);
const seed = seedCoordinators(state, catalogue, { registry: CICA_REGISTRY, at: '2021-05-28T06:00:00.000Z', date: '2021-05-28', members: MEMBERS })!;
const measureId = catalogue.dimensions[0]!.areas[0]!.measures[1]!.id;
const events: CatalogueEvent[] = [
  ...seed.events,
  selected(measureId, 'KAZ', '2021-06-01T00:00:00.000Z', ['CHN']),
  reported(measureId, 'KAZ', '2021-H1', 'implemented', 'Done.', '2021-07-01T00:00:00.000Z'),
];
const log = foldCatalogue(events, catalogueScope(catalogue, MEMBERS));

/** Parsing keeps every field: a field core adds and the schema lacks would be stripped, and the comparison would fail. */
function roundTrips(schema: z.ZodType, value: unknown): void {
  const plain: unknown = JSON.parse(JSON.stringify(value));
  expect(schema.parse(plain)).toEqual(plain);
}

describe('the catalogue wire schemas', () => {
  it('accept every event core makes, field for field', () => {
    expect(parsedEventIsCoreEvent).toBe(true);
    for (const event of events) roundTrips(CatalogueEventSchema, event);
    roundTrips(CatalogueEventSchema, { type: 'area.listed', at: 'x', actor: { user: 'u', delegation: null, role: 'secretariat' }, data: { areaId: 'list:3.9', dimensionId: null, dimension: 'Economic', title: 'Blue economy' } });
  });

  it('describe every view core makes, field for field', () => {
    roundTrips(CatalogueView, catalogue);
    for (const hit of searchCatalogue(catalogue, 'information')) roundTrips(CatalogueHitView, hit);
    roundTrips(CoordinationView, coordinationOf(catalogue, log));
    roundTrips(ReviewMatrixView, reviewMatrix(catalogue, log, { members: MEMBERS, period: '2021' }));
  });

  it('refuse malformed events and bodies with a reason', () => {
    const bad = { ...seed.events[0]!, data: { ...seed.events[0]!.data, date: '28 May 2021' } };
    expect(CatalogueEventSchema.safeParse(bad).error?.issues[0]?.message).toBe('a date written YYYY-MM-DD');
    expect(CatalogueEventSchema.safeParse({ ...bad, type: 'coordinator.elected' }).success).toBe(false);
    expect(VolunteerBody.safeParse({ role: 'chair', date: '2021-06-02' }).success).toBe(false);
    expect(VolunteerBody.parse({ role: 'co-coordinator', date: '2021-06-02' })).toEqual({ role: 'co-coordinator', date: '2021-06-02' });
    expect(SelectMeasureBody.safeParse({ mode: 'bilateral' }).error?.issues[0]?.message).toBe('A bilateral selection names its partner states; a multilateral one names none');
    expect(SelectMeasureBody.parse({ mode: 'multilateral' })).toEqual({ mode: 'multilateral', partners: [] });
    expect(ReportBody.safeParse({ period: '2021-H3', status: 'planned', text: '' }).error?.issues[0]?.message).toBe('a year (2021), a half (2021-H1) or a quarter (2021-Q3)');
  });

  it('read queries as the API receives them', () => {
    expect(CatalogueSearchQuery.parse({ q: 'energy', kinds: 'area,measure' })).toEqual({ q: 'energy', limit: 50, kinds: ['area', 'measure'], proposed: 'true' });
    expect(CatalogueSearchQuery.safeParse({ q: 'energy', kinds: 'area,paragraph' }).success).toBe(false);
    expect(ReviewQuery.parse({ period: '2021-Q3' })).toEqual({ period: '2021-Q3', format: 'json' });
  });
});
