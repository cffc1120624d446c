import { describe, expect, it } from 'vitest';
import {
  BODIES,
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
  permitted,
  read,
  refused,
  requested,
  revoked,
  sent,
  submission,
  withdrawnPermission,
} from '../../../test/support/exchange.ts';
import { applyExchangeEvent, checkExchangeEvent, foldExchange, tryApplyExchangeEvent } from './apply.ts';
import type { ExchangeEvent } from './events.ts';
import { contingentPermissionsFor } from './permissions.ts';
import { ExchangeRejected } from './rejection.ts';
import { emptyExchangeState, type ExchangeState } from './state.ts';

const KAZ = delegateOf('KAZ');
const KGZ = delegateOf('KGZ');
const UZB = delegateOf('UZB');
const TJK = delegateOf('TJK');

function codeOf(state: ExchangeState, event: ExchangeEvent): string | null {
  return checkExchangeEvent(state, event)?.code ?? null;
}

describe('foldExchange', () => {
  it('folds the same log to the same state, also after a JSON round trip, and one event at a time', () => {
    const disaster = submission('disaster', 'KAZ', ['UZB', 'KGZ'], { dissemination: TO_SECRETARIAT(['TJK']) });
    const log: ExchangeEvent[] = [
      sent(disaster),
      read(UZB, disaster.id, { via: 'addressed' }, hoursAfter(1)),
      requested(UZB, 'r1', disaster.id, { kind: 'states', states: ['TJK'] }, hoursAfter(2)),
      granted(KAZ, 'g1', disaster.id, { kind: 'states', states: ['TJK'] }, { at: hoursAfter(3), inAnswerTo: 'r1' }),
      disseminated('d1', disaster.id, ['TJK'], hoursAfter(4)),
      revoked(KAZ, 'g1', disaster.id, hoursAfter(5)),
    ];
    const folded = foldExchange(log);
    expect(foldExchange(JSON.parse(JSON.stringify(log)) as ExchangeEvent[])).toEqual(folded);
    const live = emptyExchangeState();
    log.forEach((event, i) => {
      applyExchangeEvent(live, event);
      expect(live.version).toBe(i + 1);
    });
    expect(live).toEqual(folded);
    expect(folded.requests.get('r1')!.answer).toMatchObject({ outcome: 'granted', grantId: 'g1' });
    expect(folded.grants.get('g1')!.revoked).toMatchObject({ at: hoursAfter(5) });
  });

  it('leaves the state untouched by a rejected event and throws the rejection from applyExchangeEvent', () => {
    const state = foldExchange([sent(submission('armed-forces', 'KAZ', ['KGZ']))]);
    const before = structuredClone(state);
    const bad = granted(KGZ, 'g1', [...state.submissions.keys()][0]!, { kind: 'publication' });
    expect(tryApplyExchangeEvent(state, bad)).toMatchObject({ ok: false, rejection: { code: 'NOT_PROVIDER' } });
    expect(state).toEqual(before);
    expect(() => applyExchangeEvent(state, bad)).toThrow(ExchangeRejected);
  });

  it('rejects an event that is not one, with a message that says what is wrong', () => {
    const state = emptyExchangeState();
    const rejection = checkExchangeEvent(state, { type: 'submission.deleted', at: T0, actor: KAZ, data: {} } as unknown as ExchangeEvent);
    expect(rejection).toEqual({ code: 'BAD_EVENT', message: '"submission.deleted" is no exchange event.' });
    expect(codeOf(state, { ...sent(submission('disaster', 'KAZ', ['UZB'])), at: 'yesterday' })).toBe('BAD_EVENT');
    expect(checkExchangeEvent(state, { ...sent(submission('disaster', 'KAZ', ['UZB'])), actor: { user: 'u', delegation: null, role: 'delegate' } })?.message).toBe(
      'submission.sent: a delegate acts for a delegation; give its code.',
    );
  });
});

describe('submission.sent', () => {
  const state = emptyExchangeState();

  it('is sent only by a delegate of the providing state', () => {
    const s = submission('armed-forces', 'KAZ', ['KGZ']);
    expect(codeOf(state, sent(s, T0, KGZ))).toBe('NOT_ALLOWED');
    expect(codeOf(state, sent(s, T0, SECRETARIAT))).toBe('NOT_ALLOWED');
    expect(codeOf(state, sent(s, T0, { ...KAZ, role: 'observer' }))).toBe('NOT_ALLOWED');
    expect(codeOf(state, sent(s))).toBeNull();
  });

  it('checks the envelope: addressed states, legal basis, urgency of disasters, periods', () => {
    expect(codeOf(state, sent(submission('armed-forces', 'KAZ', [])))).toBe('BAD_EVENT');
    expect(codeOf(state, sent(submission('armed-forces', 'KAZ', ['XXX'])))).toBe('UNKNOWN_STATE');
    expect(codeOf(state, sent(submission('armed-forces', 'KAZ', ['KGZ', 'KGZ'])))).toBe('BAD_EVENT');
    expect(codeOf(state, sent(submission('armed-forces', 'KAZ', ['KAZ'])))).toBe('BAD_ENVELOPE');
    expect(checkExchangeEvent(state, sent(submission('armed-forces', 'KAZ', ['KGZ'], { legalBasis: '2.1.1 b' })))?.message).toBe(
      'Components of armed forces rests on 2.1.1 a, not "2.1.1 b".',
    );
    expect(codeOf(state, sent(submission('instrument-status', 'KAZ', ['KGZ'], { legalBasis: '2.2.6' })))).toBeNull();
    expect(checkExchangeEvent(state, sent(submission('disaster', 'KAZ', ['UZB'], { urgent: false })))?.message).toContain('always urgent');
    expect(codeOf(state, sent(submission('armed-forces', 'KAZ', ['KGZ'], { period: null })))).toBe('BAD_ENVELOPE');
    expect(codeOf(state, sent(submission('disaster', 'KAZ', ['UZB'], { period: '2021' })))).toBe('BAD_ENVELOPE');
  });

  it('keeps ids and registry numbers unique', () => {
    const s = submission('armed-forces', 'KAZ', ['KGZ']);
    const folded = foldExchange([sent(s)]);
    expect(codeOf(folded, sent({ ...submission('armed-forces', 'KAZ', ['KGZ']), id: s.id }))).toBe('DUPLICATE_ID');
    expect(codeOf(folded, sent({ ...submission('armed-forces', 'KAZ', ['KGZ']), registryNumber: s.registryNumber }))).toBe('DUPLICATE_ID');
  });

  it('takes a nil report (no body) for periodic categories only', () => {
    expect(codeOf(state, sent(submission('defence-budget', 'KAZ', ['KGZ'], { kind: 'nil', body: null })))).toBeNull();
    expect(codeOf(state, sent(submission('defence-budget', 'KAZ', ['KGZ'], { kind: 'nil' })))).toBe('BAD_BODY');
    expect(codeOf(state, sent(submission('disaster', 'KAZ', ['KGZ'], { kind: 'nil', body: null })))).toBe('BAD_ENVELOPE');
    expect(codeOf(state, sent(submission('defence-budget', 'KAZ', ['KGZ'], { body: null })))).toBe('BAD_BODY');
  });

  it('takes a no-change report that points to the latest report of the same category, to states that had it', () => {
    const first = submission('armed-forces', 'KAZ', ['KGZ', 'UZB']);
    const second = submission('armed-forces', 'KAZ', ['KGZ', 'UZB'], { period: '2022' });
    const folded = foldExchange([sent(first), sent(second, hoursAfter(1))]);
    const noChange = (previous: string | null, to = ['KGZ']) =>
      sent(submission('armed-forces', 'KAZ', to, { kind: 'no-change', body: null, previous, period: '2023' }), hoursAfter(2));
    expect(codeOf(folded, noChange(second.id))).toBeNull();
    expect(checkExchangeEvent(folded, noChange(first.id))?.message).toBe(
      `A no-change report points to KAZ's latest Components of armed forces, ${second.registryNumber} (id ${second.id}).`,
    );
    const toNewcomer = checkExchangeEvent(folded, noChange(second.id, ['KGZ', 'TJK']));
    expect([toNewcomer?.code, toNewcomer?.message]).toEqual([
      'BAD_NO_CHANGE',
      `TJK did not receive ${second.registryNumber}, so "no change" tells them nothing: send them a full report.`,
    ]);
    expect(codeOf(emptyExchangeState(), noChange('s-none'))).toBe('BAD_NO_CHANGE');
    expect(codeOf(folded, sent(submission('defence-budget', 'KAZ', ['KGZ'], { kind: 'no-change', body: null, previous: second.id })))).toBe('BAD_NO_CHANGE');
  });

  it('needs a retention limit for personal data and sends it to the addressed states only', () => {
    expect(codeOf(state, sent(submission('military-cv', 'KAZ', ['KGZ'])))).toBeNull();
    expect(codeOf(state, sent(submission('military-cv', 'KAZ', ['KGZ'], { retainUntil: null })))).toBe('BAD_ENVELOPE');
    expect(codeOf(state, sent(submission('military-cv', 'KAZ', ['KGZ'], { retainUntil: T0 })))).toBe('BAD_ENVELOPE');
    expect(codeOf(state, sent(submission('military-cv', 'KAZ', ['KGZ'], { dissemination: TO_SECRETARIAT('none') })))).toBe('PERSONAL_DATA');
    expect(codeOf(state, sent(submission('armed-forces', 'KAZ', ['KGZ'], { retainUntil: hoursAfter(5) })))).toBe('BAD_ENVELOPE');
  });

  it('takes a reply only to a request addressed to the replying state, addressed back to the requester', () => {
    const request = submission('incident-consultation', 'KAZ', ['KGZ']);
    const folded = foldExchange([sent(request)]);
    const reply = (from: string, to: string[], replyTo: string | null = request.id) =>
      sent(submission('incident-consultation-reply', from, to, { replyTo }), hoursAfter(1));
    expect(codeOf(folded, reply('KGZ', ['KAZ']))).toBeNull();
    expect(codeOf(folded, reply('KGZ', ['UZB']))).toBe('BAD_REPLY');
    expect(codeOf(folded, reply('KGZ', ['KAZ'], null))).toBe('BAD_REPLY');
    const other = submission('armed-forces', 'KAZ', ['KGZ']);
    expect(codeOf(foldExchange([sent(request), sent(other)]), reply('KGZ', ['KAZ'], other.id))).toBe('BAD_REPLY');
  });

  it('answers a reply to a submission the sender may not see exactly as one to an id never used', () => {
    const request = submission('incident-consultation', 'KAZ', ['KGZ']);
    const folded = foldExchange([sent(request)]);
    const hidden = checkExchangeEvent(folded, sent(submission('incident-consultation-reply', 'UZB', ['KAZ'], { replyTo: request.id })));
    const none = checkExchangeEvent(folded, sent(submission('incident-consultation-reply', 'UZB', ['KAZ'], { replyTo: 'no-such-id' })));
    expect(hidden).toEqual({ code: 'NOT_FOUND', message: `There is no submission ${request.id}.` });
    expect(none).toEqual({ code: 'NOT_FOUND', message: 'There is no submission no-such-id.' });
  });

  it('checks the times that deadlines count from', () => {
    const badStart = { ...BODIES['military-activity'], start: 'soon' };
    expect(codeOf(state, sent(submission('military-activity', 'KAZ', ['KGZ'], { body: badStart })))).toBe('BAD_BODY');
    const backwards = { ...BODIES['military-activity'], end: '2021-08-01T00:00:00.000Z' };
    expect(codeOf(state, sent(submission('military-activity', 'KAZ', ['KGZ'], { body: backwards })))).toBe('BAD_BODY');
  });
});

describe('foreign contingents (2.1.1 c)', () => {
  const report = (to: string[], extra: Parameters<typeof submission>[3] = {}) => submission('foreign-contingents', 'KGZ', to, extra);

  it("cannot be sent without the deploying state's recorded permission", () => {
    const rejection = checkExchangeEvent(emptyExchangeState(), sent(report(['KAZ'])));
    expect(rejection).toEqual({
      code: 'NO_PERMISSION',
      message: 'RUS has not permitted KGZ to release information on its contingent to KAZ (2.1.1 c): RUS must record its permission first.',
    });
  });

  it('is sent within the permission, and not beyond it', () => {
    const state = foldExchange([permitted('p1', 'RUS', 'KGZ', ['KAZ', 'SECRETARIAT'])]);
    expect(codeOf(state, sent(report(['KAZ'])))).toBeNull();
    expect(codeOf(state, sent(report(['KAZ', 'UZB'])))).toBe('NO_PERMISSION');
    expect(codeOf(state, sent(report(['KAZ'], { dissemination: TO_SECRETARIAT('none') })))).toBeNull();
    expect(codeOf(state, sent(report(['KAZ'], { dissemination: TO_SECRETARIAT(['UZB']) })))).toBe('NO_PERMISSION');
    expect(codeOf(state, sent(report(['KAZ'], { dissemination: TO_SECRETARIAT('any') })))).toBe('NO_PERMISSION');
  });

  it('is widened by its host only as far as the deploying state permitted', () => {
    const s = report(['KAZ']);
    const state = foldExchange([permitted('p1', 'RUS', 'KGZ', ['KAZ', 'UZB']), sent(s)]);
    expect(codeOf(state, granted(KGZ, 'g1', s.id, { kind: 'states', states: ['UZB'] }))).toBeNull();
    expect(codeOf(state, granted(KGZ, 'g1', s.id, { kind: 'states', states: ['TJK'] }))).toBe('NO_PERMISSION');
    expect(codeOf(state, granted(KGZ, 'g1', s.id, { kind: 'publication' }))).toBe('NO_PERMISSION');
    applyExchangeEvent(state, permitted('p2', 'RUS', 'KGZ', 'any'));
    expect(codeOf(state, granted(KGZ, 'g1', s.id, { kind: 'publication' }))).toBeNull();
  });

  it('is permitted by a delegate of the deploying state only', () => {
    const byHost = { ...permitted('p1', 'RUS', 'KGZ', 'any'), actor: KGZ };
    expect(codeOf(emptyExchangeState(), byHost)).toBe('NOT_ALLOWED');
    expect(codeOf(emptyExchangeState(), permitted('p1', 'RUS', 'RUS', 'any'))).toBe('BAD_EVENT');
    expect(codeOf(emptyExchangeState(), permitted('p1', 'RUS', 'KGZ', ['CHAIR']))).toBe('UNKNOWN_STATE');
  });

  it('no longer counts once withdrawn: a later report or widening that needed it is refused, what was sent stays', () => {
    const s = report(['KAZ']);
    const RUS = delegateOf('RUS');
    const state = foldExchange([permitted('p1', 'RUS', 'KGZ', ['KAZ', 'UZB']), sent(s)]);
    applyExchangeEvent(state, withdrawnPermission(RUS, 'p1', 'Mission ended', hoursAfter(1)));
    expect(checkExchangeEvent(state, sent(report(['KAZ']), hoursAfter(2)))?.code).toBe('NO_PERMISSION');
    expect(codeOf(state, granted(KGZ, 'g1', s.id, { kind: 'states', states: ['UZB'] }, { at: hoursAfter(2) }))).toBe('NO_PERMISSION');
    // Already released stays released: the addressee still sees the report.
    expect(state.submissions.has(s.id)).toBe(true);
    expect(codeOf(state, { type: 'submission.read', at: hoursAfter(2), actor: KAZ, data: { submissionId: s.id, basis: { via: 'addressed' } } })).toBeNull();
  });

  it('keeps a party reachable while another permission still covers it', () => {
    const s = report(['KAZ']);
    const RUS = delegateOf('RUS');
    const state = foldExchange([permitted('p1', 'RUS', 'KGZ', ['KAZ', 'UZB']), permitted('p2', 'RUS', 'KGZ', ['UZB']), sent(s)]);
    applyExchangeEvent(state, withdrawnPermission(RUS, 'p1'));
    expect(codeOf(state, granted(KGZ, 'g1', s.id, { kind: 'states', states: ['UZB'] }))).toBeNull();
    expect(codeOf(state, granted(KGZ, 'g1', s.id, { kind: 'states', states: ['TJK'] }))).toBe('NO_PERMISSION');
  });

  it('is withdrawn by a delegate of the deploying state only, once; a stranger is told it does not exist', () => {
    const state = foldExchange([permitted('p1', 'RUS', 'KGZ', 'any')]);
    const unknown = checkExchangeEvent(state, withdrawnPermission(UZB, 'p-never'));
    expect(unknown).toEqual({ code: 'NOT_FOUND', message: 'There is no permission p-never.' });
    expect(checkExchangeEvent(state, withdrawnPermission(UZB, 'p1'))).toEqual({ code: 'NOT_FOUND', message: 'There is no permission p1.' });
    expect(codeOf(state, withdrawnPermission(SECRETARIAT, 'p1'))).toBe('NOT_FOUND');
    expect(codeOf(state, withdrawnPermission(CHAIR, 'p1'))).toBe('NOT_FOUND');
    expect(codeOf(state, withdrawnPermission(KGZ, 'p1'))).toBe('NOT_ALLOWED');
    applyExchangeEvent(state, withdrawnPermission(delegateOf('RUS', 2), 'p1'));
    expect(checkExchangeEvent(state, withdrawnPermission(delegateOf('RUS'), 'p1'))).toEqual({
      code: 'NOT_OPEN',
      message: `Permission p1 was already withdrawn on ${T0}.`,
    });
  });

  it('stays in both states\' history with when and why it was withdrawn, and nobody else\'s', () => {
    const state = foldExchange([permitted('p1', 'RUS', 'KGZ', ['KAZ']), permitted('p2', 'RUS', 'KGZ', 'any')]);
    applyExchangeEvent(state, withdrawnPermission(delegateOf('RUS'), 'p1', 'Mission ended', hoursAfter(3)));
    const expected = [
      { id: 'p1', deployingState: 'RUS', hostState: 'KGZ', releaseTo: ['KAZ'], at: T0, withdrawnAt: hoursAfter(3), withdrawalReason: 'Mission ended' },
      { id: 'p2', deployingState: 'RUS', hostState: 'KGZ', releaseTo: 'any', at: T0, withdrawnAt: null, withdrawalReason: null },
    ];
    expect(contingentPermissionsFor(state, delegateOf('RUS'))).toEqual(expected);
    expect(contingentPermissionsFor(state, KGZ)).toEqual(expected);
    expect(contingentPermissionsFor(state, KAZ)).toEqual([]);
  });
});

describe('consent', () => {
  const s = submission('disaster', 'KAZ', ['UZB', 'KGZ']);
  const fresh = () => foldExchange([sent(s)]);

  it('is granted by the provider only: an addressee is told so, a stranger is told nothing exists', () => {
    const state = fresh();
    expect(checkExchangeEvent(state, granted(UZB, 'g1', s.id, { kind: 'states', states: ['TJK'] }))).toEqual({
      code: 'NOT_PROVIDER',
      message: `Only KAZ, which provided ${s.registryNumber}, can widen access to it; you may ask it for consent.`,
    });
    expect(checkExchangeEvent(state, granted(TJK, 'g1', s.id, { kind: 'states', states: ['TJK'] }))).toEqual({
      code: 'NOT_FOUND',
      message: `There is no submission ${s.id}.`,
    });
    expect(codeOf(state, granted(SECRETARIAT, 'g1', s.id, { kind: 'publication' }))).toBe('NOT_FOUND');
    expect(codeOf(state, granted(KAZ, 'g1', s.id, { kind: 'states', states: ['TJK'] }))).toBeNull();
  });

  it('is requested by one who may see it, never on one it may not see, never by the provider', () => {
    const state = fresh();
    expect(codeOf(state, requested(UZB, 'r1', s.id, { kind: 'publication' }))).toBeNull();
    const hidden = checkExchangeEvent(state, requested(TJK, 'r1', s.id, { kind: 'publication' }));
    const none = checkExchangeEvent(state, requested(TJK, 'r1', 'nothing-here', { kind: 'publication' }));
    expect(hidden?.code).toBe('NOT_FOUND');
    expect(hidden?.message.replace(s.id, '<id>')).toBe(none?.message.replace('nothing-here', '<id>'));
    expect(codeOf(state, requested(KAZ, 'r1', s.id, { kind: 'publication' }))).toBe('NOT_ALLOWED');
    expect(codeOf(state, requested(CHAIR, 'r1', s.id, { kind: 'publication' }))).toBe('NOT_ALLOWED');
    expect(codeOf(state, requested(UZB, 'r1', s.id, { kind: 'states', states: [] }))).toBe('BAD_EVENT');
  });

  it('answers a request once: granted or refused, not both', () => {
    const state = foldExchange([sent(s), requested(UZB, 'r1', s.id, { kind: 'states', states: ['TJK'] })]);
    expect(codeOf(state, refused(UZB, 'r1', s.id))).toBe('NOT_PROVIDER');
    applyExchangeEvent(state, refused(KAZ, 'r1', s.id));
    expect(state.requests.get('r1')!.answer).toMatchObject({ outcome: 'refused', reason: 'not now' });
    expect(codeOf(state, granted(KAZ, 'g1', s.id, { kind: 'states', states: ['TJK'] }, { inAnswerTo: 'r1' }))).toBe('NOT_OPEN');
    expect(codeOf(state, refused(KAZ, 'r2', s.id))).toBe('BAD_EVENT');
  });

  it('is revoked by the provider, once; the envelope policy is revocable too', () => {
    const withSecretariat = submission('armed-forces', 'KAZ', ['KGZ'], { dissemination: TO_SECRETARIAT('none') });
    const state = foldExchange([sent(s), sent(withSecretariat), granted(KAZ, 'g1', s.id, { kind: 'publication' })]);
    expect(codeOf(state, revoked(UZB, 'g1', s.id))).toBe('NOT_PROVIDER');
    expect(codeOf(state, revoked(KAZ, 'g2', s.id))).toBe('BAD_EVENT');
    applyExchangeEvent(state, revoked(KAZ, 'g1', s.id));
    expect(codeOf(state, revoked(KAZ, 'g1', s.id))).toBe('NOT_OPEN');
    expect(codeOf(state, revoked(KAZ, 'envelope', withSecretariat.id))).toBeNull();
    expect(codeOf(state, granted(KAZ, 'envelope', s.id, { kind: 'publication' }))).toBe('DUPLICATE_ID');
  });

  it('never widens personal data (2.1.4 c)', () => {
    const cv = submission('military-cv', 'KAZ', ['KGZ']);
    const state = foldExchange([sent(cv)]);
    expect(codeOf(state, granted(KAZ, 'g1', cv.id, { kind: 'states', states: ['UZB'] }))).toBe('PERSONAL_DATA');
    expect(codeOf(state, requested(KGZ, 'r1', cv.id, { kind: 'states', states: ['UZB'] }))).toBe('PERSONAL_DATA');
    expect(codeOf(state, requested(UZB, 'r1', cv.id, { kind: 'states', states: ['UZB'] }))).toBe('NOT_FOUND');
  });

  it('lets a grant run until a later instant only', () => {
    const state = fresh();
    expect(codeOf(state, granted(KAZ, 'g1', s.id, { kind: 'publication' }, { until: T0 }))).toBe('BAD_EVENT');
    expect(codeOf(state, granted(KAZ, 'g1', s.id, { kind: 'publication' }, { until: hoursAfter(1) }))).toBeNull();
  });
});

describe('submission.disseminated', () => {
  it('passes a submission on only within what the provider allowed the secretariat', () => {
    const s = submission('armed-forces', 'KAZ', ['KGZ'], { dissemination: TO_SECRETARIAT(['UZB']) });
    const state = foldExchange([sent(s)]);
    expect(codeOf(state, disseminated('d1', s.id, ['UZB']))).toBeNull();
    expect(checkExchangeEvent(state, disseminated('d1', s.id, ['UZB', 'TJK']))).toEqual({
      code: 'BEYOND_CONSENT',
      message: `KAZ has not allowed the secretariat to pass ${s.registryNumber} on to TJK: ask KAZ for consent first.`,
    });
    expect(codeOf(state, disseminated('d1', s.id, ['UZB'], T0, KGZ))).toBe('NOT_ALLOWED');
    applyExchangeEvent(state, granted(KAZ, 'g1', s.id, { kind: 'secretariat', disseminateTo: ['TJK'] }));
    expect(codeOf(state, disseminated('d1', s.id, ['UZB', 'TJK']))).toBeNull();
    applyExchangeEvent(state, revoked(KAZ, 'g1', s.id));
    expect(codeOf(state, disseminated('d1', s.id, ['TJK']))).toBe('BEYOND_CONSENT');
  });

  it('does not exist for the secretariat when the provider addressed states only', () => {
    const s = submission('armed-forces', 'KAZ', ['KGZ']);
    expect(codeOf(foldExchange([sent(s)]), disseminated('d1', s.id, ['UZB']))).toBe('NOT_FOUND');
  });

  it('holds without passing on when the policy says none', () => {
    const s = submission('armed-forces', 'KAZ', ['KGZ'], { dissemination: TO_SECRETARIAT('none') });
    expect(codeOf(foldExchange([sent(s)]), disseminated('d1', s.id, ['UZB']))).toBe('BEYOND_CONSENT');
  });
});

describe('submission.read', () => {
  it('is logged under a basis the reader has', () => {
    const s = submission('armed-forces', 'KAZ', ['KGZ']);
    const state = foldExchange([sent(s)]);
    expect(codeOf(state, read(KGZ, s.id, { via: 'addressed' }))).toBeNull();
    expect(codeOf(state, read(KGZ, s.id, { via: 'provider' }))).toBe('BAD_BASIS');
    expect(codeOf(state, read(UZB, s.id, { via: 'addressed' }))).toBe('NOT_FOUND');
  });

  it('is refused once personal data is past its retention limit, for the provider too', () => {
    const cv = submission('military-cv', 'KAZ', ['KGZ'], { retainUntil: hoursAfter(24) });
    const state = foldExchange([sent(cv)]);
    expect(codeOf(state, read(KGZ, cv.id, { via: 'addressed' }, hoursAfter(23)))).toBeNull();
    expect(codeOf(state, read(KGZ, cv.id, { via: 'addressed' }, hoursAfter(24)))).toBe('EXPIRED');
    expect(codeOf(state, read(KAZ, cv.id, { via: 'provider' }, hoursAfter(25)))).toBe('EXPIRED');
  });
});

describe('contact checks (2.3.5, 2.4.4)', () => {
  it('are sent by one who holds the points of contact and confirmed by their provider only', () => {
    const poc = submission('points-of-contact', 'KAZ', ['KGZ'], { dissemination: TO_SECRETARIAT('none') });
    const state = foldExchange([sent(poc)]);
    expect(codeOf(state, checkSent(KAZ, 'c1', poc.id))).toBe('NOT_ALLOWED');
    expect(codeOf(state, checkSent(UZB, 'c1', poc.id))).toBe('NOT_FOUND');
    applyExchangeEvent(state, checkSent(SECRETARIAT, 'c1', poc.id));
    expect(codeOf(state, checkSent(SECRETARIAT, 'c2', poc.id))).toBe('NOT_OPEN');
    expect(codeOf(state, confirmed(UZB, 'c1'))).toBe('NOT_FOUND');
    expect(checkExchangeEvent(state, confirmed(UZB, 'c1'))?.message).toBe(checkExchangeEvent(state, confirmed(UZB, 'c9'))?.message.replace('c9', 'c1'));
    expect(codeOf(state, confirmed(KGZ, 'c1'))).toBe('NOT_PROVIDER');
    applyExchangeEvent(state, confirmed(KAZ, 'c1', hoursAfter(2)));
    expect(codeOf(state, confirmed(KAZ, 'c1'))).toBe('NOT_OPEN');
    const armed = submission('armed-forces', 'KAZ', ['KGZ']);
    applyExchangeEvent(state, sent(armed));
    expect(codeOf(state, checkSent(KGZ, 'c3', armed.id))).toBe('BAD_EVENT');
  });
});
