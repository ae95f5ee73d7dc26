// The canvas follows the player's display settings and rests when nothing moves.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PARTIES } from '../../src/core/parties';
import type { CanvasState } from '../../src/view/game';
import { PALETTES, cssColour } from '../../src/view/palette';
import { ARTIFACTS, browserSuite, openPage } from './harness';

const suite = browserSuite();

/** Waits until the loop sleeps and draws no frame for half a second; returns that state. */
async function settled(page: Page): Promise<CanvasState> {
  for (let i = 0; i < 30; i++) {
    const a = await page.evaluate(() => window.redLines.canvas());
    await page.waitForTimeout(500);
    const b = await page.evaluate(() => window.redLines.canvas());
    if (a.sleeping && b.sleeping && a.frames === b.frames) return b;
  }
  throw new Error('the game loop never slept');
}

const expected = (name: 'default' | 'colourblind') =>
  Object.fromEntries(PARTIES.map((p) => [p, cssColour(PALETTES[name].party[p])]));

describe('the canvas', () => {
  test('issue 9: switching to the colour-blind palette redraws the table in its colours', async () => {
    const { page, errors } = await openPage(suite.browser());
    // Reduced motion: no tween is running when the pixels are read.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${suite.url()}?seed=BCDF2345`);
    await page.click('#start');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    // Polled: the first picture can be baked before the layout settles (a debounced resize).
    const table = () => page.evaluate(async () => (await window.redLines.canvas()).table);
    await expect
      .poll(table, { timeout: 5000 })
      .toEqual({ palette: 'default', seats: expected('default') });

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Colour-blind-safe colours').check();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(table, { timeout: 5000 })
      .toEqual({ palette: 'colourblind', seats: expected('colourblind') });
    // The HTML reads the same module.
    const cssUs = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--party-us').trim(),
    );
    expect(cssUs).toBe(cssColour(PALETTES.colourblind.party.us));
    await page.screenshot({ path: `${ARTIFACTS}/table-colourblind.png` });
    expect(errors).toEqual([]);
  });

  test('issue 13: the game loop sleeps when nothing moves and wakes for a move', async () => {
    const { page, errors } = await openPage(suite.browser());
    await page.goto(`${suite.url()}?seed=BCDF2345`);
    await page.click('#start');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    // Asleep, no frame is drawn; the scene's picture is one object, not one per label.
    const still = await settled(page);
    expect(still.live.TableScene?.objects).toBe(1);

    await page.getByRole('button', { name: /Show the map/ }).click();
    await page.waitForFunction(async () => (await window.redLines.canvas()).live.MapScene);
    const map = await settled(page);
    expect(map.live.MapScene?.objects).toBe(1);
    expect(map.frames).toBeGreaterThan(still.frames);
    expect(map.sleeps).toBeGreaterThan(still.sleeps);
    expect(errors).toEqual([]);
  });
});
