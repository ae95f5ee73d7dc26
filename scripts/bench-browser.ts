// npm run bench:browser: the built game against a blank Phaser page in headless Chromium (JSON).
//
//   tsx scripts/bench-browser.ts [--runs N] [--games N] [--quick]
//
// Both pages come from `vite build` (the game, dist/) and `vite build --mode bench` (the blank page,
// dist/bench/blank.html: an empty Phaser game with the game's config and one endless tween). Over
// N fresh browser contexts (default 7), interleaved so drift on a busy machine hits both alike:
//
// - ready: navigation to `document.body.dataset.ready` (the game's menu is interactive; the blank
//   scene's `create` ran);
// - idle busy: main-thread TaskDuration from the DevTools Protocol's `Performance.getMetrics` over
//   5 s of wall time with no input, on the table, the map and the blank page (the game's loop
//   sleeps when nothing moves; the blank page renders forever);
// - frame rate: frames Phaser's loop steps per second (`game.loop.frame`, counted over a window the
//   same way on both pages), with the game's loop kept awake by the bench-only
//   `window.redLines.keepAwake(true)`. Not Phaser's `actualFps`: a moving average (a quarter of the
//   last second, three quarters of the previous average) that the game's resting loop does not
//   reset, so it reported the rate from before the loop slept (boot, a scene's creation).
//
// Once per bench: first-load JS (gzip, from the build manifest) and JS heap growth over N games
// (default 20) started in a row from the debrief ("Play a new seed"), each after forced GCs until the
// heap stops shrinking (one forced GC sometimes leaves ~0.8 MB that the next frees). The baseline
// comes after warm-up games, because what grows early on is V8's compiled code, not the game's
// objects. Measured over 60 games (Chromium 150, 1280×720): the heap climbs about 40 KB a game at
// first and levels off near 12.4 MB by game 45; heap snapshots show JavaScript objects, strings and
// arrays growing by under 1 KB a game and the rest as code; with V8's compilers off
// (`--js-flags=--no-maglev --no-turbofan --no-sparkplug`) the whole heap grows 1% over 15 games;
// with Maglev alone off, growth stops by game 15. `growthFromFirstGamePercent` still reports the
// growth from the end of the first game.
// Headless Chromium renders WebGL with SwiftShader (software), so compare with the blank page, not
// with 60. It prints medians, the ratios and each target; it exits 1 if a target is missed, except
// with --quick (one run, three games, 2 s idle windows, no thresholds: `npm test` runs it so the bench cannot rot).
import { existsSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launch, openPage, serveDist } from '../test/e2e/harness';
import { bundleReport } from './bundle-size';
import { median } from './stats';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
function count(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number of at least 1, not ${raw}`);
    process.exit(2);
  }
  return n;
}

const QUICK = process.argv.includes('--quick');
const RUNS = count('runs', QUICK ? 1 : Number(process.env.BENCH_RUNS ?? 7));
const GAMES = count('games', QUICK ? 3 : 20);
/** Games played before the heap baseline, so that V8 compiling hot code is not counted as growth. */
const WARMUP_GAMES = QUICK ? 1 : 10;
/** The 5 s; the quick smoke run (no thresholds) makes do with 2 s. */
const IDLE_MS = QUICK ? 2000 : 5000;
/** After reaching a view: its brief animations end and the loop goes to sleep. */
const REST_MS = 1500;
/** After waking the loop: the first frames of a woken scene; then frames are counted over FPS_WINDOW_MS. */
const SETTLE_MS = 1000;
const FPS_WINDOW_MS = 3000;
const VIEWPORT = { width: 1280, height: 720 };

const TARGETS = {
  idleBusyTableOverBlank: { max: 0.1 },
  idleBusyMapOverBlank: { max: 0.1 },
  tableFpsOverBlank: { min: 0.9 },
  mapFpsOverBlank: { min: 0.9 },
  readyGameOverBlank: { max: 1.25 },
  firstLoadJsKbGzip: { max: 120 },
  heapGrowthPercent: { max: 10 },
} as const;

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** What the pages expose (the game: `window.redLines`; the blank page: `window.__redLinesGame`). */
interface BenchWindow {
  __readyAt?: number;
  __redLinesGame?: { loop: { frame: number } };
  redLines?: { frames: () => Promise<number>; keepAwake: (on: boolean) => Promise<void> };
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
    { timeout: 60_000 },
  );
  return page.evaluate(() => (window as unknown as BenchWindow).__readyAt!);
}

async function waitForPhaser(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as BenchWindow;
      return Boolean(w.__redLinesGame ?? w.redLines?.frames);
    },
    undefined,
    { timeout: 60_000 },
  );
}

/** Main-thread busy time per second of wall time, over IDLE_MS with nobody touching the page. */
async function idleBusy(cdp: CDPSession): Promise<number> {
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { task: get('TaskDuration'), at: get('Timestamp') };
  };
  const before = await metric();
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const after = await metric();
  return (after.task - before.task) / (after.at - before.at);
}

/** Frames per second the loop steps over FPS_WINDOW_MS, read the same way on both pages. */
async function fps(page: Page): Promise<number> {
  await page.waitForTimeout(SETTLE_MS);
  const read = () =>
    page.evaluate(async () => {
      const w = window as unknown as BenchWindow;
      const frame = w.__redLinesGame ? w.__redLinesGame.loop.frame : await w.redLines!.frames();
      return { frame, at: performance.now() };
    });
  const start = await read();
  await page.waitForTimeout(FPS_WINDOW_MS);
  const end = await read();
  return (end.frame - start.frame) / ((end.at - start.at) / 1000);
}

const keepAwake = (page: Page, on: boolean) =>
  page.evaluate((value) => (window as unknown as BenchWindow).redLines!.keepAwake(value), on);

interface Run {
  readyMs: number;
  fps: Record<string, number>;
  idleBusy: Record<string, number>;
}

async function perfSession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

async function runGame(browser: Browser, url: string): Promise<Run> {
  const { page, errors, external } = await openPage(browser, VIEWPORT.width, VIEWPORT.height);
  try {
    const cdp = await perfSession(page);
    const ready = await readyMs(page, url);
    // The way a player reaches the table: start from the menu, then leave the briefing (it has two
    // "Go to the table" buttons, at its top and its end).
    await page.click('#start');
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    await waitForPhaser(page);
    await page.waitForTimeout(REST_MS);
    const tableIdle = await idleBusy(cdp);
    await keepAwake(page, true);
    const table = await fps(page);
    await keepAwake(page, false);
    await page.getByRole('button', { name: /Show the map/ }).click();
    await page.mouse.move(0, 0); // no pointer over the page while idle
    await page.waitForTimeout(REST_MS);
    const mapIdle = await idleBusy(cdp);
    await keepAwake(page, true);
    const map = await fps(page);
    if (errors.length || external.length)
      throw new Error(`game page: ${JSON.stringify({ errors, external })}`);
    return { readyMs: ready, fps: { table, map }, idleBusy: { table: tableIdle, map: mapIdle } };
  } finally {
    await page.context().close();
  }
}

async function runBlank(browser: Browser, url: string): Promise<Run> {
  const { page, errors, external } = await openPage(browser, VIEWPORT.width, VIEWPORT.height);
  try {
    const cdp = await perfSession(page);
    const ready = await readyMs(page, url);
    await waitForPhaser(page);
    await page.waitForTimeout(REST_MS);
    const idle = await idleBusy(cdp);
    const blank = await fps(page);
    if (errors.length || external.length)
      throw new Error(`blank page: ${JSON.stringify({ errors, external })}`);
    return { readyMs: ready, fps: { blank }, idleBusy: { blank: idle } };
  } finally {
    await page.context().close();
  }
}

/**
 * Plays from the table to the debrief inside the page: the same choices as the e2e tests'
 * `clickTurn` (table the starting package, reject, pass), by clicking the visible buttons, with a
 * frame between clicks so the canvas draws each step. In the page, so twenty games take seconds
 * rather than minutes of DevTools round trips. A string, for the reason given at WATCH_READY.
 */
const PLAY_TO_DEBRIEF = `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const press = (name) => {
    const button = [...document.querySelectorAll('#ui button')].find(
      (b) => b.textContent.trim() === name && !b.disabled,
    );
    if (!button) throw new Error('no button ' + name);
    button.click();
  };
  for (let i = 0; i < 5000 && ['play', 'handover'].includes(document.body.dataset.screen); i++) {
    if (document.body.dataset.screen === 'handover') document.getElementById('handover-ready').click();
    else {
      const headings = document.querySelectorAll('#ui h2[id]');
      const id = headings[headings.length - 1]?.id;
      if (id === 'respond-title') press('Reject');
      else if (id === 'builder-title') press('Table this package');
      else if (id === 'side-title') press('Make the move');
      // No panel: the computers are still answering (paced); wait a frame.
      else if (id !== undefined) throw new Error('unexpected panel ' + id);
    }
    await frame();
  }
  return document.body.dataset.screen;
})()`;

async function playToDebrief(page: Page): Promise<void> {
  const screen = await page.evaluate(PLAY_TO_DEBRIEF);
  if (screen !== 'debrief')
    throw new Error(`heap bench: ended on ${String(screen)}, not the debrief`);
}

/** JS heap after a forced GC, before and after GAMES games started from the debrief. */
async function heapGrowth(browser: Browser, url: string) {
  const { page, errors } = await openPage(browser, VIEWPORT.width, VIEWPORT.height);
  try {
    const cdp = await page.context().newCDPSession(page);
    /** Used heap after forced GCs, repeated while each still frees something. */
    const heap = async () => {
      let used = Infinity;
      for (let i = 0; i < 5; i++) {
        await cdp.send('HeapProfiler.collectGarbage');
        const now = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        if (now >= used) break;
        used = now;
      }
      return used;
    };
    const playNewSeed = async () => {
      await page.getByRole('button', { name: 'Play a new seed' }).click();
      await page.getByRole('button', { name: 'Go to the table' }).first().click();
      await playToDebrief(page);
      await page.waitForTimeout(200); // the debrief's own frames
    };
    await page.goto(`${url}?seed=HEAP2345&pace=0`);
    await page.click('#start');
    // The first game visits the map too, so both scenes exist before the baseline.
    await page.getByRole('button', { name: 'Go to the table' }).first().click();
    await page.getByRole('button', { name: /Show the map/ }).click();
    await page.getByRole('button', { name: /Show the table/ }).click();
    await playToDebrief(page);
    const start = Date.now();
    const firstGame = await heap();
    for (let game = 1; game < WARMUP_GAMES; game++) await playNewSeed();
    const before = await heap();
    for (let game = 0; game < GAMES; game++) await playNewSeed();
    const after = await heap();
    if (errors.length) throw new Error(`heap bench: ${JSON.stringify(errors)}`);
    return {
      games: GAMES,
      warmupGames: WARMUP_GAMES,
      beforeMb: round1(before / 2 ** 20),
      afterMb: round1(after / 2 ** 20),
      growthPercent: round1(((after - before) / before) * 100),
      firstGameMb: round1(firstGame / 2 ** 20),
      growthFromFirstGamePercent: round1(((after - firstGame) / firstGame) * 100),
      seconds: round1((Date.now() - start) / 1000),
    };
  } finally {
    await page.context().close();
  }
}

function summary(runs: readonly Run[]) {
  const stat = (values: number[], round: (x: number) => number) => ({
    median: round(median(values)),
    runs: values.map(round),
  });
  const keys = (pick: (r: Run) => Record<string, number>) => Object.keys(pick(runs[0]!));
  return {
    readyMs: stat(
      runs.map((r) => r.readyMs),
      round1,
    ),
    fps: Object.fromEntries(
      keys((r) => r.fps).map((k) => [
        k,
        stat(
          runs.map((r) => r.fps[k]!),
          round1,
        ),
      ]),
    ),
    idleBusy: Object.fromEntries(
      keys((r) => r.idleBusy).map((k) => [
        k,
        stat(
          runs.map((r) => r.idleBusy[k]!),
          round3,
        ),
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
const failed: string[] = [];
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
  const game: Run[] = [];
  const blank: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    blank.push(await runBlank(browser, `${server.url}bench/blank.html`));
    game.push(await runGame(browser, server.url));
  }
  const heap = await heapGrowth(browser, server.url);
  const bundle = bundleReport('dist');
  const g = summary(game);
  const b = summary(blank);
  const blankFps = b.fps.blank!.median;
  const blankBusy = b.idleBusy.blank!.median;
  const ratios = {
    readyGameOverBlank: ratio(g.readyMs.median, b.readyMs.median),
    tableFpsOverBlank: ratio(g.fps.table!.median, blankFps),
    mapFpsOverBlank: ratio(g.fps.map!.median, blankFps),
    idleBusyTableOverBlank: ratio(g.idleBusy.table!.median, blankBusy),
    idleBusyMapOverBlank: ratio(g.idleBusy.map!.median, blankBusy),
  };
  const values: Record<keyof typeof TARGETS, number> = {
    ...ratios,
    firstLoadJsKbGzip: bundle.firstLoadKb,
    heapGrowthPercent: heap.growthPercent,
  };
  const targets = Object.fromEntries(
    Object.entries(TARGETS).map(([name, target]) => {
      const value = values[name as keyof typeof TARGETS];
      const met = 'max' in target ? value <= target.max : value >= target.min;
      if (!met) failed.push(name);
      return [name, { value, ...target, met }];
    }),
  );
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        quick: QUICK,
        viewport: VIEWPORT,
        browser: browser.version(),
        webgl,
        idleWindowMs: IDLE_MS,
        game: g,
        blank: b,
        firstLoadJsKbGzip: bundle.firstLoadKb,
        heap,
        ratios,
        targets,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.close();
}
if (failed.length > 0) {
  if (QUICK) console.error(`quick run, thresholds not enforced; off target: ${failed.join(', ')}`);
  else {
    console.error(`off target: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}
