import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { stateHash } from '../../src/core/game';
import { applyMove, newGame, phaseOf, waitingFor } from '../../src/core/moves';
import type { Move } from '../../src/core/state';
import { seatsFor } from '../../src/core/rules';
import { loadLevel } from '../../src/node/levels';
import { loadOrThrow, seedWithChair } from '../core/helpers';
import { ARTIFACTS, browserSuite, openPage } from './harness';

const suite = browserSuite();

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown }[];
            }[];
          }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`);
}

const screen = (page: Page) => page.evaluate(() => document.body.dataset.screen);

/** Presses Tab until the focused element has the given accessible text, then Enter. */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (text === label) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach "${label}" with the keyboard`);
}

/**
 * Plays one decision the way a keyboard user would: accepts or rejects what is on the table,
 * tables the builder's starting package on its own turn, and passes its side moves.
 */
async function playTurn(page: Page, accept: boolean): Promise<void> {
  // The computers answer at their own pace: wait until this seat has something to do.
  await page.waitForFunction(
    () =>
      document.body.dataset.screen === 'debrief' ||
      document.querySelector('#respond-title, #builder-title, #side-title') !== null,
  );
  if ((await screen(page)) === 'debrief') return;
  const heading = await page.locator('#ui h2[id]').last().getAttribute('id');
  if (heading === 'respond-title') {
    // Accept is disabled when the package crosses the seat's own hard red line.
    const canAccept = await page.getByRole('button', { name: 'Accept', exact: true }).isEnabled();
    await tabTo(page, accept && canAccept ? 'Accept' : 'Reject');
  } else if (heading === 'builder-title') await tabTo(page, 'Table this package');
  else if (heading === 'side-title') await tabTo(page, 'Make the move');
  else throw new Error(`unexpected panel ${heading}`);
}

async function playToDebrief(page: Page, accept: boolean): Promise<void> {
  for (let step = 0; step < 80 && (await screen(page)) === 'play'; step++)
    await playTurn(page, accept);
  expect(await screen(page)).toBe('debrief');
}

describe('the game in Chromium', () => {
  test('a new player finishes a game from the default URL with the keyboard alone', async () => {
    const { page, errors, external } = await openPage(suite.browser());
    await page.goto(`${suite.url()}?pace=0`);
    await page.waitForSelector('#start');
    await page.screenshot({ path: `${ARTIFACTS}/menu.png` });
    expect(await seriousViolations(page)).toEqual([]);
    // Defaults: the main level, seat Ukraine, normal difficulty; Start has the focus.
    expect(await page.locator('#level').inputValue()).toBe('coalition-2025');
    expect(await page.locator('input[name=role]:checked').inputValue()).toBe('ukraine');
    expect(await page.locator('#difficulty').inputValue()).toBe('normal');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#briefing-title');
    await page.screenshot({ path: `${ARTIFACTS}/briefing.png`, fullPage: true });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.play');
    await page.waitForFunction(() => window.redLines.state()?.phase !== 'briefing');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${ARTIFACTS}/table.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('m');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${ARTIFACTS}/map.png` });
    await page.keyboard.press('m');
    await playToDebrief(page, true);
    await page.screenshot({ path: `${ARTIFACTS}/debrief.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    const state = await page.evaluate(() => window.redLines.state());
    expect(state?.outcome).toMatch(/^(lasting|uneasy|renewedWar|noDeal)$/);
    await expect(page.getByRole('heading', { name: 'What was possible' }).count()).resolves.toBe(1);
    // The same seed played again at the seat: the player's row first, then three approaches.
    const compared = page.locator('.comparison tbody tr');
    await compared.nth(3).waitFor();
    await expect(compared.count()).resolves.toBe(4);
    const yours = await compared.first().locator('td').first().textContent();
    const scored = await page.locator('table.scores tr.you td').first().textContent();
    expect(yours).toBe(scored);
    // Each approach's game opens in the replay viewer, in a tab of its own.
    const watch = compared.nth(3).getByRole('link', { name: /Watch it: how “Bargain steadily”/ });
    const [viewer] = await Promise.all([page.context().waitForEvent('page'), watch.click()]);
    await viewer.waitForFunction(() => document.body.dataset.screen === 'replay');
    await expect(viewer.getByText('Bargain steadily').count()).resolves.toBeGreaterThan(0);
    // The replay's game log holds the rounds shown so far.
    await expect(viewer.locator('#log li').count()).resolves.toBeGreaterThan(0);
    await viewer.close();
    await compared.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/debrief-compare.png` });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  test("the game log shows each move once, in the order made, the player's own answers included", async () => {
    const { page, errors } = await openPage(suite.browser());
    // Russia chairs round 1: the computers answer before the United States, the player.
    const seed = seedWithChair(loadOrThrow('levels/tutorial.json'), 'russia');
    await page.goto(`${suite.url()}?seed=${seed}&role=us&level=tutorial&pace=0`);
    await page.click('#start');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    for (let turn = 0; turn < 6; turn++) await playTurn(page, false);
    const logged = await page.locator('#log li').allTextContents();
    expect(logged.filter((text, i) => logged.indexOf(text) !== i)).toEqual([]);
    const ours = logged.findIndex((text) => text.startsWith('R1 United States rejects'));
    const theirs = logged.findIndex((text) => /^R1 (Europe|Ukraine) (accepts|rejects)/.test(text));
    expect(theirs).toBeGreaterThan(0);
    expect(ours).toBeGreaterThan(theirs);
    expect(errors).toEqual([]);
  });

  test('the browser reaches the same stateHash as the core in Node for the same seed and moves', async () => {
    const { page, errors } = await openPage(suite.browser());
    await page.goto(
      `${suite.url()}?seed=K7F2Q9XM&role=ukraine&difficulty=normal&level=coalition-2025&pace=0`,
    );
    await page.click('#start');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    await playToDebrief(page, false);
    const browserState = await page.evaluate(() => window.redLines.state());

    // The same policy in Node: table the builder's starting package, reject, pass.
    const loaded = loadLevel('coalition-2025');
    if (!loaded.ok) throw new Error('level failed to load');
    const level = loaded.value;
    let node = newGame(level, {
      seed: 'K7F2Q9XM',
      difficulty: 'normal',
      seats: seatsFor(['ukraine']),
    });
    const middle = level.issues.map((issue) => Math.floor(issue.options.length / 2));
    for (let step = 0; step < 100 && waitingFor(node).includes('ukraine'); step++) {
      const phase = phaseOf(node);
      const move: Move =
        phase === 'proposal'
          ? { type: 'PROPOSE', party: 'ukraine', package: middle }
          : phase === 'responses'
            ? { type: 'RESPOND', party: 'ukraine', accept: false }
            : { type: 'SIDE_MOVE', party: 'ukraine', move: { kind: 'pass' } };
      const next = applyMove(level, node, move);
      if (!next.ok) throw new Error(next.error.message);
      node = next.value;
    }
    expect(browserState?.outcome).toBe(node.outcome?.kind);
    expect(browserState?.stateHash).toBe(stateHash(node));
    expect(errors).toEqual([]);
  });

  test('a URL carrying script and img payloads runs nothing and shows a plain notice', async () => {
    const { page, errors, dialogs } = await openPage(suite.browser());
    const payload = new URLSearchParams({
      level: '<script>window.__pwned=1</script>',
      seed: '<img src=x onerror="window.__pwned=2">',
      role: '"><svg onload=alert(1)>',
      difficulty: 'javascript:alert(1)',
    });
    await page.goto(`${suite.url()}?${payload.toString()}`);
    await page.waitForSelector('#start');
    const notice = await page.locator('#notice').innerText();
    expect(notice).toContain('Unknown level');
    expect(notice).toContain('<script>');
    expect(await page.locator('#notice img, #notice script, #notice svg').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The game falls back to the defaults and still starts.
    expect(await page.locator('#level').inputValue()).toBe('coalition-2025');
    await page.click('#start');
    await page.waitForSelector('#briefing-title');
    expect(errors).toEqual([]);
  });

  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const)
    test(`the table and the controls fit at ${width}×${height}`, async () => {
      const { page, errors } = await openPage(suite.browser(), width, height);
      await page.goto(`${suite.url()}?seed=BCDF2345`);
      await page.click('#start');
      await page.getByRole('button', { name: 'Go to the table' }).first().click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${ARTIFACTS}/table-${width}x${height}.png` });
      const canvas = await page.locator('#game canvas').boundingBox();
      expect(canvas?.width).toBeGreaterThan(300);
      const ui = await page.locator('#ui').boundingBox();
      expect((canvas?.x ?? 0) + (canvas?.width ?? 0)).toBeLessThanOrEqual((ui?.x ?? 0) + 1);
      expect(errors).toEqual([]);
    });
});
