/**
 * A reference model of the consent rule, for the randomized test: written apart from
 * src/core/exchange and as plainly as possible — lists of what happened, and who may see what
 * recomputed from them from scratch at every question. It shares no code with the domain; if
 * the two disagree on one read, search hit, count or notification, the test fails.
 *
 * The rule it models (Catalogue 1.6, 1.7, 2.1.1 c, 2.1.4 c):
 * - a delegate of the providing state, and delegates of the addressed states, see a submission;
 * - a live (unrevoked, unexpired) grant by the provider lets in: the states it names (their
 *   delegates and observers), the secretariat (a secretariat grant, or the envelope's policy),
 *   or everyone (publication);
 * - a state the secretariat disseminated to sees it while some live secretariat grant covers it;
 * - nobody else; personal data is never widened; past its retention nobody reads the body.
 */
import type { Viewer } from '../../src/core/exchange/viewer.ts';

export type ModelWidening =
  | { readonly kind: 'states'; readonly states: readonly string[] }
  | { readonly kind: 'secretariat'; readonly disseminateTo: 'none' | 'any' | readonly string[] }
  | { readonly kind: 'publication' };

export interface ModelSubmission {
  readonly id: string;
  readonly registryNumber: string;
  readonly category: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly personal: boolean;
  readonly deploying: readonly string[];
  readonly sentAt: number;
  readonly retainUntil: number;
  /** Lower-cased subject and registry number. */
  readonly envelopeText: string;
  /** Lower-cased body as JSON: the words it holds are the words a search finds. */
  readonly bodyText: string;
}

interface ModelGrant {
  readonly id: string;
  readonly submissionId: string;
  readonly widening: ModelWidening;
  readonly until: number;
  revoked: boolean;
}

interface ModelRequest {
  readonly id: string;
  readonly submissionId: string;
  readonly party: string;
  open: boolean;
}

export interface ModelQuery {
  readonly text?: string;
  readonly category?: string;
  readonly from?: string;
  readonly to?: string;
}

export class ConsentModel {
  readonly submissions: ModelSubmission[] = [];
  readonly byId = new Map<string, ModelSubmission>();
  private readonly grants = new Map<string, ModelGrant[]>();
  private readonly disseminatedTo = new Map<string, string[][]>();
  readonly permissions: { id: string; deploying: string; host: string; releaseTo: 'any' | readonly string[]; withdrawn: boolean }[] = [];
  readonly requests: ModelRequest[] = [];
  readonly reads = new Map<string, { user: string; at: number }[]>();

  // -- what happened -------------------------------------------------------------------

  send(submission: ModelSubmission, secretariatScope: 'none' | 'any' | readonly string[] | null): void {
    this.submissions.push(submission);
    this.byId.set(submission.id, submission);
    this.grants.set(submission.id, []);
    this.disseminatedTo.set(submission.id, []);
    this.reads.set(submission.id, []);
    if (secretariatScope !== null) this.grant('envelope', submission.id, { kind: 'secretariat', disseminateTo: secretariatScope }, Infinity);
  }

  grant(id: string, submissionId: string, widening: ModelWidening, until: number, answering: string | null = null): void {
    this.grants.get(submissionId)!.push({ id, submissionId, widening, until, revoked: false });
    if (answering !== null) this.requests.find((r) => r.id === answering)!.open = false;
  }

  revoke(submissionId: string, grantId: string): void {
    this.grants.get(submissionId)!.find((g) => g.id === grantId)!.revoked = true;
  }

  request(id: string, submissionId: string, party: string): void {
    this.requests.push({ id, submissionId, party, open: true });
  }

  refuse(requestId: string): void {
    this.requests.find((r) => r.id === requestId)!.open = false;
  }

  disseminate(submissionId: string, to: readonly string[]): void {
    this.disseminatedTo.get(submissionId)!.push([...to]);
  }

  permit(id: string, deploying: string, host: string, releaseTo: 'any' | readonly string[]): void {
    this.permissions.push({ id, deploying, host, releaseTo, withdrawn: false });
  }

  /** A withdrawn permission no longer counts; what was released under it stays released. */
  withdrawPermission(id: string): void {
    this.permissions.find((p) => p.id === id)!.withdrawn = true;
  }

  read(submissionId: string, user: string, at: number): void {
    this.reads.get(submissionId)!.push({ user, at });
  }

  // -- questions -----------------------------------------------------------------------

  static party(viewer: Viewer): string | null {
    if (viewer.role === 'secretariat') return 'SECRETARIAT';
    if (viewer.role === 'chair') return null;
    return viewer.delegation;
  }

  grantsOf(submissionId: string): readonly { readonly id: string; readonly widening: ModelWidening; readonly revoked: boolean }[] {
    return this.grants.get(submissionId) ?? [];
  }

  openRequests(submissionId: string): ModelRequest[] {
    return this.requests.filter((r) => r.submissionId === submissionId && r.open);
  }

  requestParty(requestId: string): string | undefined {
    return this.requests.find((r) => r.id === requestId)?.party;
  }

  private live(submissionId: string, now: number): ModelGrant[] {
    return (this.grants.get(submissionId) ?? []).filter((g) => !g.revoked && now < g.until);
  }

  /** Whether the secretariat may pass the submission to `state` now. */
  allows(submissionId: string, state: string, now: number): boolean {
    return this.live(submissionId, now).some(
      (g) => g.widening.kind === 'secretariat' && (g.widening.disseminateTo === 'any' || (Array.isArray(g.widening.disseminateTo) && g.widening.disseminateTo.includes(state))),
    );
  }

  mayRead(viewer: Viewer, submissionId: string, now: number): boolean {
    const s = this.byId.get(submissionId);
    if (s === undefined) return false;
    const party = ConsentModel.party(viewer);
    if (viewer.role === 'delegate' && party !== null && (s.from === party || s.to.includes(party))) return true;
    const live = this.live(submissionId, now);
    if (live.some((g) => g.widening.kind === 'publication')) return true;
    if (viewer.role === 'secretariat') return live.some((g) => g.widening.kind === 'secretariat');
    if (viewer.role === 'chair' || party === null) return false;
    if (live.some((g) => g.widening.kind === 'states' && g.widening.states.includes(party))) return true;
    return this.disseminatedTo.get(submissionId)!.some((to) => to.includes(party)) && this.allows(submissionId, party, now);
  }

  expired(submissionId: string, now: number): boolean {
    return now >= this.byId.get(submissionId)!.retainUntil;
  }

  /** Whether the deploying state let the host reach `party`; the party 'any' asks for a permission without limit. */
  permits(deploying: string, host: string, party: string): boolean {
    return this.permissions.some(
      (p) => !p.withdrawn && p.deploying === deploying && p.host === host && (p.releaseTo === 'any' || (party !== 'any' && p.releaseTo.includes(party))),
    );
  }

  /** Newest first, as the domain lists them. */
  search(viewer: Viewer, query: ModelQuery, now: number): string[] {
    const words = (query.text ?? '').toLowerCase().split(' ').filter((w) => w !== '');
    const out: string[] = [];
    for (let i = this.submissions.length - 1; i >= 0; i--) {
      const s = this.submissions[i]!;
      if (!this.mayRead(viewer, s.id, now)) continue;
      if (query.category !== undefined && s.category !== query.category) continue;
      if (query.from !== undefined && s.from !== query.from) continue;
      if (query.to !== undefined && !s.to.includes(query.to)) continue;
      const bodyReadable = now < s.retainUntil;
      if (!words.every((w) => s.envelopeText.includes(w) || (bodyReadable && s.bodyText.includes(w)))) continue;
      out.push(s.id);
    }
    return out;
  }
}
