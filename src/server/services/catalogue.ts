/**
 * The catalogue as a request sees it: which document it is read from (the organisation's
 * setting), the catalogue derived from that document's current state (cached per version:
 * deriving walks the whole text), the member states, and the one path by which a new
 * catalogue event is checked against them and appended.
 *
 * New events are checked WITH the scope of today (members, areas, measures); the register
 * replays WITHOUT one (store/catalogue-register.ts), so yesterday's log stays readable after
 * the text changes.
 */
import { asc, eq } from 'drizzle-orm';
import {
  catalogueScope,
  checkCatalogueEvent,
  createDelegationRegistry,
  deriveCatalogue,
  seedCoordinators,
  type Actor,
  type Catalogue,
  type CatalogueEvent,
  type CatalogueState,
  type DocumentState,
  type SeedProblem,
} from '../../core/index.ts';
import { canReadDocument, requireMember, requireRule, type AccessRule } from '../auth/policy.ts';
import type { Membership, Principal } from '../auth/principal.ts';
import type { Context } from '../context.ts';
import { delegations, documents, organisations } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import type { RegisterResult } from '../store/register-store.ts';

export interface CatalogueAccess {
  readonly organisationId: string;
  readonly principal: Principal;
  readonly list: Membership[];
  readonly catalogue: Catalogue;
  /** The member states (ISO alpha-3), sorted: the review's rows. */
  readonly members: readonly string[];
}

type CatalogueContext = Pick<Context, 'database' | 'store' | 'catalogue' | 'documents' | 'now'>;

const derived = new WeakMap<object, Map<string, { version: number; catalogue: Catalogue }>>();

/** The catalogue of `documentId` at the store's current version, derived once per version. */
export async function currentCatalogue(context: Pick<Context, 'store'>, documentId: string): Promise<{ state: DocumentState; catalogue: Catalogue }> {
  const state = await context.store.read(documentId);
  if (!state) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId });
  let cache = derived.get(context.store);
  if (!cache) {
    cache = new Map();
    derived.set(context.store, cache);
  }
  const known = cache.get(documentId);
  if (known?.version === state.version) return { state, catalogue: known.catalogue };
  const catalogue = deriveCatalogue(state);
  cache.set(documentId, { version: state.version, catalogue });
  return { state, catalogue };
}

export async function memberStates(context: Pick<Context, 'database'>, organisationId: string): Promise<string[]> {
  const rows = await context.database.db.select({ code: delegations.code }).from(delegations).where(eq(delegations.organisationId, organisationId)).orderBy(asc(delegations.code));
  return rows.map((row) => row.code);
}

/**
 * Authorizes the caller for `rule` in the organisation and loads its catalogue. Outsiders get
 * 404 for the organisation; an observer sees the catalogue only once its document is circulated
 * to observers — until then, for them, none is chosen (its text is the document's).
 */
export async function catalogueFor(context: CatalogueContext, principal: Principal | null, organisationId: string, rule: AccessRule): Promise<CatalogueAccess> {
  if (!principal) throw problem('ERR_AUTH_REQUIRED');
  const list = requireMember(principal, organisationId);
  requireRule(list, rule);
  const [org] = await context.database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId));
  const documentId = org?.settings.catalogueDocumentId ?? null;
  const doc =
    documentId === null
      ? undefined
      : await context.documents.get(documentId, async () => {
          const [row] = await context.database.db.select().from(documents).where(eq(documents.id, documentId));
          return row;
        });
  if (!doc || !canReadDocument(list, doc.circulatedToObservers)) throw problem('ERR_CATALOGUE_NOT_CONFIGURED', { organisationId });
  const { catalogue } = await currentCatalogue(context, doc.id);
  return { organisationId, principal, list, catalogue, members: await memberStates(context, organisationId) };
}

/** Checks `event` against today's members, areas and measures and the register, then appends it. */
export async function recordCatalogueEvent(context: Pick<Context, 'catalogue'>, access: CatalogueAccess, event: CatalogueEvent): Promise<RegisterResult<CatalogueEvent>> {
  const scope = catalogueScope(access.catalogue, access.members);
  return context.catalogue.append(access.organisationId, {
    build(state) {
      const rejection = checkCatalogueEvent(state, event, scope);
      if (rejection) throw problem('ERR_CATALOGUE_CHANGE_REFUSED', { message: rejection.message }, { extra: { rejection: rejection.code } });
      return [event];
    },
  });
}

/** Coordinator steps and listed areas already in the register (seeding is for an empty one). */
export function coordinatorSteps(state: CatalogueState): number {
  let steps = state.listedAreas.size;
  for (const candidacies of state.candidacies.values()) for (const candidacy of candidacies) steps += candidacy.steps.length;
  return steps;
}

export interface SeedInput {
  readonly organisationId: string;
  readonly documentId: string;
  readonly actor: Actor;
  /** The day the list speaks for (YYYY-MM-DD). */
  readonly date: string;
  readonly note?: string;
}

/**
 * Records the coordinators' list of a document as the start of the organisation's catalogue
 * register, each name checked against the member states; what does not fit is reported.
 */
export async function seedCatalogueCoordinators(context: Pick<Context, 'database' | 'store' | 'catalogue' | 'now'>, input: SeedInput): Promise<{ events: number; version: number; problems: readonly SeedProblem[] }> {
  const [org] = await context.database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId: input.organisationId });
  // Only a document of this organisation: another's does not exist for its secretariat.
  const [doc] = await context.database.db.select({ organisationId: documents.organisationId }).from(documents).where(eq(documents.id, input.documentId));
  if (doc?.organisationId !== input.organisationId) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId: input.documentId });
  const { state, catalogue } = await currentCatalogue(context, input.documentId);
  const seed = seedCoordinators(state, catalogue, {
    registry: createDelegationRegistry({ aliases: org.settings.aliases }),
    at: context.now().toISOString(),
    date: input.date,
    members: await memberStates(context, input.organisationId),
    actor: input.actor,
    ...(input.note === undefined ? {} : { note: input.note }),
  });
  if (seed === null) throw problem('ERR_CATALOGUE_NO_LIST', { documentId: input.documentId });
  const result = await context.catalogue.append(input.organisationId, {
    build(register) {
      const count = coordinatorSteps(register);
      if (count > 0) throw problem('ERR_CATALOGUE_ALREADY_SEEDED', { count });
      return seed.events;
    },
  });
  return { events: result.events.length, version: result.version, problems: seed.problems };
}
