// Issue 6: what survives a reload. Settings, a corrupt save, resuming a saved game, and playing the
// built game with the network switched off (the service worker from src/pwa.ts). Runs against
// dist/: `npx vite build && npx vitest run --config vitest.e2e.config.ts test/e2e/persistence.test.ts`
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  ARTIFACTS,
  browserSuite,
  clickTurn,
  openPage as openWatchedPage,
  trackRequests,
  waitForAssets,
  type Watched,
} from './harness';

const SETTINGS_KEY = 'redlines.settings.v1';
const SAVE_KEY = 'redlines.save.v1';
const SAVE_CORRUPT_KEY = 'redlines.save.corrupt';

const suite = browserSuite();
const openPage = (): Promise<Watched> => openWatchedPage(suite.browser());

const screen = (page: Page) => page.evaluate(() => document.body.dataset.screen);
const state = (page: Page) => page.evaluate(() => window.redLines.state());
const rootData = (page: Page) =>
  page.evaluate(() => {
    const { motion, palette, text } = document.documentElement.dataset;
    return { motion, palette, text };
  });

const playTurn = clickTurn;

/** From the menu of a fresh page to the table, with the game's state past its briefing. */
async function startAtTable(page: Page): Promise<void> {
  await page.click('#start');
  await page.waitForSelector('#briefing-title');
  await page.getByRole('button', { name: 'Go to the table' }).first().click();
  await page.waitForSelector('.play');
  await page.waitForFunction(() => window.redLines.state()?.phase !== 'briefing');
}

/** The settings dialog's controls, found by their labels. */
function settingsControls(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  return {
    dialog,
    sound: dialog.getByLabel('Play sounds'),
    volume: dialog.getByLabel('Volume'),
    motion: dialog.getByLabel('Reduce motion'),
    palette: dialog.getByLabel('Colour-blind-safe colours'),
    text: dialog.getByLabel('Larger text'),
  };
}

async function openSettings(page: Page) {
  await page.locator('#toolbar').getByRole('button', { name: 'Settings' }).click();
  const controls = settingsControls(page);
  await controls.dialog.waitFor({ state: 'visible' });
  return controls;
}

describe('persistence and offline play (issue 6)', () => {
  test('settings changed in the dialog survive a reload', async () => {
    const { page, errors, external } = await openPage();
    await page.goto(suite.url());
    await page.waitForSelector('#start');
    // Defaults: sound on at 80%, motion follows the system (no preference here), normal palette and text.
    expect(await rootData(page)).toEqual({ motion: 'full', palette: 'default', text: 'normal' });

    const c = await openSettings(page);
    expect(await c.sound.isChecked()).toBe(true);
    expect(await c.volume.inputValue()).toBe('80');
    await c.sound.uncheck();
    // The volume slider by keyboard: Home to 0, then seven steps of 5.
    await c.volume.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    expect(await c.volume.inputValue()).toBe('35');
    await c.motion.check();
    await c.palette.check();
    await c.text.check();
    expect(await rootData(page)).toEqual({
      motion: 'reduce',
      palette: 'colourblind',
      text: 'large',
    });
    await c.dialog.getByRole('button', { name: 'Close' }).click();
    await c.dialog.waitFor({ state: 'hidden' });

    await page.reload();
    await page.waitForSelector('#start');
    expect(await rootData(page)).toEqual({
      motion: 'reduce',
      palette: 'colourblind',
      text: 'large',
    });
    const after = await openSettings(page);
    expect(await after.sound.isChecked()).toBe(false);
    expect(await after.volume.inputValue()).toBe('35');
    expect(await after.motion.isChecked()).toBe(true);
    expect(await after.palette.isChecked()).toBe(true);
    expect(await after.text.isChecked()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/settings-after-reload.png` });
    expect(
      JSON.parse((await page.evaluate((key) => localStorage.getItem(key), SETTINGS_KEY)) ?? 'null'),
    ).toEqual({
      sound: false,
      volume: 0.35,
      reducedMotion: true,
      palette: 'colourblind',
      largeText: true,
    });
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  test('a corrupt save shows a plain notice, is set aside, leaves the settings alone, and the game still starts', async () => {
    const { page, errors } = await openPage();
    const settings = JSON.stringify({
      sound: false,
      volume: 0.4,
      palette: 'colourblind',
      largeText: false,
    });
    // Before the game's scripts run, on the first load only.
    await page.context().addInitScript(
      ({ settingsKey, saveKey, settings }) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(settingsKey, settings);
        localStorage.setItem(saveKey, '{not json');
      },
      { settingsKey: SETTINGS_KEY, saveKey: SAVE_KEY, settings },
    );
    await page.goto(suite.url());
    await page.waitForSelector('#start');

    const notice = page.locator('#notice');
    await expect(notice.innerText()).resolves.toMatch(/saved game could not be read/i);
    expect(await page.locator('#notice p').count()).toBeGreaterThan(0);
    expect(await page.locator('#notice script, #notice img, #notice svg').count()).toBe(0);
    expect(await page.locator('#resume').count()).toBe(0);
    const stored = await page.evaluate(
      (keys) => keys.map((key) => localStorage.getItem(key)),
      [SAVE_KEY, SAVE_CORRUPT_KEY, SETTINGS_KEY],
    );
    expect(stored).toEqual([null, '{not json', settings]);
    expect((await rootData(page)).palette).toBe('colourblind');
    await page.locator('#notice').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/corrupt-save-notice.png`, fullPage: true });

    await page.click('#start');
    await page.waitForSelector('#briefing-title');
    expect(await screen(page)).toBe('briefing');
    expect(await page.evaluate((key) => localStorage.getItem(key), SETTINGS_KEY)).toBe(settings);
    expect(errors).toEqual([]);
  });

  test('a game saved after two rounds resumes at the same round with the same stateHash', async () => {
    const { page, errors } = await openPage();
    await page.goto(
      `${suite.url()}?seed=K7F2Q9XM&role=ukraine&difficulty=normal&level=coalition-2025&pace=0`,
    );
    await page.waitForSelector('#start');
    await startAtTable(page);
    for (let step = 0; step < 60 && (await state(page))!.round < 3; step++) {
      expect(await screen(page)).toBe('play');
      await playTurn(page);
    }
    // Let any computer moves of the moment settle before reading the state.
    await page.waitForTimeout(300);
    const before = (await state(page))!;
    expect(before.round).toBe(3);
    expect(before.outcome).toBeNull();
    const saved = await page.evaluate((key) => {
      const envelope = JSON.parse(localStorage.getItem(key) ?? 'null') as { data: string } | null;
      return envelope && (JSON.parse(envelope.data) as { round?: number; stateHash?: string });
    }, SAVE_KEY);
    expect(saved).toMatchObject({ round: before.round, stateHash: before.stateHash });

    await page.reload();
    await page.waitForSelector('.resume #resume');
    await expect(page.locator('.resume').innerText()).resolves.toContain('round 3');
    await page.click('#resume');
    await page.waitForSelector('.play');
    const after = (await state(page))!;
    expect(after.round).toBe(before.round);
    expect(after.stateHash).toBe(before.stateHash);
    expect(after.phase).toBe(before.phase);
    expect(await screen(page)).toBe('play');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ARTIFACTS}/resumed-round-3.png` });
    // And play goes on from there.
    await playTurn(page);
    expect((await state(page))!.stateHash).not.toBe(before.stateHash);
    expect(errors).toEqual([]);
  });

  // Every reload and navigation waits until the page has fetched what it fetches on its own (the
  // map, the sound sprite): the test once reloaded while map/europe.json was still on its way,
  // and counted the aborted fetch (net::ERR_ABORTED) as a failure of offline play.
  test('the built game reloads and plays with the network switched off', async () => {
    const { page, errors, external } = await openPage();
    const context = page.context();
    const requests = trackRequests(page);
    const settle = async () => {
      await waitForAssets(page);
      await requests.quiet();
    };
    await page.goto(suite.url());
    await page.waitForSelector('#start');
    // The worker registers after the load event, precaches everything, then activates.
    const active = await page.evaluate(async () => {
      const ready = navigator.serviceWorker.ready.then(async (registration) => {
        const worker = registration.active!;
        if (worker.state !== 'activated')
          await new Promise<void>((resolve) =>
            worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
          );
        return { state: worker.state, script: new URL(worker.scriptURL).pathname };
      });
      const late = new Promise<string>((resolve) =>
        setTimeout(() => resolve("no service worker: does src/main.ts import './pwa'?"), 30_000),
      );
      return Promise.race([ready, late]);
    });
    expect(active).toEqual({ state: 'activated', script: '/sw.js' });
    await settle();
    await page.reload();
    await page.waitForSelector('#start');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await settle();

    await context.setOffline(true);
    const failed: string[] = [];
    // The browser's own check for a newer service worker fails offline; that is expected.
    page.on('requestfailed', (r) => {
      if (!r.url().endsWith('/sw.js')) failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.reload();
    await page.waitForSelector('#start');
    await startAtTable(page);
    await page.waitForSelector('#game canvas');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${ARTIFACTS}/offline-table.png` });
    expect((await state(page))?.round).toBe(1);
    await playTurn(page);
    await settle();

    // A game URL (with its query) is a navigation the worker answers with the cached page too.
    await page.goto(`${suite.url()}?seed=BCDF2345&level=coalition-2025`);
    await page.waitForSelector('#start');
    await startAtTable(page);

    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.setOffline(false);
  });
});
