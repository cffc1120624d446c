/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * The announcements, on both databases: a note verbale circulated to Kazakhstan tells
 * Kazakhstan's delegates and no one else; a meeting convened tells the delegates of every
 * state invited. Both arrive after the change committed, in the app.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_NOTE_REGISTRY } from '../seed/demo-note.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { shortNote } from '../test-support/notes.ts';

const NOTIFY = `/api/organisations/${ORG}/notifications`;

describe.each(DATABASE_KINDS)('announcements on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    expect((await t.request('secretariat', 'PUT', `/api/organisations/${ORG}/notes-verbales/registry`, DEMO_NOTE_REGISTRY)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
  });

  const kinds = async (who: UserKey, kindOf: string) =>
    ((await t.request(who, 'GET', NOTIFY)).json().notifications as { kind: string; title: string; link: string }[]).filter((n) => n.kind === kindOf);

  it('tells the addressees of a circulated note verbale, and no one else', async () => {
    const note = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/notes-verbales`, { ...shortNote(['KAZ'], 'Venue of the SOC meeting'), circulate: true });
    expect(note.statusCode, note.body).toBe(201);
    const { id, number } = note.json() as { id: string; number: string };
    await vi.waitFor(async () => expect(await kinds('kaz', 'note-verbale')).toHaveLength(1), { timeout: 5000 });
    expect((await kinds('kaz', 'note-verbale'))[0]).toMatchObject({ title: `Note verbale No. ${number}: Venue of the SOC meeting`, link: `/notes-verbales/${encodeURIComponent(id)}` });
    expect(await kinds('ind', 'note-verbale')).toEqual([]);
    expect(await kinds('isr', 'note-verbale')).toEqual([]);
  });

  it('invites the delegates of the states a meeting is convened for', async () => {
    const meeting = await t.request('secretariat', 'POST', `/api/organisations/${ORG}/meetings`, {
      body: 'swg',
      title: 'SWG meeting on the Catalogue',
      format: { kind: 'venue', venue: 'Astana' },
      localStart: '2021-06-02T14:00',
      durationMinutes: 120,
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const id = (meeting.json() as { id: string }).id;
    for (const who of ['ind', 'kaz', 'isr'] as const) {
      await vi.waitFor(async () => expect(await kinds(who, 'meeting-invitation')).toHaveLength(1), { timeout: 5000 });
      expect((await kinds(who, 'meeting-invitation'))[0]).toMatchObject({ title: 'Invitation: SWG meeting on the Catalogue', link: `/meetings/${id}` });
    }
  });
});
