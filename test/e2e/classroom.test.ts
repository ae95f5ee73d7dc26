import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ARTIFACTS, browserSuite, clickTurn, openPage, screenOf } from './harness';

const suite = browserSuite();

const screen = screenOf;
const act = clickTurn;

async function playToEnd(page: Page): Promise<void> {
  for (let i = 0; i < 120 && ['play', 'handover'].includes((await screen(page)) ?? ''); i++)
    await act(page);
  expect(await screen(page)).toBe('debrief');
}

async function start(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.click('#start');
  await page.getByRole('button', { name: 'Go to the table' }).first().click();
}

describe('links, codes and classroom play', () => {
  test('a share link opened in a fresh browser profile reproduces the game', async () => {
    const first = await openPage(suite.browser());
    await start(
      first.page,
      `${suite.url()}?level=coalition-2025&seed=PQRS7890&role=europe&difficulty=hard&pace=0`,
    );
    const link = first.page.url();
    await playToEnd(first.page);
    const a = await first.page.evaluate(() => window.redLines.state());

    const second = await openPage(suite.browser()); // a new context: no storage shared
    await second.page.goto(link);
    await second.page.click('#start');
    await second.page.getByRole('button', { name: 'Go to the table' }).first().click();
    await playToEnd(second.page);
    const b = await second.page.evaluate(() => window.redLines.state());
    expect(b).toEqual(a);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });

  test('the hot-seat hand-over hides the previous seat’s weights', async () => {
    const { page, errors } = await openPage(suite.browser());
    await start(page, `${suite.url()}?mode=hotseat&seats=us,ukraine&seed=HTST2345&pace=0`);
    expect(await screen(page)).toBe('handover');
    await page.screenshot({ path: `${ARTIFACTS}/handover.png` });
    expect(await page.locator('#ui .bars, #ui .role-card').count()).toBe(0);
    const first = await page.locator('#handover-title').innerText();
    await page.click('#handover-ready');
    await expect(page.locator('#ui .role-card').count()).resolves.toBe(1);
    const seatA = await page.evaluate(() => window.redLines.state()?.role);
    // Act until the other person is due: the screen must hide everything private first.
    for (let i = 0; i < 20 && (await screen(page)) !== 'handover'; i++) await act(page);
    expect(await screen(page)).toBe('handover');
    expect(await page.locator('#handover-title').innerText()).not.toBe(first);
    expect(await page.locator('#ui .bars, #ui .role-card, #ui .assessment').count()).toBe(0);
    await page.click('#handover-ready');
    const seatB = await page.evaluate(() => window.redLines.state()?.role);
    expect(seatB).not.toBe(seatA);
    expect(errors).toEqual([]);
  });

  test('the replay viewer steps through a result code and forks from round 2', async () => {
    const { page, errors } = await openPage(suite.browser());
    await start(page, `${suite.url()}?seed=RPLX2345&pace=0`);
    await playToEnd(page);
    const finished = await page.evaluate(() => window.redLines.state());
    const code = await page.locator('#result-code').inputValue();
    expect(code.length).toBeLessThan(1000);
    await page.goto(`${suite.url()}?replay=${encodeURIComponent(code)}&pace=0`);
    await page.waitForSelector('#replay-title');
    expect(await page.locator('.replay').innerText()).toContain('Verified by replay');
    // The game log follows the round shown: round 1's moves, then round 2's as well.
    const logged = () => page.locator('#log li').count();
    const first = await logged();
    expect(first).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Next round' }).click();
    await expect(logged()).resolves.toBeGreaterThan(first);
    await page.getByRole('button', { name: 'Next round' }).click();
    // The newest entry is in view: the panel has scrolled to its end.
    const atEnd = await page.evaluate(() => {
      const panel = document.querySelector('.log-panel')!;
      return panel.scrollTop + panel.clientHeight >= panel.scrollHeight - 2;
    });
    expect(atEnd).toBe(true);
    await page.getByRole('button', { name: 'Previous round' }).click();
    await page.screenshot({ path: `${ARTIFACTS}/replay.png` });
    await page.getByRole('button', { name: 'Play on from round 2' }).click();
    const forked = await page.evaluate(() => window.redLines.state());
    expect(forked?.round).toBe(2);
    expect(forked?.seed).toBe(finished?.seed);
    expect(forked?.outcome).toBeNull();
    await playToEnd(page);
    expect(errors).toEqual([]);
  });

  test('a tampered result code in a link is refused with a reason and the menu still works', async () => {
    const { page, errors } = await openPage(suite.browser());
    await page.goto(`${suite.url()}?replay=${encodeURIComponent('1.AAAAAAAAAA.tampered')}`);
    await page.waitForSelector('#start');
    expect(await page.locator('#notice').innerText()).toContain('cannot be replayed');
    expect(errors).toEqual([]);
  });

  test('the briefing prints one role card per seat and nothing else', async () => {
    const { page, errors } = await openPage(suite.browser());
    await page.goto(`${suite.url()}?seed=PRNT2345`);
    await page.click('#start');
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.click('#print-cards');
    await page.emulateMedia({ media: 'print' });
    const cards = page.locator('.print-card');
    // The role cards come in a chunk of their own, fetched with the briefing: wait for them.
    await cards.first().waitFor({ state: 'attached' });
    expect(await cards.count()).toBe(4);
    await expect(cards.first().isVisible()).resolves.toBe(true);
    await expect(page.locator('#ui').isVisible()).resolves.toBe(false);
    expect(await cards.nth(2).innerText()).toContain('Russia');
    expect(errors).toEqual([]);
  });

  test('a chunk that cannot be loaded is reported in plain words, and the page goes on', async () => {
    // As if the network dropped before the role cards' chunk was fetched (and before the service
    // worker could precache it: it would serve the chunk offline, out of this route's reach).
    const context = await suite.browser().newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(/printCards-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${suite.url()}?seed=PRNT2345`);
    await page.click('#start');
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.click('#print-cards');
    await page.waitForFunction(() =>
      document.getElementById('notice')?.textContent?.includes('could not be loaded'),
    );
    expect(await page.locator('.print-card').count()).toBe(0);
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    await page.waitForSelector('.play');
  });
});
