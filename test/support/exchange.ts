/** Constructors for exchange events in tests: who acts, when, and submissions of each category with plausible bodies. */
import type { AccessBasis } from '../../src/core/exchange/basis.ts';
import type { BodyOf } from '../../src/core/exchange/bodies.ts';
import type { CategoryId } from '../../src/core/exchange/categories.ts';
import { CATEGORIES } from '../../src/core/exchange/categories.ts';
import type { ExchangeEvent } from '../../src/core/exchange/events.ts';
import type { SubmissionInput } from '../../src/core/exchange/submission.ts';
import type { Viewer } from '../../src/core/exchange/viewer.ts';
import type { DisseminationPolicy, Widening } from '../../src/core/exchange/widening.ts';

export const T0 = '2021-06-02T08:00:00.000Z';

/** `T0` plus some hours, as an instant. */
export function hoursAfter(hours: number, from = T0): string {
  return new Date(Date.parse(from) + hours * 3_600_000).toISOString();
}

export function delegateOf(code: string, n = 1): Viewer {
  return { user: `${code.toLowerCase()}-${n}`, delegation: code, role: 'delegate' };
}

export const SECRETARIAT: Viewer = { user: 'secretariat-1', delegation: null, role: 'secretariat' };
export const CHAIR: Viewer = { user: 'chair-1', delegation: null, role: 'chair' };

export function observerOf(code: string): Viewer {
  return { user: `observer-${code.toLowerCase()}`, delegation: code, role: 'observer' };
}

export const BODIES: { readonly [C in CategoryId]: BodyOf[C] } = {
  'armed-forces': {
    asOf: '2021-01-01',
    components: [{ service: 'land', name: 'Ground forces', personnel: 20_000, majorUnits: 4 }],
    notes: null,
  },
  'defence-budget': { fiscalYear: 2021, currency: 'KZT', total: 1000, lines: [{ heading: 'Personnel', amount: 1000 }], notes: null },
  'foreign-contingents': { asOf: '2021-01-01', contingents: [{ deployingState: 'RUS', location: 'Kant air base', strength: 500, mission: 'air defence' }] },
  'military-activity': {
    title: 'Exercise Steppe Shield',
    activity: 'exercise',
    start: '2021-09-01T00:00:00.000Z',
    end: '2021-09-10T00:00:00.000Z',
    area: 'Karaganda region',
    personnel: 3000,
    foreignParticipants: [],
    observersInvited: true,
  },
  'observer-invitation': { exercise: 'Exercise Steppe Shield', start: '2021-09-01', end: '2021-09-10', place: 'Karaganda', observersPerState: 2 },
  'observer-invitation-reply': { accepted: true, observers: 2, note: null },
  'incident-consultation': {
    occurredAt: '2021-06-02T06:00:00.000Z',
    location: 'near the border crossing',
    nearBorderWith: ['KGZ'],
    description: 'An unannounced flight of a military aircraft close to the border.',
    requestedAction: 'Consultations within 48 hours.',
  },
  'incident-consultation-reply': { response: 'A training flight that strayed; consultations welcome.', meetingProposed: null },
  'military-cv': {
    person: { name: 'A. Example', rank: 'General', position: 'Chief of the General Staff' },
    career: [{ from: '2015-01-01', to: null, post: 'Chief of the General Staff' }],
    education: ['General Staff Academy'],
  },
  'instrument-status': { instruments: [{ instrument: 'Outer Space Treaty', status: 'ratified', date: '1998-01-01' }] },
  'points-of-contact': {
    authorities: [{ field: '2.4.4', name: 'Ministry of Emergency Situations', email: 'duty@example.org', phone: null, address: null, availability: 'round-the-clock' }],
  },
  disaster: {
    hazard: 'natural',
    event: 'Flood',
    occurredAt: '2021-06-02T05:00:00.000Z',
    location: 'Syr Darya basin',
    mayAffect: ['UZB', 'KGZ'],
    description: 'The river is over its banks upstream of the border.',
    assistanceRequested: false,
  },
};

let counter = 0;

/** A full report of `category` from `from` to `to`, with the category's first legal basis; override any field. */
export function submission(category: CategoryId, from: string, to: readonly string[], overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  counter += 1;
  const meta = CATEGORIES[category];
  return {
    id: `s${counter}`,
    registryNumber: `CICA/EX/2021/${String(counter).padStart(4, '0')}`,
    category,
    from,
    to,
    subject: `${meta.title} from ${from}`,
    legalBasis: meta.legalBases[0]!,
    replyTo: null,
    language: 'en',
    dissemination: { kind: 'addressees-only' },
    urgent: meta.alwaysUrgent,
    kind: 'report',
    previous: null,
    period: meta.periodic ? '2021' : null,
    retainUntil: meta.personalData ? hoursAfter(24 * 365) : null,
    body: BODIES[category],
    ...overrides,
  } as SubmissionInput;
}

export function sent(input: SubmissionInput, at = T0, actor = delegateOf(input.from)): ExchangeEvent {
  return { type: 'submission.sent', at, actor, data: { submission: input } };
}

export function read(actor: Viewer, submissionId: string, basis: AccessBasis, at = T0): ExchangeEvent {
  return { type: 'submission.read', at, actor, data: { submissionId, basis } };
}

export function requested(actor: Viewer, requestId: string, submissionId: string, widening: Widening, at = T0): ExchangeEvent {
  return { type: 'consent.requested', at, actor, data: { requestId, submissionId, widening, reason: null } };
}

export function granted(
  actor: Viewer,
  grantId: string,
  submissionId: string,
  widening: Widening,
  options: { at?: string; inAnswerTo?: string | null; until?: string | null } = {},
): ExchangeEvent {
  return {
    type: 'consent.granted',
    at: options.at ?? T0,
    actor,
    data: { grantId, submissionId, widening, inAnswerTo: options.inAnswerTo ?? null, until: options.until ?? null },
  };
}

export function refused(actor: Viewer, requestId: string, submissionId: string, at = T0): ExchangeEvent {
  return { type: 'consent.refused', at, actor, data: { requestId, submissionId, reason: 'not now' } };
}

export function revoked(actor: Viewer, grantId: string, submissionId: string, at = T0): ExchangeEvent {
  return { type: 'consent.revoked', at, actor, data: { grantId, submissionId, reason: null } };
}

export function disseminated(disseminationId: string, submissionId: string, to: readonly string[], at = T0, actor = SECRETARIAT): ExchangeEvent {
  return { type: 'submission.disseminated', at, actor, data: { disseminationId, submissionId, to } };
}

export function permitted(permissionId: string, deployingState: string, hostState: string, releaseTo: 'any' | readonly string[], at = T0): ExchangeEvent {
  return { type: 'contingent.permission.recorded', at, actor: delegateOf(deployingState), data: { permissionId, deployingState, hostState, releaseTo } };
}

export function withdrawnPermission(actor: Viewer, permissionId: string, reason: string | null = null, at = T0): ExchangeEvent {
  return { type: 'contingent.permission.withdrawn', at, actor, data: { permissionId, reason } };
}

export function checkSent(actor: Viewer, checkId: string, submissionId: string, at = T0): ExchangeEvent {
  return { type: 'contact.check.sent', at, actor, data: { checkId, submissionId } };
}

export function confirmed(actor: Viewer, checkId: string, at = T0): ExchangeEvent {
  return { type: 'contact.confirmed', at, actor, data: { checkId } };
}

export const TO_SECRETARIAT = (disseminateTo: 'none' | 'any' | readonly string[]): DisseminationPolicy => ({ kind: 'secretariat', disseminateTo });
