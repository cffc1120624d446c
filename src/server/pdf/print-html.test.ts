/**
 * The printer keeps one browser tab between prints: what it prints must still be only what
 * the page holds. A page that asks for an image, a stylesheet and a frame from a server
 * that counts requests, and holds a script, prints with no request made and no script run;
 * and a print never shows anything of the print before it.
 *
 * Without Chromium or poppler-utils it is skipped with what to install, and fails under CI=true.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { pdfPages } from '../test-support/libreoffice.ts';
import { CHROMIUM, skipWithoutPdfTools } from '../test-support/tools.ts';
import { closePrinter, printHtmlToPdf } from './print-html.ts';


const skipped = (context: TestContext): boolean =>
  skipWithoutPdfTools(context);

const textOf = async (html: string): Promise<string> => pdfPages(await printHtmlToPdf(html, { chromiumPath: CHROMIUM })).join(' ').replace(/\s+/gu, ' ').trim();

describe('printing HTML with the printer’s one tab', () => {
  const requests: string[] = [];
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('body::after { content: "STYLED BY THE NETWORK"; }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await closePrinter();
    await new Promise((resolve) => server.close(resolve));
  });

  it('makes no request and runs no script, print after print', async (context) => {
    if (skipped(context)) return;
    const page = (words: string): string =>
      `<!doctype html><html><head><link rel="stylesheet" href="${base}/style.css"></head><body><p>${words}</p>` +
      `<img src="${base}/image.png" alt=""><iframe src="${base}/frame.html"></iframe>` +
      `<script>document.body.append('SCRIPT RAN')</script></body></html>`;
    for (const words of ['First print', 'Second print']) {
      const text = await textOf(page(words));
      expect(text).toContain(words);
      expect(text).not.toContain('SCRIPT RAN');
      expect(text).not.toContain('STYLED BY THE NETWORK');
    }
    expect(requests).toEqual([]);
  }, 60_000);

  it('prints nothing of the page printed before', async (context) => {
    if (skipped(context)) return;
    expect(await textOf('<!doctype html><p>Confidential draft of ISR</p>')).toContain('Confidential draft of ISR');
    const next = await textOf('<!doctype html><p>Agenda</p>');
    expect(next).toBe('Agenda');
  }, 60_000);
});
