/**
 * The catalogue's register: coordinators, chosen measures and implementation reports of one
 * organisation, folded by src/core. The store replays with no scope (`null`): each event was
 * checked against the members, areas and measures of its day when it was appended (see
 * services/catalogue.ts), and a later change of the text must not make the log unreadable.
 */
import { emptyCatalogueState, tryApplyCatalogueEvent, type CatalogueEvent, type CatalogueState } from '../../core/index.ts';
import type { RegisterDomain } from './register-store.ts';

export const CATALOGUE_REGISTER: RegisterDomain<CatalogueState, CatalogueEvent> = {
  kind: 'catalogue',
  empty: emptyCatalogueState,
  apply(state, event) {
    const result = tryApplyCatalogueEvent(state, event, null);
    return result.ok ? null : result.rejection;
  },
};
