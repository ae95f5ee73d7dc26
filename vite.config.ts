/// <reference types="vitest/config" />
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type BuildOptions, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// ---------------------------------------------------------------------------------------------
// A smaller Phaser for production builds: only the namespaces and game objects Red Lines draws
// with, the WebGL and Canvas renderers, and no sound (Howler owns it), physics, tilemaps,
// particles, bitmap text, video or the Phaser 4 WebGL extras (noise, gradients, lights, meshes…).
//
// Phaser 4.2.1 ships no `phaser-core` bundle, only `src/phaser-core.js` (CommonJS that assigns a
// `global` and relies on webpack's `typeof FLAG` defines). `phaserLite` builds that kind of entry
// as a virtual ES module over `phaser/src` and replaces the feature flags the way Phaser's own
// webpack build does. Dev and Vitest keep the full `phaser` package; only `vite build` uses it.
//
// Types still come from the full package. A namespace left out here (say `Phaser.Physics`) fails
// the build (see `onLog` below); a game object left out fails at run time
// (`this.add.particles is not a function`): add it to GAME_OBJECTS.
// ---------------------------------------------------------------------------------------------
const require = createRequire(import.meta.url);
const SRC = join(dirname(require.resolve('phaser/package.json')), 'src');
const VIRTUAL = '\0phaser-lite';

/** Phaser's compile-time flags, as its webpack DefinePlugin sets them (`typeof FLAG` → boolean). */
const FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true, // costs ~3 KB gzip; keeps Phaser.AUTO possible on machines without WebGL
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

/** Top-level namespaces, whole. */
const NAMESPACES: Record<string, string> = {
  Animations: 'animations/index.js',
  BlendModes: 'renderer/BlendModes.js',
  Cache: 'cache/index.js',
  Cameras: 'cameras/index.js',
  Core: 'core/index.js',
  Class: 'utils/Class.js',
  Data: 'data/index.js',
  Display: 'display/index.js',
  DOM: 'dom/index.js',
  Events: 'events/index.js',
  Filters: 'filters/index.js',
  Game: 'core/Game.js',
  Geom: 'geom/index.js',
  Input: 'input/index.js',
  Loader: 'loader/index.js',
  Math: 'math/index.js',
  Plugins: 'plugins/index.js',
  Renderer: 'renderer/index.js',
  Scale: 'scale/index.js',
  ScaleModes: 'renderer/ScaleModes.js',
  Scene: 'scene/Scene.js',
  Scenes: 'scene/index.js',
  Structs: 'structs/index.js',
  Textures: 'textures/index.js',
  Time: 'time/index.js',
  TintModes: 'renderer/TintModes.js',
  Tweens: 'tweens/index.js',
  Utils: 'utils/index.js',
};

/** Phaser.GameObjects members that are plain modules. */
const GAME_OBJECT_PARTS: Record<string, string> = {
  Events: 'events/index.js',
  DisplayList: 'DisplayList.js',
  GameObjectCreator: 'GameObjectCreator.js',
  GameObjectFactory: 'GameObjectFactory.js',
  UpdateList: 'UpdateList.js',
  Components: 'components/index.js',
  GetCalcMatrix: 'GetCalcMatrix.js',
  BuildGameObject: 'BuildGameObject.js',
  GameObject: 'GameObject.js',
  Shape: 'shape/Shape.js',
  TextStyle: 'text/TextStyle.js',
};

/** Game objects: class path, and whether a `…Creator.js` (`this.make.x`) exists beside the factory. */
const GAME_OBJECTS: Record<string, { path: string; creator: boolean }> = {
  Container: { path: 'container/Container', creator: true },
  Graphics: { path: 'graphics/Graphics', creator: true },
  Image: { path: 'image/Image', creator: true },
  Layer: { path: 'layer/Layer', creator: true },
  RenderTexture: { path: 'rendertexture/RenderTexture', creator: true },
  Sprite: { path: 'sprite/Sprite', creator: true },
  Text: { path: 'text/Text', creator: true },
  Zone: { path: 'zone/Zone', creator: true },
  Arc: { path: 'shape/arc/Arc', creator: false },
  Ellipse: { path: 'shape/ellipse/Ellipse', creator: false },
  Line: { path: 'shape/line/Line', creator: false },
  Polygon: { path: 'shape/polygon/Polygon', creator: false },
  Rectangle: { path: 'shape/rectangle/Rectangle', creator: false },
  Triangle: { path: 'shape/triangle/Triangle', creator: false },
};

const CONSTANTS = [
  'VERSION',
  'LOG_VERSION',
  'AUTO',
  'CANVAS',
  'WEBGL',
  'HEADLESS',
  'FOREVER',
  'NONE',
  'LEFT',
  'RIGHT',
  'UP',
  'DOWN',
];

function entrySource(): string {
  const at = (path: string) => JSON.stringify(join(SRC, path).replaceAll('\\', '/'));
  const lines = [
    `import ${at('polyfills/requestVideoFrame.js')};`,
    `import CONST from ${at('const.js')};`,
  ];
  for (const [name, path] of Object.entries(NAMESPACES))
    lines.push(`import ns_${name} from ${at(path)};`, `export { ns_${name} as ${name} };`);
  const members: string[] = [];
  for (const [name, path] of Object.entries(GAME_OBJECT_PARTS)) {
    lines.push(`import go_${name} from ${at(`gameobjects/${path}`)};`);
    members.push(`${name}: go_${name}`);
  }
  for (const [name, { path, creator }] of Object.entries(GAME_OBJECTS)) {
    // Factories and creators register `this.add.x` / `this.make.x` when they are imported.
    lines.push(
      `import go_${name} from ${at(`gameobjects/${path}.js`)};`,
      `import ${at(`gameobjects/${path}Factory.js`)};`,
    );
    if (creator) lines.push(`import ${at(`gameobjects/${path}Creator.js`)};`);
    members.push(`${name}: go_${name}`);
  }
  lines.push(`export const GameObjects = { ${members.join(', ')} };`);
  lines.push(`export const { ${CONSTANTS.join(', ')} } = CONST;`);
  return lines.join('\n');
}

const FLAG_PATTERN = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

function phaserLite(): Plugin {
  const source = entrySource();
  return {
    name: 'red-lines:phaser-lite',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === 'phaser' ? VIRTUAL : null),
    load: (id) => (id === VIRTUAL ? source : null),
    transform(code, id) {
      if (!id.startsWith(SRC) || !code.includes('typeof ')) return null;
      return {
        code: code.replace(FLAG_PATTERN, (_match, flag: string) => String(FLAGS[flag])),
        map: null,
      };
    },
  };
}

/** Every module of Phaser, lite or full, for the `phaser` chunk group. */
const PHASER_MODULES = /node_modules[\\/]phaser[\\/]|^\0phaser-lite$/;

const browserBuild = {
  target: 'es2022',
  chunkSizeWarningLimit: 1000,
};

const rolldownOutput = {
  // Vite 8 (Rolldown) has no object form of `manualChunks`; `codeSplitting.groups` replaces it (and
  // the deprecated `advancedChunks`). Phaser gets a chunk of its own, cached apart from the game.
  codeSplitting: { groups: [{ name: 'phaser', test: PHASER_MODULES }] },
};

type OnLog = NonNullable<NonNullable<BuildOptions['rolldownOptions']>['onLog']>;

/**
 * Phaser namespaces the lite build leaves out are build errors, not `undefined` at run time. (Vite
 * only prints logs passed on as 'error', so throw.)
 */
const onLog: OnLog = (level, log, handle) => {
  if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('phaser-lite'))
    throw new Error(`${log.message}\nAdd it to NAMESPACES in vite.config.ts.`);
  handle(level, log);
};

// ---------------------------------------------------------------------------------------------
// Offline play and install (vite-plugin-pwa, Workbox `generateSW`). The service worker precaches
// the whole built game: the JS chunks (Phaser's too), CSS, the HTML, the map data, both sound
// sprites and the icons, so a classroom machine plays with the network gone after one visit.
// `autoUpdate`: a new build's worker takes over at once; src/pwa.ts registers it and reloads into
// the new version only while the menu shows (a game in play is saved after every move anyway).
// Navigations (including `?seed=…` game URLs) fall back to the precached index.html.
// ---------------------------------------------------------------------------------------------
const THEME = '#0d1b2a';

/** Well above the largest precached file (the Phaser chunk, ~880 KB minified; Workbox default 2 MiB). */
const PRECACHE_LIMIT_BYTES = 4 * 1024 * 1024;

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

function offline(): Plugin[] {
  const pwa = VitePWA({
    registerType: 'autoUpdate',
    injectRegister: false, // src/pwa.ts imports `virtual:pwa-register`
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
    },
  });
  return [...pwa, installMeta];
}

export default defineConfig(({ mode }) =>
  mode === 'bench'
    ? {
        // `vite build --mode bench`: the blank Phaser page for scripts/bench-browser.ts, apart from the game.
        root: 'bench',
        base: './',
        publicDir: false,
        plugins: [phaserLite()],
        build: {
          ...browserBuild,
          outDir: '../dist/bench',
          emptyOutDir: true,
          rolldownOptions: {
            input: fileURLToPath(new URL('bench/blank.html', import.meta.url)),
            output: rolldownOutput,
            onLog,
          },
        },
      }
    : {
        publicDir: 'assets',
        base: './',
        plugins: [phaserLite(), offline()],
        build: {
          ...browserBuild,
          manifest: true,
          rolldownOptions: { output: rolldownOutput, onLog },
        },
        server: { port: 5173, host: '127.0.0.1' },
        preview: { port: 4173, host: '127.0.0.1' },
        test: {
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
);
