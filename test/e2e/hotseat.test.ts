// Issue 9: hot-seat play works to the end. Two and four people share one device and play to the
// debrief by clicking visible buttons only, through every hand-over.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ARTIFACTS, browserSuite, openPage, screenOf } from './harness';

const suite = browserSuite();
const state = (page: Page) => page.evaluate(() => window.redLines.state());

/** Plays to the debrief; returns the seats handed to, in order. */
/** A person whose starting package cannot be tabled changes options until it can. */
async function tableablePackage(page: Page): Promise<void> {
  const submit = page.getByRole('button', { name: 'Table this package' });
  const selects = page.locator('.builder select');
  for (let i = 0; i < (await selects.count()) && !(await submit.isEnabled()); i++) {
    const options = await selects.nth(i).locator('option').count();
    for (let k = 0; k < options && !(await submit.isEnabled()); k++)
      await selects.nth(i).selectOption({ index: k });
  }
}

async function playHotseat(
  page: Page,
  seats: readonly string[],
  stopAfter = Infinity,
): Promise<string[]> {
  const handedTo: string[] = [];
  for (let step = 0; step < 400; step++) {
    await page.waitForFunction(
      () =>
        ['handover', 'debrief'].includes(document.body.dataset.screen ?? '') ||
        document.querySelector('#respond-title, #builder-title, #side-title') !== null,
    );
    const screen = await screenOf(page);
    if (screen === 'debrief') return handedTo;
    if (screen === 'handover') {
      // Nothing private shows while the device changes hands.
      expect(await page.locator('#ui .bars, #ui .role-card, #ui .assessment').count()).toBe(0);
      const ready = page.locator('#handover-ready');
      expect(await ready.isVisible()).toBe(true);
      if (handedTo.length === 1)
        await page.screenshot({ path: `${ARTIFACTS}/hotseat-handover.png` });
      const title = await page.locator('#handover-title').innerText();
      await ready.click();
      const seat = (await state(page))!.role;
      expect(await page.locator('#play-title').innerText()).toContain(
        title.replace('Pass the device to ', ''),
      );
      expect(seats).toContain(seat);
      expect(await page.locator('#play-title').innerText()).toContain('you are');
      handedTo.push(seat);
      if (handedTo.length >= stopAfter) return handedTo;
      continue;
    }
    const panel = await page.locator('#ui h2[id]').last().getAttribute('id');
    const button =
      panel === 'respond-title'
        ? page.getByRole('button', { name: 'Reject', exact: true })
        : panel === 'builder-title'
          ? page.getByRole('button', { name: 'Table this package' })
          : page.getByRole('button', { name: 'Make the move' });
    expect(await button.isVisible()).toBe(true);
    if (panel === 'builder-title') await tableablePackage(page);
    await button.click();
  }
  throw new Error('the game did not reach the debrief');
}

describe('hot-seat play to the debrief (issue 9)', () => {
  for (const [seats, seed] of [
    [['us', 'ukraine'], 'HTST2345'],
    [['us', 'europe', 'russia', 'ukraine'], 'HTST4567'],
  ] as const)
    test(`${seats.length} seats (${seats.join(', ')}) play through every hand-over`, async () => {
      const { page, errors } = await openPage(suite.browser());
      await page.goto(
        `${suite.url()}?mode=hotseat&seats=${seats.join(',')}&level=coalition-2025&seed=${seed}&pace=0`,
      );
      await page.click('#start');
      await page.getByRole('button', { name: 'Go to the table' }).first().click();
      expect(await screenOf(page)).toBe('handover');
      const handedTo = await playHotseat(page, seats);
      expect(await screenOf(page)).toBe('debrief');
      // Other people's moves cannot be played again: the debrief says so instead of comparing.
      await expect(page.locator('.compare-note').count()).resolves.toBe(1);
      await expect(page.locator('.comparison').count()).resolves.toBe(0);
      // Every seat was handed the device, and more than once (every round needs each of them).
      expect(new Set(handedTo)).toEqual(new Set(seats));
      expect(handedTo.length).toBeGreaterThan(seats.length);
      const final = await state(page);
      expect(final?.outcome).toMatch(/^(lasting|uneasy|renewedWar|noDeal)$/);
      await page.screenshot({ path: `${ARTIFACTS}/hotseat-${seats.length}-debrief.png` });
      expect(errors).toEqual([]);
    });

  test('with computers paced, the seat on screen can still act at once', async () => {
    const { page, errors } = await openPage(suite.browser());
    await page.goto(
      `${suite.url()}?mode=hotseat&seats=us,ukraine&level=coalition-2025&seed=HTST2345&pace=600`,
    );
    await page.click('#start');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    const handedTo = await playHotseat(page, ['us', 'ukraine'], 5);
    expect(handedTo).toHaveLength(5);
    expect(errors).toEqual([]);
  });
});
