import { describe, expect, it } from 'vitest';
import {
  CHAIR,
  SECRETARIAT,
  T0,
  TO_SECRETARIAT,
  checkSent,
  confirmed,
  delegateOf,
  disseminated,
  granted,
  hoursAfter,
  observerOf,
  permitted,
  refused,
  requested,
  revoked,
  sent,
  submission,
  withdrawnPermission,
} from '../../../test/support/exchange.ts';
import { applyExchangeEvent, foldExchange } from './apply.ts';
import type { ExchangeEvent } from './events.ts';
import { notificationsFor } from './notifications.ts';
import type { ExchangeState } from './state.ts';
import type { Viewer } from './viewer.ts';

const KAZ = delegateOf('KAZ');
const KAZ2 = delegateOf('KAZ', 2);
const UZB = delegateOf('UZB');
const KGZ = delegateOf('KGZ');
const TJK = delegateOf('TJK');
const EVERYONE = [KAZ, KAZ2, UZB, KGZ, TJK, SECRETARIAT, CHAIR, observerOf('USA')];

/** Applies `event` and says who is told what: user → kinds. */
function told(state: ExchangeState, event: ExchangeEvent, viewers: readonly Viewer[] = EVERYONE): Record<string, string[]> {
  applyExchangeEvent(state, event);
  const out: Record<string, string[]> = {};
  for (const viewer of viewers) {
    const kinds = notificationsFor(state, viewer, event).map((n) => n.kind);
    if (kinds.length > 0) out[viewer.user] = kinds;
  }
  return out;
}

describe('notificationsFor', () => {
  it('routes an urgent disaster notification at once to its addressees, and to nobody else', () => {
    const disaster = submission('disaster', 'KAZ', ['UZB', 'KGZ']);
    const state = foldExchange([]);
    expect(told(state, sent(disaster))).toEqual({ 'uzb-1': ['submission.received'], 'kgz-1': ['submission.received'] });
    expect(notificationsFor(state, UZB, sent(disaster))[0]).toEqual({
      kind: 'submission.received',
      at: T0,
      by: 'KAZ',
      urgent: true,
      submission: { id: disaster.id, registryNumber: disaster.registryNumber, category: 'disaster', from: 'KAZ', subject: disaster.subject },
    });
  });

  it('tells the secretariat of what is submitted to it, and the provider of what the secretariat passes on', () => {
    const s = submission('armed-forces', 'KAZ', ['UZB'], { dissemination: TO_SECRETARIAT(['TJK']) });
    const state = foldExchange([]);
    expect(told(state, sent(s))).toEqual({ 'uzb-1': ['submission.received'], 'secretariat-1': ['submission.received'] });
    expect(told(state, disseminated('d1', s.id, ['TJK']))).toEqual({
      'kaz-1': ['submission.disseminated'],
      'kaz-2': ['submission.disseminated'],
      'tjk-1': ['submission.shared'],
    });
  });

  it('tells the provider of requests and the requester of the answer; a publication reaches everyone', () => {
    const s = submission('armed-forces', 'KAZ', ['UZB']);
    const state = foldExchange([sent(s)]);
    expect(told(state, requested(UZB, 'r1', s.id, { kind: 'publication' }))).toEqual({ 'kaz-1': ['consent.requested'], 'kaz-2': ['consent.requested'] });
    expect(told(state, granted(KAZ, 'g1', s.id, { kind: 'publication' }, { inAnswerTo: 'r1' }))).toEqual({
      'uzb-1': ['consent.granted', 'submission.shared'],
      'kgz-1': ['submission.shared'],
      'tjk-1': ['submission.shared'],
      'secretariat-1': ['submission.shared'],
      'chair-1': ['submission.shared'],
      'observer-usa': ['submission.shared'],
    });
  });

  it('tells nothing to one who lost access: not of a revocation, not of an answer that came after it', () => {
    const s = submission('armed-forces', 'KAZ', ['UZB']);
    const state = foldExchange([
      sent(s),
      granted(KAZ, 'g1', s.id, { kind: 'states', states: ['TJK'] }),
      requested(TJK, 'r1', s.id, { kind: 'states', states: ['KGZ'] }, hoursAfter(1)),
    ]);
    expect(told(state, revoked(KAZ, 'g1', s.id, hoursAfter(2)))).toEqual({});
    expect(told(state, refused(KAZ, 'r1', s.id, hoursAfter(3)))).toEqual({});
  });

  it('tells the host of a permission for its contingent report, and the parties of a contact check', () => {
    const state = foldExchange([]);
    expect(told(state, permitted('p1', 'RUS', 'KGZ', 'any'), [...EVERYONE, delegateOf('RUS')])).toEqual({ 'kgz-1': ['contingent.permission'] });
    expect(told(state, withdrawnPermission(delegateOf('RUS'), 'p1'), [...EVERYONE, delegateOf('RUS', 2)])).toEqual({ 'kgz-1': ['contingent.permission.withdrawn'] });
    const poc = submission('points-of-contact', 'KAZ', ['UZB'], { dissemination: TO_SECRETARIAT('none') });
    applyExchangeEvent(state, sent(poc));
    expect(told(state, checkSent(SECRETARIAT, 'c1', poc.id))).toEqual({ 'kaz-1': ['contact.check'], 'kaz-2': ['contact.check'] });
    expect(told(state, confirmed(KAZ, 'c1'))).toEqual({ 'secretariat-1': ['contact.confirmed'] });
  });
});
