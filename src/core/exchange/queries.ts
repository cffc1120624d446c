/**
 * Lists, search, counts and exports of submissions — every one of them only over what the
 * viewer may see ({@link basesOf}), so that a submission hidden from a viewer is never a hit,
 * never counted, never exported: the viewer cannot tell it from one never sent.
 *
 * None of these is a read: they give envelopes (and say whether the body is past its
 * retention), never bodies. Reading a body is `readSubmission`, which the server logs.
 */
import { basesOf, isLive } from './access.ts';
import type { AccessBasis } from './basis.ts';
import { bodyStrings } from './bodies.ts';
import type { CategoryId } from './categories.ts';
import type { ExchangeState, SubmissionRecord } from './state.ts';
import type { Envelope, SubmissionKind } from './submission.ts';
import { requireInstant } from './time.ts';
import type { Viewer } from './viewer.ts';

export interface SubmissionQuery {
  /** Words to find, case aside, in the subject, the registry number or — while it can be read — the body. */
  readonly text?: string;
  readonly category?: CategoryId;
  readonly from?: string;
  /** Addressed to this state. */
  readonly to?: string;
  readonly kind?: SubmissionKind;
  readonly urgent?: boolean;
  /** Sent at or after this instant. */
  readonly sentFrom?: string;
  /** Sent before this instant. */
  readonly sentBefore?: string;
}

export interface SubmissionHit {
  readonly envelope: Envelope;
  /** The viewer's first basis: what a read now would be logged under. */
  readonly basis: AccessBasis;
  /** Past its retention limit: the body can no longer be read by anyone. */
  readonly expired: boolean;
}

export interface ExportRow {
  readonly registryNumber: string;
  readonly category: CategoryId;
  readonly legalBasis: string;
  readonly from: string;
  /** The addressed states, space-separated. */
  readonly to: string;
  readonly subject: string;
  readonly sentAt: string;
  readonly kind: SubmissionKind;
  readonly period: string;
  readonly urgent: boolean;
  readonly language: string;
  readonly basis: AccessBasis['via'];
  /** What 1.7 asks of whoever holds the export. */
  readonly handling: string;
}

/** Everything the viewer may see at `now`, newest first. */
export function visibleSubmissions(state: ExchangeState, viewer: Viewer, now: string): SubmissionHit[] {
  return searchSubmissions(state, viewer, {}, now);
}

/** The submissions the viewer may see at `now` that match `query`, newest first. */
export function searchSubmissions(state: ExchangeState, viewer: Viewer, query: SubmissionQuery, now: string): SubmissionHit[] {
  const atMs = requireInstant(now, 'now');
  const match = matcher(query, atMs);
  const hits: SubmissionHit[] = [];
  for (const record of state.submissions.values()) {
    if (!match(record)) continue;
    const [basis] = basesOf(record, viewer, atMs, true);
    if (basis !== undefined) hits.push({ envelope: record.envelope, basis, expired: atMs >= record.retainUntilMs });
  }
  // The map keeps the order of sending; newest first is that order reversed.
  return hits.reverse();
}

/** How many submissions the viewer may see at `now` match `query` (the length of the search, without building it). */
export function countSubmissions(state: ExchangeState, viewer: Viewer, query: SubmissionQuery, now: string): number {
  const atMs = requireInstant(now, 'now');
  const match = matcher(query, atMs);
  let count = 0;
  for (const record of state.submissions.values()) {
    if (match(record) && basesOf(record, viewer, atMs, true).length > 0) count += 1;
  }
  return count;
}

/** The search as flat rows for a CSV: envelopes only, each with the handling 1.7 requires. */
export function exportRows(state: ExchangeState, viewer: Viewer, query: SubmissionQuery, now: string): ExportRow[] {
  const atMs = requireInstant(now, 'now');
  const published = (id: string): boolean =>
    state.submissions.get(id)!.grants.some((g) => g.widening.kind === 'publication' && isLive(g, atMs));
  return searchSubmissions(state, viewer, query, now).map(({ envelope, basis }) => ({
    registryNumber: envelope.registryNumber,
    category: envelope.category,
    legalBasis: envelope.legalBasis,
    from: envelope.from,
    to: envelope.to.join(' '),
    subject: envelope.subject,
    sentAt: envelope.sentAt,
    kind: envelope.kind,
    period: envelope.period ?? '',
    urgent: envelope.urgent,
    language: envelope.language,
    basis: basis.via,
    handling:
      basis.via === 'provider'
        ? `Provided by ${envelope.from}.`
        : published(envelope.id)
          ? `Published by ${envelope.from}.`
          : `Provided by ${envelope.from}; not to be disclosed, published or transferred to any third party without ${envelope.from}'s consent (Catalogue 1.7).`,
  }));
}

// Lower-cased text of each record, computed once: submissions never change once sent.
const haystacks = new WeakMap<SubmissionRecord, { readonly envelope: string; readonly body: string }>();

function haystackOf(record: SubmissionRecord): { readonly envelope: string; readonly body: string } {
  let haystack = haystacks.get(record);
  if (haystack === undefined) {
    const { subject, registryNumber, body } = record.submission;
    haystack = { envelope: `${subject}\n${registryNumber}`.toLowerCase(), body: bodyStrings(body).join('\n').toLowerCase() };
    haystacks.set(record, haystack);
  }
  return haystack;
}

function matcher(query: SubmissionQuery, atMs: number): (record: SubmissionRecord) => boolean {
  const words = (query.text ?? '').toLowerCase().split(/\s+/u).filter((w) => w !== '');
  const sentFrom = query.sentFrom === undefined ? Number.NEGATIVE_INFINITY : requireInstant(query.sentFrom, 'sentFrom');
  const sentBefore = query.sentBefore === undefined ? Number.POSITIVE_INFINITY : requireInstant(query.sentBefore, 'sentBefore');
  return (record) => {
    const s = record.submission;
    if (query.category !== undefined && s.category !== query.category) return false;
    if (query.from !== undefined && s.from !== query.from) return false;
    if (query.to !== undefined && !s.to.includes(query.to)) return false;
    if (query.kind !== undefined && s.kind !== query.kind) return false;
    if (query.urgent !== undefined && s.urgent !== query.urgent) return false;
    if (record.sentMs < sentFrom || record.sentMs >= sentBefore) return false;
    if (words.length === 0) return true;
    const haystack = haystackOf(record);
    // An expired body is searched no more than it can be read.
    const readable = atMs < record.retainUntilMs;
    return words.every((word) => haystack.envelope.includes(word) || (readable && haystack.body.includes(word)));
  };
}

