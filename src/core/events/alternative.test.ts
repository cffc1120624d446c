import { describe, expect, it } from 'vitest';
import { checkLaws } from '../../../test/support/laws.ts';
import { CHAIR, T0, consensus, created, propose, provision } from '../../../test/support/events.ts';
import type { DocumentState } from '../model/document-state.ts';
import { renderText } from '../render-text.ts';
import { planAlternative } from './alternative.ts';
import { fold, tryApplyEvent } from './apply.ts';
import type { ParleyEvent } from './event.ts';

const base: ParleyEvent[] = [
  created(),
  provision('v1', '2.1', 'Exchanging information on military exercises.'),
  provision('v2', '2.2', 'Inviting observers to exercises.', 'v1'),
];

/** The events an API call makes for "propose this paragraph as an alternative to `target`", as the server builds them. */
function alternative(state: DocumentState, code: string, id: string, target: string, text: string): ParleyEvent[] {
  const plan = planAlternative(state, target);
  if (!plan.ok) throw new Error(plan.rejection.message);
  const made = propose(code, { id, kind: 'new-provision', proponent: code, provisions: [{ id: `${id}-v`, kind: 'paragraph', label: null, text }], after: plan.after });
  const option: ParleyEvent = plan.join
    ? { type: 'option-set.joined', at: T0, actor: CHAIR, data: { optionSetId: plan.join, member: { t: 'proposal', id } } }
    : { type: 'option-set.formed', at: T0, actor: CHAIR, data: { optionSet: { id: `o-${id}`, members: [plan.member, { t: 'proposal', id }], allowsNoText: false } } };
  return [made, option];
}

function logWithTwoAlternatives(): ParleyEvent[] {
  const log = [...base];
  log.push(...alternative(fold(log), 'ISR', 'a1', 'v1', 'Notifying military exercises in advance.'));
  log.push(...alternative(fold(log), 'IND', 'a2', 'v1', 'Notifying large exercises only.'));
  return log;
}

describe('a paragraph put forward as an alternative', () => {
  it('forms an option set with the status-quo paragraph, and a second alternative joins the same set after the first', () => {
    const log = logWithTwoAlternatives();
    const state = checkLaws(log);
    expect(state.order).toEqual(['v1', 'a1-v', 'a2-v', 'v2']);
    expect(state.optionSets.get('o-a1')).toEqual({
      id: 'o-a1',
      members: [
        { t: 'provision', id: 'v1' },
        { t: 'proposal', id: 'a1' },
        { t: 'proposal', id: 'a2' },
      ],
      allowsNoText: false,
      status: 'open',
    });
    expect(state.proposals.get('a2')!.optionSetId).toBe('o-a1');
    expect(renderText(state)).toContain('2.1 Exchanging information on military exercises.\n\nOR\n\n[Notifying military exercises in advance.] (+ISR)\n\nOR\n\n[Notifying large exercises only.] (+IND)\n\n2.2');
  });

  it('to a paragraph that is itself only proposed, is an alternative to the proposal that puts it forward', () => {
    const log = [...base, propose('CHN', { id: 'p1', kind: 'new-provision', proponent: 'CHN', provisions: [{ id: 'n1', kind: 'paragraph', label: '2.1bis', text: 'New words.' }], after: 'v1' })];
    const plan = planAlternative(fold(log), 'n1');
    expect(plan).toEqual({ ok: true, after: 'n1', join: null, member: { t: 'proposal', id: 'p1' } });
    const state = checkLaws([...log, ...alternative(fold(log), 'ISR', 'a1', 'n1', 'Other words.')]);
    expect(state.optionSets.get('o-a1')!.members).toEqual([{ t: 'proposal', id: 'p1' }, { t: 'proposal', id: 'a1' }]);
    expect(planAlternative(state, 'a1-v')).toMatchObject({ ok: true, join: 'o-a1', after: 'a1-v' });
  });

  it('accepted, replaces the paragraph and drops the other alternatives; dropped, leaves the paragraph standing', () => {
    const accepted = checkLaws([...logWithTwoAlternatives(), consensus('a2', 'accept')]);
    expect(accepted.order).toEqual(['a2-v', 'v2']);
    expect(accepted.proposals.get('a1')!.status).toBe('dropped');
    expect(accepted.optionSets.get('o-a1')!.status).toBe('settled');
    expect(renderText(accepted, { view: 'agreed' })).toBe('Notifying large exercises only.\n\n2.2 Inviting observers to exercises.\n');

    const dropped = checkLaws([...logWithTwoAlternatives(), consensus('a1', 'drop'), consensus('a2', 'drop')]);
    expect(dropped.order).toEqual(['v1', 'v2']);
    expect(dropped.optionSets.get('o-a1')!.status).toBe('settled');
    // Once the set is settled a new alternative forms a set of its own.
    expect(planAlternative(dropped, 'v1')).toEqual({ ok: true, after: 'v1', join: null, member: { t: 'provision', id: 'v1' } });
  });

  it('refuses to join a set that is settled, unknown, or already holds the member', () => {
    const log = logWithTwoAlternatives();
    const state = fold(log);
    const join = (optionSetId: string, id: string): ParleyEvent => ({ type: 'option-set.joined', at: T0, actor: CHAIR, data: { optionSetId, member: { t: 'proposal', id } } });
    const again = tryApplyEvent(state, join('o-a1', 'a2'));
    expect(again).toMatchObject({ ok: false, rejection: { code: 'UNKNOWN_OPTION' } });
    expect(tryApplyEvent(state, join('nowhere', 'a2'))).toMatchObject({ ok: false, rejection: { code: 'UNKNOWN_OPTION' } });
    const settled = fold([...log, consensus('a1', 'accept'), propose('RUS', { id: 'x', kind: 'new-provision', proponent: 'RUS', provisions: [{ id: 'x-v', kind: 'paragraph', label: null, text: 'x' }] })]);
    expect(tryApplyEvent(settled, join('o-a1', 'x'))).toMatchObject({ ok: false, rejection: { code: 'NOT_OPEN' } });
    expect(planAlternative(state, 'nothing')).toMatchObject({ ok: false, rejection: { code: 'UNKNOWN_PROVISION' } });
  });
});
