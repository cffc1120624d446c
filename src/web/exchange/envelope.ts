/**
 * A new submission's envelope as entered, and the one check of a whole submission: the
 * protocol's NewSubmissionBody judges envelope and body together; its issues are placed on
 * the envelope's fields or, under `body.`, on the category's fields.
 */
import type { z } from 'zod';
import { CATEGORIES, type CategoryId } from '../../core/index.ts';
import { NewSubmissionBody } from '../../protocol/exchange.ts';
import type { NewSubmission } from '../exchange-api.ts';
import { CATEGORY_FIELDS } from './fields.ts';
import { problemsOf, stateCodes, valuesOf, type Entries, type FieldProblem, type Problems } from './form-value.ts';

export interface EnvelopeEntries {
  readonly category: CategoryId;
  readonly legalBasis: string;
  readonly to: string;
  readonly subject: string;
  readonly period: string;
  readonly replyTo: string;
  readonly urgent: boolean;
  readonly policy: 'addressees-only' | 'secretariat';
  readonly onward: 'none' | 'any' | 'states';
  readonly onwardStates: string;
}

export type SubmissionKind = 'report' | 'nil' | 'no-change';

/** The envelope's fields that issues are placed on. */
export type EnvelopeKey = 'to' | 'subject' | 'period' | 'replyTo' | 'legalBasis' | 'onwardStates';

export function dissemination(envelope: EnvelopeEntries): NewSubmission['dissemination'] {
  if (envelope.policy === 'addressees-only' || CATEGORIES[envelope.category].personalData) return { kind: 'addressees-only' };
  const disseminateTo = envelope.onward === 'states' ? stateCodes(envelope.onwardStates) : envelope.onward;
  return { kind: 'secretariat', disseminateTo };
}

/** The submission the entries stand for (not yet judged). */
export function submissionOf(envelope: EnvelopeEntries, body: Entries, kind: SubmissionKind, previous: string | null, language: string): Record<string, unknown> {
  const category = CATEGORIES[envelope.category];
  return {
    category: envelope.category,
    to: stateCodes(envelope.to),
    subject: envelope.subject,
    legalBasis: envelope.legalBasis,
    replyTo: envelope.replyTo === '' ? null : envelope.replyTo,
    language,
    dissemination: dissemination(envelope),
    urgent: category.alwaysUrgent || envelope.urgent,
    kind,
    previous: kind === 'no-change' ? previous : null,
    period: category.periodic ? envelope.period.trim() : null,
    body: kind === 'report' ? valuesOf(CATEGORY_FIELDS[envelope.category], body) : null,
  };
}

const missing = (path: string): FieldProblem => ({ issue: { code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: [path], message: 'required', input: '' }, missing: true });

export interface Verdict {
  readonly submission: NewSubmission | null;
  readonly envelope: ReadonlyMap<EnvelopeKey, FieldProblem>;
  readonly body: Problems;
  readonly unplaced: readonly z.core.$ZodIssue[];
}

/** The submission judged: by the protocol's schema, and by the rules the server applies to an envelope that the schema cannot (a period for periodic categories, the request a reply answers). */
export function judge(envelope: EnvelopeEntries, body: Entries, kind: SubmissionKind, previous: string | null, language: string): Verdict {
  const raw = submissionOf(envelope, body, kind, previous, language);
  const result = NewSubmissionBody.safeParse(raw);
  const envelopeProblems = new Map<EnvelopeKey, FieldProblem>();
  const category = CATEGORIES[envelope.category];
  if (category.periodic && envelope.period.trim() === '') envelopeProblems.set('period', missing('period'));
  if (category.answers !== null && envelope.replyTo === '') envelopeProblems.set('replyTo', missing('replyTo'));
  const issues = result.success ? [] : result.error.issues;
  const bodyIssues = issues.filter((i) => i.path[0] === 'body' && i.path.length > 1).map((i) => ({ ...i, path: i.path.slice(1) }));
  const { problems, unplaced } = problemsOf(CATEGORY_FIELDS[envelope.category], raw['body'], bodyIssues);
  const rest: z.core.$ZodIssue[] = [...unplaced];
  for (const issue of issues) {
    if (issue.path[0] === 'body' && issue.path.length > 1) continue;
    const key: EnvelopeKey | null =
      issue.path[0] === 'dissemination' ? 'onwardStates' : (['to', 'subject', 'period', 'replyTo', 'legalBasis'] as const).find((k) => k === issue.path[0]) ?? null;
    if (key === null) rest.push(issue);
    else if (!envelopeProblems.has(key)) {
      const value = key === 'onwardStates' ? envelope.onwardStates : envelope[key];
      envelopeProblems.set(key, { issue, missing: value.trim() === '' });
    }
  }
  const ok = result.success && envelopeProblems.size === 0;
  return { submission: ok ? result.data : null, envelope: envelopeProblems, body: problems, unplaced: rest };
}
