import { describe, expect, it } from 'vitest';
import {
  CHAIR,
  SECRETARIAT,
  T0,
  TO_SECRETARIAT,
  delegateOf,
  disseminated,
  granted,
  hoursAfter,
  observerOf,
  read,
  requested,
  revoked,
  sent,
  submission,
} from '../../../test/support/exchange.ts';
import { accessOf, whyCanISee } from './access.ts';
import { applyExchangeEvent, foldExchange } from './apply.ts';
import type { ExchangeEvent } from './events.ts';
import { notificationsFor } from './notifications.ts';
import { countSubmissions, exportRows, searchSubmissions, visibleSubmissions } from './queries.ts';
import { readLog, readSubmission } from './read.ts';
import type { ExchangeState } from './state.ts';
import type { Viewer } from './viewer.ts';

const KAZ = delegateOf('KAZ');
const KAZ2 = delegateOf('KAZ', 2);
const UZB = delegateOf('UZB');
const KGZ = delegateOf('KGZ');
const TJK = delegateOf('TJK');
const NOW = hoursAfter(1);

function sees(state: ExchangeState, viewer: Viewer, id: string, now = NOW): boolean {
  return accessOf(state, viewer, id, now).visible;
}

describe('the consent rule', () => {
  const s = submission('armed-forces', 'KAZ', ['UZB']);

  it('shows a submission to its provider and the addressed states, and to nobody else', () => {
    const state = foldExchange([sent(s)]);
    expect(accessOf(state, KAZ2, s.id, NOW)).toMatchObject({ visible: true, basis: { via: 'provider' } });
    expect(accessOf(state, UZB, s.id, NOW)).toMatchObject({ visible: true, basis: { via: 'addressed' } });
    for (const viewer of [KGZ, SECRETARIAT, CHAIR, observerOf('USA'), { ...UZB, role: 'observer' } as Viewer, { ...UZB, role: 'chair' } as Viewer]) {
      expect([viewer, accessOf(state, viewer, s.id, NOW)]).toEqual([viewer, { visible: false }]);
    }
    expect(accessOf(state, KGZ, s.id, NOW)).toEqual(accessOf(state, KGZ, 'never-used', NOW));
  });

  it('gives the secretariat what was submitted to it, and nothing addressed only to states', () => {
    const toSecretariat = submission('armed-forces', 'KAZ', ['UZB'], { dissemination: TO_SECRETARIAT('none') });
    const state = foldExchange([sent(s), sent(toSecretariat)]);
    expect(sees(state, SECRETARIAT, s.id)).toBe(false);
    expect(accessOf(state, SECRETARIAT, toSecretariat.id, NOW)).toMatchObject({ visible: true, basis: { via: 'grant', grantId: 'envelope' } });
    applyExchangeEvent(state, revoked(KAZ, 'envelope', toSecretariat.id, NOW));
    expect(sees(state, SECRETARIAT, toSecretariat.id)).toBe(false);
  });

  it('widens by a grant of the provider, for as long as it lasts, and narrows again when revoked', () => {
    const state = foldExchange([sent(s), granted(KAZ, 'g1', s.id, { kind: 'states', states: ['KGZ'] }, { until: hoursAfter(10) })]);
    expect(accessOf(state, KGZ, s.id, NOW)).toMatchObject({ visible: true, basis: { via: 'grant', grantId: 'g1' } });
    expect(sees(state, observerOf('KGZ'), s.id)).toBe(true);
    expect(sees(state, TJK, s.id)).toBe(false);
    expect(sees(state, KGZ, s.id, hoursAfter(10))).toBe(false);
    applyExchangeEvent(state, revoked(KAZ, 'g1', s.id, hoursAfter(2)));
    expect(sees(state, KGZ, s.id, hoursAfter(3))).toBe(false);
  });

  it('publishes to everyone in the organisation, observers and the chair included', () => {
    const state = foldExchange([sent(s), granted(KAZ, 'g1', s.id, { kind: 'publication' })]);
    for (const viewer of [KGZ, SECRETARIAT, CHAIR, observerOf('USA')]) expect(sees(state, viewer, s.id)).toBe(true);
    expect(exportRows(state, UZB, {}, NOW).map((r) => r.handling)).toEqual(['Published by KAZ.']);
  });

  it("lets the secretariat's dissemination count only while the provider's allowance stands", () => {
    const policy = submission('armed-forces', 'KAZ', ['UZB'], { dissemination: TO_SECRETARIAT(['TJK', 'KGZ']) });
    const state = foldExchange([sent(policy), disseminated('d1', policy.id, ['TJK'])]);
    expect(accessOf(state, TJK, policy.id, NOW)).toMatchObject({ visible: true, basis: { via: 'dissemination', disseminationId: 'd1', grantId: 'envelope' } });
    expect(sees(state, KGZ, policy.id)).toBe(false); // allowed, but not (yet) disseminated to
    applyExchangeEvent(state, granted(KAZ, 'g1', policy.id, { kind: 'secretariat', disseminateTo: ['TJK'] }));
    applyExchangeEvent(state, revoked(KAZ, 'envelope', policy.id));
    expect(accessOf(state, TJK, policy.id, NOW)).toMatchObject({ basis: { via: 'dissemination', grantId: 'g1' } });
    expect(sees(state, SECRETARIAT, policy.id)).toBe(true);
    applyExchangeEvent(state, revoked(KAZ, 'g1', policy.id));
    expect(sees(state, TJK, policy.id)).toBe(false);
    expect(sees(state, SECRETARIAT, policy.id)).toBe(false);
  });

  it('answers "why can I see this?" with every grant chain, and a stranger with not-found', () => {
    const state = foldExchange([
      sent(s),
      requested(UZB, 'r1', s.id, { kind: 'states', states: ['KGZ'] }, hoursAfter(0.5)),
      granted(KAZ, 'g1', s.id, { kind: 'states', states: ['KGZ', 'UZB'] }, { at: NOW, inAnswerTo: 'r1' }),
    ]);
    const why = whyCanISee(state, UZB, s.id, NOW);
    expect(why).toEqual({
      outcome: 'visible',
      chains: [
        { basis: { via: 'addressed' }, links: [{ step: 'sent', registryNumber: s.registryNumber, from: 'KAZ', to: ['UZB'], by: KAZ, at: T0 }] },
        {
          basis: { via: 'grant', grantId: 'g1' },
          links: [
            { step: 'sent', registryNumber: s.registryNumber, from: 'KAZ', to: ['UZB'], by: KAZ, at: T0 },
            {
              step: 'granted',
              grantId: 'g1',
              widening: { kind: 'states', states: ['KGZ', 'UZB'] },
              by: KAZ,
              at: NOW,
              until: null,
              inAnswerTo: { requestId: 'r1', requestedBy: 'UZB' },
            },
          ],
        },
      ],
    });
    expect(whyCanISee(state, TJK, s.id, NOW)).toEqual({ outcome: 'not-found' });
    expect(whyCanISee(state, TJK, 'never-used', NOW)).toEqual({ outcome: 'not-found' });
  });
});

describe('every reader applies the same rule', () => {
  const a = submission('armed-forces', 'KAZ', ['UZB'], { subject: 'Ground forces of Kazakhstan' });
  const b = submission('disaster', 'KAZ', ['KGZ'], { subject: 'Flood in the Syr Darya basin' });
  const c = submission('defence-budget', 'TJK', ['UZB', 'KGZ'], { subject: 'Budget of Tajikistan' });
  const state = foldExchange([sent(a), sent(b, hoursAfter(0.1)), sent(c, hoursAfter(0.2))]);

  it('lists, searches, counts and exports only what the viewer may see, newest first', () => {
    expect(visibleSubmissions(state, UZB, NOW).map((h) => h.envelope.id)).toEqual([c.id, a.id]);
    expect(visibleSubmissions(state, KGZ, NOW).map((h) => h.envelope.id)).toEqual([c.id, b.id]);
    expect(searchSubmissions(state, UZB, { text: 'flood' }, NOW)).toEqual([]);
    expect(countSubmissions(state, UZB, { text: 'flood' }, NOW)).toBe(0);
    expect(searchSubmissions(state, KGZ, { text: 'FLOOD syr' }, NOW).map((h) => h.envelope.id)).toEqual([b.id]);
    expect(searchSubmissions(state, KGZ, { text: 'over its banks' }, NOW).map((h) => h.envelope.id)).toEqual([b.id]); // the body
    expect(countSubmissions(state, KGZ, { category: 'disaster' }, NOW)).toBe(1);
    expect(countSubmissions(state, UZB, { category: 'disaster' }, NOW)).toBe(0);
    expect(countSubmissions(state, KAZ, {}, NOW)).toBe(2);
    expect(countSubmissions(state, SECRETARIAT, {}, NOW)).toBe(0);
    expect(countSubmissions(state, KGZ, { from: 'TJK', to: 'KGZ', urgent: false, sentFrom: hoursAfter(0.2), sentBefore: NOW }, NOW)).toBe(1);
    expect(exportRows(state, UZB, {}, NOW).map((r) => [r.registryNumber, r.basis])).toEqual([
      [c.registryNumber, 'addressed'],
      [a.registryNumber, 'addressed'],
    ]);
    expect(exportRows(state, UZB, {}, NOW)[0]!.handling).toContain('without TJK');
    expect(exportRows(state, KAZ, {}, NOW).map((r) => r.handling)).toEqual(['Provided by KAZ.', 'Provided by KAZ.']);
  });

  it('says plainly when the time it is given is no instant', () => {
    expect(() => visibleSubmissions(state, UZB, 'now')).toThrow('now "now" is not an ISO 8601 instant, such as 1970-01-01T00:00:00.000Z.');
    expect(() => searchSubmissions(state, UZB, { sentFrom: '2021-13-45' }, NOW)).toThrow(RangeError);
  });

  it('reads a submission for those who may see it; everyone else gets what a never-used id gets', () => {
    expect(readSubmission(state, UZB, a.id, NOW)).toEqual({ outcome: 'ok', submission: { ...a, sentAt: T0 }, basis: { via: 'addressed' } });
    expect(readSubmission(state, KGZ, a.id, NOW)).toEqual({ outcome: 'not-found' });
    expect(readSubmission(state, KGZ, 'never-used', NOW)).toEqual({ outcome: 'not-found' });
    expect(readLog(state, KGZ, a.id, NOW)).toEqual(readLog(state, KGZ, 'never-used', NOW));
    expect(readLog(state, UZB, a.id, NOW)).toEqual({ outcome: 'provider-only' });
  });

  it('hides personal data past its retention limit from everyone, search included', () => {
    const cv = submission('military-cv', 'KAZ', ['UZB'], { retainUntil: hoursAfter(24) });
    const withCv = foldExchange([sent(cv)]);
    expect(readSubmission(withCv, UZB, cv.id, hoursAfter(23))).toMatchObject({ outcome: 'ok' });
    expect(searchSubmissions(withCv, UZB, { text: 'general staff academy' }, hoursAfter(23))).toHaveLength(1);
    const expired = readSubmission(withCv, UZB, cv.id, hoursAfter(24));
    expect(expired).toMatchObject({ outcome: 'expired', basis: { via: 'addressed' }, envelope: { id: cv.id } });
    expect(expired).not.toHaveProperty('envelope.body');
    expect(readSubmission(withCv, KAZ, cv.id, hoursAfter(48))).toMatchObject({ outcome: 'expired' });
    expect(searchSubmissions(withCv, UZB, { text: 'general staff academy' }, hoursAfter(24))).toEqual([]);
    expect(searchSubmissions(withCv, UZB, { text: 'CV of top' }, hoursAfter(24))).toMatchObject([{ expired: true }]);
  });
});

describe('the scenario of the issue, in the domain', () => {
  it('disaster to two neighbours; a third sees nothing, not even in counts; a neighbour asks, the provider grants, the third sees; the provider sees all three reads', () => {
    const disaster = submission('disaster', 'KAZ', ['UZB', 'KGZ']);
    const log: ExchangeEvent[] = [sent(disaster)];
    const state = foldExchange(log);
    const send = log[0]!;
    expect(notificationsFor(state, UZB, send)).toMatchObject([{ kind: 'submission.received', urgent: true, submission: { id: disaster.id } }]);
    expect(notificationsFor(state, KGZ, send)).toHaveLength(1);
    expect(notificationsFor(state, TJK, send)).toEqual([]);
    expect(notificationsFor(state, KAZ2, send)).toEqual([]);
    expect(countSubmissions(state, TJK, {}, NOW)).toBe(0);

    const steps: ExchangeEvent[] = [
      read(UZB, disaster.id, { via: 'addressed' }, hoursAfter(0.1)),
      read(KGZ, disaster.id, { via: 'addressed' }, hoursAfter(0.2)),
      requested(UZB, 'r1', disaster.id, { kind: 'states', states: ['TJK'] }, hoursAfter(0.3)),
      granted(KAZ, 'g1', disaster.id, { kind: 'states', states: ['TJK'] }, { at: hoursAfter(0.4), inAnswerTo: 'r1' }),
      read(TJK, disaster.id, { via: 'grant', grantId: 'g1' }, hoursAfter(0.5)),
    ];
    const told: Record<string, string[]> = {};
    for (const event of steps) {
      applyExchangeEvent(state, event);
      for (const viewer of [KAZ, UZB, KGZ, TJK]) {
        for (const n of notificationsFor(state, viewer, event)) (told[viewer.user] ??= []).push(n.kind);
      }
    }
    expect(told).toEqual({
      'kaz-1': ['submission.read', 'submission.read', 'consent.requested', 'submission.read'],
      'uzb-1': ['consent.granted'],
      'tjk-1': ['submission.shared'],
    });
    expect(countSubmissions(state, TJK, {}, NOW)).toBe(1);
    const log2 = readLog(state, KAZ, disaster.id, NOW);
    expect(log2.outcome === 'ok' && log2.entries.map((e) => [e.user, e.basis.via, e.chain.links.length])).toEqual([
      ['uzb-1', 'addressed', 1],
      ['kgz-1', 'addressed', 1],
      ['tjk-1', 'grant', 2],
    ]);
    expect(readLog(state, TJK, disaster.id, NOW)).toEqual({ outcome: 'provider-only' });

    applyExchangeEvent(state, revoked(KAZ, 'g1', disaster.id, hoursAfter(0.6)));
    const afterRevocation = readLog(state, KAZ, disaster.id, NOW);
    expect(afterRevocation.outcome === 'ok' && afterRevocation.entries[2]!.revokedSince).toBe(hoursAfter(0.6));
    expect(countSubmissions(state, TJK, {}, NOW)).toBe(0);
    expect(readLog(state, TJK, disaster.id, NOW)).toEqual({ outcome: 'not-found' });
  });
});
