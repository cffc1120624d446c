/**
 * Who acts in or looks at the exchange. The consent rule gives access to parties — a state, or
 * the secretariat — never to single users: every delegate of a state sees what that state may
 * see, and the read log still names the user who read.
 */

/** The roles of an organisation's members (as the server's memberships have them). */
export type ExchangeRole = 'delegate' | 'chair' | 'secretariat' | 'observer';

/** A member acting (in an event) or looking (in a query): the same shape as the document events' actor. */
export interface Viewer {
  readonly user: string;
  /** ISO 3166-1 alpha-3 of the state a delegate or observer belongs to; null for the chair and secretariat. */
  readonly delegation: string | null;
  readonly role: ExchangeRole;
}

/** The party code of the secretariat, beside the states' alpha-3 codes. */
export const SECRETARIAT_PARTY = 'SECRETARIAT';

/**
 * The party a viewer sees for: a delegate its state; the secretariat the secretariat; an
 * observer the delegation it observes for (which only a grant naming it, or publication, ever
 * reaches); the chair none — the chair presides and is no party to the exchange, so it sees
 * only what was published.
 */
export function partyOf(viewer: Viewer): string | null {
  switch (viewer.role) {
    case 'secretariat':
      return SECRETARIAT_PARTY;
    case 'delegate':
    case 'observer':
      return viewer.delegation;
    case 'chair':
      return null;
  }
}

/** Whether the viewer speaks for `state` as one of its delegates (what sending, granting and confirming need). */
export function isDelegateOf(viewer: Viewer, state: string): boolean {
  return viewer.role === 'delegate' && viewer.delegation === state;
}
