// Serves the built game (dist/) and drives Debian's Chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
};

export const ARTIFACTS = 'test-results/e2e';

export async function serveDist(
  root = 'dist',
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(
      decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname),
    );
    const file = join(root, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly external: string[];
  readonly dialogs: string[];
}

/** A fresh page that records console errors, page errors, dialogs and requests leaving localhost. */
export async function openPage(browser: Browser, width = 1280, height = 720): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'))
      external.push(r.url());
  });
  return { page, errors, external, dialogs };
}

/** One static server and one browser for a test file, closed after its last test. */
export function browserSuite(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launch();
  });
  // Each test's pages close after it, so an earlier game's render loop never slows the next test.
  afterEach(async () => {
    for (const context of browser?.contexts() ?? []) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { browser: () => browser!, url: () => server!.url };
}

export const screenOf = (page: Page) => page.evaluate(() => document.body.dataset.screen);

/**
 * One decision through visible controls: hand over in hot-seat play, reject what is on the
 * table, table the builder's starting package on one's own turn, pass the side moves.
 */
export async function clickTurn(page: Page): Promise<void> {
  // Computers answer at their own pace: wait until the seat on screen has something to do.
  await page.waitForFunction(
    () =>
      ['handover', 'debrief'].includes(document.body.dataset.screen ?? '') ||
      document.querySelector('#respond-title, #builder-title, #side-title') !== null,
  );
  const screen = await screenOf(page);
  if (screen === 'debrief') return;
  if (screen === 'handover') {
    await page.click('#handover-ready');
    return;
  }
  const id = await page.locator('#ui h2[id]').last().getAttribute('id');
  if (id === 'respond-title')
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
  else if (id === 'builder-title')
    await page.getByRole('button', { name: 'Table this package' }).click();
  else if (id === 'side-title') await page.getByRole('button', { name: 'Make the move' }).click();
  else throw new Error(`unexpected panel ${id}`);
}

/**
 * Waits until the page has fetched what it loads on its own after the menu shows: the Phaser
 * chunks and then the map (`map/europe.json`, which the preloader asks for last). Navigating or
 * reloading before that aborts the map's fetch mid-flight (`net::ERR_ABORTED`), and a click
 * measured before it waits behind Phaser's start-up.
 */
export async function waitForAssets(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).some(
        (r) => new URL(r.name).pathname.endsWith('/map/europe.json') && r.responseEnd > 0,
      ),
    null,
    { timeout: 30_000 },
  );
}

/**
 * Follows the page's requests in flight (the map, the sound sprite the first click loads, ...).
 * `quiet()` waits until none has been in flight for `ms`: a reload or navigation before that
 * aborts them, and the aborted requests look like failures.
 */
export function trackRequests(page: Page): { quiet: (ms?: number) => Promise<void> } {
  const inFlight = new Set<Request>();
  page.on('request', (r) => inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return {
    async quiet(ms = 300) {
      const until = Date.now() + 30_000;
      let quietSince = Date.now();
      while (Date.now() - quietSince < ms) {
        if (Date.now() > until)
          throw new Error(
            `requests still in flight: ${[...inFlight].map((r) => r.url()).join(', ')}`,
          );
        if (inFlight.size > 0) quietSince = Date.now();
        await page.waitForTimeout(50);
      }
    },
  };
}
