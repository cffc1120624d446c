/**
 * The web app's only way to the server: JSON over HTTP with the session cookie and, for
 * requests that change data, the CSRF token the server gave at sign-in. Errors come back
 * as {@link ApiError} carrying the server's RFC 9457 problem, whose message a person can act on.
 */
import type { DocumentDetail, DocumentSummary, EventPage, Me, Organisation, StatementBody } from '../protocol/schemas.ts';
import type { ParleyEvent } from '../core/index.ts';
import type { z } from 'zod';

export type MeBody = z.infer<typeof Me>;
export type DocumentSummaryBody = z.infer<typeof DocumentSummary>;
type EventPageBody = z.infer<typeof EventPage>;
export type OrganisationBody = z.infer<typeof Organisation>;
export type StatementInput = Omit<z.infer<typeof StatementBody>, 'expectedVersion' | 'by'>;
/** A paragraph put forward after a provision, or as an alternative to it. */
export interface ParagraphInput {
  readonly kind: 'heading' | 'paragraph' | 'sub-item' | 'preamble';
  readonly label: string | null;
  readonly text: string;
  readonly after?: string;
  readonly alternativeTo?: string;
}

export interface Problem {
  readonly status: number;
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

let csrfToken: string | null = null;

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) throw new ApiError({ status: response.status, ...(typeof parsed === 'object' && parsed !== null ? (parsed as Omit<Problem, 'status'>) : {}) });
  return parsed as T;
}

function remember(me: MeBody): MeBody {
  csrfToken = me.csrfToken;
  return me;
}

export const api = {
  async me(): Promise<MeBody | null> {
    try {
      return remember(await request<MeBody>('GET', '/api/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 401) return null;
      throw error;
    }
  },
  login: async (username: string, password: string): Promise<MeBody> => remember(await request<MeBody>('POST', '/api/auth/login', { username, password })),
  secondFactor: async (code: string): Promise<MeBody> => remember(await request<MeBody>('POST', '/api/auth/second-factor', { code })),
  async logout(): Promise<void> {
    await request<void>('POST', '/api/auth/logout');
    csrfToken = null;
  },
  documents: (organisationId: string): Promise<DocumentSummaryBody[]> =>
    request('GET', `/api/organisations/${encodeURIComponent(organisationId)}/documents`),
  /** Events after `after`, every page. */
  async events(documentId: string, after: number): Promise<ParleyEvent[]> {
    const events: ParleyEvent[] = [];
    let from: number | null = after;
    while (from !== null) {
      const page: EventPageBody = await request('GET', `/api/documents/${encodeURIComponent(documentId)}/events?after=${from}&limit=1000`);
      for (const e of page.events) events.push(e.event as unknown as ParleyEvent);
      from = page.next;
    }
    return events;
  },
  takePosition: (documentId: string, proposalId: string, delegation: string, stance: 'supports' | 'objects' | 'reserves', reason: string | null): Promise<unknown> =>
    request('PUT', `/api/documents/${encodeURIComponent(documentId)}/proposals/${encodeURIComponent(proposalId)}/positions/${encodeURIComponent(delegation)}`, { stance, reason }),
  withdrawPosition: (documentId: string, proposalId: string, delegation: string): Promise<unknown> =>
    request('DELETE', `/api/documents/${encodeURIComponent(documentId)}/proposals/${encodeURIComponent(proposalId)}/positions/${encodeURIComponent(delegation)}`),
  withdrawProposal: (documentId: string, proposalId: string): Promise<unknown> =>
    request('POST', `/api/documents/${encodeURIComponent(documentId)}/proposals/${encodeURIComponent(proposalId)}/withdraw`, {}),
  declareConsensus: (documentId: string, proposalId: string, outcome: 'accept' | 'drop'): Promise<unknown> =>
    request('POST', `/api/documents/${encodeURIComponent(documentId)}/proposals/${encodeURIComponent(proposalId)}/consensus`, { outcome }),
  /** A text proposal; the chair's goes to the chair's route and has no delegation. */
  propose: (documentId: string, asChair: boolean, body: { kind: 'insert' | 'delete' | 'replace'; anchor: { provisionId: string; parent: string | null; start: number; end: number }; text: string | null }): Promise<unknown> =>
    request('POST', `/api/documents/${encodeURIComponent(documentId)}/${asChair ? 'chair/proposals' : 'proposals'}`, body),
  issueRevision: (documentId: string): Promise<unknown> => request('POST', `/api/documents/${encodeURIComponent(documentId)}/revisions`, {}),
  document: (documentId: string): Promise<z.infer<typeof DocumentDetail>> => request('GET', `/api/documents/${encodeURIComponent(documentId)}`),
  organisation: (organisationId: string): Promise<OrganisationBody> => request('GET', `/api/organisations/${encodeURIComponent(organisationId)}`),
  /** A statement for the user's delegation, or the chair's (the server decides whose from the role). */
  addStatement: (documentId: string, body: StatementInput): Promise<unknown> => request('POST', `/api/documents/${encodeURIComponent(documentId)}/statements`, body),
  agreeProvision: (documentId: string, provisionId: string, status: 'agreed-ad-ref' | 'adopted'): Promise<unknown> =>
    request('POST', `/api/documents/${encodeURIComponent(documentId)}/provisions/${encodeURIComponent(provisionId)}/agreement`, { status }),
  /** A new paragraph; the chair's goes to the chair's route and has no delegation. */
  proposeParagraph: (documentId: string, asChair: boolean, paragraph: ParagraphInput): Promise<unknown> =>
    request('POST', `/api/documents/${encodeURIComponent(documentId)}/${asChair ? 'chair/proposals' : 'proposals'}`, {
      kind: 'new-provision',
      provisions: [{ kind: paragraph.kind, label: paragraph.label, text: paragraph.text }],
      ...(paragraph.after === undefined ? {} : { after: paragraph.after }),
      ...(paragraph.alternativeTo === undefined ? {} : { alternativeTo: paragraph.alternativeTo }),
    }),
};
