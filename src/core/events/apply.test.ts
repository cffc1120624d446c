import { describe, expect, it } from 'vitest';
import { checkLaws } from '../../../test/support/laws.ts';
import {
  CHAIR,
  T0,
  chairProposes,
  consensus,
  created,
  insert,
  position,
  propose,
  provision,
  remove,
  replace,
  revision,
} from '../../../test/support/events.ts';
import { emptyState, snapshot } from '../model/document-state.ts';
import { applyEvent, fold, tryApplyEvent } from './apply.ts';
import type { ParleyEvent } from './event.ts';
import { EventRejected } from './rejection.ts';
import { renderText } from '../render-text.ts';

const TEXT = 'Taking cooperative measures to combat terrorism.';
const base: ParleyEvent[] = [created(), provision('v1', '2.2.2', TEXT)];

describe('fold', () => {
  it('records a proposal, its proponent\'s position and others\' positions apart from authorship', () => {
    const state = checkLaws([
      ...base,
      propose('ISR', insert('p1', 'v1', 7, 'joint ', 'ISR')),
      position('IND', 'p1', 'objects', 'not agreed at capital'),
      position('THA', 'p1', 'supports'),
    ]);
    expect(state.proposals.get('p1')).toMatchObject({ kind: 'insert', proponent: 'ISR', status: 'open', byChair: false });
    const positions = state.positions.get('p1')!;
    expect([...positions.values()].map((p) => [p.delegation, p.stance, p.reason])).toEqual([
      ['ISR', 'proposes', null],
      ['IND', 'objects', 'not agreed at capital'],
      ['THA', 'supports', null],
    ]);
    expect(renderText(state)).toContain('Taking [joint] (+ISR) (-IND, not agreed at capital) (+THA) cooperative');
  });

  it('accepting an insertion writes its words into the text and keeps later anchors in place', () => {
    const state = checkLaws([
      ...base,
      propose('ISR', insert('p1', 'v1', 0, 'Considering ', 'ISR')),
      propose('IND', remove('p2', 'v1', 28, 47, 'IND')),
      consensus('p1', 'accept'),
    ]);
    expect(state.provisions.get('v1')!.text).toBe('Considering ' + TEXT);
    const p2 = state.proposals.get('p2')!;
    expect(state.provisions.get('v1')!.text.slice(p2.anchor!.start, p2.anchor!.end)).toBe('to combat terrorism');
    expect(state.proposals.get('p1')!.status).toBe('accepted');
  });

  it('accepting a deletion removes the words and drops what rested on them', () => {
    const state = checkLaws([
      ...base,
      propose('IND', remove('p1', 'v1', 0, 7, 'IND')),
      propose('ISR', insert('p2', 'v1', 3, 'x', 'ISR')),
      consensus('p1', 'accept'),
    ]);
    expect(state.provisions.get('v1')!.text).toBe('cooperative measures to combat terrorism.');
    expect(state.proposals.get('p2')!.status).toBe('dropped');
  });

  it('accepting a replacement moves the proposals on its new words into the text', () => {
    const state = checkLaws([
      ...base,
      propose('ISR', replace('p1', 'v1', 0, 6, 'Consider the adoption of', 'ISR')),
      propose('IND', { id: 'p2', kind: 'delete', proponent: 'IND', anchor: { provisionId: 'v1', parent: 'p1', start: 9, end: 21 } }),
      consensus('p1', 'accept'),
    ]);
    const v1 = state.provisions.get('v1')!;
    expect(v1.text).toBe('Consider the adoption of cooperative measures to combat terrorism.');
    const p2 = state.proposals.get('p2')!;
    expect(p2.anchor!.parent).toBeNull();
    expect(v1.text.slice(p2.anchor!.start, p2.anchor!.end)).toBe('the adoption');
  });

  it('dropping a proposal drops the proposals made on it', () => {
    const state = checkLaws([
      ...base,
      propose('ISR', insert('p1', 'v1', 7, 'joint and effective ', 'ISR')),
      propose('IND', remove('p2', 'v1', 6, 16, 'IND', 'p1')),
      consensus('p1', 'drop'),
    ]);
    expect(state.proposals.get('p1')!.status).toBe('dropped');
    expect(state.proposals.get('p2')!.status).toBe('dropped');
    expect(state.provisions.get('v1')!.text).toBe(TEXT);
  });

  it('a new paragraph appears on acceptance and disappears when dropped', () => {
    const proposal = { id: 'p1', kind: 'new-provision' as const, proponent: 'TUR', after: 'v1', provisions: [{ id: 'v2', kind: 'paragraph' as const, label: '2.2.x', text: 'Strengthening cooperation.' }] };
    const accepted = checkLaws([...base, propose('TUR', proposal), consensus('p1', 'accept')]);
    expect(accepted.order).toEqual(['v1', 'v2']);
    expect(accepted.provisions.get('v2')!.proposedBy).toBeNull();
    const dropped = checkLaws([...base, propose('TUR', proposal), consensus('p1', 'drop')]);
    expect(dropped.order).toEqual(['v1']);
  });

  it('accepting one alternative of an option set drops the others and the status quo it replaces', () => {
    const alternative = { id: 'p1', kind: 'new-provision' as const, proponent: 'RUS', after: 'v1', provisions: [{ id: 'v2', kind: 'paragraph' as const, label: '2.2.2', text: 'Alternative text.' }] };
    const state = checkLaws([
      ...base,
      propose('RUS', alternative),
      { type: 'option-set.formed', at: T0, actor: CHAIR, data: { optionSet: { id: 'o1', members: [{ t: 'provision', id: 'v1' }, { t: 'proposal', id: 'p1' }], allowsNoText: false } } },
      consensus('p1', 'accept'),
    ]);
    expect(state.order).toEqual(['v2']);
    expect(state.optionSets.get('o1')!.status).toBe('settled');
  });

  it('moves and deletes whole provisions', () => {
    const events: ParleyEvent[] = [
      ...base,
      provision('v2', '2.2.3', 'Second.', 'v1'),
      propose('CHN', { id: 'p1', kind: 'move', proponent: 'CHN', provisionIds: ['v2'], moveAfter: null }),
      propose('IND', { id: 'p2', kind: 'delete-provision', proponent: 'IND', provisionIds: ['v1'] }),
    ];
    expect(checkLaws([...events, consensus('p1', 'accept')]).order).toEqual(['v2', 'v1']);
    expect(checkLaws([...events, consensus('p2', 'accept')]).order).toEqual(['v2']);
  });

  it('chair\'s proposals carry no delegation position; agreement and revisions are recorded', () => {
    const state = checkLaws([
      ...base,
      chairProposes(remove('p1', 'v1', 0, 7, 'CHAIR')),
      position('THA', 'p1', 'objects'),
      { type: 'provision.agreed', at: T0, actor: CHAIR, data: { provisionId: 'v1', status: 'agreed-ad-ref' } },
      revision(1),
      consensus('p1', 'drop'),
      revision(2),
    ]);
    expect(state.proposals.get('p1')).toMatchObject({ byChair: true, proponent: 'CHAIR' });
    expect(state.positions.get('p1')!.has('CHAIR')).toBe(false);
    expect(state.provisions.get('v1')!.status).toBe('agreed-ad-ref');
    expect(state.revisions.map((r) => [r.label, r.version])).toEqual([
      ['Rev.1', 6],
      ['Rev.2', 8],
    ]);
  });

  it('an oral proposal the chair records for the delegation that has the floor is that delegation\'s, not the chair\'s', () => {
    const oral: ParleyEvent = { type: 'proposal.made', at: T0, actor: { user: 'chair', delegation: 'IND', role: 'chair' }, data: { proposal: replace('p1', 'v1', 0, 6, 'Considering', 'IND') } };
    const written = propose('IND', replace('p1', 'v1', 0, 6, 'Considering', 'IND'));
    const state = checkLaws([...base, oral]);
    expect(state.proposals.get('p1')).toMatchObject({ proponent: 'IND', byChair: false });
    expect([...state.positions.get('p1')!.values()].map((p) => [p.delegation, p.stance])).toEqual([['IND', 'proposes']]);
    // Who recorded it changes nothing in the state: it is the same proposal as the one IND's delegate would have made.
    expect(snapshot(checkLaws([...base, oral]))).toEqual(snapshot(checkLaws([...base, written])));
    expect(renderText(state)).toContain('[Taking] (-IND) [Considering] (+IND) cooperative');
  });

  it('rejects a bad event without changing anything', () => {
    const state = fold(base);
    const before = JSON.stringify(snapshot(state));
    const bad: ParleyEvent[] = [
      propose('ISR', insert('p1', 'v1', 999, 'x', 'ISR')),
      propose('ISR', insert('p1', 'nope', 0, 'x', 'ISR')),
      propose('ISR', insert('p1', 'v1', 0, '[x]', 'ISR')),
      propose('ISR', { id: 'p1', kind: 'delete', proponent: 'ISR', anchor: { provisionId: 'v1', parent: null, start: 3, end: 3 } }),
      consensus('missing', 'accept'),
      position('ISR', 'missing', 'supports'),
      revision(3),
      created(),
    ];
    for (const event of bad) {
      const result = tryApplyEvent(state, event);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.rejection.message.length).toBeGreaterThan(15);
    }
    expect(JSON.stringify(snapshot(state))).toBe(before);
    expect(() => applyEvent(state, bad[0]!)).toThrow(EventRejected);
  });

  it('refuses a range that crosses another proposal, and accepts nested ranges', () => {
    const state = fold([...base, propose('IND', remove('p1', 'v1', 0, 19, 'IND'))]);
    expect(tryApplyEvent(state, propose('ISR', remove('p2', 'v1', 7, 27, 'ISR')))).toMatchObject({ ok: false, rejection: { code: 'OVERLAP' } });
    expect(tryApplyEvent(state, propose('ISR', remove('p3', 'v1', 7, 18, 'ISR'))).ok).toBe(true);
  });

  it('refuses events on a closed proposal and a log that does not start with the document', () => {
    const state = fold([...base, propose('ISR', insert('p1', 'v1', 0, 'x ', 'ISR')), consensus('p1', 'drop')]);
    expect(tryApplyEvent(state, position('IND', 'p1', 'objects'))).toMatchObject({ ok: false, rejection: { code: 'NOT_OPEN' } });
    expect(tryApplyEvent(emptyState(), provision('v1', '1', 'x'))).toMatchObject({ ok: false, rejection: { code: 'NO_DOCUMENT' } });
  });
});
