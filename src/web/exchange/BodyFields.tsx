/**
 * One renderer for every category's form: walks a field description (fields.ts) and shows
 * each field with its label, hint and — after a check — its error beside it, tied to the
 * control with aria-invalid and aria-describedby. Lists of rows add and remove rows.
 */
import type { ReactNode } from 'react';
import { useT, type T } from '../i18n/use-t.ts';
import type { Field } from './fields.ts';
import { emptyEntries, INCLUDED, type Entries, type Entry, type Problems } from './form-value.ts';
import { issueMessage } from './issue-message.ts';

type Path = readonly (string | number)[];

interface Props {
  readonly fields: readonly Field[];
  readonly entries: Entries;
  readonly problems: Problems;
  /** Prefixes every control's id, so two forms on a page cannot collide. */
  readonly idPrefix: string;
  readonly onChange: (path: Path, value: Entry) => void;
}

export const controlId = (idPrefix: string, key: string): string => `${idPrefix}-${key.replaceAll('.', '-')}`;

/** The ids a control is described by: its hint, then its error. */
function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x) => x !== null);
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function BodyFields({ fields, entries, problems, idPrefix, onChange }: Props) {
  const t = useT();
  return <>{fields.map((field) => renderField(t, field, entries, [field.name], { problems, idPrefix, onChange }))}</>;
}

interface Context {
  readonly problems: Problems;
  readonly idPrefix: string;
  readonly onChange: (path: Path, value: Entry) => void;
}

function Hint({ t, id, field }: { t: T; id: string; field: Field }) {
  return field.hint === undefined ? null : (
    <small id={`${id}-hint`} className="field-hint">
      {t(field.hint)}
    </small>
  );
}

function ErrorText({ id, message }: { id: string; message: string | null }) {
  return message === null ? null : (
    <span id={`${id}-error`} className="error field-error">
      {message}
    </span>
  );
}

function renderField(t: T, field: Field, entries: Entries, path: Path, context: Context): ReactNode {
  const key = path.join('.');
  const id = controlId(context.idPrefix, key);
  const problem = context.problems.get(key);
  const message = problem === undefined ? null : issueMessage(t, problem, field);
  const entry = entries[field.name];
  const aria = { 'aria-invalid': message === null ? undefined : true, 'aria-describedby': describedBy(id, field.hint !== undefined, message !== null) } as const;
  const set = (value: Entry): void => context.onChange(path, value);

  switch (field.kind) {
    case 'boolean':
      return (
        <div className="field field-check" key={key}>
          <input id={id} type="checkbox" checked={entry === true} onChange={(e) => set(e.target.checked)} {...aria} />
          <label htmlFor={id}>{t(field.label)}</label>
          <ErrorText id={id} message={message} />
        </div>
      );
    case 'choice':
      return (
        <div className="field" key={key}>
          <label htmlFor={id}>{t(field.label)}</label>
          <select id={id} value={entry as string} onChange={(e) => set(e.target.value)} {...aria}>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
          <Hint t={t} id={id} field={field} />
          <ErrorText id={id} message={message} />
        </div>
      );
    case 'group': {
      const group = entry as Entries;
      const included = field.optional !== true || group[INCLUDED] === true;
      return (
        <fieldset className="field-group" key={key}>
          <legend>{t(field.label)}</legend>
          {field.optional === true ? (
            <div className="field field-check">
              <input id={`${id}-included`} type="checkbox" checked={included} onChange={(e) => context.onChange([...path, INCLUDED], e.target.checked)} />
              <label htmlFor={`${id}-included`}>{t('exchange.f.include', { what: t(field.label) })}</label>
            </div>
          ) : null}
          {included ? field.fields.map((inner) => renderField(t, inner, group, [...path, inner.name], context)) : null}
        </fieldset>
      );
    }
    case 'list': {
      const rows = entry as readonly Entries[];
      return (
        <fieldset className="field-list" key={key} aria-describedby={message === null ? undefined : `${id}-error`}>
          <legend>{t(field.label)}</legend>
          <ErrorText id={id} message={message} />
          {rows.map((row, index) => (
            <fieldset className="field-row" key={index}>
              <legend>{t(field.item, { n: index + 1 })}</legend>
              {field.fields.map((inner) => renderField(t, inner, row, [...path, index, inner.name], context))}
              <button type="button" className="link" onClick={() => set(rows.filter((_, i) => i !== index))}>
                {t(field.remove, { n: index + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" onClick={() => set([...rows, emptyEntries(field.fields)])}>
            {t(field.add)}
          </button>
        </fieldset>
      );
    }
    default: {
      const value = entry as string;
      const common = { id, value, onChange: (e: { target: { value: string } }) => set(e.target.value), ...aria };
      const control =
        field.kind === 'text' && field.multiline === true ? (
          <textarea {...common} rows={3} />
        ) : field.kind === 'lines' ? (
          <textarea {...common} rows={3} />
        ) : (
          <input
            {...common}
            type={field.kind === 'date' ? 'date' : field.kind === 'instant' ? 'datetime-local' : field.kind === 'text' && field.type !== undefined ? field.type : 'text'}
            inputMode={field.kind === 'number' ? (field.integer ? 'numeric' : 'decimal') : undefined}
            autoCapitalize={field.kind === 'state' || field.kind === 'states' ? 'characters' : undefined}
          />
        );
      return (
        <div className="field" key={key}>
          <label htmlFor={id}>{t(field.label)}</label>
          {control}
          <Hint t={t} id={id} field={field} />
          <ErrorText id={id} message={message} />
        </div>
      );
    }
  }
}
