/**
 * `tryApplyCatalogueEvent` folds one catalogue event into a state; `foldCatalogue` folds a log.
 *
 * Each event is validated completely before anything changes, so a rejected event leaves the
 * state exactly as it was. Values the types already restrict (a role, a mode, a status) are
 * checked again: events arrive as JSON, and a log must never hold what the types forbid.
 *
 * Recording who acts is the server's business (it authorises every route); the domain keeps
 * only the rules that hold whoever records: a delegate acts for its own state only, and the
 * decisions of the SWG and the SOC are recorded by the chair or the secretariat, never by a
 * delegation.
 */
import type { Actor } from '../events/event.ts';
import { COORDINATOR_ROLES, IMPLEMENTATION_STATUSES, SELECTION_MODES, type CatalogueEvent } from './catalogue-event.ts';
import { CatalogueEventRejected, rejectCatalogue, type CatalogueRejection } from './catalogue-rejection.ts';
import type { CatalogueScope } from './catalogue-scope.ts';
import {
  emptyCatalogueState,
  liveCandidacy,
  LIVE_STAGES,
  reportKey,
  type Candidacy,
  type CandidacyStage,
  type CatalogueState,
  type Selection,
} from './catalogue-state.ts';
import { isCalendarDate, parsePeriod } from './period.ts';

export type CatalogueApplyResult =
  | { readonly ok: true; readonly state: CatalogueState }
  | { readonly ok: false; readonly rejection: CatalogueRejection };

/**
 * Applies `event` to `state` in place, or returns why it does not apply. `scope` is what a new
 * event is checked against (members, areas, measures); pass null to replay a stored log.
 */
export function tryApplyCatalogueEvent(state: CatalogueState, event: CatalogueEvent, scope: CatalogueScope | null): CatalogueApplyResult {
  const rejection = validate(state, event, scope);
  if (rejection) return { ok: false, rejection };
  mutate(state, event);
  state.version += 1;
  return { ok: true, state };
}

/** Applies `event` to `state` in place, throwing {@link CatalogueEventRejected} when it does not apply. */
export function applyCatalogueEvent(state: CatalogueState, event: CatalogueEvent, scope: CatalogueScope | null): CatalogueState {
  const result = tryApplyCatalogueEvent(state, event, scope);
  if (!result.ok) throw new CatalogueEventRejected(result.rejection);
  return result.state;
}

/** Why `event` would not apply to `state`, or null when it would; the state is left untouched. */
export function checkCatalogueEvent(state: CatalogueState, event: CatalogueEvent, scope: CatalogueScope | null): CatalogueRejection | null {
  return validate(state, event, scope);
}

/**
 * The state a log describes; the same log always gives the same state.
 * @throws CatalogueEventRejected if an event breaks the log's own rules (a corrupt log).
 */
export function foldCatalogue(events: readonly CatalogueEvent[], scope: CatalogueScope | null = null): CatalogueState {
  const state = emptyCatalogueState();
  for (const event of events) applyCatalogueEvent(state, event, scope);
  return state;
}

// ---------------------------------------------------------------------------------------
// Validation: pure checks, no mutation.

function validate(state: CatalogueState, event: CatalogueEvent, scope: CatalogueScope | null): CatalogueRejection | null {
  switch (event.type) {
    case 'coordinator.volunteered': {
      const { data } = event;
      if (!COORDINATOR_ROLES.includes(data.role)) return rejectCatalogue('BAD_VALUE', `"${String(data.role)}" is no role: a state volunteers as coordinator or co-coordinator.`);
      const common = checkStep(state, event.actor, data, scope, 'volunteer');
      if (common) return common;
      const live = liveCandidacy(state, data.areaId, data.state);
      if (live?.stage === 'approved') {
        return rejectCatalogue('ALREADY_IN_OFFICE', `${data.state} is already ${live.role} of ${areaName(state, scope, data.areaId)}; to take the other role it first withdraws from this one.`);
      }
      if (live) {
        return rejectCatalogue('ALREADY_CANDIDATE', `${data.state} has already volunteered as ${live.role} of ${areaName(state, scope, data.areaId)} (${live.stage}); withdraw that candidacy to volunteer again.`);
      }
      return null;
    }
    case 'coordinator.recommended':
    case 'coordinator.approved':
    case 'coordinator.rejected': {
      const { data } = event;
      const body = event.type === 'coordinator.recommended' ? 'SWG' : 'SOC';
      if (event.actor.role === 'delegate') {
        return rejectCatalogue('NOT_A_DELEGATE_STEP', `The ${body}'s decision is recorded by the chair or the secretariat, not by a delegation.`);
      }
      const common = checkStep(state, event.actor, data, scope, 'decide');
      if (common) return common;
      const area = areaName(state, scope, data.areaId);
      const live = liveCandidacy(state, data.areaId, data.state);
      if (!live) {
        return rejectCatalogue('NOT_VOLUNTEERED', `${data.state} has not volunteered for ${area}: the ${body} decides only on a state that volunteered (and, for the SOC, that the SWG recommended).`);
      }
      if (live.stage === 'approved') return rejectCatalogue('ALREADY_IN_OFFICE', `${data.state} is already ${live.role} of ${area}.`);
      if (event.type === 'coordinator.recommended' && live.stage === 'recommended') {
        return rejectCatalogue('ALREADY_CANDIDATE', `The SWG has already recommended ${data.state} as ${live.role} of ${area}; the SOC decides next.`);
      }
      if (event.type !== 'coordinator.recommended' && live.stage === 'volunteered') {
        return rejectCatalogue('NOT_RECOMMENDED', `The SWG has not recommended ${data.state} as ${live.role} of ${area}; the SOC decides only on a recommended volunteer.`);
      }
      const order = checkDateOrder(live, data.date);
      if (order) return order;
      if (event.type === 'coordinator.approved' && live.role === 'coordinator') {
        const holder = state.candidacies.get(data.areaId)?.find((c) => c.role === 'coordinator' && c.stage === 'approved');
        if (holder) {
          return rejectCatalogue('COORDINATOR_IN_OFFICE', `${holder.state} is the coordinator of ${area}; an area has one coordinator, so ${holder.state} must withdraw before ${data.state} can be approved.`);
        }
      }
      return null;
    }
    case 'coordinator.withdrawn': {
      const { data } = event;
      const common = checkStep(state, event.actor, data, scope, 'withdraw');
      if (common) return common;
      const live = liveCandidacy(state, data.areaId, data.state);
      if (!live) return rejectCatalogue('NOT_A_CANDIDATE', `${data.state} neither holds nor seeks a role in ${areaName(state, scope, data.areaId)}; there is nothing to withdraw.`);
      return checkDateOrder(live, data.date);
    }
    case 'area.listed': {
      const { data } = event;
      if (event.actor.role === 'delegate') return rejectCatalogue('NOT_A_DELEGATE_STEP', 'The list of coordinators is kept by the secretariat, not by a delegation.');
      if (data.areaId.trim() === '' || data.title.trim() === '') return rejectCatalogue('BAD_VALUE', 'A listed area needs an id and a title.');
      if (state.listedAreas.has(data.areaId) || scope?.areas.has(data.areaId)) return rejectCatalogue('DUPLICATE_AREA', `Area ${data.areaId} already exists.`);
      return null;
    }
    case 'measure.selected': {
      const { data } = event;
      const common = checkMeasureAct(event.actor, data.measureId, data.state, scope);
      if (common) return common;
      if (!SELECTION_MODES.includes(data.mode)) return rejectCatalogue('BAD_VALUE', `"${String(data.mode)}" is no mode: a measure is implemented bilaterally or multilaterally.`);
      const partners = checkPartners(data.state, data.mode, data.partners, scope);
      if (partners) return partners;
      const current = selectionOf(state, data.state, data.measureId);
      const span = current?.active ? current.spans.at(-1) : undefined;
      if (span && span.mode === data.mode && sameSet(span.partners, data.partners)) {
        return rejectCatalogue('ALREADY_SELECTED', `${data.state} has already selected measure ${measureName(scope, data.measureId)} on these terms.`);
      }
      return null;
    }
    case 'measure.withdrawn': {
      const { data } = event;
      // Not checked against the scope: a measure since dropped from the text, or a state that
      // left, can still end a selection.
      const common = checkMeasureAct(event.actor, data.measureId, data.state, null);
      if (common) return common;
      return selectionOf(state, data.state, data.measureId)?.active
        ? null
        : rejectCatalogue('NOT_SELECTED', `${data.state} has not selected measure ${measureName(scope, data.measureId)}; there is nothing to withdraw.`);
    }
    case 'implementation.reported': {
      const { data } = event;
      const common = checkMeasureAct(event.actor, data.measureId, data.state, scope);
      if (common) return common;
      if (parsePeriod(data.period) === null) return rejectCatalogue('BAD_PERIOD', `"${data.period}" is no period: write a year (2021), a half (2021-H1) or a quarter (2021-Q3).`);
      if (!IMPLEMENTATION_STATUSES.includes(data.status)) {
        return rejectCatalogue('BAD_VALUE', `"${String(data.status)}" is no status: use ${IMPLEMENTATION_STATUSES.join(', ')}.`);
      }
      if (typeof data.text !== 'string') return rejectCatalogue('BAD_VALUE', 'A report needs a text (it may be empty).');
      return selectionOf(state, data.state, data.measureId)
        ? null
        : rejectCatalogue('NOT_SELECTED', `${data.state} has never selected measure ${measureName(scope, data.measureId)}; a state reports on the measures it chose.`);
    }
  }
}

/** The checks every coordinator step shares: its date, its area, the state's membership, and who may act. */
function checkStep(
  state: CatalogueState,
  actor: Actor,
  data: { readonly areaId: string; readonly state: string; readonly date: string },
  scope: CatalogueScope | null,
  step: 'volunteer' | 'decide' | 'withdraw',
): CatalogueRejection | null {
  if (!isCalendarDate(data.date)) return rejectCatalogue('BAD_DATE', `"${data.date}" is no date: write the day the step was taken as YYYY-MM-DD.`);
  // A state may withdraw from an area whose heading has since been dropped, and after it left
  // the organisation: a withdrawal only ends what the log holds.
  if (step !== 'withdraw' && scope !== null && !scope.areas.has(data.areaId) && !state.listedAreas.has(data.areaId)) {
    return rejectCatalogue('UNKNOWN_AREA', `There is no priority area ${data.areaId} in the catalogue or the list of coordinators.`);
  }
  if (step !== 'withdraw' && scope !== null && !scope.members.has(data.state)) {
    return rejectCatalogue('NOT_A_MEMBER', `${data.state} is not a member state; only member states coordinate priority areas.`);
  }
  if (step !== 'decide' && actor.role === 'delegate' && actor.delegation !== data.state) {
    return rejectCatalogue('NOT_OWN_STATE', `A delegate of ${actor.delegation ?? 'no delegation'} cannot act for ${data.state}.`);
  }
  return null;
}

function checkMeasureAct(actor: Actor, measureId: string, memberState: string, scope: CatalogueScope | null): CatalogueRejection | null {
  if (scope !== null && !scope.measures.has(measureId)) return rejectCatalogue('UNKNOWN_MEASURE', `There is no measure ${measureId} in the catalogue.`);
  if (scope !== null && !scope.members.has(memberState)) return rejectCatalogue('NOT_A_MEMBER', `${memberState} is not a member state; only member states choose measures.`);
  if (actor.role === 'delegate' && actor.delegation !== memberState) {
    return rejectCatalogue('NOT_OWN_STATE', `A delegate of ${actor.delegation ?? 'no delegation'} cannot act for ${memberState}.`);
  }
  return null;
}

function checkPartners(memberState: string, mode: string, given: unknown, scope: CatalogueScope | null): CatalogueRejection | null {
  if (!isStringList(given)) return rejectCatalogue('BAD_PARTNERS', 'Partners are a list of state codes.');
  const partners = given;
  if (mode === 'multilateral') {
    return partners.length === 0 ? null : rejectCatalogue('BAD_PARTNERS', 'A multilateral selection names no partners; choose bilateral to name them.');
  }
  if (partners.length === 0) return rejectCatalogue('BAD_PARTNERS', 'A bilateral selection names at least one partner state.');
  if (partners.includes(memberState)) return rejectCatalogue('BAD_PARTNERS', `${memberState} cannot be its own partner.`);
  if (new Set(partners).size !== partners.length) return rejectCatalogue('BAD_PARTNERS', 'Each partner is named once.');
  const outsider = scope === null ? undefined : partners.find((partner) => !scope.members.has(partner));
  if (outsider !== undefined) return rejectCatalogue('NOT_A_MEMBER', `${outsider} is not a member state; partners are member states.`);
  return null;
}

/** A step may not be dated before the step it follows: the SOC cannot approve before the SWG recommended. */
function checkDateOrder(candidacy: Candidacy, date: string): CatalogueRejection | null {
  const last = candidacy.steps.at(-1);
  if (!last || last.date <= date) return null;
  return rejectCatalogue('BAD_DATE', `The step is dated ${date}, before the previous one (${last.stage} on ${last.date}); check the date.`);
}

function areaName(state: CatalogueState, scope: CatalogueScope | null, areaId: string): string {
  const title = scope?.areas.get(areaId) ?? state.listedAreas.get(areaId)?.title;
  return title === undefined ? `area ${areaId}` : `"${title}"`;
}

function measureName(scope: CatalogueScope | null, measureId: string): string {
  return scope?.measures.get(measureId) ?? measureId;
}

function selectionOf(state: CatalogueState, memberState: string, measureId: string): Selection | undefined {
  return state.selections.get(memberState)?.get(measureId);
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

// ---------------------------------------------------------------------------------------
// Mutation: only called once validation passed.

function mutate(state: CatalogueState, event: CatalogueEvent): void {
  switch (event.type) {
    case 'coordinator.volunteered': {
      const { data } = event;
      const candidacy: Candidacy = { areaId: data.areaId, state: data.state, role: data.role, stage: 'volunteered', steps: [step(event, 'volunteered')] };
      state.candidacies.set(data.areaId, [...(state.candidacies.get(data.areaId) ?? []), candidacy]);
      return;
    }
    case 'coordinator.recommended':
      advance(state, event, 'recommended');
      return;
    case 'coordinator.approved':
      advance(state, event, 'approved');
      return;
    case 'coordinator.rejected':
      advance(state, event, 'rejected');
      return;
    case 'coordinator.withdrawn':
      advance(state, event, 'withdrawn');
      return;
    case 'area.listed': {
      const { areaId, dimensionId, dimension, title } = event.data;
      state.listedAreas.set(areaId, { id: areaId, dimensionId, dimension, title });
      return;
    }
    case 'measure.selected': {
      const { measureId, state: memberState, mode, partners } = event.data;
      const current = selectionOf(state, memberState, measureId);
      const spans = (current?.spans ?? []).map((span) => (span.to === null ? { ...span, to: event.at } : span));
      setSelection(state, { measureId, state: memberState, active: true, spans: [...spans, { from: event.at, to: null, mode, partners: [...partners] }] });
      return;
    }
    case 'measure.withdrawn': {
      const { measureId, state: memberState } = event.data;
      const current = selectionOf(state, memberState, measureId);
      if (!current) return;
      setSelection(state, { ...current, active: false, spans: current.spans.map((span) => (span.to === null ? { ...span, to: event.at } : span)) });
      return;
    }
    case 'implementation.reported': {
      const { measureId, state: memberState, period, status, text } = event.data;
      const key = reportKey(memberState, measureId, period);
      const earlier = state.reports.get(key);
      state.reports.set(key, {
        measureId,
        state: memberState,
        period,
        status,
        text,
        at: event.at,
        actor: event.actor,
        earlier: earlier ? [...earlier.earlier, { status: earlier.status, text: earlier.text, at: earlier.at, actor: earlier.actor }] : [],
      });
      return;
    }
  }
}

function step(event: Extract<CatalogueEvent, { data: { date: string } }>, stage: CandidacyStage): Candidacy['steps'][number] {
  return { stage, date: event.data.date, at: event.at, actor: event.actor, note: event.data.note ?? null };
}

function advance(state: CatalogueState, event: Extract<CatalogueEvent, { data: { date: string } }>, stage: CandidacyStage): void {
  const { areaId, state: memberState } = event.data;
  const list = state.candidacies.get(areaId) ?? [];
  state.candidacies.set(
    areaId,
    list.map((c) => (c.state === memberState && LIVE_STAGES.has(c.stage) ? { ...c, stage, steps: [...c.steps, step(event, stage)] } : c)),
  );
}

function setSelection(state: CatalogueState, selection: Selection): void {
  let byMeasure = state.selections.get(selection.state);
  if (!byMeasure) {
    byMeasure = new Map();
    state.selections.set(selection.state, byMeasure);
  }
  byMeasure.set(selection.measureId, selection);
}
