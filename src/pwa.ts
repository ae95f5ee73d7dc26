// Offline play and updates. Registers the service worker that vite-plugin-pwa generates at build
// time (`offline()` in build/pwa.ts), which precaches the whole game, and moves open tabs to a new
// build without breaking a game in progress. Imported once from src/main.ts; it does nothing in
// dev and tests, and registers only after the page has loaded, so it never slows a first visit.
//
// How a new build reaches a tab that stays open all lesson:
// 1. The page asks for a newer `sw.js` every half hour and whenever the tab comes back into view
//    (the browser itself only checks on navigations, which a one-page game never makes).
// 2. A new worker installs its precache beside the old one and waits (`skipWaiting: false`).
// 3. At the tab's next idle moment (the update gate: see `setUpdateGate`) the page tells the
//    waiting worker to take over (`SKIP_WAITING`) and reloads into the new build as soon as it
//    controls the page. A page never reloads in the middle of a move.
// 4. Other open tabs see their controller change and reload at their own next idle moment.
// 5. After the reload, `reloadedForUpdate()` says which screen the tab was on, so the app can resume
//    the game from its autosave.

declare const __RED_LINES_BUILD__: string | undefined;

/** Which build this page runs (`buildIdDefine` in build/pwa.ts), shown on `<html data-build>`. */
export const BUILD_ID = typeof __RED_LINES_BUILD__ === 'string' ? __RED_LINES_BUILD__ : 'dev';

/** The worker build/pwa.ts generates, next to index.html. */
const WORKER_URL = './sw.js';
const UPDATE_CHECK_MS = 30 * 60_000;
/** How often a pending update asks the gate whether the page is idle. */
const GATE_POLL_MS = 1000;
/** sessionStorage: the screen a tab showed when an update reloaded it. */
const RELOADED_KEY = 'redlines.update.reloadedFrom';

/** True when the page can reload now and lose nothing the player is doing. */
export type UpdateGate = () => boolean;

/** Until the app says otherwise: idle on the menu, or before the app has rendered at all. */
const menuShowing: UpdateGate = () => [undefined, 'menu'].includes(document.body.dataset.screen);

let gate: UpdateGate = menuShowing;
let pending: (() => void) | null = null;
let poll: ReturnType<typeof setInterval> | undefined;

/**
 * Tells the updater when the page is idle: a new build then takes over at the first moment the
 * gate returns true (it is asked every second while an update waits). The app says idle between
 * moves, with the game saved; never while a move is half made.
 */
export function setUpdateGate(isIdle: UpdateGate): void {
  gate = isIdle;
  updateGateChanged();
}

/** Asks the gate now rather than at the next poll (say, right after a move is saved). */
export function updateGateChanged(): void {
  if (!pending) return;
  let idle = false;
  try {
    idle = gate();
  } catch (error) {
    console.warn('Red Lines update gate failed; waiting:', error);
  }
  if (!idle) return;
  const action = pending;
  pending = null;
  clearInterval(poll);
  action();
}

/** Runs `action` at the next idle moment (at once if the page is idle now). */
function whenIdle(action: () => void): void {
  pending = action;
  clearInterval(poll);
  poll = setInterval(updateGateChanged, GATE_POLL_MS);
  updateGateChanged();
}

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // site data blocked: the update still happens, the game is not resumed
  }
}

let reloading = false;
/** Set when this tab told the new worker to take over, so it reloads without asking the gate. */
let takeOver = false;

function reloadIntoNewBuild(): void {
  if (reloading) return;
  reloading = true;
  try {
    session()?.setItem(RELOADED_KEY, document.body.dataset.screen ?? '');
  } catch {
    // storage full or blocked: reload anyway
  }
  window.location.reload();
}

/**
 * The screen this tab showed when an update reloaded it (`'play'`, `'menu'`, …), or null if this
 * load was not an update. Reading it clears it.
 */
export function reloadedForUpdate(): string | null {
  const storage = session();
  try {
    const screen = storage?.getItem(RELOADED_KEY) ?? null;
    storage?.removeItem(RELOADED_KEY);
    return screen;
  } catch {
    return null;
  }
}

/** A worker for a newer build is installed and waiting: let it take over when the page is idle. */
function onWaiting(worker: ServiceWorker): void {
  whenIdle(() => {
    takeOver = true;
    worker.postMessage({ type: 'SKIP_WAITING' });
  });
}

function watch(registration: ServiceWorkerRegistration): void {
  const controlled = () => navigator.serviceWorker.controller !== null;
  if (registration.waiting && controlled()) onWaiting(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      // Without a controller this is the first install: it activates by itself.
      if (worker.state === 'installed' && controlled()) onWaiting(worker);
    });
  });
  const check = () => registration.update().catch(() => undefined); // offline: try again later
  setInterval(() => void check(), UPDATE_CHECK_MS);
  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < 60_000) return;
    lastCheck = Date.now();
    void check();
  });
}

let registered = false;

/** Registers the service worker once. Safe to call where service workers are unavailable. */
export function registerOffline(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  // A page the first worker claims had no controller before: that is not an update.
  const hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (takeOver) reloadIntoNewBuild();
    else if (hadController) whenIdle(reloadIntoNewBuild); // another tab let the new build in
  });
  const register = () =>
    navigator.serviceWorker.register(WORKER_URL, { scope: './' }).then(watch, (error: unknown) =>
      // A browser that refuses the worker (private mode, blocked storage) still plays online.
      console.warn('Red Lines could not be installed for offline play:', error),
    );
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}

document.documentElement.dataset.build = BUILD_ID;
registerOffline();
