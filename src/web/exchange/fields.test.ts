/**
 * The field descriptions against the protocol's schemas: every field of every category's
 * schema is described, with a control that can produce its type, and nothing is described
 * that the schema lacks; entries filled as a person would become a body the schema accepts,
 * and wrong entries come back as problems on the right fields.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CATEGORY_IDS } from '../../core/index.ts';
import { BODY_SCHEMAS } from '../../protocol/exchange.ts';
import { CATEGORY_FIELDS, type Field } from './fields.ts';
import { checkBody, emptyEntries, fieldKeyOf, INCLUDED, withEntry } from './form-value.ts';
import { sampleEntries } from './sample-entries.ts';

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; entries?: Record<string, string> };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema without its nullable and default wrappers, and whether null is allowed. */
function unwrap(schema: z.ZodType): { core: z.ZodType; nullable: boolean } {
  let core = schema;
  let nullable = false;
  for (;;) {
    const def = defOf(core);
    if (def.type === 'nullable') nullable = true;
    if (def.type !== 'nullable' && def.type !== 'default') return { core, nullable };
    core = def.innerType!;
  }
}

/** Where the description and the schema disagree, one line each. */
function mismatches(fields: readonly Field[], shape: Record<string, z.ZodType>, at: string): string[] {
  const out: string[] = [];
  const described = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(shape)) if (!described.has(name)) out.push(`${at}${name}: in the schema, not described`);
  for (const field of fields) {
    const schema = shape[field.name];
    if (schema === undefined) {
      out.push(`${at}${field.name}: described, not in the schema`);
      continue;
    }
    const { core, nullable } = unwrap(schema);
    const def = defOf(core);
    const optional = 'optional' in field && field.optional === true;
    if (optional !== nullable && field.kind !== 'list' && field.kind !== 'states' && field.kind !== 'lines') out.push(`${at}${field.name}: optional ${optional}, nullable ${nullable}`);
    const expect = (type: string): void => {
      if (def.type !== type) out.push(`${at}${field.name}: ${field.kind} control for a ${def.type}`);
    };
    switch (field.kind) {
      case 'text':
      case 'state':
      case 'date':
      case 'instant':
        expect('string');
        break;
      case 'number':
        expect('number');
        break;
      case 'boolean':
        expect('boolean');
        break;
      case 'choice':
        expect('enum');
        if (def.entries !== undefined) expect(JSON.stringify(Object.values(def.entries).sort()) === JSON.stringify(field.options.map((o) => o.value).sort()) ? 'enum' : 'options differ');
        break;
      case 'states':
      case 'lines':
        expect('array');
        if (def.element !== undefined && defOf(def.element).type !== 'string') out.push(`${at}${field.name}: a list of ${defOf(def.element).type}`);
        break;
      case 'group':
        expect('object');
        out.push(...mismatches(field.fields, def.shape ?? {}, `${at}${field.name}.`));
        break;
      case 'list': {
        expect('array');
        const element = def.element === undefined ? undefined : defOf(def.element);
        out.push(...mismatches(field.fields, element?.shape ?? {}, `${at}${field.name}[].`));
        break;
      }
    }
  }
  return out;
}

describe('category field descriptions', () => {
  it.each(CATEGORY_IDS)('%s: describes exactly the fields of its schema, each with a fitting control', (category) => {
    const shape = defOf(BODY_SCHEMAS[category]).shape!;
    expect(mismatches(CATEGORY_FIELDS[category], shape, '')).toEqual([]);
  });

  it.each(CATEGORY_IDS)('%s: entries filled as a person would become a body the schema accepts', (category) => {
    const checked = checkBody(BODY_SCHEMAS[category], CATEGORY_FIELDS[category], sampleEntries(CATEGORY_FIELDS[category]));
    expect(checked.ok ? [] : [...checked.problems.entries()].map(([key, p]) => `${key}: ${p.issue.message}`)).toEqual([]);
  });

  it.each(CATEGORY_IDS)('%s: an empty form is refused with problems on described fields only', (category) => {
    const checked = checkBody(BODY_SCHEMAS[category], CATEGORY_FIELDS[category], emptyEntries(CATEGORY_FIELDS[category]));
    if (checked.ok) {
      // Only a form whose every field may be empty passes empty: none of the twelve.
      expect.unreachable(`${category} accepted an empty form`);
      return;
    }
    expect(checked.unplaced).toEqual([]);
    expect(checked.problems.size).toBeGreaterThan(0);
  });
});

describe('turning entries into a body', () => {
  const fields = CATEGORY_FIELDS['armed-forces'];

  it('makes numbers of digits, null of empty optional fields, capitals of state codes, UTC of local times', () => {
    const entries = withEntry(withEntry(sampleEntries(fields), ['components', 0, 'majorUnits'], ''), ['notes'], '  ');
    const checked = checkBody(BODY_SCHEMAS['armed-forces'], fields, entries);
    expect(checked.ok && checked.body.components[0]).toEqual({ service: 'other', name: 'Sample name', personnel: 3, majorUnits: null });
    expect(checked.ok && checked.body.notes).toBeNull();

    const disaster = checkBody(BODY_SCHEMAS.disaster, CATEGORY_FIELDS.disaster, sampleEntries(CATEGORY_FIELDS.disaster));
    expect(disaster.ok && disaster.body.mayAffect).toEqual(['KAZ', 'UZB']);
    expect(disaster.ok && disaster.body.occurredAt).toBe(new Date('2021-06-02T10:00').toISOString());
  });

  it('places each problem on its field, a missing entry told from a wrong one', () => {
    let entries = sampleEntries(fields);
    entries = withEntry(entries, ['components', 1, 'personnel'], 'many');
    entries = withEntry(entries, ['components', 0, 'name'], ' ');
    entries = withEntry(entries, ['asOf'], '');
    const checked = checkBody(BODY_SCHEMAS['armed-forces'], fields, entries);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect([...checked.problems.keys()].sort()).toEqual(['asOf', 'components.0.name', 'components.1.personnel']);
    expect(checked.problems.get('asOf')!.missing).toBe(true);
    expect(checked.problems.get('components.0.name')!.missing).toBe(true);
    expect(checked.problems.get('components.1.personnel')).toMatchObject({ missing: false, issue: { code: 'invalid_type', expected: 'number' } });
  });

  it('gives a list its own problem when it has no rows, and a state code in a list to the list', () => {
    expect(fieldKeyOf(fields, ['components'])).toBe('components');
    expect(fieldKeyOf(CATEGORY_FIELDS.disaster, ['mayAffect', 2])).toBe('mayAffect');
    expect(fieldKeyOf(CATEGORY_FIELDS['military-cv'], ['person', 'rank'])).toBe('person.rank');
    expect(fieldKeyOf(fields, ['unknown'])).toBeNull();
    const checked = checkBody(BODY_SCHEMAS['armed-forces'], fields, withEntry(sampleEntries(fields), ['components'], []));
    expect(!checked.ok && checked.problems.get('components')?.issue).toMatchObject({ code: 'too_small', origin: 'array' });
  });

  it('reports an activity that ends before it starts on its end', () => {
    const activity = CATEGORY_FIELDS['military-activity'];
    const entries = withEntry(sampleEntries(activity), ['end'], '2021-06-01T10:00');
    const checked = checkBody(BODY_SCHEMAS['military-activity'], activity, entries);
    expect(!checked.ok && [...checked.problems.keys()]).toEqual(['end']);
  });

  it('leaves out an optional group unless it is included', () => {
    const reply = CATEGORY_FIELDS['incident-consultation-reply'];
    const entries = withEntry(sampleEntries(reply), ['meetingProposed', INCLUDED], false);
    const checked = checkBody(BODY_SCHEMAS['incident-consultation-reply'], reply, entries);
    expect(checked.ok && checked.body.meetingProposed).toBeNull();
  });
});
