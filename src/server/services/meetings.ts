/**
 * The meeting on a document: whether one is running, the provision under discussion, the
 * delegation that has the floor and the chair who runs it. It is where the room is, not part
 * of the negotiated record, so it is a row (`meetings`), not an event of the document's log.
 *
 * Each change is one transaction: it writes the row, audits start, end and floor changes,
 * and sends the new state on the live channel. NOTIFY is delivered only after the commit,
 * and to every server process, so every live client hears of the change within moments.
 */
import { eq, sql } from 'drizzle-orm';
import type { MeetingState } from '../../protocol/schemas.ts';
import { recordAudit, type AuditAction } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { meetings, users } from '../db/schema.ts';
import { LIVE_CHANNEL } from '../store/event-store.ts';

export type MeetingRow = typeof meetings.$inferSelect;

/** The live message of a meeting change; subscribers receive the whole new state. */
export interface MeetingLiveMessage {
  readonly organisationId: string;
  readonly documentId: string;
  readonly type: 'meeting';
  readonly meeting: MeetingState;
}

export interface MeetingDocument {
  readonly id: string;
  readonly organisationId: string;
}

/** The chair making a change, for the row and the audit. */
export interface Chair {
  readonly userId: string;
  readonly username: string;
  readonly ip: string | null;
}

type MeetingFields = Pick<MeetingRow, 'active' | 'provisionId' | 'floor' | 'chairUserId' | 'startedAt'>;

const NO_MEETING: MeetingFields = { active: false, provisionId: null, floor: null, chairUserId: null, startedAt: null };

function present(doc: MeetingDocument, row: MeetingRow | undefined, chairName: string | null): MeetingState {
  return {
    documentId: doc.id,
    organisationId: doc.organisationId,
    active: row?.active ?? false,
    provisionId: row?.provisionId ?? null,
    floor: row?.floor ?? null,
    chair: row?.chairUserId ? { userId: row.chairUserId, displayName: chairName ?? row.chairUserId } : null,
    startedAt: row?.startedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    revision: row?.revision ?? 0,
  };
}

/** The meeting state of a document; a document that never had a meeting has an inactive one, revision 0. */
export async function readMeeting(db: Db, doc: MeetingDocument): Promise<MeetingState> {
  const [found] = await db
    .select({ row: meetings, chairName: users.displayName })
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.chairUserId))
    .where(eq(meetings.documentId, doc.id));
  return present(doc, found?.row, found?.chairName ?? null);
}

/**
 * Starts the meeting, or hands a running one to this chair (keeping its focus and floor):
 * the chair who starts it is the one whose view drives everyone's.
 */
export function startMeeting(db: Db, doc: MeetingDocument, chair: Chair, at: Date, provisionId: string | null): Promise<MeetingState> {
  return change(db, doc, chair, at, (current) => {
    if (current?.active) {
      if (current.chairUserId === chair.userId && (provisionId === null || provisionId === current.provisionId)) return null;
      return { ...current, chairUserId: chair.userId, provisionId: provisionId ?? current.provisionId };
    }
    return { active: true, provisionId, floor: null, chairUserId: chair.userId, startedAt: at };
  });
}

/** Ends the meeting; ending one that is not running changes nothing. */
export function endMeeting(db: Db, doc: MeetingDocument, chair: Chair, at: Date): Promise<MeetingState> {
  return change(db, doc, chair, at, (current) => (current?.active ? NO_MEETING : null));
}

/** Moves the discussion to a provision (null: none). Refused when no meeting is running. */
export function focusMeeting(db: Db, doc: MeetingDocument, chair: Chair, at: Date, provisionId: string | null): Promise<MeetingState | 'not-active'> {
  return changeRunning(db, doc, chair, at, (current) => (current.provisionId === provisionId ? null : { ...current, provisionId }));
}

/** Gives the floor to a delegation (null: to no one). Refused when no meeting is running. */
export function giveFloor(db: Db, doc: MeetingDocument, chair: Chair, at: Date, delegation: string | null): Promise<MeetingState | 'not-active'> {
  return changeRunning(db, doc, chair, at, (current) => (current.floor === delegation ? null : { ...current, floor: delegation }));
}

async function changeRunning(
  db: Db,
  doc: MeetingDocument,
  chair: Chair,
  at: Date,
  next: (current: MeetingRow) => MeetingFields | null,
): Promise<MeetingState | 'not-active'> {
  let running = true;
  const state = await change(db, doc, chair, at, (current) => {
    if (!current?.active) {
      running = false;
      return null;
    }
    return next(current);
  });
  return running ? state : 'not-active';
}

/**
 * One change under the row's lock. `next` gives the fields after it from the current row,
 * or null when nothing changes (then nothing is written, audited or sent).
 */
async function change(
  db: Db,
  doc: MeetingDocument,
  chair: Chair,
  at: Date,
  next: (current: MeetingRow | undefined) => MeetingFields | null,
): Promise<MeetingState> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetings).where(eq(meetings.documentId, doc.id)).for('update');
    const fields = next(current);
    if (fields === null) return readMeeting(tx, doc);
    const values = { active: fields.active, provisionId: fields.provisionId, floor: fields.floor, chairUserId: fields.chairUserId, startedAt: fields.startedAt, updatedAt: at };
    // Two first changes at once both find no row: the upsert lets the second build on the first.
    const [row] = await tx
      .insert(meetings)
      .values({ documentId: doc.id, ...values, revision: 1 })
      .onConflictDoUpdate({ target: meetings.documentId, set: { ...values, revision: sql`${meetings.revision} + 1` } })
      .returning();
    for (const [action, detail] of audited(current, row!)) {
      await recordAudit(tx, { at, action, userId: chair.userId, username: chair.username, ip: chair.ip, detail: { documentId: doc.id, ...detail } });
    }
    const [named] = row!.chairUserId ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row!.chairUserId)) : [];
    const state = present(doc, row, named?.name ?? null);
    const message: MeetingLiveMessage = { organisationId: doc.organisationId, documentId: doc.id, type: 'meeting', meeting: state };
    await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`);
    return state;
  });
}

/** What of a change goes into the audit: start, end and the floor; the focus moves too often to be worth it. */
function audited(before: MeetingRow | undefined, after: MeetingRow): [AuditAction, Record<string, unknown>][] {
  const entries: [AuditAction, Record<string, unknown>][] = [];
  const wasActive = before?.active ?? false;
  if (!wasActive && after.active) entries.push(['meeting.started', { provisionId: after.provisionId }]);
  if (wasActive && after.active && before?.chairUserId !== after.chairUserId) entries.push(['meeting.started', { takenOverFrom: before?.chairUserId ?? null }]);
  if (after.active && (before?.floor ?? null) !== after.floor) entries.push(['meeting.floor.given', { floor: after.floor, previous: before?.floor ?? null }]);
  if (wasActive && !after.active) entries.push(['meeting.ended', { startedAt: before?.startedAt?.toISOString() ?? null }]);
  return entries;
}
