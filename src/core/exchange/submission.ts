/**
 * One piece of exchanged information: an envelope that says who sent what to whom under which
 * paragraph, and a body typed by its category.
 *
 * A nil report (nothing to report this period) and a no-change report ("no change since my
 * last report", pointing at it in `previous`) are the same action with a different `kind`;
 * neither has a body.
 */
import type { BodyOf } from './bodies.ts';
import type { CategoryId } from './categories.ts';
import type { DisseminationPolicy } from './widening.ts';

export type SubmissionKind = 'report' | 'nil' | 'no-change';

export interface EnvelopeInput {
  /** Assigned by the server, never chosen by a client: it is unique in the organisation. */
  readonly id: string;
  /** The organisation's registry number (its format is the organisation's: 'CICA/EX/2021/0007'), assigned by the server. */
  readonly registryNumber: string;
  readonly category: CategoryId;
  /** The providing state (ISO alpha-3); the sender must be one of its delegates. */
  readonly from: string;
  /** The states concerned, to which it is addressed; never empty, never the provider. */
  readonly to: readonly string[];
  readonly subject: string;
  /** The Catalogue paragraph, one of the category's legal bases ('2.1.1 a'). */
  readonly legalBasis: string;
  /** The submission this one answers, or null. Replies to requests must name the request. */
  readonly replyTo: string | null;
  /** BCP 47 ('en', 'ru'). */
  readonly language: string;
  readonly dissemination: DisseminationPolicy;
  readonly urgent: boolean;
  readonly kind: SubmissionKind;
  /** For 'no-change': the provider's latest submission of the same category, whose content still holds. */
  readonly previous: string | null;
  /** The reporting period of a periodic category ('2021'); null for the others. */
  readonly period: string | null;
  /** Personal data only: the instant after which nobody can read the body (set from the organisation's retention limit). */
  readonly retainUntil: string | null;
}

/** The body goes with its category: `null` exactly for nil and no-change reports. */
export type CategoryBody = { [C in CategoryId]: { readonly category: C; readonly body: BodyOf[C] | null } }[CategoryId];

/** What a `submission.sent` event carries. */
export type SubmissionInput = EnvelopeInput & CategoryBody;

/** A submission as sent: its sent time is the time of the event that sent it. */
export type Submission = SubmissionInput & { readonly sentAt: string };

/** Everything but the body: what lists, search hits and exports show. */
export interface Envelope extends EnvelopeInput {
  readonly sentAt: string;
}

export function envelopeOf(submission: Submission): Envelope {
  const { body: _body, ...envelope } = submission;
  return envelope;
}
