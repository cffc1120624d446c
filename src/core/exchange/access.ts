/**
 * THE CONSENT RULE (Catalogue 1.6, 1.7, 2.1.1 c), in one place. Everything that shows a
 * submission, or anything about one, asks these functions first.
 *
 * A viewer may see a submission when
 * - its state provided it (a delegate of the providing state), or
 * - its state is one of the addressed states (a delegate of it), or
 * - a live grant by the provider reaches it: one naming its state (delegates and observers of
 *   that delegation), one to the secretariat (the secretariat; the envelope's secretariat policy
 *   is such a grant), or publication (everyone in the organisation), or
 * - the secretariat disseminated it to the viewer's state and a live grant by the provider still
 *   allows the secretariat to pass it to that state.
 * Nothing else: not the chair as such, not observers as such, not the secretariat for what was
 * only addressed to states. A grant is live until revoked or past its `until`; a revocation
 * narrows access from then on (earlier reads stay in the log, under the basis they had).
 *
 * A viewer who may not see a submission gets exactly what it would get for an id that was never
 * used: `{ visible: false }` here, 'not-found' elsewhere.
 */
import type { AccessBasis, GrantChain, GrantLink } from './basis.ts';
import type { ExchangeState, GrantRecord, SubmissionRecord } from './state.ts';
import { requireInstant } from './time.ts';
import { partyOf, type Viewer } from './viewer.ts';
import { scopeCovers, type Widening } from './widening.ts';

export type Access =
  | { readonly visible: true; readonly basis: AccessBasis; readonly chain: GrantChain }
  | { readonly visible: false };

export type WhyResult = { readonly outcome: 'visible'; readonly chains: readonly GrantChain[] } | { readonly outcome: 'not-found' };

const HIDDEN: Access = Object.freeze({ visible: false });
const PROVIDER: AccessBasis = Object.freeze({ via: 'provider' });
const ADDRESSED: AccessBasis = Object.freeze({ via: 'addressed' });

/** Whether `viewer` may see the submission `submissionId` at `now`, and on what basis (the first of {@link whyCanISee}'s). */
export function accessOf(state: ExchangeState, viewer: Viewer, submissionId: string, now: string): Access {
  const record = state.submissions.get(submissionId);
  if (record === undefined) return HIDDEN;
  const [basis] = basesOf(record, viewer, requireInstant(now, 'now'), true);
  if (basis === undefined) return HIDDEN;
  return { visible: true, basis, chain: chainOf(record, basis) };
}

/** "Why can I see this?": every basis the viewer has, each with its chain from the provider; 'not-found' when it has none. */
export function whyCanISee(state: ExchangeState, viewer: Viewer, submissionId: string, now: string): WhyResult {
  const record = state.submissions.get(submissionId);
  if (record === undefined) return { outcome: 'not-found' };
  const bases = basesOf(record, viewer, requireInstant(now, 'now'), false);
  if (bases.length === 0) return { outcome: 'not-found' };
  return { outcome: 'visible', chains: bases.map((basis) => chainOf(record, basis)) };
}

/**
 * The viewer's bases for one submission at `atMs`, strongest first: provider, addressed,
 * grants in the order given, disseminations. With `firstOnly`, stops at the first.
 */
export function basesOf(record: SubmissionRecord, viewer: Viewer, atMs: number, firstOnly: boolean): AccessBasis[] {
  const party = partyOf(viewer);
  const { from, to } = record.submission;
  const bases: AccessBasis[] = [];
  const isDelegate = viewer.role === 'delegate' && party !== null;
  if (isDelegate && party === from) {
    bases.push(PROVIDER);
    if (firstOnly) return bases;
  }
  if (isDelegate && to.includes(party)) {
    bases.push(ADDRESSED);
    if (firstOnly) return bases;
  }
  for (const grant of record.grants) {
    if (isLive(grant, atMs) && reaches(grant.widening, viewer, party)) {
      bases.push({ via: 'grant', grantId: grant.id });
      if (firstOnly) return bases;
    }
  }
  if (party !== null && (viewer.role === 'delegate' || viewer.role === 'observer')) {
    // A dissemination counts only while a live grant still lets the secretariat reach the party:
    // revoking that grant takes back what the secretariat passed on under it.
    let allowing: GrantRecord | undefined | null = null;
    for (const dissemination of record.disseminations) {
      if (!dissemination.to.includes(party)) continue;
      allowing ??= allowanceFor(record, party, atMs);
      if (allowing === undefined) break;
      bases.push({ via: 'dissemination', disseminationId: dissemination.id, grantId: allowing.id });
      if (firstOnly) return bases;
    }
  }
  return bases;
}

/** Whether the viewer may see the record at `atMs`: the test every list, search and count applies. */
export function canSee(record: SubmissionRecord, viewer: Viewer, atMs: number): boolean {
  return basesOf(record, viewer, atMs, true).length > 0;
}

export function isLive(grant: GrantRecord, atMs: number): boolean {
  return grant.revoked === null && atMs < grant.untilMs;
}

/** The first live grant letting the secretariat pass the submission to `party`, if any. */
export function allowanceFor(record: SubmissionRecord, party: string, atMs: number): GrantRecord | undefined {
  return record.grants.find(
    (grant) => isLive(grant, atMs) && grant.widening.kind === 'secretariat' && scopeCovers(grant.widening.disseminateTo, party),
  );
}

/** Whom a widening reaches: the one answer for access and for the notices that announce it. */
export function reaches(widening: Widening, viewer: Viewer, party: string | null): boolean {
  switch (widening.kind) {
    case 'publication':
      return true;
    case 'secretariat':
      return viewer.role === 'secretariat';
    case 'states':
      return party !== null && (viewer.role === 'delegate' || viewer.role === 'observer') && widening.states.includes(party);
  }
}

/** The links of a basis, from the provider's sending to the viewer. */
export function chainOf(record: SubmissionRecord, basis: AccessBasis): GrantChain {
  const { submission } = record;
  const sent: GrantLink = {
    step: 'sent',
    registryNumber: submission.registryNumber,
    from: submission.from,
    to: submission.to,
    by: record.sentBy,
    at: submission.sentAt,
  };
  switch (basis.via) {
    case 'provider':
    case 'addressed':
      return { basis, links: [sent] };
    case 'grant':
      return { basis, links: [sent, grantLink(record, basis.grantId)] };
    case 'dissemination': {
      const dissemination = record.disseminations.find((d) => d.id === basis.disseminationId)!;
      return {
        basis,
        links: [
          sent,
          grantLink(record, basis.grantId),
          { step: 'disseminated', disseminationId: dissemination.id, to: dissemination.to, by: dissemination.by, at: dissemination.at },
        ],
      };
    }
  }
}

function grantLink(record: SubmissionRecord, grantId: string): GrantLink {
  const grant = record.grants.find((g) => g.id === grantId)!;
  return {
    step: 'granted',
    grantId: grant.id,
    widening: grant.widening,
    by: grant.by,
    at: grant.at,
    until: grant.until,
    inAnswerTo: grant.inAnswerTo,
  };
}
