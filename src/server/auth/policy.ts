/**
 * Who may do what. Every route names one rule from {@link ACCESS_RULES}; the app refuses to
 * register a route without one, and the authorization matrix test walks every route with
 * every role. The rule's role check runs before the handler; checks that depend on the data
 * (own delegation, circulation to observers) are the functions below, called by handlers.
 */
import type { Actor } from '../../core/events/event.ts';
import type { MembershipRole } from '../db/schema.ts';
import { problem } from '../http/problem.ts';
import type { Membership, Principal } from './principal.ts';

export const ACCESS_RULES = {
  public: 'anyone, signed in or not',
  session: 'a signed-in user, also while the second factor is pending',
  user: 'a signed-in user who has passed the second factor where required',
  'organisation.read': 'any member of the organisation',
  'organisation.admin': 'the secretariat',
  'users.admin': "the secretariat; a head of delegation for their own delegation's delegates",
  'document.create': 'the secretariat',
  'document.read': 'secretariat, chair and delegates; observers only when the document is circulated to observers',
  'document.manage': 'the secretariat',
  'delegation.act': 'a delegate for their own delegation; the secretariat on behalf of a named delegation',
  'statement.add': 'a delegate (for their own delegation), the chair, the secretariat',
  'chair.act': 'the chair',
  'meeting.chair': 'the chair',
  'draft.read':
    "the delegates of a draft's delegation and of the delegations it is shared with; to every other reader of the document it does not exist (404, an empty list)",
  'draft.create': 'a delegate, for their own delegation',
  'draft.act': "the delegates of a draft's own delegation (those it is shared with may only read it: 403); to everyone else it does not exist (404)",
  'catalogue.read': "any member; observers once the catalogue's document is circulated to them (until then, for them, there is none)",
  'catalogue.act': 'a delegate for their own state (volunteer, withdraw, choose measures, report); the secretariat on behalf of a named state',
  'catalogue.record': "the secretariat or the chair, recording the SWG's recommendations and the SOC's decisions on coordinators",
  'catalogue.seed': "the secretariat, recording a document's list of coordinators as the start of the register",
  'exchange.read':
    'any member, who sees only the submissions the consent rule lets its state (or the secretariat) see; to everyone else a submission does not exist (404, absent from lists and counts)',
  'exchange.send': 'a delegate, on behalf of their own state',
  'note.read':
    'the secretariat (every note of its registry, drafts included); a delegate the notes circulated to their delegation; to everyone else a note does not exist (404, absent from lists)',
  'note.write': 'the secretariat: configures the registry, drafts, issues and circulates notes verbales',
  'exchange.act':
    'delegates and the secretariat: request consent for what they see, grant, refuse and revoke for what their state provided, disseminate (secretariat), confirm points of contact; what they may not see does not exist (404)',
  'log.bundle': "a delegate, for their own state's verification bundle; the secretariat, for its own",
  'calendar.read': "any member, observers included: the organisation's meetings, agendas and records (documents the reader may not see are left out)",
  'calendar.manage': 'the secretariat: convene, change and cancel a meeting, name its chair',
  'calendar.record': "the secretariat or the chair: draft, amend, reorder and adopt the agenda; record attendance and the meeting's decisions",
  'calendar.participants': 'a delegate for their own delegation; the secretariat for a named delegation',
  'modality.read': 'the secretariat, the chair and delegates: the processes of modalities A and B, where they stand and what is due',
  'modality.manage': 'the secretariat or the chair: start a process, set by when its current steps are due',
  'modality.act':
    "the secretariat, the chair and delegates; which step is whose is section 3's: a state's step by its delegates (or the secretariat for a named state), the Chairman's by the chair, the Secretariat's by the secretariat, the SWG's, SOC's and experts' recorded by the secretariat or the chair (403 otherwise)",
  'notifications.own': 'any member, for their own notifications and their own choices of what to receive',
} as const;

export type AccessRule = keyof typeof ACCESS_RULES;

/** Roles that the rule lets through at all (before data-dependent checks). */
export const RULE_ROLES: Readonly<Record<AccessRule, readonly MembershipRole[] | 'anyone' | 'any-user'>> = {
  public: 'anyone',
  session: 'any-user',
  user: 'any-user',
  'organisation.read': ['secretariat', 'chair', 'delegate', 'observer'],
  'organisation.admin': ['secretariat'],
  'users.admin': ['secretariat', 'delegate'],
  'document.create': ['secretariat'],
  'document.read': ['secretariat', 'chair', 'delegate', 'observer'],
  'document.manage': ['secretariat'],
  'delegation.act': ['secretariat', 'delegate'],
  'statement.add': ['secretariat', 'chair', 'delegate'],
  'chair.act': ['chair'],
  'meeting.chair': ['chair'],
  // Every reader passes the role check: whether a draft exists for them is the handler's question, answered with 404.
  'draft.read': ['secretariat', 'chair', 'delegate', 'observer'],
  'draft.create': ['delegate'],
  'draft.act': ['secretariat', 'chair', 'delegate', 'observer'],
  'catalogue.read': ['secretariat', 'chair', 'delegate', 'observer'],
  'catalogue.act': ['secretariat', 'delegate'],
  'catalogue.record': ['secretariat', 'chair'],
  'catalogue.seed': ['secretariat'],
  // Every member passes the role check: what a submission shows them is the consent rule's question, answered with 404.
  'exchange.read': ['secretariat', 'chair', 'delegate', 'observer'],
  'exchange.send': ['delegate'],
  'exchange.act': ['secretariat', 'delegate'],
  'log.bundle': ['secretariat', 'delegate'],
  'calendar.read': ['secretariat', 'chair', 'delegate', 'observer'],
  'calendar.manage': ['secretariat'],
  'calendar.record': ['secretariat', 'chair'],
  'calendar.participants': ['secretariat', 'delegate'],
  // Every member passes the role check: whether a note exists for them is the handler's question, answered with 404.
  'note.read': ['secretariat', 'chair', 'delegate', 'observer'],
  'note.write': ['secretariat'],
  'modality.read': ['secretariat', 'chair', 'delegate'],
  'modality.manage': ['secretariat', 'chair'],
  // Every party passes the role check: whose step it is, is the handler's question (stepActors).
  'modality.act': ['secretariat', 'chair', 'delegate'],
  'notifications.own': ['secretariat', 'chair', 'delegate', 'observer'],
};

export function membershipsIn(principal: Principal, organisationId: string): Membership[] {
  return principal.memberships.filter((m) => m.organisationId === organisationId);
}

export function hasRole(list: readonly Membership[], role: MembershipRole): boolean {
  return list.some((m) => m.role === role);
}

/** Members of the organisation only; to anyone else it does not exist. */
export function requireMember(principal: Principal, organisationId: string): Membership[] {
  const list = membershipsIn(principal, organisationId);
  if (list.length === 0) throw problem('ERR_ORGANISATION_NOT_FOUND', { organisationId });
  return list;
}

const WHY: Readonly<Record<AccessRule, string>> = {
  public: '',
  session: '',
  user: '',
  'organisation.read': '',
  'organisation.admin': 'only the secretariat changes organisation settings.',
  'users.admin': "only the secretariat, or a head of delegation for their own delegation's accounts, administers users.",
  'document.create': 'only the secretariat imports and circulates documents.',
  'document.read': '',
  'document.manage': 'only the secretariat manages documents.',
  'delegation.act': 'only delegates (for their own delegation) and the secretariat make proposals and take positions; observers read only.',
  'statement.add': 'observers cannot add statements.',
  'chair.act': "only the chair makes chair's proposals, declares consensus and issues revisions.",
  'meeting.chair': 'only the chair runs the meeting: starts and ends it, moves the discussion, gives the floor and records oral proposals.',
  'draft.read': '',
  'draft.create': 'only delegates draft proposals, each for their own delegation.',
  'draft.act': '',
  'catalogue.read': '',
  'catalogue.act': 'only delegates (for their own state) and the secretariat volunteer for coordination, choose measures and report on them; the chair and observers read only.',
  'catalogue.record': "only the secretariat or the chair records the SWG's recommendations and the SOC's decisions; a state volunteers or withdraws, it does not decide.",
  'catalogue.seed': 'only the secretariat records the list of coordinators from a document.',
  'exchange.read': '',
  'exchange.send': 'only a delegate sends information, on behalf of their own state (Catalogue 1.6).',
  'note.read': '',
  'note.write': 'only the secretariat drafts, issues and circulates notes verbales.',
  'exchange.act': 'the chair and observers are no parties to the information exchange: they read what was published, and act on nothing.',
  'log.bundle': 'a verification bundle is made for a party to the log: a state (its delegates ask for it) or the secretariat.',
  'calendar.read': '',
  'calendar.manage': 'only the secretariat convenes, changes and cancels meetings and names their chair.',
  'calendar.record': "only the secretariat or the chair drafts and adopts the agenda and records attendance and the meeting's decisions.",
  'calendar.participants': 'only delegates (for their own delegation) and the secretariat name who attends.',
  'modality.read': 'observers take no part in the modalities of section 3.',
  'modality.manage': 'only the secretariat or the chair starts a process or sets its deadlines.',
  'modality.act': 'observers take no part in the modalities of section 3.',
  'notifications.own': '',
};

/** The role check of a rule within one organisation. */
export function requireRule(list: readonly Membership[], rule: AccessRule): void {
  const allowed = RULE_ROLES[rule];
  if (allowed === 'anyone' || allowed === 'any-user') return;
  if (rule === 'users.admin' && !hasRole(list, 'secretariat') && !list.some((m) => m.role === 'delegate' && m.isHead)) {
    throw problem('ERR_ACCESS_FORBIDDEN', { reason: WHY[rule] });
  }
  if (!list.some((m) => allowed.includes(m.role))) throw problem('ERR_ACCESS_FORBIDDEN', { reason: WHY[rule] });
}

/** Observers see a document only once it is circulated to them; to them others do not exist. */
export function canReadDocument(list: readonly Membership[], circulatedToObservers: boolean): boolean {
  return list.some((m) => m.role !== 'observer') || (circulatedToObservers && hasRole(list, 'observer'));
}

/**
 * For whom a proposal, position or statement is made: a delegate for their own delegation
 * (naming another is refused), the secretariat for the delegation it names.
 */
export function actingDelegation(principal: Principal, list: readonly Membership[], requested: string | null | undefined): Actor {
  const delegate = list.find((m) => m.role === 'delegate');
  if (delegate?.delegation) {
    if (requested && requested !== delegate.delegation) {
      if (hasRole(list, 'secretariat')) return { user: principal.userId, delegation: requested, role: 'secretariat' };
      throw problem('ERR_ACCESS_OTHER_DELEGATION', { own: delegate.delegation, other: requested });
    }
    return { user: principal.userId, delegation: delegate.delegation, role: 'delegate' };
  }
  if (hasRole(list, 'secretariat')) {
    if (!requested) throw problem('ERR_REQUEST_INVALID', { issues: 'delegation: the secretariat must name the delegation it records this for' });
    return { user: principal.userId, delegation: requested, role: 'secretariat' };
  }
  throw problem('ERR_ACCESS_FORBIDDEN', { reason: WHY['delegation.act'] });
}

export function chairActor(principal: Principal): Actor {
  return { user: principal.userId, delegation: null, role: 'chair' };
}

/** The chair recording what the delegation that has the floor proposes orally: the delegation's proposal, the chair's hand. */
export function chairForFloor(principal: Principal, floor: string): Actor {
  return { user: principal.userId, delegation: floor, role: 'chair' };
}

/** Which roles must pass a second factor in this organisation's settings apply to this user. */
export function needsSecondFactor(list: readonly Membership[], requiredFor: readonly MembershipRole[]): boolean {
  return list.some((m) => requiredFor.includes(m.role));
}
