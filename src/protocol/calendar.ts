/**
 * Wire schemas of the organisation's meetings (its calendar): the bodies of the commands that
 * convene, change and cancel a meeting, draft and adopt its agenda and record what it did, and
 * the views the API sends. The meeting mode on a document (chair's focus, floor) is another
 * thing: its state is MeetingState in schemas.ts.
 */
import { z } from 'zod';
import { AGENDA_ITEM_KINDS, BODY_IDS } from '../core/index.ts';
import { DelegationCode } from './schemas.ts';

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1).max(200);

export const BodyId = z.enum(BODY_IDS);
export const AgendaItemKind = z.enum(AGENDA_ITEM_KINDS);

export const MeetingFormat = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('online'), link: z.string().min(1).max(2000).describe('https:// link of the online meeting') }),
  z.object({ kind: z.literal('venue'), venue: z.string().trim().min(1).max(500) }),
]);

export const LocalStart = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u, 'a wall-clock time written YYYY-MM-DDTHH:mm')
  .describe("The start on the seat's wall clock, as the secretariat announces it: 2021-06-02T14:00");

export const MeetingBody = z.object({
  body: BodyId,
  title: z.string().trim().min(1).max(500),
  format: MeetingFormat,
  localStart: LocalStart,
  seatZone: z.string().min(1).max(100).nullish().describe("An IANA time zone; the organisation's seat zone when absent"),
  durationMinutes: z.number().int().min(1).max(7 * 24 * 60),
  documents: z.array(id).max(50).default([]).describe('Ids of the documents under discussion'),
  invited: z.array(DelegationCode).min(1).max(200).nullish().describe('The delegations invited; every member state when absent'),
});

export const CancelMeetingBody = z.object({ reason: z.string().max(2000).default('') });
export const ChairBody = z.object({ chair: z.object({ name, delegation: DelegationCode.nullish() }).nullable() });
export const ParticipantsBody = z.object({ names: z.array(name).max(100) });

export const AgendaTitle = z
  .object({ en: z.string().max(2000).optional(), ru: z.string().max(2000).optional(), kk: z.string().max(2000).optional() })
  .refine((title) => Object.values(title).some((text) => text?.trim()), { message: 'a title in at least one language' });

export const AgendaItemBody = z.object({
  kind: AgendaItemKind,
  title: AgendaTitle,
  documents: z.array(id).max(20).default([]),
  position: z.number().int().min(0).nullish().describe('Where to insert (0 = first); at the end when absent'),
});
export const AgendaItemAmendBody = AgendaItemBody.omit({ position: true });
export const AgendaOrderBody = z.object({ order: z.array(id).min(1).max(200) });
export const AttendanceBody = z.object({ delegation: DelegationCode, present: z.boolean(), names: z.array(name).max(100).default([]) });
export const DecisionBody = z.object({ itemId: id, text: z.string().trim().min(1).max(20_000), documents: z.array(id).max(20).default([]) });

// ---------------------------------------------------------------------------------------
// Views.

const ActorView = z.object({ user: z.string(), delegation: z.string().nullable(), role: z.string() });
const RecordedView = { at: z.string(), actor: ActorView };

export const AgendaItemView = z.object({
  id: z.string(),
  kind: AgendaItemKind,
  title: z.object({ en: z.string().optional(), ru: z.string().optional(), kk: z.string().optional() }),
  documents: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const AgendaView = z.object({
  status: z.enum(['draft', 'adopted']),
  items: z.array(AgendaItemView),
  adopted: z.object({ ...RecordedView }).nullable(),
  steps: z.array(z.object({ type: z.string(), itemId: z.string().nullable(), ...RecordedView })),
});

export const CalendarMeetingView = z.object({
  id: z.string(),
  body: BodyId,
  title: z.string(),
  format: MeetingFormat,
  seatZone: z.string(),
  localStart: z.string(),
  start: z.string().describe('UTC instant'),
  end: z.string().describe('UTC instant: start + duration'),
  durationMinutes: z.number().int(),
  documents: z.array(z.object({ id: z.string(), title: z.string() })).describe('Those the reader may see'),
  participants: z.array(z.object({ delegation: z.string(), names: z.array(z.string()) })),
  chair: z.object({ name: z.string(), delegation: z.string().optional().nullable() }).nullable(),
  invited: z.array(z.string()).nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  cancellation: z.object({ reason: z.string(), ...RecordedView }).nullable(),
  sequence: z.number().int(),
  agenda: AgendaView,
});

export const CalendarListView = z.object({ version: z.number().int(), meetings: z.array(CalendarMeetingView) });

export const MeetingRecordView = z.object({
  meetingId: z.string(),
  held: z.boolean(),
  attended: z.array(z.object({ delegation: z.string(), names: z.array(z.string()), ...RecordedView })),
  absent: z.array(z.string()),
  agenda: z
    .object({
      ...RecordedView,
      items: z.array(z.object({ item: AgendaItemView, decisions: z.array(z.object({ id: z.string(), text: z.string(), documents: z.array(z.object({ id: z.string(), title: z.string() })), ...RecordedView })) })),
    })
    .nullable(),
  revisions: z.array(z.object({ documentId: z.string(), title: z.string(), label: z.string(), number: z.number().int(), at: z.string() })),
});
