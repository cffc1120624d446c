/**
 * The document's live stream after a server answered 503 — as it does while its database
 * restarts (faults/postgres-restart.test.ts): EventSource gives up for good on any answer other
 * than 200, so the page opens a new stream itself (live-document.ts). In Chromium, the browser's
 * first two attempts are answered 503 with the server's own problem; the page says it is
 * reconnecting, opens a third stream on its own, and then shows a proposal made meanwhile and
 * one made afterwards, without a reload.
 *
 * Needs Debian's Chromium at /usr/bin/chromium: skipped with a message when it is absent,
 * failed when it is absent under CI=true (CI must run it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../server/test-support/fixtures.ts';
import { hasChromium, skipWithoutChromium, startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

const REFUSED = 2;

describe('the live stream after a 503, in Chromium', () => {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    harness = await startBrowserHarness({ seed: true });
  });
  afterAll(() => harness?.close());

  it('says it is reconnecting, opens a new stream by itself and shows what changed', async (context) => {
    if (skipWithoutChromium(context)) return;
    const { server, seedDocumentId: documentId } = harness!;
    const provisions = (await server.request('chair', 'GET', `/api/documents/${documentId}/provisions`)).json() as { id: string; kind: string }[];
    const after = provisions.find((p) => p.kind === 'paragraph')!.id;
    const propose = async (text: string): Promise<void> => {
      const made = await server.request('isr', 'POST', `/api/documents/${documentId}/proposals`, { kind: 'new-provision', provisions: [{ kind: 'paragraph', text }], after });
      expect(made.statusCode, made.body).toBe(201);
    };

    const { page, problems } = await harness!.signIn(USERS.chair.username, { expectedErrors: ['status of 503'] });
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    let attempts = 0;
    let release: () => void = () => undefined;
    const refusedAll = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/documents/*/live*', async (route) => {
      attempts += 1;
      if (attempts > REFUSED) return route.continue();
      if (attempts === REFUSED) release();
      return route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        headers: { 'retry-after': '2' },
        body: JSON.stringify({ type: 'about:blank', title: 'The database is not answering', status: 503, code: 'ERR_DATABASE_UNAVAILABLE' }),
      });
    });
    await page.getByRole('link', { name: /Draft updated CICA Catalogue/u }).click();
    await page.locator('.document-text.compiled').waitFor();

    await refusedAll;
    await page.getByRole('alert').filter({ hasText: /reconnect/iu }).waitFor();
    // Made while the page had no stream: read when the new one opens.
    await propose('Made while the stream was refused.');
    await page.getByText('Made while the stream was refused.').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /reconnect/iu }).count()).toBe(0);
    expect(attempts).toBe(REFUSED + 1);
    // And the stream is live again: the next change arrives without a reload.
    await propose('Made once the stream was back.');
    await page.getByText('Made once the stream was back.').waitFor({ timeout: 5000 });
    expect(attempts).toBe(REFUSED + 1);
    expect(problems).toEqual([]);
  });
});
