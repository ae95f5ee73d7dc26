// npm run bench:browser: the built game against a blank Phaser page in headless Chromium (JSON).
//
// Both pages come from `vite build` (the game, dist/) and `vite build --mode bench` (the blank page,
// dist/bench/blank.html: an empty Phaser game with the game's config). For each, over RUNS fresh
// browser contexts, it measures the time from navigation to `document.body.dataset.ready === 'menu'`
// (the game sets it when its menu is interactive, the blank page when its scene's `create` runs),
// then the frame rate Phaser reports (`game.loop.actualFps`) while the table, the map and the
// blank scene animate. Headless Chromium renders WebGL with SwiftShader (software), so the frame
// rates are a floor on a real GPU; compare them with the blank page's, not with 60.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, serveDist } from '../test/e2e/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SETTLE_MS = 3000; // Phaser's actualFps is a one-second average: let it settle after a change
const VIEWPORT = { width: 1280, height: 720 };

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** What the pages expose (the game: `window.redLines.fps()`; the blank page: `window.__redLinesGame`). */
interface BenchWindow {
  __readyAt?: number;
  __redLinesGame?: { loop: { actualFps: number } };
  redLines?: { fps?: () => Promise<number> };
}

/**
 * Records, in the page, when `data-ready` first appears on <body> (ms since navigation start). A
 * string, not a function: tsx would wrap a function's inner helpers in `__name`, unknown in the page.
 */
const WATCH_READY = `(() => {
  const mark = () => {
    if (window.__readyAt === undefined && document.body && document.body.dataset.ready) window.__readyAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
  document.addEventListener('DOMContentLoaded', mark);
})();`;

async function readyMs(page: Page, url: string): Promise<number> {
  await page.addInitScript(WATCH_READY);
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__readyAt !== undefined,
    undefined,
    {
      timeout: 60_000,
    },
  );
  return page.evaluate(() => (window as unknown as BenchWindow).__readyAt!);
}

async function fps(page: Page): Promise<number> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as BenchWindow;
      return Boolean(w.__redLinesGame ?? w.redLines?.fps);
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(async () => {
    const w = window as unknown as BenchWindow;
    return w.__redLinesGame ? w.__redLinesGame.loop.actualFps : w.redLines!.fps!();
  });
}

interface Run {
  readyMs: number;
  fps: Record<string, number>;
}

async function runGame(browser: Browser, url: string): Promise<Run> {
  const { page, errors, external } = await openPage(browser, VIEWPORT.width, VIEWPORT.height);
  try {
    const ready = await readyMs(page, url);
    // The way a player reaches the table: start from the menu, then leave the briefing.
    await page.click('#start');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    const table = await fps(page);
    await page.getByRole('button', { name: /Show the map/ }).click();
    const map = await fps(page);
    if (errors.length || external.length)
      throw new Error(`game page: ${JSON.stringify({ errors, external })}`);
    return { readyMs: ready, fps: { table, map } };
  } finally {
    await page.context().close();
  }
}

async function runBlank(browser: Browser, url: string): Promise<Run> {
  const { page, errors, external } = await openPage(browser, VIEWPORT.width, VIEWPORT.height);
  try {
    const ready = await readyMs(page, url);
    const blank = await fps(page);
    if (errors.length || external.length)
      throw new Error(`blank page: ${JSON.stringify({ errors, external })}`);
    return { readyMs: ready, fps: { blank } };
  } finally {
    await page.context().close();
  }
}

function summary(runs: readonly Run[]) {
  const keys = Object.keys(runs[0]?.fps ?? {});
  return {
    readyMs: {
      median: round1(median(runs.map((r) => r.readyMs))),
      runs: runs.map((r) => round1(r.readyMs)),
    },
    fps: Object.fromEntries(
      keys.map((k) => [
        k,
        {
          median: round1(median(runs.map((r) => r.fps[k]!))),
          runs: runs.map((r) => round1(r.fps[k]!)),
        },
      ]),
    ),
  };
}

if (!existsSync('dist/index.html') || !existsSync('dist/bench/blank.html')) {
  console.error(
    'Build first: vite build && vite build --mode bench (npm run bench:browser does both)',
  );
  process.exit(2);
}

const server = await serveDist('dist');
const browser = await launch();
try {
  const webgl = await (async () => {
    const { page } = await openPage(browser);
    const info = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && ext
        ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL))
        : gl
          ? 'webgl2'
          : 'none';
    });
    await page.context().close();
    return info;
  })();
  // Interleave the pages so drift on a busy machine hits both alike.
  const game: Run[] = [];
  const blank: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    blank.push(await runBlank(browser, `${server.url}bench/blank.html`));
    game.push(await runGame(browser, server.url));
  }
  const g = summary(game);
  const b = summary(blank);
  const blankFps = b.fps.blank!.median;
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        viewport: VIEWPORT,
        browser: browser.version(),
        webgl,
        game: g,
        blank: b,
        ratios: {
          readyGameOverBlank: ratio(g.readyMs.median, b.readyMs.median),
          tableFpsOverBlank: ratio(g.fps.table!.median, blankFps),
          mapFpsOverBlank: ratio(g.fps.map!.median, blankFps),
        },
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.close();
}
