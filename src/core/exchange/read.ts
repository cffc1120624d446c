/**
 * Reading one submission, and the log of who read it.
 *
 * `readSubmission` gives the body to a viewer who may see it; the server then appends a
 * `submission.read` event with the basis it returned, so every read is in the log. The read
 * log is the provider's alone: the provider sees who read its submission and under which
 * grant; anyone else who may see the submission is told it is the provider's
 * ('provider-only'), and anyone who may not gets 'not-found', as for an id never used.
 */
import { basesOf, chainOf } from './access.ts';
import type { AccessBasis, GrantChain } from './basis.ts';
import type { ExchangeState } from './state.ts';
import type { Envelope, Submission } from './submission.ts';
import { requireInstant } from './time.ts';
import { isDelegateOf, type Viewer } from './viewer.ts';

export type ReadResult =
  | { readonly outcome: 'ok'; readonly submission: Submission; readonly basis: AccessBasis }
  /** Past its retention limit: the envelope is still on record, the body is gone for everyone. */
  | { readonly outcome: 'expired'; readonly envelope: Envelope; readonly basis: AccessBasis }
  | { readonly outcome: 'not-found' };

export interface ReadLogEntry {
  readonly user: string;
  readonly delegation: string | null;
  readonly role: Viewer['role'];
  readonly at: string;
  readonly basis: AccessBasis;
  /** The chain the basis stood on when the read happened (a grant revoked since is shown with its revocation). */
  readonly chain: GrantChain;
  readonly revokedSince: string | null;
}

export type ReadLogResult =
  | { readonly outcome: 'ok'; readonly entries: readonly ReadLogEntry[] }
  | { readonly outcome: 'provider-only' }
  | { readonly outcome: 'not-found' };

const NOT_FOUND = { outcome: 'not-found' } as const;

/** The submission with its body, for a viewer who may see it at `now`. */
export function readSubmission(state: ExchangeState, viewer: Viewer, submissionId: string, now: string): ReadResult {
  const atMs = requireInstant(now, 'now');
  const record = state.submissions.get(submissionId);
  if (record === undefined) return NOT_FOUND;
  const [basis] = basesOf(record, viewer, atMs, true);
  if (basis === undefined) return NOT_FOUND;
  if (atMs >= record.retainUntilMs) return { outcome: 'expired', envelope: record.envelope, basis };
  return { outcome: 'ok', submission: record.submission, basis };
}

/** Who read the submission, when, under which basis — for its provider only. */
export function readLog(state: ExchangeState, viewer: Viewer, submissionId: string, now: string): ReadLogResult {
  const atMs = requireInstant(now, 'now');
  const record = state.submissions.get(submissionId);
  if (record === undefined || basesOf(record, viewer, atMs, true).length === 0) return NOT_FOUND;
  if (!isDelegateOf(viewer, record.submission.from)) return { outcome: 'provider-only' };
  return {
    outcome: 'ok',
    entries: record.reads.map(({ reader, at, basis }) => {
      const grantId = basis.via === 'grant' || basis.via === 'dissemination' ? basis.grantId : null;
      const revoked = grantId === null ? null : (record.grants.find((g) => g.id === grantId)?.revoked ?? null);
      return {
        user: reader.user,
        delegation: reader.delegation,
        role: reader.role,
        at,
        basis,
        chain: chainOf(record, basis),
        revokedSince: revoked === null ? null : revoked.at,
      };
    }),
  };
}
