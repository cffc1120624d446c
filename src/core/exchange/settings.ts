/**
 * An organisation's deadlines for the exchange — data, not code: each organisation sets its
 * own (the server keeps them with the organisation and checks them with the wire schema).
 * The defaults are an example to start from, modelled on the OSCE Vienna Document's periods
 * where it has one.
 */
import type { CategoryId } from './categories.ts';
import type { SubmissionRecord } from './state.ts';
import { iso, ms, plusHours } from './time.ts';

/** A periodic report for year Y is due by the end (24:00 UTC) of `day` `month` of year Y, from `firstYear` on. */
export interface AnnualDeadline {
  readonly month: number;
  readonly day: number;
  readonly firstYear: number;
}

export interface CategoryDeadlines {
  /** Periodic categories: when each year's report is due. */
  readonly annual?: AnnualDeadline;
  /** Reminders go out this many hours before a deadline. */
  readonly leadHours: number;
  /** Requests (2.1.2 invitations, 2.1.3 consultations): each addressee replies within this many hours of the request. */
  readonly replyWithinHours?: number;
  /** 2.1.1 d: a planned activity is notified at least this many days before it starts. */
  readonly noticeDays?: number;
  /** Incidents and disasters: notified within this many hours of when they occurred. */
  readonly notifyWithinHours?: number;
  /** Personal data: kept this many days after sending, then unreadable. */
  readonly retentionDays?: number;
}

export interface ContactCheckSettings {
  /** The secretariat checks each state's latest points of contact this often. */
  readonly everyDays: number;
  /** The provider confirms within this many hours of a check, or the check is overdue. */
  readonly confirmWithinHours: number;
  readonly leadHours: number;
}

export interface ExchangeSettings {
  readonly categories: Partial<Record<CategoryId, CategoryDeadlines>>;
  /** The states that undertook to report each periodic category (the measures they chose, 1.3). */
  readonly reporting: Partial<Record<CategoryId, readonly string[]>>;
  readonly contactChecks: ContactCheckSettings;
}

const FORTNIGHT = 14 * 24;

export const DEFAULT_EXCHANGE_SETTINGS: ExchangeSettings = {
  categories: {
    'armed-forces': { annual: { month: 12, day: 15, firstYear: 2021 }, leadHours: FORTNIGHT },
    'defence-budget': { annual: { month: 4, day: 30, firstYear: 2021 }, leadHours: FORTNIGHT },
    'foreign-contingents': { annual: { month: 12, day: 15, firstYear: 2021 }, leadHours: FORTNIGHT },
    'instrument-status': { annual: { month: 1, day: 31, firstYear: 2022 }, leadHours: FORTNIGHT },
    'points-of-contact': { annual: { month: 1, day: 31, firstYear: 2022 }, leadHours: FORTNIGHT },
    'military-activity': { noticeDays: 42, leadHours: 7 * 24 },
    'observer-invitation': { replyWithinHours: 21 * 24, leadHours: 3 * 24 },
    'incident-consultation': { replyWithinHours: 48, notifyWithinHours: 24, leadHours: 12 },
    'military-cv': { retentionDays: 365, leadHours: 0 },
    disaster: { notifyWithinHours: 24, leadHours: 0 },
  },
  reporting: {},
  contactChecks: { everyDays: 182, confirmWithinHours: 72, leadHours: 24 },
};

/** When a periodic report for `period` (a year, '2021') is due, in ms; null when the category has no annual deadline or the period is no year. */
export function periodDeadlineMs(settings: ExchangeSettings, category: CategoryId, period: string | null): number | null {
  const annual = settings.categories[category]?.annual;
  if (annual === undefined || period === null || !/^\d{4}$/u.test(period)) return null;
  // The end of the due day: Date.UTC rolls day + 1 over into the next month when it must.
  return Date.UTC(Number(period), annual.month - 1, annual.day + 1);
}

/** When the addressees' replies to a request are due, in ms; null when the category takes no reply clock. */
export function replyDueMs(settings: ExchangeSettings, request: SubmissionRecord): number | null {
  const hours = settings.categories[request.submission.category]?.replyWithinHours;
  return hours === undefined ? null : plusHours(request.sentMs, hours);
}

/** The `retainUntil` a personal-data submission sent at `sentAt` gets under the organisation's retention limit (null: no limit set). */
export function retentionLimit(settings: ExchangeSettings, category: CategoryId, sentAt: string): string | null {
  const days = settings.categories[category]?.retentionDays;
  return days === undefined ? null : iso(plusHours(ms(sentAt), days * 24));
}
