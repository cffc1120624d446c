import { describe, expect, it } from 'vitest';
import { BODIES, TO_SECRETARIAT, delegateOf, sent, submission } from '../../test/support/exchange.ts';
import { CATEGORIES, CATEGORY_IDS, DEFAULT_EXCHANGE_SETTINGS, checkExchangeEvent, emptyExchangeState, type SubmissionInput } from '../core/index.ts';
import {
  BODY_SCHEMAS,
  ConsentGrantBody,
  ContingentPermissionBody,
  ExchangeSettingsSchema,
  NewSubmissionBody,
  SubmissionQuerySchema,
  WideningSchema,
} from './exchange.ts';

function issues(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the exchange wire schemas', () => {
  it('have a form for every category, which takes a sample report as it is', () => {
    expect(Object.keys(BODY_SCHEMAS).sort()).toEqual([...CATEGORY_IDS].sort());
    for (const category of CATEGORY_IDS) {
      expect([category, BODY_SCHEMAS[category].parse(BODIES[category])]).toEqual([category, BODIES[category]]);
    }
  });

  it('fill in the optional fields as null, which is what the domain expects', () => {
    const { notes: _notes, ...withoutNotes } = BODIES['armed-forces'];
    expect(BODY_SCHEMAS['armed-forces'].parse(withoutNotes)).toEqual(BODIES['armed-forces']);
  });

  it('say what is wrong with a form, field by field', () => {
    expect(issues(BODY_SCHEMAS['defence-budget'].safeParse({ ...BODIES['defence-budget'], currency: 'tenge', total: -1 }))).toEqual([
      'currency: an ISO 4217 currency code, such as KZT',
      'total: Too small: expected number to be >=0',
    ]);
    expect(issues(BODY_SCHEMAS['military-activity'].safeParse({ ...BODIES['military-activity'], end: '2021-08-01T00:00:00.000Z' }))).toEqual([
      'end: the activity ends before it starts',
    ]);
    expect(issues(BODY_SCHEMAS['foreign-contingents'].safeParse({ asOf: '2021-01-01', contingents: [] }))).toEqual([
      'contingents: list the foreign contingents, or send a nil report when there are none',
    ]);
    expect(issues(BODY_SCHEMAS.disaster.safeParse({ ...BODIES.disaster, mayAffect: ['Uzbekistan'] }))).toEqual([
      'mayAffect.0: an ISO 3166-1 alpha-3 code in capitals, such as KAZ',
    ]);
  });

  it('take a new submission whose body matches its category and kind, and nothing else', () => {
    const base = { to: ['UZB'], subject: 'Flood', legalBasis: '2.4.3', language: 'en', dissemination: { kind: 'addressees-only' }, urgent: true };
    const ok = NewSubmissionBody.safeParse({ ...base, category: 'disaster', kind: 'report', body: BODIES.disaster });
    expect(issues(ok)).toEqual([]);
    expect(ok.data).toMatchObject({ replyTo: null, previous: null, period: null });
    expect(issues(NewSubmissionBody.safeParse({ ...base, category: 'disaster', kind: 'report', body: BODIES['armed-forces'] })).length).toBeGreaterThan(0);
    expect(issues(NewSubmissionBody.safeParse({ ...base, category: 'disaster', kind: 'report', body: null }))).toEqual(['body: a report needs its body']);
    expect(issues(NewSubmissionBody.safeParse({ ...base, category: 'armed-forces', legalBasis: '2.1.1 a', kind: 'nil', body: BODIES['armed-forces'], period: '2021' }))).toEqual([
      'body: a nil report has no body',
    ]);
    expect(issues(NewSubmissionBody.safeParse({ ...base, category: 'armed-forces', kind: 'no-change', body: null, period: '2021' }))).toEqual([
      'previous: say which report still holds',
    ]);
    expect(issues(NewSubmissionBody.safeParse({ ...base, category: 'gossip', kind: 'report', body: {} })).length).toBeGreaterThan(0);
  });

  it('give the domain a submission it accepts once the server adds what it assigns', () => {
    const wire = NewSubmissionBody.parse({
      category: 'armed-forces',
      to: ['KGZ'],
      subject: 'Armed forces 2021',
      legalBasis: '2.1.1 a',
      language: 'ru',
      dissemination: TO_SECRETARIAT(['UZB']),
      kind: 'report',
      period: '2021',
      body: BODIES['armed-forces'],
    });
    const input = { ...wire, id: 'x1', registryNumber: 'CICA/EX/2021/0001', from: 'KAZ', retainUntil: null } as SubmissionInput;
    expect(checkExchangeEvent(emptyExchangeState(), sent(input))).toBeNull();
    expect(checkExchangeEvent(emptyExchangeState(), sent(submission('armed-forces', 'KAZ', ['KGZ']), undefined, delegateOf('KAZ')))).toBeNull();
  });

  it('check widenings, grants, permissions and queries', () => {
    expect(issues(WideningSchema.safeParse({ kind: 'states', states: [] }))).toEqual(['states: Too small: expected array to have >=1 items']);
    expect(WideningSchema.parse({ kind: 'secretariat', disseminateTo: 'any' })).toEqual({ kind: 'secretariat', disseminateTo: 'any' });
    expect(issues(WideningSchema.safeParse({ kind: 'forward', states: ['UZB'] })).length).toBe(1);
    expect(ConsentGrantBody.parse({ widening: { kind: 'publication' } })).toEqual({ widening: { kind: 'publication' }, inAnswerTo: null, until: null });
    expect(issues(ConsentGrantBody.safeParse({ widening: { kind: 'publication' }, until: 'tomorrow' })).length).toBe(1);
    expect(ContingentPermissionBody.parse({ hostState: 'KGZ', releaseTo: ['KAZ', 'SECRETARIAT'] })).toEqual({ hostState: 'KGZ', releaseTo: ['KAZ', 'SECRETARIAT'] });
    expect(SubmissionQuerySchema.parse({ urgent: 'true', category: 'disaster' })).toEqual({ urgent: true, category: 'disaster' });
  });

  it('take the default settings, and refuse a deadline on the 32nd', () => {
    expect(ExchangeSettingsSchema.parse(DEFAULT_EXCHANGE_SETTINGS)).toEqual(DEFAULT_EXCHANGE_SETTINGS);
    const bad = { ...DEFAULT_EXCHANGE_SETTINGS, categories: { 'armed-forces': { annual: { month: 12, day: 32, firstYear: 2021 }, leadHours: 1 } } };
    expect(issues(ExchangeSettingsSchema.safeParse(bad))).toEqual(['categories.armed-forces.annual.day: Too big: expected number to be <=31']);
    expect(Object.keys(CATEGORIES).length).toBe(CATEGORY_IDS.length);
  });
});
