import { describe, expect, it } from 'vitest';
import { CHAIR, delegate, SECRETARIAT } from '../../../test/support/events.ts';
import { approved, MEMBERS, recommended, rejected, reported, seedState, selected, unselected, volunteered, withdrawn } from '../../../test/support/catalogue.ts';
import { applyCatalogueEvent, checkCatalogueEvent, foldCatalogue, tryApplyCatalogueEvent } from './apply-catalogue-event.ts';
import { allAreas, allMeasures } from './catalogue.ts';
import type { CatalogueEvent } from './catalogue-event.ts';
import { CatalogueEventRejected, type CatalogueRejectionCode } from './catalogue-rejection.ts';
import { catalogueScope } from './catalogue-scope.ts';
import { emptyCatalogueState, liveCandidacy, type CatalogueState } from './catalogue-state.ts';
import { coordinationOf } from './coordination.ts';
import { deriveCatalogue } from './derive-catalogue.ts';

const catalogue = deriveCatalogue(seedState());
const scope = catalogueScope(catalogue, MEMBERS);
const area = (title: string): string => allAreas(catalogue).find((a) => a.title === title)!.id;
const measure = (label: string): string => allMeasures(catalogue).find((m) => m.label === label)!.id;
const TRADE = area('Trade and Investment');
const ICT = area('Security of and in the use of ICTs');

function folded(events: readonly CatalogueEvent[]): CatalogueState {
  return foldCatalogue(events, scope);
}

/** `event` after `before` is rejected with `code`, and the state is exactly as it was. */
function expectRejected(before: readonly CatalogueEvent[], event: CatalogueEvent, code: CatalogueRejectionCode): string {
  const state = folded(before);
  const copy = structuredClone(state);
  const result = tryApplyCatalogueEvent(state, event, scope);
  expect(result.ok ? 'applied' : result.rejection.code).toBe(code);
  expect(state).toEqual(copy);
  return result.ok ? '' : result.rejection.message;
}

describe('coordinators: volunteer → SWG recommends → SOC approves', () => {
  it('puts a state in office step by step, each with its date, and out again when it withdraws', () => {
    const log = [volunteered(TRADE, 'KAZ', 'coordinator', '2021-06-02'), recommended(TRADE, 'KAZ', '2021-06-02'), approved(TRADE, 'KAZ', '2021-10-12')];
    const state = folded(log);
    expect(liveCandidacy(state, TRADE, 'KAZ')).toMatchObject({ role: 'coordinator', stage: 'approved' });
    expect(liveCandidacy(state, TRADE, 'KAZ')!.steps.map((s) => `${s.stage} ${s.date}`)).toEqual(['volunteered 2021-06-02', 'recommended 2021-06-02', 'approved 2021-10-12']);
    const trade = (s: CatalogueState) => coordinationOf(catalogue, s).dimensions[2]!.areas.find((a) => a.areaId === TRADE)!;
    expect(trade(state)).toMatchObject({ coordinator: { state: 'KAZ', since: '2021-10-12' }, gap: false, pending: [] });
    expect(trade(folded(log.slice(0, 2)))).toMatchObject({ coordinator: null, gap: true, pending: [{ state: 'KAZ', role: 'coordinator', stage: 'recommended', since: '2021-06-02' }] });
    const after = folded([...log, withdrawn(TRADE, 'KAZ', '2022-01-10')]);
    expect(trade(after)).toMatchObject({ coordinator: null, gap: true });
    expect(after.candidacies.get(TRADE)![0]!.stage).toBe('withdrawn');
  });

  it('refuses an SOC approval of a state that never volunteered, or that the SWG has not recommended', () => {
    expect(expectRejected([], approved(TRADE, 'KAZ'), 'NOT_VOLUNTEERED')).toBe(
      'KAZ has not volunteered for "Trade and Investment": the SOC decides only on a state that volunteered (and, for the SOC, that the SWG recommended).',
    );
    expect(expectRejected([volunteered(TRADE, 'KAZ', 'coordinator')], approved(TRADE, 'KAZ'), 'NOT_RECOMMENDED')).toBe(
      'The SWG has not recommended KAZ as coordinator of "Trade and Investment"; the SOC decides only on a recommended volunteer.',
    );
    expectRejected([volunteered(TRADE, 'KAZ', 'coordinator')], rejected(TRADE, 'KAZ'), 'NOT_RECOMMENDED');
    expectRejected([], recommended(TRADE, 'KAZ'), 'NOT_VOLUNTEERED');
  });

  it('refuses a non-member, and a delegate acting for another state', () => {
    expect(expectRejected([], volunteered(TRADE, 'NOR', 'coordinator', '2021-06-02', SECRETARIAT), 'NOT_A_MEMBER')).toBe(
      'NOR is not a member state; only member states coordinate priority areas.',
    );
    expectRejected([], volunteered(TRADE, 'KAZ', 'coordinator', '2021-06-02', delegate('IND')), 'NOT_OWN_STATE');
    expectRejected([volunteered(TRADE, 'KAZ', 'coordinator')], withdrawn(TRADE, 'KAZ', '2021-11-01', delegate('IND')), 'NOT_OWN_STATE');
  });

  it('takes the SWG’s and the SOC’s decisions from the chair or the secretariat, never from a delegation', () => {
    const log = [volunteered(TRADE, 'KAZ', 'coordinator')];
    expectRejected(log, recommended(TRADE, 'KAZ', '2021-06-02', delegate('KAZ')), 'NOT_A_DELEGATE_STEP');
    expectRejected([...log, recommended(TRADE, 'KAZ')], approved(TRADE, 'KAZ', '2021-10-12', delegate('KAZ')), 'NOT_A_DELEGATE_STEP');
    expect(folded([...log, recommended(TRADE, 'KAZ', '2021-06-02', SECRETARIAT)]).version).toBe(2);
  });

  it('refuses unknown areas, bad roles and dates, and dates that run backwards', () => {
    expectRejected([], volunteered('nowhere', 'KAZ', 'coordinator'), 'UNKNOWN_AREA');
    expectRejected([], { ...volunteered(TRADE, 'KAZ', 'coordinator'), data: { areaId: TRADE, state: 'KAZ', role: 'chair' as never, date: '2021-06-02' } }, 'BAD_VALUE');
    expectRejected([], volunteered(TRADE, 'KAZ', 'coordinator', '2021-02-30'), 'BAD_DATE');
    expect(expectRejected([volunteered(TRADE, 'KAZ', 'coordinator', '2021-06-02')], recommended(TRADE, 'KAZ', '2021-05-01'), 'BAD_DATE')).toBe(
      'The step is dated 2021-05-01, before the previous one (volunteered on 2021-06-02); check the date.',
    );
  });

  it('keeps one live candidacy per state and area, and one coordinator per area', () => {
    const kazakhstan = [volunteered(TRADE, 'KAZ', 'coordinator'), recommended(TRADE, 'KAZ'), approved(TRADE, 'KAZ')];
    expectRejected(kazakhstan.slice(0, 1), volunteered(TRADE, 'KAZ', 'co-coordinator'), 'ALREADY_CANDIDATE');
    expectRejected(kazakhstan.slice(0, 2), recommended(TRADE, 'KAZ'), 'ALREADY_CANDIDATE');
    expectRejected(kazakhstan, volunteered(TRADE, 'KAZ', 'co-coordinator'), 'ALREADY_IN_OFFICE');
    expectRejected(kazakhstan, approved(TRADE, 'KAZ'), 'ALREADY_IN_OFFICE');
    const india = [volunteered(TRADE, 'IND', 'coordinator'), recommended(TRADE, 'IND')];
    expect(expectRejected([...kazakhstan, ...india], approved(TRADE, 'IND'), 'COORDINATOR_IN_OFFICE')).toContain('KAZ must withdraw before IND can be approved');
    // Co-coordinators are many; and once KAZ leaves, IND can be approved.
    expect(folded([...kazakhstan, volunteered(TRADE, 'CHN', 'co-coordinator'), recommended(TRADE, 'CHN'), approved(TRADE, 'CHN')]).version).toBe(6);
    expect(liveCandidacy(folded([...kazakhstan, ...india, withdrawn(TRADE, 'KAZ'), approved(TRADE, 'IND', '2021-11-02')]), TRADE, 'IND')?.stage).toBe('approved');
  });

  it('closes a candidacy the SOC rejects; the state may volunteer again later', () => {
    const log = [volunteered(ICT, 'IND', 'coordinator'), recommended(ICT, 'IND'), rejected(ICT, 'IND')];
    const state = folded(log);
    expect(liveCandidacy(state, ICT, 'IND')).toBeUndefined();
    expectRejected(log, withdrawn(ICT, 'IND'), 'NOT_A_CANDIDATE');
    const again = folded([...log, volunteered(ICT, 'IND', 'co-coordinator', '2022-01-01')]);
    expect(again.candidacies.get(ICT)!.map((c) => `${c.role} ${c.stage}`)).toEqual(['coordinator rejected', 'co-coordinator volunteered']);
  });

  it('lets a state that has left the organisation withdraw from what it held', () => {
    const log = [volunteered(TRADE, 'KAZ', 'coordinator'), recommended(TRADE, 'KAZ'), approved(TRADE, 'KAZ')];
    const state = folded(log);
    const without = catalogueScope(catalogue, MEMBERS.filter((m) => m !== 'KAZ'));
    expect(checkCatalogueEvent(state, withdrawn(TRADE, 'KAZ'), without)).toBeNull();
    expect(checkCatalogueEvent(state, volunteered(ICT, 'KAZ', 'coordinator'), without)?.code).toBe('NOT_A_MEMBER');
  });

  it('lets a state withdraw from an area whose heading the text has since dropped', () => {
    const state = folded([volunteered(TRADE, 'KAZ', 'coordinator')]);
    const economic = catalogue.dimensions[2]!;
    const shorter = { ...catalogue, dimensions: catalogue.dimensions.map((d) => (d === economic ? { ...d, areas: d.areas.filter((a) => a.id !== TRADE) } : d)) };
    const scopeNow = catalogueScope(shorter, MEMBERS);
    expect(checkCatalogueEvent(state, withdrawn(TRADE, 'KAZ'), scopeNow)).toBeNull();
    expect(checkCatalogueEvent(state, recommended(TRADE, 'KAZ'), scopeNow)?.code).toBe('UNKNOWN_AREA');
  });

  it('lists an area of the coordinators’ list once, and only by the secretariat', () => {
    const listed: CatalogueEvent = { type: 'area.listed', at: '2021-06-02T08:00:00.000Z', actor: SECRETARIAT, data: { areaId: 'list:3.9', dimensionId: null, dimension: 'Economic', title: 'Blue economy' } };
    expectRejected([listed], listed, 'DUPLICATE_AREA');
    expectRejected([], { ...listed, data: { ...listed.data, areaId: TRADE } }, 'DUPLICATE_AREA');
    expectRejected([], { ...listed, actor: delegate('KAZ') }, 'NOT_A_DELEGATE_STEP');
    expect(folded([listed, volunteered('list:3.9', 'KAZ', 'coordinator')]).candidacies.get('list:3.9')).toHaveLength(1);
  });
});

describe('choosing measures and reporting on them', () => {
  const SME = measure('2.3.1');
  const OBSERVERS = measure('2.1.2');

  it('records a selection, a change of its terms and its withdrawal as spans of time', () => {
    const state = folded([
      selected(SME, 'KAZ', '2021-02-01T00:00:00.000Z', ['RUS']),
      selected(SME, 'KAZ', '2021-09-01T00:00:00.000Z', ['RUS', 'TUR']),
      unselected(SME, 'KAZ', '2022-03-01T00:00:00.000Z'),
    ]);
    expect(state.selections.get('KAZ')!.get(SME)).toEqual({
      measureId: SME,
      state: 'KAZ',
      active: false,
      spans: [
        { from: '2021-02-01T00:00:00.000Z', to: '2021-09-01T00:00:00.000Z', mode: 'bilateral', partners: ['RUS'] },
        { from: '2021-09-01T00:00:00.000Z', to: '2022-03-01T00:00:00.000Z', mode: 'bilateral', partners: ['RUS', 'TUR'] },
      ],
    });
  });

  it('refuses what a selection cannot be', () => {
    const at = '2021-02-01T00:00:00.000Z';
    expectRejected([], selected('nowhere', 'KAZ', at), 'UNKNOWN_MEASURE');
    expectRejected([], selected(SME, 'NOR', at, [], SECRETARIAT), 'NOT_A_MEMBER');
    expectRejected([], selected(SME, 'KAZ', at, ['NOR']), 'NOT_A_MEMBER');
    expectRejected([], selected(SME, 'KAZ', at, [], delegate('RUS')), 'NOT_OWN_STATE');
    expectRejected([], { ...selected(SME, 'KAZ', at), data: { measureId: SME, state: 'KAZ', mode: 'bilateral', partners: [] } }, 'BAD_PARTNERS');
    expectRejected([], { ...selected(SME, 'KAZ', at), data: { measureId: SME, state: 'KAZ', mode: 'multilateral', partners: ['RUS'] } }, 'BAD_PARTNERS');
    expectRejected([], selected(SME, 'KAZ', at, ['KAZ']), 'BAD_PARTNERS');
    expectRejected([], selected(SME, 'KAZ', at, ['RUS', 'RUS']), 'BAD_PARTNERS');
    expectRejected([], { ...selected(SME, 'KAZ', at), data: { measureId: SME, state: 'KAZ', mode: 'trilateral' as never, partners: [] } }, 'BAD_VALUE');
    expectRejected([selected(SME, 'KAZ', at, ['RUS'])], selected(SME, 'KAZ', at, ['RUS']), 'ALREADY_SELECTED');
    expectRejected([], unselected(SME, 'KAZ', at), 'NOT_SELECTED');
  });

  it('takes reports only on a measure the state chose, for a real period, and keeps the versions a new report replaces', () => {
    const at = '2021-02-01T00:00:00.000Z';
    expect(expectRejected([], reported(OBSERVERS, 'KAZ', '2021', 'planned', '', at), 'NOT_SELECTED')).toBe(
      'KAZ has never selected measure 2.1.2; a state reports on the measures it chose.',
    );
    const chosen = [selected(OBSERVERS, 'KAZ', at)];
    expectRejected(chosen, reported(OBSERVERS, 'KAZ', '2021-H3', 'planned', '', at), 'BAD_PERIOD');
    expectRejected(chosen, reported(OBSERVERS, 'KAZ', '2021', 'finished' as never, '', at), 'BAD_VALUE');
    expectRejected(chosen, reported(OBSERVERS, 'KAZ', '2021', 'planned', '', at, delegate('CHN')), 'NOT_OWN_STATE');
    const state = folded([
      ...chosen,
      reported(OBSERVERS, 'KAZ', '2021-H1', 'planned', 'Invitations drafted.', '2021-06-30T00:00:00.000Z'),
      reported(OBSERVERS, 'KAZ', '2021-H1', 'implemented', 'Observers from CHN and MNG attended.', '2021-07-15T00:00:00.000Z'),
      unselected(OBSERVERS, 'KAZ', '2021-08-01T00:00:00.000Z'),
      // Reporting on a period after withdrawing is still a report on a measure the state chose.
      reported(OBSERVERS, 'KAZ', '2021-Q3', 'not-implemented', 'Exercise cancelled.', '2021-10-01T00:00:00.000Z', CHAIR),
    ]);
    const reports = [...state.reports.values()];
    expect(reports.map((r) => [r.period, r.status, r.earlier.map((e) => e.status)])).toEqual([
      ['2021-H1', 'implemented', ['planned']],
      ['2021-Q3', 'not-implemented', []],
    ]);
  });
});

describe('the laws of the catalogue log', () => {
  const at = (day: string): string => `${day}T08:00:00.000Z`;
  const log: CatalogueEvent[] = [
    volunteered(TRADE, 'KAZ', 'coordinator'),
    recommended(TRADE, 'KAZ'),
    approved(TRADE, 'KAZ'),
    volunteered(ICT, 'CHN', 'co-coordinator'),
    selected(measure('2.3.1'), 'KAZ', at('2021-02-01'), ['RUS']),
    reported(measure('2.3.1'), 'KAZ', '2021', 'in-progress', 'Two fairs held.', at('2022-01-20')),
    unselected(measure('2.3.1'), 'KAZ', at('2022-03-01')),
    withdrawn(ICT, 'CHN'),
  ];

  it('folds the same log to the same state, one event at a time or at once, with or without a scope, and through JSON', () => {
    const whole = folded(log);
    expect(whole.version).toBe(log.length);
    const live = emptyCatalogueState();
    for (const event of log) applyCatalogueEvent(live, event, scope);
    expect(live).toEqual(whole);
    expect(foldCatalogue(log)).toEqual(whole);
    const revived = JSON.parse(JSON.stringify(log)) as CatalogueEvent[];
    expect(revived).toEqual(log);
    expect(folded(revived)).toEqual(whole);
  });

  it('never changes a record in place: one read before an event still reads the same after it', () => {
    const state = folded(log.slice(0, 2));
    const before = liveCandidacy(state, TRADE, 'KAZ')!;
    applyCatalogueEvent(state, log[2]!, scope);
    expect(before.stage).toBe('recommended');
    expect(liveCandidacy(state, TRADE, 'KAZ')!.stage).toBe('approved');
  });

  it('throws on a corrupt log, naming what is wrong', () => {
    expect(() => foldCatalogue([approved(TRADE, 'KAZ')])).toThrow(CatalogueEventRejected);
    expect(() => foldCatalogue([approved(TRADE, 'KAZ')])).toThrow('KAZ has not volunteered for area');
  });
});
