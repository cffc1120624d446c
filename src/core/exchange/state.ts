/**
 * An organisation's information exchange: what `foldExchange(events)` gives.
 *
 * The state is owned by whoever folded it and is updated in place by `applyExchangeEvent`, as
 * the document state is. It holds everything, whoever may see it: never hand it (or a record
 * of it) to a viewer — read it through the access functions (access.ts, queries.ts, read.ts,
 * notifications.ts), which all apply the one consent rule.
 */
import type { AccessBasis } from './basis.ts';
import type { CategoryId } from './categories.ts';
import type { Envelope, Submission } from './submission.ts';
import type { Viewer } from './viewer.ts';
import type { Widening } from './widening.ts';

export interface GrantRecord {
  readonly id: string;
  readonly submissionId: string;
  readonly widening: Widening;
  readonly by: Viewer;
  readonly at: string;
  /** Infinity when the grant has no end. */
  readonly untilMs: number;
  readonly until: string | null;
  readonly inAnswerTo: { readonly requestId: string; readonly requestedBy: string } | null;
  revoked: { readonly at: string; readonly by: Viewer; readonly reason: string | null } | null;
}

export interface ConsentRequestRecord {
  readonly id: string;
  readonly submissionId: string;
  readonly by: Viewer;
  /** The party that asked (a state or the secretariat): it is told the answer. */
  readonly party: string;
  readonly widening: Widening;
  readonly reason: string | null;
  readonly at: string;
  answer: { readonly outcome: 'granted' | 'refused'; readonly at: string; readonly grantId: string | null; readonly reason: string | null } | null;
}

export interface DisseminationRecord {
  readonly id: string;
  readonly submissionId: string;
  readonly to: readonly string[];
  readonly by: Viewer;
  readonly at: string;
}

export interface ReadRecord {
  readonly reader: Viewer;
  readonly at: string;
  readonly basis: AccessBasis;
}

export interface SubmissionRecord {
  readonly submission: Submission;
  /** The submission without its body, made once: what lists and search hits hand out. */
  readonly envelope: Envelope;
  readonly sentBy: Viewer;
  readonly sentMs: number;
  /** Infinity when the body is kept without limit. */
  readonly retainUntilMs: number;
  /** The envelope's secretariat policy first (id 'envelope'), then grants in the order given. */
  readonly grants: GrantRecord[];
  readonly disseminations: DisseminationRecord[];
  readonly reads: ReadRecord[];
}

export interface PermissionRecord {
  readonly id: string;
  readonly deployingState: string;
  readonly hostState: string;
  readonly releaseTo: 'any' | readonly string[];
  readonly by: Viewer;
  readonly at: string;
  /** Set once the deploying state withdrew it; the record stays, so both states keep its history. */
  withdrawn: { readonly at: string; readonly by: Viewer; readonly reason: string | null } | null;
}

export interface ContactCheckRecord {
  readonly id: string;
  readonly submissionId: string;
  readonly by: Viewer;
  /** The party that asked; it is told of the confirmation. */
  readonly party: string;
  readonly at: string;
  readonly atMs: number;
  confirmed: { readonly at: string; readonly by: Viewer } | null;
}

export interface ExchangeState {
  /** Number of events folded so far. */
  version: number;
  /** In the order sent. */
  readonly submissions: Map<string, SubmissionRecord>;
  readonly registryNumbers: Set<string>;
  /** Every grant given by an event, by its id (the envelopes' implicit grants live only in their submission). */
  readonly grants: Map<string, GrantRecord>;
  readonly requests: Map<string, ConsentRequestRecord>;
  readonly disseminations: Map<string, DisseminationRecord>;
  readonly permissions: Map<string, PermissionRecord>;
  readonly checks: Map<string, ContactCheckRecord>;
  /** "<from> <category>" → the provider's latest submission of that category: what a no-change report must point at. */
  readonly latest: Map<string, string>;
}

export function emptyExchangeState(): ExchangeState {
  return {
    version: 0,
    submissions: new Map(),
    registryNumbers: new Set(),
    grants: new Map(),
    requests: new Map(),
    disseminations: new Map(),
    permissions: new Map(),
    checks: new Map(),
    latest: new Map(),
  };
}

export function latestKey(from: string, category: CategoryId): string {
  return `${from} ${category}`;
}
