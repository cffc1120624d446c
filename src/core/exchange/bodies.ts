/**
 * What a full report of each category says. Plain TypeScript types: the wire schemas in
 * src/protocol/exchange.ts check every field before a command becomes an event (and are
 * type-checked against these), so the fold only re-checks what relates a body to the rest of
 * the exchange — deploying states, times the deadlines are counted from.
 *
 * Dates are ISO 8601 (`2021-06-02`), instants ISO 8601 in UTC (`2021-06-02T08:00:00.000Z`),
 * states ISO 3166-1 alpha-3.
 */
import type { CategoryId } from './categories.ts';

export interface ArmedForcesBody {
  /** The date the figures hold for. */
  readonly asOf: string;
  readonly components: readonly {
    readonly service: 'land' | 'air' | 'naval' | 'air-defence' | 'other';
    readonly name: string;
    readonly personnel: number;
    readonly majorUnits: number | null;
  }[];
  readonly notes: string | null;
}

export interface DefenceBudgetBody {
  readonly fiscalYear: number;
  /** ISO 4217. */
  readonly currency: string;
  readonly total: number;
  readonly lines: readonly { readonly heading: string; readonly amount: number }[];
  readonly notes: string | null;
}

export interface ForeignContingentsBody {
  readonly asOf: string;
  readonly contingents: readonly {
    /** The state that deployed the contingent on the reporting (host) state's territory. */
    readonly deployingState: string;
    readonly location: string;
    readonly strength: number;
    readonly mission: string;
  }[];
}

export interface MilitaryActivityBody {
  readonly title: string;
  readonly activity: 'exercise' | 'activity';
  /** Instants; the notice period is counted back from `start`. */
  readonly start: string;
  readonly end: string;
  readonly area: string;
  readonly personnel: number;
  readonly foreignParticipants: readonly string[];
  readonly observersInvited: boolean;
}

export interface ObserverInvitationBody {
  readonly exercise: string;
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly observersPerState: number;
}

export interface ObserverInvitationReplyBody {
  readonly accepted: boolean;
  readonly observers: number;
  readonly note: string | null;
}

export interface IncidentConsultationBody {
  /** Instant; the notification period is counted from it. */
  readonly occurredAt: string;
  readonly location: string;
  readonly nearBorderWith: readonly string[];
  readonly description: string;
  readonly requestedAction: string;
}

export interface IncidentConsultationReplyBody {
  readonly response: string;
  readonly meetingProposed: { readonly at: string; readonly place: string } | null;
}

export interface MilitaryCvBody {
  readonly person: { readonly name: string; readonly rank: string; readonly position: string };
  readonly career: readonly { readonly from: string; readonly to: string | null; readonly post: string }[];
  readonly education: readonly string[];
}

export interface InstrumentStatusBody {
  readonly instruments: readonly {
    readonly instrument: string;
    readonly status: 'not-party' | 'signed' | 'in-progress' | 'ratified' | 'acceded';
    readonly date: string | null;
  }[];
}

export interface PointsOfContactBody {
  readonly authorities: readonly {
    /** The paragraph the authority serves: tourism (2.3.5) or disaster management (2.4.4). */
    readonly field: '2.3.5' | '2.4.4';
    readonly name: string;
    readonly email: string | null;
    readonly phone: string | null;
    readonly address: string | null;
    readonly availability: 'round-the-clock' | 'office-hours';
  }[];
}

export interface DisasterBody {
  readonly hazard: 'natural' | 'industrial';
  readonly event: string;
  /** Instant; the notification period is counted from it. */
  readonly occurredAt: string;
  readonly location: string;
  readonly mayAffect: readonly string[];
  readonly description: string;
  readonly assistanceRequested: boolean;
}

/** The body type of each category. */
export interface BodyOf {
  readonly 'armed-forces': ArmedForcesBody;
  readonly 'defence-budget': DefenceBudgetBody;
  readonly 'foreign-contingents': ForeignContingentsBody;
  readonly 'military-activity': MilitaryActivityBody;
  readonly 'observer-invitation': ObserverInvitationBody;
  readonly 'observer-invitation-reply': ObserverInvitationReplyBody;
  readonly 'incident-consultation': IncidentConsultationBody;
  readonly 'incident-consultation-reply': IncidentConsultationReplyBody;
  readonly 'military-cv': MilitaryCvBody;
  readonly 'instrument-status': InstrumentStatusBody;
  readonly 'points-of-contact': PointsOfContactBody;
  readonly disaster: DisasterBody;
}

export type SubmissionBody = BodyOf[CategoryId];

/** Every string a body holds, in order: what text search looks in. */
export function bodyStrings(body: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) walk(item);
  };
  walk(body);
  return out;
}
