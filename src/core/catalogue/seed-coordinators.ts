/**
 * `seedCoordinators` turns the coordinators' list of an imported document into catalogue
 * events, so that the list's state of affairs becomes the start of the organisation's log:
 * - a name without "+" holds its role: volunteered, recommended and approved, all dated the list's date;
 * - a name with "+" volunteered and the SWG recommends it: it awaits the SOC;
 * - a row whose area the text does not have becomes a listed area (`area.listed`) first.
 * Every event is checked as it would be on appending it, and one that does not apply (a second
 * coordinator in one area, a state named twice, a non-member) is left out and reported: the
 * events returned always fold.
 */
import type { DelegationRegistry } from '../delegations/delegation.ts';
import type { Actor } from '../events/event.ts';
import type { DocumentState } from '../model/document-state.ts';
import { tryApplyCatalogueEvent } from './apply-catalogue-event.ts';
import { matchListToCatalogue, type AreaMatch } from './area-matching.ts';
import type { Catalogue } from './catalogue.ts';
import type { CatalogueEvent, CoordinatorRole } from './catalogue-event.ts';
import { catalogueScope, type CatalogueScope } from './catalogue-scope.ts';
import { emptyCatalogueState } from './catalogue-state.ts';
import { readCoordinatorsList, type ListedName, type ListProblemCode } from './coordinators-list.ts';

export interface CoordinatorSeedOptions {
  readonly registry: DelegationRegistry;
  /** When the events are recorded (ISO 8601); core has no clock. */
  readonly at: string;
  /** The day the list speaks for, YYYY-MM-DD: the date of the note verbale that circulated it. */
  readonly date: string;
  /** Checks the names against the member states too, when given. */
  readonly members?: Iterable<string>;
  /** Defaults to the importer's actor: user "import", role "system". */
  readonly actor?: Actor;
  /** Kept on every step, to say where it came from. */
  readonly note?: string;
}

export type SeedProblemCode = ListProblemCode | 'UNKNOWN_DIMENSION' | 'LIST_ONLY_AREA' | 'STEP_REJECTED';

export interface SeedProblem {
  readonly code: SeedProblemCode;
  readonly provisionId: string;
  readonly line: number;
  readonly message: string;
}

export interface CoordinatorSeed {
  readonly events: CatalogueEvent[];
  /** One per row of the list, in its order, with the rule that matched it to the catalogue. */
  readonly matches: readonly AreaMatch[];
  /** The area each row's events name: the catalogue's, or the listed area made for it. */
  readonly areaIds: readonly string[];
  readonly problems: readonly SeedProblem[];
}

const IMPORT_ACTOR: Actor = { user: 'import', delegation: null, role: 'system' };

/** The events that record `state`'s coordinators' list, or null when the document has no list. */
export function seedCoordinators(state: DocumentState, catalogue: Catalogue, options: CoordinatorSeedOptions): CoordinatorSeed | null {
  const list = readCoordinatorsList(state, options.registry);
  if (list === null) return null;
  const problems: SeedProblem[] = [...list.problems];
  const matches = matchListToCatalogue(catalogue, list.rows);
  const scope: CatalogueScope | null = options.members === undefined ? null : catalogueScope(catalogue, options.members);
  const log = emptyCatalogueState();
  const events: CatalogueEvent[] = [];
  const actor = options.actor ?? IMPORT_ACTOR;
  const base = { at: options.at, actor };
  const step = { date: options.date, ...(options.note === undefined ? {} : { note: options.note }) };

  const record = (event: CatalogueEvent, where: { provisionId: string; line: number }): boolean => {
    const result = tryApplyCatalogueEvent(log, event, scope);
    if (result.ok) events.push(event);
    else problems.push({ code: 'STEP_REJECTED', ...where, message: `${result.rejection.message} (left out of the seeded coordinators)` });
    return result.ok;
  };

  const areaIds = matches.map((match, index) => {
    const { row } = match;
    const where = { provisionId: row.provisionId, line: row.line };
    if (match.dimensionId === null) {
      problems.push({ code: 'UNKNOWN_DIMENSION', ...where, message: `The list's dimension "${row.dimension}" matches no dimension heading of the text; its rows are kept as list-only areas.` });
    }
    let areaId = match.areaId;
    if (areaId === null) {
      areaId = `list:${row.dimensionNumber}.${row.areaNumber ?? index + 1}`;
      const title = row.area ?? row.dimension;
      problems.push({ code: 'LIST_ONLY_AREA', ...where, message: `The list's area "${title}" matches no priority area of the text; it is kept as an area of the list only.` });
      record({ type: 'area.listed', ...base, data: { areaId, dimensionId: match.dimensionId, dimension: row.dimension, title } }, where);
    }
    const holders: [ListedName, CoordinatorRole][] = [
      ...row.coordinators.map((name): [ListedName, CoordinatorRole] => [name, 'coordinator']),
      ...row.coCoordinators.map((name): [ListedName, CoordinatorRole] => [name, 'co-coordinator']),
    ];
    for (const [name, role] of holders) {
      const who = { areaId, state: name.code, ...step };
      if (!record({ type: 'coordinator.volunteered', ...base, data: { ...who, role } }, where)) continue;
      if (!record({ type: 'coordinator.recommended', ...base, data: who }, where)) continue;
      if (!name.volunteered) record({ type: 'coordinator.approved', ...base, data: who }, where);
    }
    return areaId;
  });
  return { events, matches, areaIds, problems };
}
