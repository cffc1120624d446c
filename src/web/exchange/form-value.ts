/**
 * A form's entries as typed (strings, ticks, rows), turned into the body the protocol expects,
 * and the protocol schema's verdict mapped back onto the fields: the one place where what a
 * person types meets the wire schema. No rule of the schema is repeated here.
 */
import type { z } from 'zod';
import type { Field } from './fields.ts';

/** What one field holds while being edited. */
export type Entry = string | boolean | Entries | readonly Entries[];
/** The entries of a form or of one row; an optional group keeps whether it is included under {@link INCLUDED}. */
export interface Entries {
  readonly [name: string]: Entry;
}

export const INCLUDED = '$included';

/** A field's place in the form: names and row indexes joined by dots ('components.0.name'). */
export type FieldKey = string;

export function emptyEntries(fields: readonly Field[]): Entries {
  return Object.fromEntries(fields.map((field) => [field.name, emptyEntry(field)]));
}

export function emptyEntry(field: Field): Entry {
  switch (field.kind) {
    case 'boolean':
      return false;
    case 'choice':
      return field.options[0]!.value;
    case 'group':
      return field.optional === true ? { ...emptyEntries(field.fields), [INCLUDED]: false } : emptyEntries(field.fields);
    case 'list':
      // One empty row to start from: most lists need at least one.
      return [emptyEntries(field.fields)];
    default:
      return '';
  }
}

/** Codes typed with commas, semicolons or spaces between them, in capitals. */
export function stateCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/u)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
}

/**
 * The value a field's entry stands for. An empty required entry becomes `undefined`, so the
 * schema reports it as missing; an empty optional one becomes null, as the schema expects.
 */
function valueOf(field: Field, entry: Entry): unknown {
  switch (field.kind) {
    case 'text': {
      const value = entry as string;
      return field.optional === true && value.trim() === '' ? null : value;
    }
    case 'state':
      return (entry as string).trim().toUpperCase();
    case 'number': {
      const value = (entry as string).trim();
      if (value === '') return field.optional === true ? null : undefined;
      return Number(value);
    }
    case 'date': {
      const value = entry as string;
      if (value === '') return field.optional === true ? null : undefined;
      return value;
    }
    case 'instant': {
      const value = entry as string;
      if (value === '') return undefined;
      // The browser reads datetime-local input in its own time zone; the wire wants UTC.
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date.toISOString();
    }
    case 'choice':
    case 'boolean':
      return entry;
    case 'states':
      return stateCodes(entry as string);
    case 'lines':
      return (entry as string)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    case 'group': {
      const entries = entry as Entries;
      if (field.optional === true && entries[INCLUDED] !== true) return null;
      return valuesOf(field.fields, entries);
    }
    case 'list':
      return (entry as readonly Entries[]).map((row) => valuesOf(field.fields, row));
  }
}

/** The body the entries stand for, before the schema judges it. */
export function valuesOf(fields: readonly Field[], entries: Entries): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.name, valueOf(field, entries[field.name] ?? emptyEntry(field))]));
}

/**
 * The field an issue of the schema belongs to: the deepest described field on its path. A
 * code in a list of states, a line of a list of lines, belong to that list's field.
 */
export function fieldKeyOf(fields: readonly Field[], path: readonly PropertyKey[]): FieldKey | null {
  const [head, ...rest] = path;
  const field = fields.find((f) => f.name === head);
  if (field === undefined) return null;
  if (field.kind === 'group' && rest.length > 0) {
    const inner = fieldKeyOf(field.fields, rest);
    return inner === null ? field.name : `${field.name}.${inner}`;
  }
  if (field.kind === 'list' && rest.length > 1 && typeof rest[0] === 'number') {
    const inner = fieldKeyOf(field.fields, rest.slice(1));
    return `${field.name}.${rest[0]}${inner === null ? '' : `.${inner}`}`;
  }
  return field.name;
}

/** What the schema said about one field: its issue, and whether the entry was left empty. */
export interface FieldProblem {
  readonly issue: z.core.$ZodIssue;
  readonly missing: boolean;
}

export type Problems = ReadonlyMap<FieldKey, FieldProblem>;

/** The value at a field key, to tell a missing entry from a wrong one. */
function valueAt(values: unknown, key: FieldKey): unknown {
  let value = values;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The first issue for each field; issues no field owns go under `unplaced`. */
export function problemsOf(fields: readonly Field[], values: unknown, issues: readonly z.core.$ZodIssue[]): { problems: Problems; unplaced: z.core.$ZodIssue[] } {
  const problems = new Map<FieldKey, FieldProblem>();
  const unplaced: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const key = fieldKeyOf(fields, issue.path);
    if (key === null) {
      unplaced.push(issue);
      continue;
    }
    if (problems.has(key)) continue;
    const value = valueAt(values, key);
    const missing = value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
    problems.set(key, { issue, missing });
  }
  return { problems, unplaced };
}

/** The body of a category's form judged by its protocol schema: the parsed body, or the problems per field. */
export function checkBody<S extends z.ZodType>(
  schema: S,
  fields: readonly Field[],
  entries: Entries,
): { ok: true; body: z.output<S> } | { ok: false; problems: Problems; unplaced: z.core.$ZodIssue[] } {
  const values = valuesOf(fields, entries);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, body: result.data };
  return { ok: false, ...problemsOf(fields, values, result.error.issues) };
}

/** The entries with the one at `key` replaced (rows and groups copied, never changed in place). */
export function withEntry(entries: Entries, key: readonly (string | number)[], value: Entry): Entries {
  const [head, ...rest] = key;
  if (rest.length === 0) return { ...entries, [head as string]: value };
  const inner = entries[head as string];
  if (Array.isArray(inner)) {
    const [index, ...deeper] = rest;
    const rows = [...(inner as readonly Entries[])];
    rows[index as number] = deeper.length === 0 ? (value as Entries) : withEntry(rows[index as number]!, deeper, value);
    return { ...entries, [head as string]: rows };
  }
  return { ...entries, [head as string]: withEntry(inner as Entries, rest, value) };
}
