/**
 * What the fault tests share: delegates writing remarks as fast as the server answers (each
 * proposal the server acknowledged with 201 is noted), the document's log read back through
 * the API, and the checks that follow every fault: each acknowledged proposal in the log
 * exactly once, the log's hash chain verifying, and the read tables equal to the fold of the log.
 */
import { fold, snapshot, type ParleyEvent } from '../../core/index.ts';
import { runVerifyLog } from '../cli-commands/verify-log.ts';
import type { Database } from '../db/database.ts';
import { DEMO_DOCUMENT_ID } from '../seed/demo.ts';
import { comparable, readTablesSnapshot } from '../store/read-model.ts';
import type { HttpSession } from '../test-support/server-process.ts';

export const DELEGATES = ['isr', 'ind', 'chn', 'rus', 'tha', 'tur', 'kaz'];

export function proposeRemark(base: string, session: HttpSession, text: string): Promise<Response> {
  return fetch(`${base}/api/documents/${DEMO_DOCUMENT_ID}/proposals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ kind: 'remark', text, about: null }),
    signal: AbortSignal.timeout(15_000),
  });
}

export interface WriteLoad {
  /** Ids of the proposals answered with 201, in order. */
  readonly acknowledged: string[];
  /** Answers other than 201, by status and problem code ("503 ERR_DATABASE_UNAVAILABLE"). */
  readonly refusals: Map<string, number>;
  /** Requests that got no answer (connection refused or cut). */
  readonly unanswered: () => number;
  /** performance.now() of the first 201 after `since`, or null. */
  firstAcknowledgedAfter(since: number): number | null;
  stop(): Promise<void>;
}

/**
 * `writers` loops, each a delegate, each sending the next remark when the last is answered;
 * like a client that retries, a failed or unanswered write is followed by the next one after
 * a short pause. `base()` is read for each request, so a restarted server is reached too.
 */
export function startWriters(base: () => string, sessions: readonly HttpSession[], writers: number, label: string): WriteLoad {
  const acknowledged: string[] = [];
  const acknowledgedAt: number[] = [];
  const refusals = new Map<string, number>();
  let unanswered = 0;
  let stopped = false;
  const loop = async (w: number): Promise<void> => {
    for (let i = 0; !stopped; i += 1) {
      try {
        const response = await proposeRemark(base(), sessions[w % sessions.length]!, `${label} writer ${w} write ${i}`);
        if (response.status === 201) {
          acknowledged.push(((await response.json()) as { id: string }).id);
          acknowledgedAt.push(performance.now());
          continue;
        }
        const text = await response.text();
        const code = /"code":"(ERR_[A-Z_]+)"/u.exec(text)?.[1] ?? text.slice(0, 80);
        const key = `${response.status} ${code}`;
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
      } catch {
        unanswered += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const loops = Array.from({ length: writers }, (_, w) => loop(w));
  return {
    acknowledged,
    refusals,
    unanswered: () => unanswered,
    firstAcknowledgedAfter: (since) => acknowledgedAt.find((at) => at > since) ?? null,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The demo document's whole log, read through the API, and its head version. */
export async function readLog(base: string, session: HttpSession): Promise<{ events: ParleyEvent[]; head: number }> {
  const events: ParleyEvent[] = [];
  let head = 0;
  for (let after = 0; ; ) {
    const response = await fetch(`${base}/api/documents/${DEMO_DOCUMENT_ID}/events?after=${after}&limit=1000`, { headers: { cookie: session.cookie } });
    if (response.status !== 200) throw new Error(`reading the log: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { events: { version: number; event: ParleyEvent }[]; next: number | null };
    events.push(...page.events.map((e) => e.event));
    head = page.events.at(-1)?.version ?? head;
    if (page.next === null) return { events, head };
    after = page.next;
  }
}

/** Acknowledged proposals missing from the log, and proposals the log holds more than once. */
export function compareWithLog(log: readonly ParleyEvent[], acknowledged: readonly string[]): { missing: string[]; duplicated: string[] } {
  const counts = new Map<string, number>();
  for (const event of log) {
    if (event.type === 'proposal.made') counts.set(event.data.proposal.id, (counts.get(event.data.proposal.id) ?? 0) + 1);
  }
  return {
    missing: acknowledged.filter((id) => counts.get(id) !== 1),
    duplicated: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
  };
}

/** The read tables and the fold of the log, each as comparable data: equal when no change is half-written. */
export async function readTablesAndFold(database: Database, log: readonly ParleyEvent[]): Promise<{ tables: unknown; fold: unknown }> {
  const tables = await readTablesSnapshot(database.db, DEMO_DOCUMENT_ID);
  return { tables: tables ? comparable(tables) : null, fold: comparable(snapshot(fold(log))) };
}

/** `parley verify-log` against the database in `env` (DATABASE_URL or PARLEY_DATA_DIR): exit code and output. */
export async function verifyLog(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runVerifyLog([], { out: (l) => lines.push(l), err: (l) => lines.push(l), env });
  return { code, output: lines.join('\n') };
}
