/// <reference types="vite-plugin-pwa/vanillajs" />
// Offline play: registers the service worker that vite-plugin-pwa generates at build time (see
// `offline()` in vite.config.ts), which precaches the whole game. Imported once, for its effect,
// from src/main.ts; in dev and tests `virtual:pwa-register` is a no-op, and the worker is only
// registered in production builds after the page has loaded, so it never slows the first visit.
//
// `registerType: 'autoUpdate'`: a new build's worker takes control at once, and the page must then
// reload so its lazily loaded chunks match the new cache. A reload in the middle of a game would
// drop the player back to the menu, so it waits until the menu is showing (games are saved after
// every move, so even a forced reload loses nothing but the screen).
import { registerSW } from 'virtual:pwa-register';

/** Screens where reloading loses nothing: the menu, or before the app has rendered at all. */
const SAFE_SCREENS: ReadonlySet<string | undefined> = new Set([undefined, 'menu']);

/** Reloads now if the menu is showing, or else as soon as it shows. */
export function reloadWhenIdle(body: HTMLElement = document.body): void {
  if (SAFE_SCREENS.has(body.dataset.screen)) {
    window.location.reload();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!SAFE_SCREENS.has(body.dataset.screen)) return;
    observer.disconnect();
    window.location.reload();
  });
  observer.observe(body, { attributes: true, attributeFilter: ['data-screen'] });
}

let registered = false;

/** Registers the service worker once. Safe to call where service workers are unavailable. */
export function registerOffline(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  registerSW({
    onNeedReload: () => reloadWhenIdle(),
    // A browser that refuses the worker (private mode, blocked storage) still plays online.
    onRegisterError: (error: unknown) =>
      console.warn('Red Lines could not be installed for offline play:', error),
  });
}

registerOffline();
