/** For tests: what a person would type in each field of a category's form for a valid report. */
import type { Field } from './fields.ts';
import { INCLUDED, type Entries, type Entry } from './form-value.ts';

/** What a person would type in each field for a valid report. */
export function sampleEntry(field: Field): Entry {
  switch (field.kind) {
    case 'text':
      return field.name === 'currency' ? 'KZT' : field.type === 'email' ? 'desk@mfa.example' : `Sample ${field.name}`;
    case 'state':
      return 'kaz';
    case 'number':
      return field.name === 'fiscalYear' ? '2021' : field.integer ? '3' : '1200.5';
    case 'date':
      return '2021-06-02';
    case 'instant':
      return '2021-06-02T10:00';
    case 'choice':
      return field.options.at(-1)!.value;
    case 'boolean':
      return true;
    case 'states':
      return 'kaz, uzb';
    case 'lines':
      return 'Academy of the General Staff\n\nWar college';
    case 'group':
      return { ...sampleEntries(field.fields), [INCLUDED]: true };
    case 'list':
      return [sampleEntries(field.fields), sampleEntries(field.fields)];
  }
}

export function sampleEntries(fields: readonly Field[]): Entries {
  return Object.fromEntries(fields.map((f) => [f.name, sampleEntry(f)]));
}

