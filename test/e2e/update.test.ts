// Issue 14, defect 1: a new version never reached an open tab. The test builds the game, serves it,
// opens it, builds it again with another build id (VITE_BUILD_ID, shown on `<html data-build>`),
// asks the browser to look for the new service worker, and watches the open tabs move over: at
// once on the menu, and in a game only after the move in hand is made, resuming the game.
// Builds into test-results/update/site (not dist/); run alone with `npx vitest run test/e2e/update.test.ts`.
import { spawnSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTIFACTS, clickTurn, launch, serveDist } from './harness';

const SITE = 'test-results/update/site';

function build(id: string): void {
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      SITE,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      // Vitest sets NODE_ENV=test, which would make Vite build a non-production bundle (no worker).
      env: { ...process.env, NODE_ENV: 'production', VITE_BUILD_ID: id },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (result.status !== 0)
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  build('update-1');
  server = await serveDist(SITE);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const buildOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.build);
const screenOf = (page: Page) => page.evaluate(() => document.body.dataset.screen);
const stateOf = (page: Page) => page.evaluate(() => window.redLines.state());

/** A page of the built game, once the service worker controls it. */
async function openControlled(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Computers answer at once, so the state at unload is the one a replay of the save rebuilds.
  // A fixed seed: the moves below leave this game in play (a random one could end in a breakdown).
  await page.goto(`${server.url}?pace=0&seed=K7F2Q9XM&level=coalition-2025`);
  await page.waitForSelector('#start');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
  return page;
}

/** Asks the browser to look for a newer service worker now, as the page does every half hour. */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration!.update();
  });
}

/** Waits until the page runs `id` (through any reloads on the way), or fails after `ms`. */
async function waitForBuild(page: Page, id: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  let seen: string | undefined;
  while (Date.now() < until) {
    try {
      seen = await buildOf(page);
      if (seen === id && (await page.evaluate(() => document.body.dataset.screen)) !== undefined)
        return;
    } catch {
      // the page is reloading
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`page still on build ${seen} after ${ms} ms, expected ${id}`);
}

describe('updates reach open tabs (issue 14)', () => {
  // Each test builds the game once more; on a busy two-core machine that takes a while.
  test(
    'a tab on the menu moves to the new build as soon as it is ready',
    { timeout: 300_000 },
    async () => {
      const context = await browser.newContext();
      const errors: string[] = [];
      const page = await openControlled(context, errors);
      expect(await buildOf(page)).toBe('update-1');

      build('update-2');
      await checkForUpdate(page);
      await waitForBuild(page, 'update-2');
      expect(await screenOf(page)).toBe('menu');
      expect(
        await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js')),
      ).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  test(
    'a tab in a game waits for the move in hand, then moves over and resumes the game',
    { timeout: 300_000 },
    async () => {
      const context = await browser.newContext();
      const errors: string[] = [];
      const menu = await openControlled(context, errors);
      const game = await openControlled(context, errors);
      expect(await buildOf(game)).toBe('update-2');

      await game.click('#start');
      await game.getByRole('button', { name: 'Go to the table' }).first().click();
      await game.waitForSelector('.play');
      await clickTurn(game);
      await game.waitForSelector('.play');
      const round = (await stateOf(game))!.round;
      // The player starts on the next decision (a click in the panel) but has not made it.
      await game.locator('#screen h2').last().click();
      await game.evaluate(() => {
        Object.assign(window, { sameDocument: true });
        // What the game was when the page unloaded, kept across the reload.
        window.addEventListener('pagehide', () =>
          sessionStorage.setItem('test.unloaded', JSON.stringify(window.redLines.state())),
        );
      });

      build('update-3');
      await checkForUpdate(game);
      // The tab on the menu lets the new build in and reloads into it ...
      await waitForBuild(menu, 'update-3');
      // ... while the tab in the game keeps its page until the move is made.
      await game.waitForTimeout(3000);
      expect(await game.evaluate(() => 'sameDocument' in window)).toBe(true);
      expect(await buildOf(game)).toBe('update-2');
      expect((await stateOf(game))!.round).toBe(round);

      await clickTurn(game);
      await waitForBuild(game, 'update-3');
      expect(await game.evaluate(() => 'sameDocument' in window)).toBe(false);
      await game.waitForSelector('.play');
      await game.screenshot({ path: `${ARTIFACTS}/update-resumed.png` });
      const unloaded = await game.evaluate(() => sessionStorage.getItem('test.unloaded'));
      const before = JSON.parse(unloaded!) as NonNullable<Awaited<ReturnType<typeof stateOf>>>;
      const resumed = (await stateOf(game))!;
      expect(resumed.stateHash).toBe(before.stateHash);
      expect(resumed.round).toBe(before.round);
      expect(before.round).toBeGreaterThanOrEqual(round);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
