/** Organisations, their delegations and settings, and user administration. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  DelegationView,
  NewUser,
  NewUserBody,
  Organisation,
  OrganisationSettingsBody,
  ProblemSchema,
  UserView,
} from '../../protocol/schemas.ts';
import type { Context, ZodApp } from '../context.ts';
import { hasRole, requireMember, requireRule } from '../auth/policy.ts';
import { recordAudit, type Membership, type Principal } from '../auth/principal.ts';
import { delegations, documents, memberships, organisations, users } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import { createUser, disableUser, resetSecondFactor } from '../services/users.ts';

const OrgParams = z.object({ organisationId: z.string().min(1).max(100) });
const UserParams = OrgParams.extend({ userId: z.string().min(1).max(100) });
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

function principalOf(principal: Principal | null): Principal {
  if (!principal) throw problem('ERR_AUTH_REQUIRED');
  return principal;
}

function present(row: typeof organisations.$inferSelect): z.infer<typeof Organisation> {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    seat: row.seat,
    seatTimeZone: row.seatTimeZone,
    workingLanguages: row.workingLanguages,
    notesLanguage: row.notesLanguage,
    secondFactorRequiredFor: [...row.settings.secondFactorRequiredFor],
    catalogueDocumentId: row.settings.catalogueDocumentId ?? null,
  };
}

/** The delegation a head of delegation administers, or null for the secretariat (all). */
function administeredDelegation(list: readonly Membership[]): string | null {
  if (hasRole(list, 'secretariat')) return null;
  const head = list.find((m) => m.role === 'delegate' && m.isHead);
  if (!head?.delegation) throw problem('ERR_ACCESS_FORBIDDEN', { reason: "only the secretariat, or a head of delegation for their own delegation's accounts, administers users." });
  return head.delegation;
}

export function registerOrganisationRoutes(app: ZodApp, context: Context): void {
  const db = context.database.db;

  async function loadUsers(organisationId: string, onlyDelegation: string | null, userIds?: string[]): Promise<z.infer<typeof UserView>[]> {
    const rows = await db
      .select({ m: memberships, u: users })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, organisationId), userIds ? inArray(users.id, userIds) : undefined))
      .orderBy(asc(users.username));
    const byUser = new Map<string, z.infer<typeof UserView>>();
    for (const { m, u } of rows) {
      let view = byUser.get(u.id);
      if (!view) {
        view = { id: u.id, username: u.username, displayName: u.displayName, disabled: u.disabled, secondFactor: u.totpConfirmed, memberships: [] };
        byUser.set(u.id, view);
      }
      view.memberships.push({ organisationId: m.organisationId, role: m.role, delegation: m.delegation, isHead: m.isHead });
    }
    const all = [...byUser.values()];
    if (onlyDelegation === null) return all;
    // A head of delegation administers users who are nothing but delegates of that delegation.
    return all.filter((u) => u.memberships.every((m) => m.role === 'delegate' && m.delegation === onlyDelegation));
  }

  async function administeredUser(request: { principal: Principal | null; params: unknown }): Promise<z.infer<typeof UserView>> {
    const { organisationId, userId } = request.params as z.infer<typeof UserParams>;
    const list = requireMember(principalOf(request.principal), organisationId);
    requireRule(list, 'users.admin');
    const [user] = await loadUsers(organisationId, administeredDelegation(list), [userId]);
    if (!user) throw problem('ERR_USER_NOT_FOUND', { userId });
    return user;
  }

  app.get(
    '/api/organisations',
    { config: { access: 'user' }, schema: { tags: ['organisations'], summary: 'Organisations you belong to', response: { 200: z.array(Organisation), 401: ProblemSchema } } },
    async (request) => {
      const ids = [...new Set(principalOf(request.principal).memberships.map((m) => m.organisationId))];
      if (ids.length === 0) return [];
      const rows = await db.select().from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name));
      return rows.map(present);
    },
  );

  app.get(
    '/api/organisations/:organisationId',
    { config: { access: 'organisation.read' }, schema: { tags: ['organisations'], params: OrgParams, response: { 200: Organisation, ...problems } } },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      requireMember(principalOf(request.principal), organisationId);
      const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      if (!row) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId });
      return present(row);
    },
  );

  app.patch(
    '/api/organisations/:organisationId/settings',
    {
      config: { access: 'organisation.admin' },
      schema: { tags: ['organisations'], summary: 'Which roles must use a second factor; which document the catalogue of measures is read from', params: OrgParams, body: OrganisationSettingsBody, response: { 200: Organisation, ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      requireRule(requireMember(principalOf(request.principal), organisationId), 'organisation.admin');
      const body = request.body as z.infer<typeof OrganisationSettingsBody>;
      const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      if (!row) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId });
      if (body.catalogueDocumentId) {
        const [doc] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.id, body.catalogueDocumentId), eq(documents.organisationId, organisationId)));
        if (!doc) throw problem('ERR_DOCUMENT_NOT_FOUND', { documentId: body.catalogueDocumentId });
      }
      const settings = {
        ...row.settings,
        ...(body.secondFactorRequiredFor === undefined ? {} : { secondFactorRequiredFor: [...new Set(body.secondFactorRequiredFor)] }),
        ...(body.catalogueDocumentId === undefined ? {} : { catalogueDocumentId: body.catalogueDocumentId }),
      };
      await db.update(organisations).set({ settings }).where(eq(organisations.id, organisationId));
      return present({ ...row, settings });
    },
  );

  app.get(
    '/api/organisations/:organisationId/delegations',
    { config: { access: 'organisation.read' }, schema: { tags: ['organisations'], params: OrgParams, response: { 200: z.array(DelegationView), ...problems } } },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      requireMember(principalOf(request.principal), organisationId);
      const rows = await db.select().from(delegations).where(eq(delegations.organisationId, organisationId)).orderBy(asc(delegations.code));
      return rows.map((d) => ({ code: d.code, names: { en: d.nameEn, ru: d.nameRu } }));
    },
  );

  app.get(
    '/api/organisations/:organisationId/users',
    {
      config: { access: 'users.admin' },
      schema: { tags: ['users'], summary: 'Users you administer', params: OrgParams, response: { 200: z.array(UserView), ...problems } },
    },
    async (request) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const list = requireMember(principalOf(request.principal), organisationId);
      requireRule(list, 'users.admin');
      return loadUsers(organisationId, administeredDelegation(list));
    },
  );

  app.post(
    '/api/organisations/:organisationId/users',
    {
      config: { access: 'users.admin' },
      schema: {
        tags: ['users'],
        summary: 'Add a user; a generated password is returned once',
        params: OrgParams,
        body: NewUserBody,
        response: { 201: NewUser, 409: ProblemSchema, 422: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params as z.infer<typeof OrgParams>;
      const principal = principalOf(request.principal);
      const list = requireMember(principal, organisationId);
      requireRule(list, 'users.admin');
      const body = request.body as z.infer<typeof NewUserBody>;
      const own = administeredDelegation(list);
      if (own !== null) {
        if (body.role !== 'delegate' || body.isHead) {
          throw problem('ERR_ACCESS_FORBIDDEN', { reason: 'a head of delegation adds delegates of their own delegation only.' });
        }
        if (body.delegation && body.delegation !== own) throw problem('ERR_ACCESS_OTHER_DELEGATION', { own, other: body.delegation });
      }
      const created = await createUser(
        db,
        {
          id: context.newId(),
          username: body.username,
          displayName: body.displayName,
          organisationId,
          role: body.role,
          delegation: own ?? body.delegation ?? null,
          isHead: body.isHead ?? false,
          password: body.password ?? null,
        },
        context.now(),
      );
      await recordAudit(db, { at: context.now(), action: 'user.created', userId: principal.userId, username: principal.username, ip: request.ip, detail: { created: created.id, role: body.role } });
      const [user] = await loadUsers(organisationId, null, [created.id]);
      return reply.code(201).send({ user: user!, password: created.password });
    },
  );

  app.post(
    '/api/organisations/:organisationId/users/:userId/disable',
    {
      config: { access: 'users.admin' },
      schema: { tags: ['users'], summary: 'Disable a user and end their sessions', params: UserParams, body: z.null().optional(), response: { 200: UserView, ...problems } },
    },
    async (request) => {
      const user = await administeredUser(request);
      const principal = principalOf(request.principal);
      await disableUser(db, user.id);
      context.caches.apply({ kind: 'user', userId: user.id });
      await recordAudit(db, { at: context.now(), action: 'user.disabled', userId: principal.userId, username: principal.username, ip: request.ip, detail: { disabled: user.id } });
      return { ...user, disabled: true };
    },
  );

  app.post(
    '/api/organisations/:organisationId/users/:userId/reset-second-factor',
    {
      config: { access: 'users.admin' },
      schema: { tags: ['users'], summary: "Remove a user's authenticator so they enrol again", params: UserParams, body: z.null().optional(), response: { 200: UserView, ...problems } },
    },
    async (request) => {
      const user = await administeredUser(request);
      const principal = principalOf(request.principal);
      await resetSecondFactor(db, user.id);
      context.caches.apply({ kind: 'user', userId: user.id });
      await recordAudit(db, { at: context.now(), action: 'second-factor.reset', userId: principal.userId, username: principal.username, ip: request.ip, detail: { reset: user.id } });
      return { ...user, secondFactor: false };
    },
  );
}
