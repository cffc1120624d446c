/**
 * Who a caller is in an organisation's exchange, and the organisation's exchange settings.
 * The consent rule gives access to parties (a state, the secretariat), so a caller's viewer is
 * made from its membership: a delegate sees for its state, whoever else for its role.
 */
import { eq } from 'drizzle-orm';
import { DEFAULT_EXCHANGE_SETTINGS, type ExchangeSettings, type ExchangeState, type Viewer } from '../../core/index.ts';
import { requireMember } from '../auth/policy.ts';
import type { Membership, Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { organisations } from '../db/schema.ts';
import { problem } from '../http/problem.ts';

/** The strongest standing first: a delegate acts for its state even if it has another role too. */
const ORDER: readonly Membership['role'][] = ['delegate', 'secretariat', 'chair', 'observer'];

export function viewerOf(principal: Principal, organisationId: string): { viewer: Viewer; list: Membership[] } {
  const list = requireMember(principal, organisationId);
  const membership = [...list].sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role))[0]!;
  return { viewer: { user: principal.userId, delegation: membership.delegation, role: membership.role }, list };
}

/** A viewer that speaks for a state (to send, request, answer): a delegate. */
export function requireDelegate(viewer: Viewer): string {
  if (viewer.role !== 'delegate' || viewer.delegation === null) throw problem('ERR_EXCHANGE_NOT_A_PARTY', { role: viewer.role });
  return viewer.delegation;
}

export interface ExchangeOrganisation {
  readonly slug: string;
  readonly settings: ExchangeSettings;
  readonly registryFormat: string;
}

export const DEFAULT_REGISTRY_FORMAT = '{org}/EX/{year}/{number}';

export async function exchangeOrganisation(db: Db, organisationId: string): Promise<ExchangeOrganisation> {
  const [row] = await db.select({ slug: organisations.slug, settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId));
  if (!row) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId });
  return {
    slug: row.slug,
    settings: row.settings.exchange ?? DEFAULT_EXCHANGE_SETTINGS,
    registryFormat: row.settings.registryFormat ?? DEFAULT_REGISTRY_FORMAT,
  };
}

/** The next registry number of `year`: one more than the submissions already sent that year (read under the register's lock). */
export function nextRegistryNumber(state: ExchangeState, organisation: ExchangeOrganisation, at: Date): string {
  const year = String(at.getUTCFullYear());
  let number = 0;
  for (const record of state.submissions.values()) if (record.submission.sentAt.startsWith(year)) number += 1;
  for (;;) {
    number += 1;
    const candidate = organisation.registryFormat
      .replaceAll('{org}', organisation.slug.toUpperCase())
      .replaceAll('{year}', year)
      .replaceAll('{number}', String(number).padStart(4, '0'));
    if (!state.registryNumbers.has(candidate)) return candidate;
  }
}
