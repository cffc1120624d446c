/**
 * A submission's body as the reader's language shows it, read through the same field
 * descriptions the form is made from: labels, choices and yes/no in words, numbers, dates and
 * times formatted by Intl, rows as a numbered list.
 */
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { CategoryId } from '../../core/index.ts';
import { useT, type T } from '../i18n/use-t.ts';
import { CATEGORY_FIELDS, type Field } from './fields.ts';
import { useWhen } from './use-when.ts';

/** A value the description did not foresee is still shown, as data. */
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

type Format = { t: T; when: (iso: string) => string; number: (n: number) => string; date: (d: string) => string };

function valueOf(format: Format, field: Field, value: unknown): ReactNode {
  const { t } = format;
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return t('exchange.view.notGiven');
  switch (field.kind) {
    case 'boolean':
      return value === true ? t('exchange.view.yes') : t('exchange.view.no');
    case 'choice': {
      const option = field.options.find((o) => o.value === value);
      return option === undefined ? text(value) : t(option.label);
    }
    case 'number':
      return typeof value === 'number' ? format.number(value) : text(value);
    case 'date':
      return format.date(text(value));
    case 'instant':
      return format.when(text(value));
    case 'states':
      return (value as string[]).join(', ');
    case 'lines':
      return (
        <ul>
          {(value as string[]).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      );
    case 'group':
      return <Fields format={format} fields={field.fields} body={value as Record<string, unknown>} />;
    case 'list':
      return (
        <ol>
          {(value as Record<string, unknown>[]).map((row, i) => (
            <li key={i}>
              <Fields format={format} fields={field.fields} body={row} />
            </li>
          ))}
        </ol>
      );
    default:
      return text(value);
  }
}

function Fields({ format, fields, body }: { format: Format; fields: readonly Field[]; body: Record<string, unknown> }) {
  return (
    <dl>
      {fields.map((field) => (
        <div key={field.name}>
          <dt>{format.t(field.label)}</dt>
          <dd>{valueOf(format, field, body[field.name])}</dd>
        </div>
      ))}
    </dl>
  );
}

export function BodyView({ category, body }: { category: CategoryId; body: unknown }) {
  const t = useT();
  const when = useWhen();
  const intl = useIntl();
  // A calendar date names a day, not an instant: shown as written, in UTC, so no zone moves it.
  const format: Format = { t, when, number: (n) => intl.formatNumber(n), date: (d) => intl.formatDate(d, { dateStyle: 'medium', timeZone: 'UTC' }) };
  return (
    <div className="exchange-body" data-testid="exchange-body">
      {body === null || typeof body !== 'object' ? null : <Fields format={format} fields={CATEGORY_FIELDS[category]} body={body as Record<string, unknown>} />}
    </div>
  );
}
