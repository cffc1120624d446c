/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   API responses are untyped JSON here; the assertions are what check their shape. */
/**
 * A state's verification bundle, on both databases: made over HTTP for each party, it holds
 * the whole chain, writes out what concerns the party and seals the rest (an exchange
 * submission between two other states leaves no trace of its contents, parties or id in a
 * third state's bundle); `verifyBundle` and `parley verify-log --bundle` accept it as made and
 * name what is wrong with an altered, shortened or reordered one.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationBundle } from '../../protocol/verification-bundle.ts';
import { runVerifyLog } from '../cli-commands/verify-log.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { makeTestApp, ORG, SMALL_DRAFT, type TestApp, type UserKey } from '../test-support/fixtures.ts';
import { verifyBundle } from './verify-bundle.ts';
import { disasterReport } from '../test-support/exchange-payloads.ts';

const SECRET_EVENT = 'Rockfall near the Khorgos crossing';

describe.each(DATABASE_KINDS)('verification bundles on %s', (kind) => {
  let test: TestDatabase;
  let t: TestApp;
  let submissionId: string;
  let folder: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    t = await makeTestApp(test.database);
    folder = await mkdtemp(join(tmpdir(), 'parley-bundle-'));
    const doc = (await t.request('secretariat', 'POST', `/api/organisations/${ORG}/documents`, { text: SMALL_DRAFT })).json();
    expect(doc.document.id).toMatch(/^\S+$/u);
    const sent = await t.request('isr', 'POST', `/api/organisations/${ORG}/exchange/submissions`, disasterReport(['KAZ'], SECRET_EVENT));
    expect(sent.statusCode, sent.body).toBe(201);
    submissionId = sent.json().id;
  });
  afterAll(async () => {
    await t.app.close();
    await test.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  async function bundleOf(who: UserKey): Promise<VerificationBundle> {
    const response = await t.request(who, 'GET', `/api/organisations/${ORG}/verification-bundle`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="parley-org-test-[A-Z]+-\d+\.json"$/u);
    return response.json() as VerificationBundle;
  }
  const written = (bundle: VerificationBundle) => bundle.entries.filter((entry) => 'event' in entry);

  it('holds the whole chain for each party, the events that concern it written out, the others sealed', async () => {
    const kaz = await bundleOf('kaz');
    const ind = await bundleOf('ind');
    const isr = await bundleOf('isr');
    for (const bundle of [kaz, ind, isr]) {
      expect(bundle.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: bundle.head.seq }, (_, i) => i + 1));
      expect(verifyBundle(bundle)).toMatchObject({ ok: true, verified: written(bundle).length, sealed: bundle.head.seq - written(bundle).length });
    }
    expect([kaz.party, ind.party, isr.party]).toEqual(['KAZ', 'IND', 'ISR']);
    // The provider and the addressee see the submission written out; every one of them sees the document's events.
    const sentIn = (bundle: VerificationBundle) => written(bundle).some((entry) => 'event' in entry && entry.event.type === 'submission.sent');
    expect(sentIn(isr)).toBe(true);
    expect(sentIn(kaz)).toBe(true);
    expect(sentIn(ind)).toBe(false);
    expect(written(ind).some((entry) => 'event' in entry && entry.event.type === 'document.created')).toBe(true);
    // India learns nothing of it: not its subject, not its parties' exchange, not its id.
    const indJson = JSON.stringify(ind);
    expect(indJson).not.toContain(SECRET_EVENT);
    expect(indJson).not.toContain(submissionId);
    expect(indJson).not.toContain('exchange@');
    // The same chain for all: the same hashes, the same head.
    expect(ind.entries.map((entry) => entry.hash)).toEqual(kaz.entries.map((entry) => entry.hash));
    expect(ind.head).toEqual(kaz.head);
  });

  it('names what is wrong with an altered, shortened, reordered or foreign bundle', async () => {
    const bundle = await bundleOf('kaz');
    const copy = (): VerificationBundle => structuredClone(bundle);

    const altered = copy();
    const target = altered.entries.find((entry) => 'event' in entry && entry.event.type === 'submission.sent')!;
    (target as unknown as { event: { at: string } }).event.at = '2021-06-01T00:00:00.000Z';
    expect(verifyBundle(altered)).toMatchObject({ ok: false, problem: expect.stringContaining(`Event #${target.seq} (submission.sent`) });

    // A sealed event (here: one the secretariat's bundle does not write out) cannot be swapped for another: the chain after it no longer holds.
    const forSecretariat = await bundleOf('secretariat');
    const sealedAt = forSecretariat.entries.findIndex((entry) => !('event' in entry));
    expect(sealedAt, 'the submission between ISR and KAZ is sealed for the secretariat').toBeGreaterThanOrEqual(0);
    const swapped = structuredClone(forSecretariat);
    swapped.entries[sealedAt] = { seq: sealedAt + 1, hash: 'f'.repeat(64) };
    expect(verifyBundle(swapped).ok).toBe(false);

    const shortened = copy();
    shortened.entries.pop();
    expect(verifyBundle(shortened)).toMatchObject({ ok: false, problem: expect.stringContaining('missing from its end') });

    const reordered = copy();
    [reordered.entries[0], reordered.entries[1]] = [reordered.entries[1]!, reordered.entries[0]!];
    expect(verifyBundle(reordered)).toMatchObject({ ok: false, problem: expect.stringContaining('The chain is broken before event #2') });

    const gap = copy();
    gap.entries.splice(1, 1);
    expect(verifyBundle(gap)).toMatchObject({ ok: false, problem: 'The chain is broken before event #3: event #2 should come next.' });

    expect(verifyBundle({ format: 'something else' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^This is not a Parley verification bundle: at format: /u) });
  });

  it('is checked offline by parley verify-log --bundle, with exit codes 0, 1 and 2', async () => {
    const bundle = await bundleOf('ind');
    const good = join(folder, 'good.json');
    const bad = join(folder, 'bad.json');
    await writeFile(good, JSON.stringify(bundle));
    const tampered = structuredClone(bundle);
    const first = tampered.entries.find((entry) => 'event' in entry)! as unknown as { seq: number; event: { at: string } };
    first.event.at = '1999-01-01T00:00:00.000Z';
    await writeFile(bad, JSON.stringify(tampered));
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      // No DATABASE_URL, no data folder: the bundle is all there is.
      const code = await runVerifyLog(args, { out: (line) => out.push(line), err: (line) => err.push(line), env: {} });
      return { code, out, err };
    };
    const ok = await run(['--bundle', good]);
    expect(ok.code).toBe(0);
    expect(ok.out[0]).toBe(`verify-log: the bundle of IND is intact: ${written(bundle).length} of its events verified, ${bundle.head.seq - written(bundle).length} others sealed, head #${bundle.head.seq} ${bundle.head.hash}.`);
    const broken = await run(['--bundle', bad]);
    expect(broken.code).toBe(1);
    expect(broken.err[0]).toContain(`Event #${first.seq}`);
    expect(await run(['--bundle', join(folder, 'none.json')])).toMatchObject({ code: 2, err: [expect.stringContaining('there is no such file')] });
    await writeFile(join(folder, 'text.json'), 'not json');
    expect(await run(['--bundle', join(folder, 'text.json')])).toMatchObject({ code: 2, err: [expect.stringContaining('it is not JSON')] });
    expect(await run(['--bundle'])).toMatchObject({ code: 2 });
  });
});
