/**
 * The web app's only way to the server: JSON over HTTP with the session cookie and, for
 * requests that change data, the CSRF token the server gave at sign-in. Errors come back
 * as {@link ApiError} carrying the server's RFC 9457 problem, whose message a person can act on.
 */
import type { DelegationView, DocumentDetail, DocumentSummary, DraftPreview, DraftPreviewBody, DraftView, Enrolment, EventPage, Me, MeetingState, NewDocument, Organisation, StatementBody } from '../protocol/schemas.ts';
import type { ParleyEvent, StateTransfer } from '../core/index.ts';
import type { z } from 'zod';
import { sendWithProgress, type TransferProgress } from './upload-request.ts';

export type MeBody = z.infer<typeof Me>;
export type DocumentSummaryBody = z.infer<typeof DocumentSummary>;
export type DraftPreviewResult = z.infer<typeof DraftPreview>;
export type DraftRequest = z.infer<typeof DraftPreviewBody>;
export type EnrolmentBody = z.infer<typeof Enrolment>;
type EventPageBody = z.infer<typeof EventPage>;
export type DelegationBody = z.infer<typeof DelegationView>;
export type { MeetingState };
type TextProposal = { kind: 'insert' | 'delete' | 'replace'; anchor: { provisionId: string; parent: string | null; start: number; end: number }; text: string | null };

const meetingUrl = (documentId: string, action = ''): string => `/api/documents/${encodeURIComponent(documentId)}/meeting${action === '' ? '' : `/${action}`}`;
export type DraftViewBody = z.infer<typeof DraftView>;
type Anchor = { provisionId: string; parent: string | null; start: number; end: number };
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

function headersFor(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  return headers;
}

function answer<T>(status: number, parsed: unknown): T {
  if (status < 200 || status >= 300) throw new ApiError({ status, ...(typeof parsed === 'object' && parsed !== null ? (parsed as Omit<Problem, 'status'>) : {}) });
  return parsed as T;
}

/** One JSON request; feature modules (catalogue-api.ts) build their calls on it. */
export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers = headersFor(method, body !== undefined);
  const response = await fetch(url, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return answer<T>(response.status, text === '' ? null : JSON.parse(text));
}

/** A request with a JSON body already encoded (its size checked by the caller), whose upload is reported. */
async function requestWithProgress<T>(method: string, url: string, body: Blob, onProgress: (progress: TransferProgress) => void): Promise<T> {
  const { status, body: parsed } = await sendWithProgress(method, url, body, headersFor(method, true), onProgress);
  return answer<T>(status, parsed);
}

/** A draft as the JSON body the server receives: its size in bytes is what the body limit counts. */
export function encodeDraft(draft: DraftRequest): Blob {
  return new Blob([JSON.stringify(draft)], { type: 'application/json' });
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
  /** A new TOTP secret for this user, replacing any not yet confirmed; confirmed with {@link api.secondFactor}. */
  enrolSecondFactor: (): Promise<EnrolmentBody> => request('POST', '/api/auth/second-factor/enrol'),
  async logout(): Promise<void> {
    await request<void>('POST', '/api/auth/logout');
    csrfToken = null;
  },
  documents: (organisationId: string): Promise<DocumentSummaryBody[]> =>
    request('GET', `/api/organisations/${encodeURIComponent(organisationId)}/documents`),
  /** The folded state, to start from instead of replaying the whole log. */
  state: (documentId: string): Promise<StateTransfer> => request('GET', `/api/documents/${encodeURIComponent(documentId)}/state`),
  /** Reads a draft as an import would, saving nothing: counts and warnings with their lines. */
  previewDraft: (organisationId: string, body: Blob, onProgress: (progress: TransferProgress) => void): Promise<DraftPreviewResult> =>
    requestWithProgress('POST', `/api/organisations/${encodeURIComponent(organisationId)}/documents/preview`, body, onProgress),
  importDraft: (organisationId: string, body: Blob, onProgress: (progress: TransferProgress) => void): Promise<z.infer<typeof NewDocument>> =>
    requestWithProgress('POST', `/api/organisations/${encodeURIComponent(organisationId)}/documents`, body, onProgress),
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
  propose: (documentId: string, asChair: boolean, body: TextProposal): Promise<unknown> =>
    request('POST', `/api/documents/${encodeURIComponent(documentId)}/${asChair ? 'chair/proposals' : 'proposals'}`, body),
  delegations: (organisationId: string): Promise<DelegationBody[]> => request('GET', `/api/organisations/${encodeURIComponent(organisationId)}/delegations`),
  startMeeting: (documentId: string, provisionId: string | null): Promise<MeetingState> => request('POST', meetingUrl(documentId, 'start'), { provisionId }),
  endMeeting: (documentId: string): Promise<MeetingState> => request('POST', meetingUrl(documentId, 'end'), {}),
  focusMeeting: (documentId: string, provisionId: string | null): Promise<MeetingState> => request('PUT', meetingUrl(documentId, 'focus'), { provisionId }),
  giveFloor: (documentId: string, delegation: string | null): Promise<MeetingState> => request('PUT', meetingUrl(documentId, 'floor'), { delegation }),
  /** The chair records what the delegation that has the floor proposes orally. */
  oralProposal: (documentId: string, delegation: string, body: TextProposal): Promise<unknown> => request('POST', meetingUrl(documentId, 'proposals'), { ...body, delegation }),
  issueRevision: (documentId: string): Promise<unknown> => request('POST', `/api/documents/${encodeURIComponent(documentId)}/revisions`, {}),
  document: (documentId: string): Promise<z.infer<typeof DocumentDetail>> => request('GET', `/api/documents/${encodeURIComponent(documentId)}`),
  /** The open drafts the caller's delegation can see: its own and those shared with it. */
  drafts: (documentId: string): Promise<DraftViewBody[]> => request('GET', `${draftsOf(documentId)}?status=draft`),
  createDraft: (documentId: string, proposal: { kind: 'insert' | 'delete' | 'replace'; anchor: Anchor; text: string | null }): Promise<DraftViewBody> =>
    request('POST', draftsOf(documentId), { proposal }),
  editDraft: (documentId: string, draftId: string, changes: { text?: string; note?: string }, expectedRevision: number): Promise<DraftViewBody> =>
    request('PATCH', `${draftsOf(documentId)}/${encodeURIComponent(draftId)}`, { ...changes, expectedRevision }),
  shareDraft: (documentId: string, draftId: string, delegation: string): Promise<DraftViewBody> =>
    request('PUT', `${draftsOf(documentId)}/${encodeURIComponent(draftId)}/shares/${encodeURIComponent(delegation)}`),
  unshareDraft: (documentId: string, draftId: string, delegation: string): Promise<DraftViewBody> =>
    request('DELETE', `${draftsOf(documentId)}/${encodeURIComponent(draftId)}/shares/${encodeURIComponent(delegation)}`),
  tableDraft: (documentId: string, draftId: string, expectedRevision: number): Promise<unknown> =>
    request('POST', `${draftsOf(documentId)}/${encodeURIComponent(draftId)}/table`, { expectedRevision }),
  discardDraft: (documentId: string, draftId: string, expectedRevision: number): Promise<DraftViewBody> =>
    request('POST', `${draftsOf(documentId)}/${encodeURIComponent(draftId)}/discard`, { expectedRevision }),
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

function draftsOf(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/drafts`;
}

/** A failed request's message as the server wrote it (RFC 9457 detail), for a person to act on. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
