// Offline play and install (vite-plugin-pwa, Workbox `generateSW`). The service worker precaches
// the whole built game: the JS chunks (Phaser's too), CSS, the HTML, the map data, both sound
// sprites and the icons, so a classroom machine plays with the network gone after one visit.
// Navigations (including `?seed=…` game URLs) fall back to the precached index.html.
//
// Updates: src/pwa.ts registers `sw.js` itself and checks for a new build while a tab stays open.
// A new build's worker installs and then waits (`skipWaiting: false`); the page tells it to take
// over (the `SKIP_WAITING` message Workbox listens for) at the tab's next idle moment and reloads.
// `clientsClaim` lets the first worker control the page it was installed from, so a first visit
// is already offline-ready.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME = '#0d1b2a';

/** Well above the largest precached file (the Phaser chunk, ~880 KB minified; Workbox default 2 MiB). */
const PRECACHE_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * Which build a page runs, as `__RED_LINES_BUILD__`: `VITE_BUILD_ID` from the environment, or else
 * the package version. The page shows it on `<html data-build>` (src/pwa.ts); the update test
 * builds twice with two ids. (A `define` of an `import.meta.env` key would hide Vite's own `PROD`.)
 */
export function buildIdDefine(): Record<string, string> {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return { __RED_LINES_BUILD__: JSON.stringify(process.env.VITE_BUILD_ID ?? version) };
}

/** `<meta name="theme-color">` and the iOS home-screen icon, which the web manifest cannot carry. */
const installMeta: Plugin = {
  name: 'red-lines:install-meta',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { name: 'theme-color', content: THEME }, injectTo: 'head' },
    {
      tag: 'link',
      attrs: { rel: 'apple-touch-icon', href: './icons/apple-touch-icon.png' },
      injectTo: 'head',
    },
  ],
};

export function offline(): Plugin[] {
  const pwa = VitePWA({
    registerType: 'prompt', // the page decides when a waiting worker takes over (src/pwa.ts)
    injectRegister: false, // src/pwa.ts registers the worker
    filename: 'sw.js', // the name src/pwa.ts registers
    includeManifestIcons: false, // globPatterns below already take every icon
    manifest: {
      name: 'Red Lines',
      short_name: 'Red Lines',
      description:
        'A turn-based negotiation game: the US, Europe, Russia and Ukraine bargain over security guarantees.',
      lang: 'en',
      theme_color: THEME,
      background_color: THEME,
      display: 'standalone',
      start_url: './',
      scope: './',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,json,webm,mp3}'],
      // Vite's own build manifest (for scripts/check-bundle.ts) and the bench page are not the game.
      globIgnores: ['.vite/**', 'bench/**', '**/node_modules/**'],
      maximumFileSizeToCacheInBytes: PRECACHE_LIMIT_BYTES,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      skipWaiting: false,
      clientsClaim: true,
    },
  });
  return [...pwa, installMeta];
}
