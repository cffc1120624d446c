import { describe, expect, it } from 'vitest';
import { BODIES, SECRETARIAT, TO_SECRETARIAT, checkSent, confirmed, delegateOf, sent, submission } from '../../../test/support/exchange.ts';
import { foldExchange } from './apply.ts';
import { contactChecksFor } from './contacts.ts';
import { isLate } from './lateness.ts';
import { obligationsOf } from './obligations.ts';
import { dueReminders } from './reminders.ts';
import { replyClock } from './reply-clock.ts';
import { DEFAULT_EXCHANGE_SETTINGS, retentionLimit, type ExchangeSettings } from './settings.ts';

const KAZ = delegateOf('KAZ');
const KGZ = delegateOf('KGZ');
const UZB = delegateOf('UZB');
const TJK = delegateOf('TJK');
const LATER = '2023-01-01T00:00:00.000Z';

/** Armed forces due 15 December with a fortnight's lead; KAZ and KGZ report; checks every 30 days, confirmed within 72 h. */
const settings: ExchangeSettings = {
  ...DEFAULT_EXCHANGE_SETTINGS,
  reporting: { 'armed-forces': ['KAZ', 'KGZ'] },
  contactChecks: { everyDays: 30, confirmWithinHours: 72, leadHours: 24 },
};

describe('periodic reports', () => {
  const kaz2021 = submission('armed-forces', 'KAZ', ['KGZ'], { period: '2021' });
  const state = foldExchange([sent(kaz2021, '2021-12-05T10:00:00.000Z')]);

  it('are reminded from the lead time before the deadline to those who have not reported', () => {
    // Due by the end of 15 December (16 December, 00:00 UTC); the fortnight's lead opens on 2 December.
    expect(dueReminders(state, settings, '2021-12-01T23:59:59.000Z')).toEqual([]);
    expect(dueReminders(state, settings, '2021-12-02T00:00:00.000Z')).toEqual([
      { kind: 'report-due', key: 'report-due KGZ armed-forces 2021', to: 'KGZ', category: 'armed-forces', period: '2021', dueAt: '2021-12-16T00:00:00.000Z' },
    ]);
    expect(dueReminders(state, settings, '2021-12-16T00:00:00.000Z')).toEqual([]);
  });

  it('are late when sent after the end of the due day', () => {
    const late = submission('armed-forces', 'KGZ', ['KAZ'], { period: '2021' });
    const withLate = foldExchange([sent(kaz2021, '2021-12-15T23:59:59.000Z'), sent(late, '2021-12-16T00:00:00.000Z')]);
    expect(isLate(withLate, settings, KGZ, kaz2021.id, LATER)).toBe(false);
    expect(isLate(withLate, settings, KAZ, late.id, LATER)).toBe(true);
    expect(isLate(withLate, settings, KGZ, late.id, LATER)).toBe(true);
    // Whoever may not see a late report learns nothing from its lateness.
    expect(isLate(withLate, settings, UZB, late.id, LATER)).toBe(false);
    expect(isLate(withLate, settings, UZB, 'never-used', LATER)).toBe(false);
  });

  it("are the reporting state's own obligations: met, late, open, overdue", () => {
    expect(obligationsOf(state, settings, KGZ, '2021-12-20T00:00:00.000Z')).toEqual([
      { kind: 'report', category: 'armed-forces', period: '2021', about: null, dueAt: '2021-12-16T00:00:00.000Z', status: 'overdue', metBy: null },
    ]);
    expect(obligationsOf(state, settings, KAZ, '2021-12-20T00:00:00.000Z')).toMatchObject([{ status: 'met', metBy: kaz2021.id }]);
    expect(obligationsOf(state, settings, KGZ, '2021-12-10T00:00:00.000Z')).toMatchObject([{ status: 'open' }]);
    expect(obligationsOf(state, settings, UZB, '2021-12-20T00:00:00.000Z')).toEqual([]);
    expect(obligationsOf(state, settings, SECRETARIAT, '2021-12-20T00:00:00.000Z')).toEqual([]);
  });
});

describe('requests and their reply clock (2.1.2, 2.1.3)', () => {
  const request = submission('incident-consultation', 'KAZ', ['KGZ', 'UZB']);
  const at = '2021-06-02T08:00:00.000Z';
  const reply = submission('incident-consultation-reply', 'KGZ', ['KAZ'], { replyTo: request.id });
  const state = foldExchange([sent(request, at), sent(reply, '2021-06-04T09:00:00.000Z')]);

  it('is due at the request time plus the period the organisation set', () => {
    const clock = replyClock(state, settings, KAZ, request.id, '2021-06-05T00:00:00.000Z');
    expect(clock).toEqual({
      outcome: 'ok',
      dueAt: '2021-06-04T08:00:00.000Z',
      overdue: true,
      replies: [
        { state: 'KGZ', reply: reply.id, status: 'replied-late' },
        { state: 'UZB', reply: null, status: 'overdue' },
      ],
    });
    expect(replyClock(state, { ...settings, categories: { ...settings.categories, 'incident-consultation': { replyWithinHours: 72, leadHours: 12 } } }, KAZ, request.id, '2021-06-05T00:00:00.000Z')).toMatchObject({
      dueAt: '2021-06-05T08:00:00.000Z',
      overdue: false,
      replies: [{ status: 'replied' }, { status: 'awaiting' }],
    });
  });

  it('shows an addressee its own status only, and nothing to a stranger', () => {
    expect(replyClock(state, settings, UZB, request.id, '2021-06-03T00:00:00.000Z')).toMatchObject({ replies: [{ state: 'UZB', status: 'awaiting' }] });
    expect(replyClock(state, settings, TJK, request.id, '2021-06-03T00:00:00.000Z')).toEqual({ outcome: 'not-found' });
    expect(replyClock(state, settings, KGZ, reply.id, '2021-06-03T00:00:00.000Z')).toEqual({ outcome: 'no-clock' });
  });

  it('reminds the addressees that have not replied, before the deadline', () => {
    expect(dueReminders(state, settings, '2021-06-03T21:00:00.000Z')).toEqual([
      { kind: 'reply-due', key: `reply-due ${request.id} UZB`, to: 'UZB', submissionId: request.id, dueAt: '2021-06-04T08:00:00.000Z' },
    ]);
    expect(dueReminders(state, settings, '2021-06-03T19:59:00.000Z')).toEqual([]);
    expect(isLate(state, settings, KAZ, reply.id, LATER)).toBe(true);
    const replies = obligationsOf(state, settings, KGZ, '2021-06-05T00:00:00.000Z').filter((o) => o.kind === 'reply');
    expect(replies).toMatchObject([{ about: request.id, status: 'late', metBy: reply.id }]);
  });
});

describe('notification periods', () => {
  it('mark a planned activity notified less than the notice period before it starts late', () => {
    const activity = submission('military-activity', 'KAZ', ['KGZ']); // starts 2021-09-01, 42 days' notice: by 2021-07-21
    const early = foldExchange([sent(activity, '2021-07-20T00:00:00.000Z')]);
    const late = foldExchange([sent(activity, '2021-07-21T00:00:00.000Z')]);
    expect([isLate(early, settings, KGZ, activity.id, LATER), isLate(late, settings, KGZ, activity.id, LATER)]).toEqual([false, true]);
  });

  it('mark a disaster notified more than the period after it occurred late', () => {
    const disaster = submission('disaster', 'KAZ', ['KGZ'], { body: { ...BODIES.disaster, occurredAt: '2021-06-01T00:00:00.000Z' } });
    expect(isLate(foldExchange([sent(disaster, '2021-06-01T23:00:00.000Z')]), settings, KGZ, disaster.id, LATER)).toBe(false);
    expect(isLate(foldExchange([sent(disaster, '2021-06-02T00:00:00.000Z')]), settings, KGZ, disaster.id, LATER)).toBe(true);
  });

  it('give personal data its retention limit', () => {
    expect(retentionLimit(settings, 'military-cv', '2021-06-02T08:00:00.000Z')).toBe('2022-06-02T08:00:00.000Z');
    expect(retentionLimit(settings, 'armed-forces', '2021-06-02T08:00:00.000Z')).toBeNull();
  });
});

describe('contact checks', () => {
  const poc = submission('points-of-contact', 'KAZ', ['KGZ'], { dissemination: TO_SECRETARIAT('none'), period: '2022' });
  const sentAt = '2022-01-10T00:00:00.000Z';

  it('fall due for the secretariat every period, and await the provider within the confirmation time', () => {
    const state = foldExchange([sent(poc, sentAt)]);
    // Sent 10 January, checked every 30 days: due 9 February, reminded from a day before.
    expect(dueReminders(state, settings, '2022-02-07T23:59:59.000Z')).toEqual([]);
    expect(dueReminders(state, settings, '2022-02-08T00:00:00.000Z')).toEqual([
      { kind: 'contact-check-due', key: `contact-check-due ${poc.id} 2022-02-09T00:00:00.000Z`, to: 'SECRETARIAT', submissionId: poc.id, dueAt: '2022-02-09T00:00:00.000Z' },
    ]);
    const checked = foldExchange([sent(poc, sentAt), checkSent(SECRETARIAT, 'c1', poc.id, '2022-02-09T00:00:00.000Z')]);
    expect(dueReminders(checked, settings, '2022-02-11T00:00:00.000Z')).toEqual([
      { kind: 'contact-confirmation-due', key: 'contact-confirmation-due c1', to: 'KAZ', submissionId: poc.id, checkId: 'c1', dueAt: '2022-02-12T00:00:00.000Z' },
    ]);
    expect(contactChecksFor(checked, settings, KAZ, '2022-02-12T00:00:00.000Z')).toMatchObject([{ id: 'c1', status: 'overdue', checkedBy: 'SECRETARIAT' }]);
    expect(contactChecksFor(checked, settings, SECRETARIAT, '2022-02-10T00:00:00.000Z')).toMatchObject([{ id: 'c1', status: 'awaiting' }]);
    expect(contactChecksFor(checked, settings, KGZ, '2022-02-10T00:00:00.000Z')).toEqual([]);
    const answered = foldExchange([sent(poc, sentAt), checkSent(SECRETARIAT, 'c1', poc.id, '2022-02-09T00:00:00.000Z'), confirmed(KAZ, 'c1', '2022-02-10T00:00:00.000Z')]);
    expect(contactChecksFor(answered, settings, SECRETARIAT, '2022-02-20T00:00:00.000Z')).toMatchObject([{ status: 'confirmed', confirmedAt: '2022-02-10T00:00:00.000Z' }]);
    const confirmations = obligationsOf(answered, settings, KAZ, '2022-02-20T00:00:00.000Z').filter((o) => o.kind === 'contact-confirmation');
    expect(confirmations).toMatchObject([{ about: poc.id, status: 'met', metBy: 'c1' }]);
    expect(dueReminders(answered, settings, '2022-02-20T00:00:00.000Z')).toEqual([]);
  });

  it('are not due for points of contact the secretariat never received', () => {
    const state = foldExchange([sent({ ...poc, dissemination: { kind: 'addressees-only' } }, sentAt)]);
    expect(dueReminders(state, settings, '2022-06-01T00:00:00.000Z')).toEqual([]);
  });
});
