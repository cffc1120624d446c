/**
 * Makes a party's verification bundle (src/protocol/verification-bundle.ts) from its
 * organisation's log. The whole chain is in it, so that every link can be followed; only the
 * events that concern the party are written out, every other one is its sequence number and
 * hash — what it says, who made it and in which stream stay on the server, so a bundle never
 * tells a state what the consent rule hides from it. (That other events exist between its
 * own, and how many, a bundle does show: a chain cannot be followed past a gap.)
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import { BUNDLE_FORMAT, type FullEntry, type SealedEntry, type VerificationBundle } from '../../protocol/verification-bundle.ts';
import type { Db } from '../db/database.ts';
import { events, registers, streams } from '../db/schema.ts';
import { GENESIS_HASH } from './hash-chain.ts';

/** The party code of the secretariat, as the exchange names it. */
const SECRETARIAT = 'SECRETARIAT';
const PAGE = 5000;

interface LoggedActor {
  readonly role?: unknown;
  readonly delegation?: unknown;
}

/** The party an event's actor acted for: its state, or the secretariat; the chair acts for none. */
function actingParty(event: Readonly<Record<string, unknown>>): string | null {
  const actor = event.actor as LoggedActor | undefined;
  if (actor?.role === 'secretariat') return SECRETARIAT;
  return typeof actor?.delegation === 'string' && actor.role !== 'chair' ? actor.delegation : null;
}

/**
 * Whether an event concerns `party`, by the kind of stream it is in: a document's events, the
 * catalogue's and the calendar's (meetings, agendas, records) are every member's to see; in the
 * information exchange, what the party did and what was sent to it; of notes verbales, their
 * circulation to it; in any other register (modalities among them), what the party did (a
 * register added later is sealed until its own rule is written here).
 */
export function concernsParty(party: string, registerKind: string | null, event: Readonly<Record<string, unknown>>): boolean {
  if (registerKind === null || registerKind === 'catalogue' || registerKind === 'calendar') return true;
  if (actingParty(event) === party) return true;
  if (registerKind === 'exchange' && event.type === 'submission.sent') {
    const submission = (event.data as { submission?: { to?: unknown } } | undefined)?.submission;
    return Array.isArray(submission?.to) && submission.to.includes(party);
  }
  // A note verbale's circulation to the party (the note's text is in its earlier, sealed, events).
  if (registerKind === 'notes-verbales' && event.type === 'note.circulated') {
    const to = (event.data as { to?: unknown } | undefined)?.to;
    return Array.isArray(to) && to.includes(party);
  }
  return false;
}

export async function buildVerificationBundle(db: Db, organisationId: string, party: string, now: Date): Promise<VerificationBundle> {
  // The head first: the bundle ends there even if events are appended while it is read.
  const [head] = await db.select().from(streams).where(eq(streams.organisationId, organisationId));
  const headSeq = head?.headSeq ?? 0;
  const kinds = new Map(
    (await db.select({ id: registers.id, kind: registers.kind }).from(registers).where(eq(registers.organisationId, organisationId))).map((r) => [r.id, r.kind]),
  );
  const entries: (FullEntry | SealedEntry)[] = [];
  let after = 0;
  while (after < headSeq) {
    const rows = await db
      .select({ seq: events.seq, hash: events.hash, documentId: events.documentId, docVersion: events.docVersion, payload: events.payload })
      .from(events)
      .where(and(eq(events.organisationId, organisationId), gt(events.seq, after)))
      .orderBy(asc(events.seq))
      .limit(Math.min(PAGE, headSeq - after));
    if (rows.length === 0) break;
    for (const row of rows) {
      const event = row.payload as Record<string, unknown>;
      entries.push(
        concernsParty(party, kinds.get(row.documentId) ?? null, event)
          ? { seq: row.seq, hash: row.hash, stream: row.documentId, version: row.docVersion, event }
          : { seq: row.seq, hash: row.hash },
      );
      after = row.seq;
    }
  }
  return {
    format: BUNDLE_FORMAT,
    organisationId,
    party,
    generatedAt: now.toISOString(),
    head: { seq: headSeq, hash: head?.headHash ?? GENESIS_HASH },
    entries,
  };
}
