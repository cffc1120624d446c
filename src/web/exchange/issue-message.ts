/**
 * What to tell a person about a schema issue, in their language. The protocol's schemas say
 * what is wrong in English for the API; the form says it again from the issue's code and
 * limits, so every language gets a sentence of its own, not a translation of zod's.
 */
import type { z } from 'zod';
import type { T } from '../i18n/use-t.ts';
import type { Field } from './fields.ts';
import type { FieldProblem } from './form-value.ts';

type Kind = Field['kind'] | 'envelope-states' | 'envelope-text';

export function issueMessage(t: T, problem: FieldProblem, field: { kind: Kind; format?: Field['format']; name?: string }): string {
  const issue: z.core.$ZodIssue = problem.issue;
  const lists = field.kind === 'states' || field.kind === 'envelope-states' || field.kind === 'lines';
  if (problem.missing && !(issue.code === 'too_small' && issue.origin === 'array' && !lists)) {
    return lists ? t('exchange.error.states', { minimum: 1 }) : t('exchange.error.required');
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return t('exchange.error.integer');
      if (issue.expected === 'number') return t('exchange.error.number');
      return t('exchange.error.required');
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array') return lists ? t('exchange.error.states', { minimum }) : t('exchange.error.rows', { minimum });
      if (issue.origin === 'string') return t('exchange.error.required');
      return t('exchange.error.atLeast', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'array') return t('exchange.error.tooMany', { maximum });
      if (issue.origin === 'string') return t('exchange.error.tooLong', { maximum });
      return t('exchange.error.atMost', { maximum });
    }
    case 'invalid_format':
      if (issue.format === 'date') return t('exchange.error.date');
      if (issue.format === 'datetime') return t('exchange.error.instant');
      if (issue.format === 'email') return t('exchange.error.email');
      if (field.format !== undefined) return t(field.format);
      if (field.kind === 'state' || lists) return t('exchange.error.stateCode');
      return t('exchange.error.invalid');
    case 'invalid_value':
      return t('exchange.error.choice');
    case 'custom':
      // The one refinement a body schema has: military activity's end after its start.
      return field.name === 'end' ? t('exchange.error.endBeforeStart') : t('exchange.error.invalid');
    default:
      return t('exchange.error.invalid');
  }
}
