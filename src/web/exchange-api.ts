/** The information exchange over HTTP (routes/exchange*.ts on the server), with the session cookie and CSRF header of api.ts. */
import type { z } from 'zod';
import type {
  ConsentView,
  ContingentPermissionBody,
  DisseminationPolicySchema,
  ExchangeCountsView,
  ExchangeDutiesView,
  NewSubmissionBody,
  ReadLogView,
  SubmissionListView,
  SubmissionView,
  WhyView,
  WideningSchema,
} from '../protocol/exchange.ts';
import { request } from './api.ts';

export type SubmissionList = z.infer<typeof SubmissionListView>;
export type SubmissionHit = SubmissionList['submissions'][number];
export type SubmissionRead = z.infer<typeof SubmissionView>;
export type ExchangeCounts = z.infer<typeof ExchangeCountsView>;
export type ReadLog = z.infer<typeof ReadLogView>;
export type Why = z.infer<typeof WhyView>;
export type Consent = z.infer<typeof ConsentView>;
export type Widening = z.infer<typeof WideningSchema>;
export type NewSubmission = z.input<typeof NewSubmissionBody>;
export type Duties = z.infer<typeof ExchangeDutiesView>;
export type DisseminationPolicy = z.infer<typeof DisseminationPolicySchema>;
export type ContingentPermission = z.infer<typeof ContingentPermissionBody>;

const base = (organisationId: string): string => `/api/organisations/${encodeURIComponent(organisationId)}/exchange`;
const one = (organisationId: string, id: string): string => `${base(organisationId)}/submissions/${encodeURIComponent(id)}`;

export const exchangeApi = {
  list: (organisationId: string, text: string): Promise<SubmissionList> =>
    request('GET', `${base(organisationId)}/submissions${text.trim() === '' ? '' : `?text=${encodeURIComponent(text.trim())}`}`),
  counts: (organisationId: string): Promise<ExchangeCounts> => request('GET', `${base(organisationId)}/counts`),
  send: (organisationId: string, submission: NewSubmission): Promise<{ id: string; registryNumber: string }> => request('POST', `${base(organisationId)}/submissions`, submission),
  read: (organisationId: string, id: string): Promise<SubmissionRead> => request('GET', one(organisationId, id)),
  reads: (organisationId: string, id: string): Promise<ReadLog> => request('GET', `${one(organisationId, id)}/reads`),
  why: (organisationId: string, id: string): Promise<Why> => request('GET', `${one(organisationId, id)}/why`),
  consent: (organisationId: string, id: string): Promise<Consent> => request('GET', `${one(organisationId, id)}/consent`),
  requestConsent: (organisationId: string, id: string, widening: Widening, reason: string | null): Promise<unknown> =>
    request('POST', `${one(organisationId, id)}/consent-requests`, { widening, reason }),
  grant: (organisationId: string, id: string, widening: Widening, inAnswerTo: string | null, until: string | null = null): Promise<unknown> =>
    request('POST', `${one(organisationId, id)}/grants`, { widening, inAnswerTo, until }),
  refuse: (organisationId: string, requestId: string, reason: string | null = null): Promise<unknown> =>
    request('POST', `${base(organisationId)}/consent-requests/${encodeURIComponent(requestId)}/refusal`, { reason }),
  revoke: (organisationId: string, id: string, grantId: string): Promise<unknown> =>
    request('POST', `${one(organisationId, id)}/grants/${encodeURIComponent(grantId)}/revocation`, { reason: null }),
  disseminate: (organisationId: string, id: string, to: string[]): Promise<unknown> => request('POST', `${one(organisationId, id)}/disseminations`, { to }),
  duties: (organisationId: string): Promise<Duties> => request('GET', `${base(organisationId)}/duties`),
  permit: (organisationId: string, permission: ContingentPermission): Promise<unknown> => request('POST', `${base(organisationId)}/contingent-permissions`, permission),
  withdrawPermission: (organisationId: string, permissionId: string, reason: string | null): Promise<unknown> =>
    request('POST', `${base(organisationId)}/contingent-permissions/${encodeURIComponent(permissionId)}/withdraw`, { reason }),
  checkContact: (organisationId: string, id: string): Promise<unknown> => request('POST', `${one(organisationId, id)}/contact-checks`),
  confirmContact: (organisationId: string, checkId: string): Promise<unknown> =>
    request('POST', `${base(organisationId)}/contact-checks/${encodeURIComponent(checkId)}/confirmation`),
  liveUrl: (organisationId: string): string => `${base(organisationId)}/live`,
};
