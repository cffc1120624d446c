/** The catalogue in use over HTTP: the catalogue, coordination, selections and the review. */
import type { z } from 'zod';
import type { CatalogueHitView, CatalogueView, CoordinationResult, ReviewMatrixView, SelectionsView } from '../../protocol/catalogue.ts';
import { request } from '../api.ts';

export type CatalogueBody = z.infer<typeof CatalogueView>;
export type MeasureBody = CatalogueBody['dimensions'][number]['unassigned'][number];
export type CoordinationBody = z.infer<typeof CoordinationResult>;
export type AreaCoordinationBody = CoordinationBody['gaps'][number];
export type SelectionsBody = z.infer<typeof SelectionsView>;
export type ReviewBody = z.infer<typeof ReviewMatrixView>;
export type HitBody = z.infer<typeof CatalogueHitView>;
export type CoordinatorDecision = 'recommend' | 'approve' | 'reject';
export type ReportStatus = 'planned' | 'in-progress' | 'implemented' | 'not-implemented';

const org = (organisationId: string): string => `/api/organisations/${encodeURIComponent(organisationId)}`;
const areaUrl = (organisationId: string, areaId: string, action: string): string => `${org(organisationId)}/coordination/areas/${encodeURIComponent(areaId)}/${action}`;
const measureUrl = (organisationId: string, measureId: string): string => `${org(organisationId)}/selections/${encodeURIComponent(measureId)}`;

export const catalogueApi = {
  catalogue: (organisationId: string): Promise<CatalogueBody> => request('GET', `${org(organisationId)}/catalogue`),
  search: (organisationId: string, q: string): Promise<HitBody[]> => request('GET', `${org(organisationId)}/catalogue/search?q=${encodeURIComponent(q)}&limit=30`),
  coordination: (organisationId: string): Promise<CoordinationBody> => request('GET', `${org(organisationId)}/coordination`),
  /** Volunteers the caller's state; the secretariat names the state. */
  volunteer: (organisationId: string, areaId: string, body: { role: 'coordinator' | 'co-coordinator'; date: string; state?: string }): Promise<CoordinationBody> =>
    request('POST', areaUrl(organisationId, areaId, 'volunteer'), body),
  withdrawCandidacy: (organisationId: string, areaId: string, body: { date: string; state?: string }): Promise<CoordinationBody> => request('POST', areaUrl(organisationId, areaId, 'withdraw'), body),
  /** The SWG's recommendation or the SOC's decision, recorded by the secretariat or the chair. */
  decide: (organisationId: string, areaId: string, decision: CoordinatorDecision, body: { state: string; date: string; note?: string }): Promise<CoordinationBody> =>
    request('POST', areaUrl(organisationId, areaId, decision), body),
  selections: (organisationId: string): Promise<SelectionsBody> => request('GET', `${org(organisationId)}/selections`),
  select: (organisationId: string, measureId: string, body: { mode: 'bilateral' | 'multilateral'; partners: string[]; state?: string }): Promise<SelectionsBody> =>
    request('PUT', measureUrl(organisationId, measureId), body),
  withdrawSelection: (organisationId: string, measureId: string, state?: string): Promise<SelectionsBody> =>
    request('POST', `${measureUrl(organisationId, measureId)}/withdraw`, state === undefined ? {} : { state }),
  report: (organisationId: string, measureId: string, body: { period: string; status: ReportStatus; text: string; state?: string }): Promise<SelectionsBody> =>
    request('POST', `${measureUrl(organisationId, measureId)}/reports`, body),
  review: (organisationId: string, period: string | null): Promise<ReviewBody> => request('GET', `${org(organisationId)}/review${period ? `?period=${encodeURIComponent(period)}` : ''}`),
  reviewCsvHref: (organisationId: string, period: string | null): string => `${org(organisationId)}/review.csv${period ? `?period=${encodeURIComponent(period)}` : ''}`,
};

/** Today's date at the reader's place, YYYY-MM-DD: the default day of a step being recorded. */
export function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
