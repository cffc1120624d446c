import { describe, expect, it } from 'vitest';
import { checkLaws } from '../../../test/support/laws.ts';
import { CHAIR, SECRETARIAT, T0, consensus, created, insert, propose, provision, replace } from '../../../test/support/events.ts';
import type { ParleyEvent } from '../events/event.ts';
import { listRevisions } from './revision-list.ts';

function at(minute: number, event: ParleyEvent): ParleyEvent {
  return { ...event, at: `2021-06-02T08:${String(minute).padStart(2, '0')}:00.000Z` };
}

const imported: ParleyEvent[] = [
  created(),
  provision('v1', '1.1', 'The Member States shall exchange information on military activities.'),
  { type: 'proposal.made', at: T0, actor: SECRETARIAT, data: { proposal: replace('r1', 'v1', 24, 32, 'share', 'RUS') } },
];

describe('listRevisions', () => {
  it('gives each revision its time, who issued it and the counts as they stood then', () => {
    const issue = (minute: number, number: number): ParleyEvent => at(minute, { type: 'revision.issued', at: T0, actor: CHAIR, data: { number, label: `Rev.${number}` } });
    const events = [...imported, at(1, propose('ISR', insert('p1', 'v1', 0, 'Also, ', 'ISR'))), issue(2, 1), at(3, consensus('p1', 'accept')), at(4, consensus('r1', 'accept')), issue(5, 2)];
    checkLaws(events);
    expect(listRevisions(events).map((r) => [r.label, r.version, r.at.slice(11, 16), r.actor.role, r.counts.openProposals])).toEqual([
      ['Rev.1', 5, '08:02', 'chair', 2],
      ['Rev.2', 8, '08:05', 'chair', 0],
    ]);
  });
});
