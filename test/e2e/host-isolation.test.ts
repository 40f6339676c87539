/**
 * The browser host against another local service (issue 16, found 4), in Chromium: a page served by
 * a second server on 127.0.0.1 (another port, so another origin but the same cookie jar) tries the
 * host's API with the browser's credentials. The host set no cookie, the token left the address
 * bar and the history, and the other page gets nothing: no recent list, no file.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../host/serve.js';
import { openHostStores, closeHostStores } from '../../node/services/index.js';
import { ROOT, ensureRendererBuilt, launchChromium, startTestHost, tempDir } from '../support/browser.js';
import { waitReady } from '../support/page.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/council-res-1332-c24.txt');

let browser: Browser;
let host: RunningHost;
let other: Server;
let otherOrigin: string;
/** API requests the host received, with the answer it gave. */
const apiAnswers: Array<{ path: string; status: number }> = [];

beforeAll(async () => {
  await ensureRendererBuilt();
  const data = tempDir('isolation-data');
  const docs = tempDir('isolation-docs');
  const outside = tempDir('isolation-outside');
  copyFileSync(FIXTURE, path.join(docs, 'res1332.txt'));
  mkdirSync(path.join(docs, 'drafts'));
  copyFileSync(FIXTURE, path.join(docs, 'drafts', 'draft.txt'));
  copyFileSync(FIXTURE, path.join(outside, 'elsewhere.txt'));
  const stores = await openHostStores(data);
  await stores.recent.add(path.join(outside, 'elsewhere.txt'));
  await closeHostStores(stores);
  host = await startTestHost({ userDataDir: data, folder: docs });
  // The second local service: a page that reaches for the host with the browser's credentials.
  const attack = `<!doctype html><script>
    window.results = (async () => {
      const out = [];
      for (const mode of ['cors', 'no-cors']) {
        try {
          const r = await fetch('${host.origin}/api/call/listRecent', { method: 'POST', mode, credentials: 'include', body: '{"args":[]}' });
          out.push(mode + ':' + r.status + ':' + (mode === 'cors' ? await r.text() : r.type));
        } catch (e) { out.push(mode + ':refused'); }
      }
      return out;
    })();
  </script>`;
  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(attack);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await new Promise((resolve) => other?.close(resolve));
});

describe('the host and another local service in one browser', () => {
  it('keeps the token out of cookies, the address bar and the history, and still works after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === host.origin && url.pathname.startsWith('/api/'))
        apiAnswers.push({ path: url.pathname, status: response.status() });
    });
    await page.goto(host.url);
    await waitReady(page);
    expect(page.url()).toBe(`${host.origin}/`);
    expect(await context.cookies()).toEqual([]);
    // The history entry itself was rewritten (replaceState), not followed by a new one.
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await page.evaluate(() => history.length)).toBe(2); // about:blank, then the page
    await page.reload();
    await waitReady(page);
    expect(apiAnswers.some((answer) => answer.status === 200)).toBe(true);
    expect(apiAnswers.filter((answer) => answer.status !== 200)).toEqual([]);

    // The page of the other service, in the same browser, the host's page still open.
    const attacker = await context.newPage();
    await attacker.goto(otherOrigin);
    const results = await attacker.evaluate(() => (window as unknown as { results: Promise<string[]> }).results);
    expect(results).toHaveLength(2);
    // Refused by CORS and the host's origin checks; at most an opaque answer that cannot be read.
    expect(results[0]).toBe('cors:refused');
    expect(['no-cors:refused', 'no-cors:0:opaque']).toContain(results[1]);
    await context.close();
  }, 120_000);

  it('goes into a sub-folder of its folder in the picker, with the mouse, and back up with the keyboard', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await waitReady(page);
    await page.locator('.ProseMirror').focus();
    await page.keyboard.press('Control+o');
    const picker = page.locator('.picker');
    await picker.waitFor();
    await picker.getByRole('button', { name: 'drafts/' }).click();
    await picker.getByRole('button', { name: 'draft.txt', exact: true }).waitFor();
    await picker.getByRole('button', { name: /Up to the top folder/ }).focus();
    await page.keyboard.press('Enter');
    await picker.getByRole('button', { name: 'res1332.txt', exact: true }).waitFor();
    // A typed name with its sub-folder opens too.
    await picker.getByLabel('File name').fill('drafts/draft.txt');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => page.title(), { timeout: 30_000 }).toMatch(/draft\.txt/);
    await context.close();
  }, 120_000);

  it('offers, in its own page, only the recent files of its folder', async () => {
    const response = await fetch(`${host.origin}/api/call/listRecent`, {
      method: 'POST',
      headers: { 'x-plenary-token': host.token, 'content-type': 'application/json' },
      body: '{"args":[]}',
    });
    const body = (await response.json()) as { result: Array<{ name: string }> };
    expect(body.result.map((file) => file.name)).not.toContain('elsewhere.txt');
  });
});
