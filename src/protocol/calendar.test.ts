import { describe, expect, it } from 'vitest';
import { AGENDA_ITEM_KINDS, BODY_IDS, seedSwgAgenda } from '../core/index.ts';
import { AgendaItemBody, AgendaItemKind, BodyId, MeetingBody } from './calendar.ts';

describe('the meetings wire', () => {
  it("names exactly core's bodies and kinds of agenda item", () => {
    expect(BodyId.options).toEqual([...BODY_IDS]);
    expect(AgendaItemKind.options).toEqual([...AGENDA_ITEM_KINDS]);
  });

  it("carries the seed's agenda items as command bodies", () => {
    for (const { kind, title, documents } of seedSwgAgenda('doc')) expect(AgendaItemBody.parse({ kind, title, documents })).toEqual({ kind, title, documents });
  });

  it('refuses an item without wording, and a start that is not a wall-clock time', () => {
    expect(AgendaItemBody.safeParse({ kind: 'other', title: { en: ' ', ru: '' } }).success).toBe(false);
    const meeting = { body: 'swg', title: 'SWG', format: { kind: 'venue', venue: 'Astana' }, durationMinutes: 60 };
    expect(MeetingBody.safeParse({ ...meeting, localStart: '2021-06-02T14:00' }).data?.documents).toEqual([]);
    expect(MeetingBody.safeParse({ ...meeting, localStart: '2021-06-02T08:00:00Z' }).success).toBe(false);
  });
});
