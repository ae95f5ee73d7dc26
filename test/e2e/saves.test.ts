// Issue 14, defects 2 and 3, in Chromium: saved games held to the rules. A save of 60,000 moves used
// to freeze the page for 504 s on resume; a save naming a computer seat as the player's resumed with
// no controls and was offered again on every load; a browser that keeps no site data never said
// that nothing was saved. Each test loads the built game with such a save (or profile) and plays
// on through the visible controls.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hashText } from '../../src/core/hash';
import { applyMove, newGame } from '../../src/core/moves';
import { seatsFor } from '../../src/core/rules';
import type { Move } from '../../src/core/state';
import { STORAGE_BLOCKED_NOTICE, STORAGE_FULL_NOTICE } from '../../src/app/storage';
import { loadLevel } from '../../src/node/levels';
import { MAX_SAVE_CHARS, SAVE_CORRUPT_KEY, SAVE_KEY, saveRecordFor } from '../../src/ui/saves';
import {
  ARTIFACTS,
  browserSuite,
  clickTurn,
  openPage,
  waitForAssets,
  type Watched,
} from './harness';

const SETTINGS_KEY = 'redlines.settings.v1';
const SETTINGS = JSON.stringify({ sound: false, volume: 0.4, palette: 'colourblind' });

const suite = browserSuite();

const loaded = loadLevel('coalition-2025');
if (!loaded.ok) throw new Error('coalition-2025 failed to load');
const level = loaded.value;

/** The save record of a real solo game at Ukraine's seat, a few decisions in. */
function realRecord() {
  let game = newGame(level, {
    seed: 'K7F2Q9XM',
    difficulty: 'normal',
    seats: seatsFor(['ukraine']),
  });
  for (let step = 0; step < 4 && !game.outcome; step++) {
    const move: Move = game.table
      ? game.responses.ukraine === undefined
        ? { type: 'RESPOND', party: 'ukraine', accept: false }
        : { type: 'SIDE_MOVE', party: 'ukraine', move: { kind: 'pass' } }
      : { type: 'PROPOSE', party: 'ukraine', package: level.issues.map(() => 0) };
    const next = applyMove(level, game, move);
    if (!next.ok) break;
    game = next.value;
  }
  return saveRecordFor(game, 'ukraine');
}

/** The text the game stores: the record's JSON and its checksum, so only the schema can refuse it. */
function envelope(record: unknown): string {
  const data = JSON.stringify(record);
  return JSON.stringify({ checksum: hashText(data), data });
}

const stored = (page: Page, keys: readonly string[]) =>
  page.evaluate((ks) => ks.map((k) => localStorage.getItem(k)), keys);

/**
 * Opens the game once (so the page has an origin to store under), puts `save` and some settings
 * in its storage, and reloads: the state a player is in who comes back to the game.
 */
async function comeBackWith(save: string): Promise<Watched> {
  const watched = await openPage(suite.browser());
  const { page } = watched;
  await page.goto(`${suite.url()}?pace=0&seed=K7F2Q9XM&level=coalition-2025`);
  await page.waitForSelector('#start');
  await page.evaluate(
    ([saveKey, text, settingsKey, settings]) => {
      localStorage.setItem(settingsKey!, settings!);
      localStorage.setItem(saveKey!, text!);
    },
    [SAVE_KEY, save, SETTINGS_KEY, SETTINGS],
  );
  // A page that blocks on the save never shows its menu: fail in seconds, not after minutes.
  await page.reload({ waitUntil: 'commit' });
  await page.waitForSelector('#start', { timeout: 15_000 });
  return watched;
}

/**
 * Clicks Start as a person would. Returns how long the click waited before the page handled it,
 * and how long until the briefing showed (drawing it takes most of a second on a busy machine).
 */
async function startResponse(page: Page): Promise<{ handled: number; shown: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { clickedAt: number; handledAt: number; shownAt: number };
    document.addEventListener(
      'click',
      (e) => {
        w.clickedAt ??= e.timeStamp;
        w.handledAt ??= performance.now();
      },
      { capture: true },
    );
    new MutationObserver(() => {
      if (document.body.dataset.screen === 'briefing') w.shownAt ??= performance.now();
    }).observe(document.body, { attributes: true, attributeFilter: ['data-screen'] });
  });
  await page.click('#start');
  await page.waitForSelector('#briefing-title');
  return page.evaluate(() => {
    const w = window as unknown as { clickedAt: number; handledAt: number; shownAt: number };
    return { handled: w.handledAt - w.clickedAt, shown: w.shownAt - w.clickedAt };
  });
}

/** From the briefing to the table, then one decision; the game is saved after it. */
async function playOneDecision(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Go to the table' }).first().click();
  await page.waitForSelector('.play');
  await clickTurn(page);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, SAVE_KEY);
}

/** How long the page spent reading and checking the save (the shell measures it). */
const readSaveMs = (page: Page) =>
  page.evaluate(() =>
    Math.max(...performance.getEntriesByName('redlines:read-save').map((e) => e.duration)),
  );

const noticeTexts = (page: Page) => page.locator('#notice p').allInnerTexts();

describe('saved games in the browser (issue 14)', () => {
  test('a save of 60,000 moves is set aside at once with a plain notice; the page stays responsive and nothing else is lost', async () => {
    const moves = Array.from({ length: 60_000 }, () => ({
      type: 'RESPOND',
      party: 'ukraine',
      accept: false,
    }));
    const huge = envelope({ ...realRecord(), moves });
    expect(huge.length).toBeGreaterThan(3_000_000);
    const { page, errors } = await comeBackWith(huge);

    const notices = await noticeTexts(page);
    expect(notices).toEqual([
      expect.stringMatching(/saved game could not be read .*larger than any real save.*set aside/i),
    ]);
    expect(await page.locator('#resume').count()).toBe(0);
    // Set aside: the save is gone from its key and its head kept under another (writing all of it
    // would block the page for a second); the settings stay.
    const [save, copy, settings] = await stored(page, [SAVE_KEY, SAVE_CORRUPT_KEY, SETTINGS_KEY]);
    expect(save).toBeNull();
    expect(copy).toBe(huge.slice(0, MAX_SAVE_CHARS));
    expect(settings).toBe(SETTINGS);
    expect(await page.evaluate(() => document.documentElement.dataset.palette)).toBe('colourblind');

    // Reading the save held the page up for a moment at most; once the page has loaded, the
    // first click is handled within a second and answered soon after.
    expect(await readSaveMs(page)).toBeLessThan(500);
    await waitForAssets(page);
    const response = await startResponse(page);
    expect(response.handled).toBeLessThan(1000);
    expect(response.shown).toBeLessThan(3000);

    // The new game is saved as usual: setting the big copy aside did not use up the storage.
    await playOneDecision(page);
    expect(await noticeTexts(page)).toEqual(notices);
    await page.screenshot({ path: `${ARTIFACTS}/oversized-save.png` });

    // A reload resumes the new game; the old save is not read again.
    await page.reload();
    await page.waitForSelector('.resume #resume');
    expect(await noticeTexts(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a save naming a computer seat as the player’s is refused with a plain notice, once', async () => {
    const record = realRecord();
    expect(record.seats.russia).toBe('computer');
    const text = envelope({ ...record, role: 'russia' });
    const { page, errors } = await comeBackWith(text);

    const notices = await noticeTexts(page);
    expect(notices).toEqual([
      expect.stringMatching(/saved game could not be read .*played by the computer.*set aside/i),
    ]);
    // Not offered: a game resumed at a computer's seat had no controls at all.
    expect(await page.locator('#resume').count()).toBe(0);
    expect(await stored(page, [SAVE_KEY, SAVE_CORRUPT_KEY, SETTINGS_KEY])).toEqual([
      null,
      text,
      SETTINGS,
    ]);
    await page.screenshot({ path: `${ARTIFACTS}/computer-seat-save.png` });

    // Not again on the next load: no notice, no offer, and the game starts as usual.
    await page.reload();
    await page.waitForSelector('#start');
    expect(await noticeTexts(page)).toEqual([]);
    expect(await page.locator('#resume').count()).toBe(0);
    await page.click('#start');
    await page.waitForSelector('#briefing-title');
    await playOneDecision(page);
    expect(errors).toEqual([]);
  });

  test('with the storage full the game goes on in memory and says so once, not once per move', async () => {
    const { page, errors } = await openPage(suite.browser());
    await page.goto(`${suite.url()}?pace=0&seed=K7F2Q9XM&level=coalition-2025`);
    await page.waitForSelector('#start');
    // Fill the site's quota: ever smaller blocks until not even one character more fits.
    const filled = await page.evaluate(() => {
      let key = 0;
      for (let size = 1 << 20; size >= 1; size >>= 2)
        for (;;)
          try {
            localStorage.setItem(`filler.${key++}`, 'x'.repeat(size));
          } catch {
            break;
          }
      return key;
    });
    expect(filled).toBeGreaterThan(1);
    await page.reload();
    await page.waitForSelector('#start');
    await page.click('#start');
    await page.waitForSelector('#briefing-title');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    await page.waitForSelector('.play');
    for (let turn = 0; turn < 12; turn++) await clickTurn(page);
    expect((await page.evaluate(() => window.redLines.state()))!.moves).toBeGreaterThan(6);
    expect(await noticeTexts(page)).toEqual([STORAGE_FULL_NOTICE]);
    expect(errors).toEqual([]);
  });

  test('with site data blocked the game plays in memory and says once that nothing is saved', async () => {
    const context = await suite.browser().newContext({ viewport: { width: 1280, height: 720 } });
    // Before any script of the page: both storages throw, as with cookies blocked.
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage'])
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.url()}?pace=0&seed=K7F2Q9XM&level=coalition-2025`);
    await page.waitForSelector('#start');
    expect(await noticeTexts(page)).toEqual([STORAGE_BLOCKED_NOTICE]);

    await page.click('#start');
    await page.waitForSelector('#briefing-title');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    await page.waitForSelector('.play');
    for (let turn = 0; turn < 4; turn++) await clickTurn(page);
    expect((await page.evaluate(() => window.redLines.state()))!.moves).toBeGreaterThan(0);
    expect(await noticeTexts(page)).toEqual([STORAGE_BLOCKED_NOTICE]);
    expect(errors).toEqual([]);
  });
});
