import { describe, expect, it } from 'vitest';
import { checkLaws } from '../../../test/support/laws.ts';
import { CHAIR, SECRETARIAT, T0, consensus, created, delegate, insert, position, propose, provision, replace } from '../../../test/support/events.ts';
import type { ParleyEvent } from '../events/event.ts';
import { proposalHistory, type HistoryEntry } from './proposal-history.ts';

const TEXT = 'The Member States shall exchange information on military activities.';

/** The event at another instant: the history must report each event's own time. */
function at(minute: number, event: ParleyEvent): ParleyEvent {
  return { ...event, at: `2021-06-02T08:${String(minute).padStart(2, '0')}:00.000Z` };
}

function statement(minute: number, id: string, by: string, kind: 'interpretative' | 'reservation', proposalId: string, text: string): ParleyEvent {
  return at(minute, { type: 'statement.added', at: T0, actor: delegate(by), data: { statement: { id, kind, by, text, anchor: { proposalId } } } });
}

/** A draft imported at T0 (one proposal by RUS with Israel's support), then negotiated in Parley. */
const imported: ParleyEvent[] = [
  created(),
  provision('v1', '1.1', TEXT),
  { type: 'proposal.made', at: T0, actor: SECRETARIAT, data: { proposal: replace('r1', 'v1', 24, 32, 'share', 'RUS') } },
  { type: 'position.taken', at: T0, actor: SECRETARIAT, data: { proposalId: 'r1', delegation: 'ISR', stance: 'supports', reason: null } },
];

function summary(entry: HistoryEntry): string {
  switch (entry.t) {
    case 'made':
      return `${entry.at.slice(11, 16)} made ${entry.proposal.kind} by ${entry.proposal.proponent ?? '-'}${entry.reason ? ` (${entry.reason})` : ''}${entry.imported ? ' [imported]' : ''}`;
    case 'position':
      return `${entry.at.slice(11, 16)} ${entry.delegation} ${entry.previous ? `${entry.previous}→` : ''}${entry.stance}${entry.reason ? ` (${entry.reason})` : ''}${entry.imported ? ' [imported]' : ''}`;
    case 'position-withdrawn':
      return `${entry.at.slice(11, 16)} ${entry.delegation} withdrew ${entry.stance}`;
    case 'amendment':
      return `${entry.at.slice(11, 16)} amended by ${entry.proposal.proponent ?? '-'}: ${entry.text}`;
    case 'alternative':
      return `${entry.at.slice(11, 16)} alternative ${entry.other.t === 'provision' ? `paragraph ${entry.other.label}` : `${entry.other.proposal.proponent} ${entry.other.proposal.kind}`}`;
    case 'statement':
      return `${entry.at.slice(11, 16)} ${entry.statement.kind} by ${entry.statement.by}: ${entry.statement.text}`;
    case 'closed':
      return `${entry.at.slice(11, 16)} ${entry.status} by ${entry.cause}${entry.causeProposal ? ` of ${entry.causeProposal.id}` : ''}`;
  }
}

describe('proposalHistory', () => {
  it('tells who proposed, every position taken, changed and withdrawn with its reason, amendments, statements and consensus, each at its time', () => {
    const events = [
      ...imported,
      at(1, propose('ISR', { ...insert('p1', 'v1', 0, 'In good faith, ', 'ISR'), reason: 'clarity' })),
      at(2, position('IND', 'p1', 'objects', 'too broad')),
      at(3, position('IND', 'p1', 'reserves', 'consulting capital')),
      at(4, { type: 'position.withdrawn', at: T0, actor: delegate('IND'), data: { proposalId: 'p1', delegation: 'IND' } }),
      at(5, position('THA', 'p1', 'supports')),
      at(6, propose('CHN', insert('p2', 'v1', 3, 'full ', 'CHN', 'p1'))),
      statement(7, 's1', 'ISR', 'interpretative', 'p1', 'Israel reads “good faith” as in the Charter.'),
      at(8, position('CHN', 'r1', 'objects')),
      at(9, consensus('p1', 'accept')),
    ];
    checkLaws(events);
    const history = proposalHistory(events, 'p1')!;
    expect(history.entries.map(summary)).toEqual([
      '08:01 made insert by ISR (clarity)',
      '08:02 IND objects (too broad)',
      '08:03 IND objects→reserves (consulting capital)',
      '08:04 IND withdrew reserves',
      '08:05 THA supports',
      '08:06 amended by CHN: full ',
      '08:07 interpretative by ISR: Israel reads “good faith” as in the Charter.',
      '08:09 accepted by consensus',
    ]);
    expect(history.entries.at(-1)).toMatchObject({ actor: CHAIR, version: events.length });
    expect(history.entries[0]).toMatchObject({ version: imported.length + 1, actor: delegate('ISR'), imported: false });
  });

  it('marks what the imported draft recorded, and tells a proposal closed by another decision apart from one closed by consensus or withdrawal', () => {
    const events = [
      ...imported,
      at(1, propose('CHN', insert('c1', 'v1', 5, ' freely', 'CHN', 'r1'))),
      at(2, propose('IND', insert('w1', 'v1', 0, 'Where possible, ', 'IND'))),
      at(3, { type: 'proposal.withdrawn', at: T0, actor: delegate('IND'), data: { proposalId: 'w1' } }),
      at(4, consensus('r1', 'drop')),
    ];
    checkLaws(events);
    expect(proposalHistory(events, 'r1')!.entries.map(summary)).toEqual([
      '08:00 made replace by RUS [imported]',
      '08:00 ISR supports [imported]',
      '08:01 amended by CHN:  freely',
      '08:04 dropped by consensus',
    ]);
    expect(proposalHistory(events, 'c1')!.entries.map(summary)).toEqual(['08:01 made insert by CHN', '08:04 dropped by consequence of r1']);
    expect(proposalHistory(events, 'w1')!.entries.map(summary)).toEqual(['08:02 made insert by IND', '08:03 withdrawn by withdrawal']);
    expect(proposalHistory(events, 'never')).toBeNull();
  });

  it('lists the alternatives a proposal was put against, when they were', () => {
    const alternative = (minute: number, id: string, code: string, text: string): ParleyEvent =>
      at(minute, propose(code, { id, kind: 'new-provision', proponent: code, provisions: [{ id: `${id}-v`, kind: 'paragraph', label: null, text }], after: 'v1' }));
    const events = [
      ...imported,
      alternative(1, 'a1', 'ISR', 'Notifying exercises.'),
      at(2, { type: 'option-set.formed', at: T0, actor: delegate('ISR'), data: { optionSet: { id: 'o1', members: [{ t: 'provision', id: 'v1' }, { t: 'proposal', id: 'a1' }], allowsNoText: false } } }),
      alternative(3, 'a2', 'IND', 'Notifying large exercises.'),
      at(4, { type: 'option-set.joined', at: T0, actor: delegate('IND'), data: { optionSetId: 'o1', member: { t: 'proposal', id: 'a2' } } }),
      at(5, consensus('a2', 'accept')),
    ];
    checkLaws(events);
    expect(proposalHistory(events, 'a1')!.entries.map(summary)).toEqual([
      '08:01 made new-provision by ISR',
      '08:02 alternative paragraph 1.1',
      '08:04 alternative IND new-provision',
      '08:05 dropped by consequence of a2',
    ]);
  });
});
