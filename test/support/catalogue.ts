/** The seed's catalogue and small constructors for catalogue events in tests. */
import { applyEvent, fold } from '../../src/core/events/apply.ts';
import type { Actor, ParleyEvent } from '../../src/core/events/event.ts';
import { importDraft } from '../../src/core/import-draft.ts';
import type { DocumentState } from '../../src/core/model/document-state.ts';
import type { ProvisionKind } from '../../src/core/model/provision.ts';
import { CICA_ALIASES, CICA_MEMBER_STATES_2021, createDelegationRegistry } from '../../src/core/delegations/index.ts';
import type {
  CatalogueEvent,
  CoordinatorRole,
  CoordinatorVolunteered,
  ImplementationReported,
  ImplementationStatus,
  MeasureSelected,
} from '../../src/core/catalogue/catalogue-event.ts';
import { readSeed } from './seed.ts';
import { CHAIR, delegate, SECRETARIAT } from './events.ts';

export const CICA_REGISTRY = createDelegationRegistry({ aliases: CICA_ALIASES });
export const MEMBERS: readonly string[] = CICA_MEMBER_STATES_2021;

/** The seed imported as a secretariat would: CICA's aliases, the 2021 members. */
export function seedState(): DocumentState {
  return importDraft(readSeed(), { registry: CICA_REGISTRY, documentId: 'seed' }).state;
}

/** A document made of the given provisions, in order: [id, kind, label, text]. */
export function documentOf(provisions: readonly (readonly [string, ProvisionKind, string | null, string])[], more: readonly ParleyEvent[] = []): DocumentState {
  const events: ParleyEvent[] = [{ type: 'document.created', at: '2021-05-28T00:00:00.000Z', actor: SECRETARIAT, data: { documentId: 'doc', title: 'Test', notation: 'cica' } }];
  let after: string | null = null;
  for (const [id, kind, label, text] of provisions) {
    events.push({ type: 'provision.added', at: '2021-05-28T00:00:00.000Z', actor: SECRETARIAT, data: { provision: { id, kind, label, text }, after } });
    after = id;
  }
  const state = fold(events);
  for (const event of more) applyEvent(state, event);
  return state;
}

const AT = '2021-06-02T08:00:00.000Z';

export function volunteered(areaId: string, state: string, role: CoordinatorRole, date = '2021-06-02', actor: Actor = delegate(state)): CoordinatorVolunteered {
  return { type: 'coordinator.volunteered', at: AT, actor, data: { areaId, state, role, date } };
}

export function recommended(areaId: string, state: string, date = '2021-06-02', actor: Actor = CHAIR): CatalogueEvent {
  return { type: 'coordinator.recommended', at: AT, actor, data: { areaId, state, date } };
}

export function approved(areaId: string, state: string, date = '2021-10-12', actor: Actor = SECRETARIAT): CatalogueEvent {
  return { type: 'coordinator.approved', at: AT, actor, data: { areaId, state, date, note: 'SOC meeting' } };
}

export function rejected(areaId: string, state: string, date = '2021-10-12', actor: Actor = SECRETARIAT): CatalogueEvent {
  return { type: 'coordinator.rejected', at: AT, actor, data: { areaId, state, date } };
}

export function withdrawn(areaId: string, state: string, date = '2021-11-01', actor: Actor = delegate(state)): CatalogueEvent {
  return { type: 'coordinator.withdrawn', at: AT, actor, data: { areaId, state, date } };
}

export function selected(measureId: string, state: string, at: string, partners: readonly string[] = [], actor: Actor = delegate(state)): MeasureSelected {
  return { type: 'measure.selected', at, actor, data: { measureId, state, mode: partners.length === 0 ? 'multilateral' : 'bilateral', partners } };
}

export function unselected(measureId: string, state: string, at: string, actor: Actor = delegate(state)): CatalogueEvent {
  return { type: 'measure.withdrawn', at, actor, data: { measureId, state } };
}

export function reported(measureId: string, state: string, period: string, status: ImplementationStatus, text: string, at: string, actor: Actor = delegate(state)): ImplementationReported {
  return { type: 'implementation.reported', at, actor, data: { measureId, state, period, status, text } };
}
