 
/**
 * Server processes on one Postgres, started as an operator would (`main.ts`):
 * - durability: 50 concurrent writers, kill -9 mid-stream, restart — every write that got a
 *   2xx is in the log exactly once, nothing is half-written, verify-log is clean;
 * - scale-out: an event made through one process reaches an SSE client of the other.
 * Those two need Postgres (TEST_DATABASE_URL): PGlite is one process by design, which the
 * first test checks — a second process on the same data folder refuses to start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, snapshot, type ParleyEvent } from '../core/index.ts';
import { runVerifyLog } from './cli-commands/verify-log.ts';
import { openPostgres } from './db/database.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DOCUMENT_ID, DEMO_DOCUMENT_TITLE } from './seed/demo.ts';
import { comparable, readTablesSnapshot } from './store/read-model.ts';
import { createPostgresDatabase } from './test-support/databases.ts';
import { httpLogin, startServer, type HttpSession, type ServerProcess } from './test-support/server-process.ts';
import { openSse } from './test-support/sse.ts';

const DELEGATES = ['isr', 'ind', 'chn', 'rus', 'tha', 'tur', 'kaz'];

describe('the server on its embedded database', () => {
  it('starts healthy with the demo data, and a second process on the same folder refuses', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-main-'));
    const server = await startServer({ PARLEY_DATA_DIR: dataDir }, 60_000);
    try {
      expect(await (await fetch(`${server.base}/api/health`)).json()).toEqual({ status: 'ok', database: 'pglite' });
      expect(Object.keys(server.passwords).sort()).toEqual(['chair', 'chn', 'ind', 'isr', 'kaz', 'rus', 'secretariat', 'tha', 'tur']);
      const session = await httpLogin(server.base, 'kaz', server.passwords.kaz!);
      const docs = (await (await fetch(`${server.base}/api/organisations/cica/documents`, { headers: { cookie: session.cookie } })).json()) as { title: string }[];
      expect(docs.map((d) => d.title)).toEqual([DEMO_DOCUMENT_TITLE]);
      const org = (await (await fetch(`${server.base}/api/organisations/cica`, { headers: { cookie: session.cookie } })).json()) as Record<string, unknown>;
      expect(org).toMatchObject({ seat: 'Astana', seatTimeZone: 'Asia/Almaty', workingLanguages: ['en', 'ru'], notesLanguage: 'kk' });
      const delegations = (await (await fetch(`${server.base}/api/organisations/cica/delegations`, { headers: { cookie: session.cookie } })).json()) as unknown[];
      expect(delegations).toHaveLength(27);
      await expect(startServer({ PARLEY_DATA_DIR: dataDir }, 30_000)).rejects.toThrow(/Another Parley process \(pid \d+\) is using this data folder/u);
    } finally {
      await server.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('does not start on a setting it cannot use, and says which and why, without a stack trace', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-main-'));
    try {
      const refused = await startServer({ PARLEY_DATA_DIR: dataDir, PARLEY_REMINDER_LEAD_HOURS: '72,soon' }, 30_000).then(
        () => null,
        (error: unknown) => (error as Error).message,
      );
      expect(refused).toMatch(/^server exited with 1 before it was ready:\nparley: PARLEY_REMINDER_LEAD_HOURS is the hours before a deadline .*; "soon" is not one\.\n$/u);
      expect(refused).not.toMatch(/\n\s+at /u);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('server processes on Postgres', () => {
  let url: string;
  let drop: () => Promise<void>;
  const running: ServerProcess[] = [];
  let passwords: Record<string, string> = {};

  beforeAll(async () => {
    ({ url, drop } = await createPostgresDatabase());
  });
  afterAll(async () => {
    for (const server of running) await server.kill('SIGKILL');
    await drop();
  });

  async function start(): Promise<ServerProcess> {
    const server = await startServer({ DATABASE_URL: url });
    running.push(server);
    if (Object.keys(server.passwords).length > 0) passwords = server.passwords;
    return server;
  }

  async function propose(base: string, session: HttpSession, text: string): Promise<Response> {
    return fetch(`${base}/api/documents/${DEMO_DOCUMENT_ID}/proposals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ kind: 'remark', text, about: null }),
    });
  }

  it('keeps every acknowledged write through kill -9 and a restart', { timeout: 120_000 }, async () => {
    const first = await start();
    expect(Object.keys(passwords).sort()).toEqual(['chair', 'chn', 'ind', 'isr', 'kaz', 'rus', 'secretariat', 'tha', 'tur']);
    // A first start on an empty database logs no error (the e-mail outbox was once asked for before its table existed).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(first.output().split('\n').filter((line) => /"level":(50|60)/u.test(line))).toEqual([]);
    const sessions = await Promise.all(DELEGATES.map((name) => httpLogin(first.base, name, passwords[name]!)));
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; !stop && i < 10_000; i += 1) {
        try {
          const response = await propose(first.base, sessions[w % sessions.length]!, `writer ${w} write ${i}`);
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
          else if (response.status >= 500) return;
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 50 }, (_, w) => writer(w));
    const killAt = Date.now() + 20_000;
    while (acknowledged.length < 300 && Date.now() < killAt) await new Promise((r) => setTimeout(r, 20));
    await first.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(50);

    const second = await start();
    const session = await httpLogin(second.base, 'chair', passwords.chair!);
    const log: ParleyEvent[] = [];
    for (let after = 0; ; ) {
      const page = (await (await fetch(`${second.base}/api/documents/${DEMO_DOCUMENT_ID}/events?after=${after}&limit=1000`, { headers: { cookie: session.cookie } })).json()) as {
        events: { event: ParleyEvent }[];
        next: number | null;
      };
      log.push(...page.events.map((e) => e.event));
      if (page.next === null) break;
      after = page.next;
    }
    const made = log.flatMap((e) => (e.type === 'proposal.made' && e.data.proposal.kind === 'remark' ? [e.data.proposal.id] : []));
    const counts = new Map<string, number>();
    for (const id of made) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of acknowledged) expect(counts.get(id), `acknowledged proposal ${id}`).toBe(1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    const database = openPostgres(url, 2);
    try {
      expect(comparable((await readTablesSnapshot(database.db, DEMO_DOCUMENT_ID))!)).toEqual(comparable(snapshot(fold(log))));
    } finally {
      await database.close();
    }
    const lines: string[] = [];
    expect(await runVerifyLog([], { out: (l) => lines.push(l), err: (l) => lines.push(l), env: { DATABASE_URL: url } })).toBe(0);
  });

  it('delivers an event made through one process to an SSE client of another', { timeout: 60_000 }, async () => {
    const [a, b] = [running.at(-1)!, await start()];
    const onA = await httpLogin(a.base, 'ind', passwords.ind!);
    const onB = await httpLogin(b.base, 'chair', passwords.chair!);
    const client = await openSse(`${b.base}/api/documents/${DEMO_DOCUMENT_ID}/live`, { cookie: onB.cookie });
    try {
      await client.waitFor((m) => m.event === 'hello');
      const response = await propose(a.base, onA, 'made on A');
      expect(response.status).toBe(201);
      const { version } = (await response.json()) as { version: number };
      const message = await client.waitFor((m) => m.id === String(version));
      expect(JSON.parse(message.data)).toEqual({ documentId: DEMO_DOCUMENT_ID, version, type: 'proposal.made' });
    } finally {
      client.close();
    }
  });
});
