// A smaller Phaser for production builds: only the namespaces and game objects Red Lines draws
// with, the WebGL and Canvas renderers, and no sound (Howler owns it), physics, tilemaps,
// particles, bitmap text, video or the Phaser 4 WebGL extras (noise, gradients, lights, meshes…).
//
// Phaser 4.2.1 ships no `phaser-core` bundle, only `src/phaser-core.js` (CommonJS that assigns a
// `global` and relies on webpack's `typeof FLAG` defines). `phaserLite()` builds that kind of entry
// as a virtual ES module over `phaser/src` and replaces the feature flags the way Phaser's own
// webpack build does. Dev and Vitest keep the full `phaser` package; only `vite build` uses it.
//
// Types still come from the full package. A namespace left out here (say `Phaser.Physics`) fails
// the build (`phaserLiteOnLog`); a game object left out would fail only at run time
// (`this.add.particles is not a function`), so test/build/phaser-lite.test.ts scans the code that
// uses Phaser and fails when it calls a factory or names a member these lists leave out.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BuildOptions, Plugin } from 'vite';

const require = createRequire(import.meta.url);
/** `node_modules/phaser/src`. */
export const PHASER_SRC = join(dirname(require.resolve('phaser/package.json')), 'src');
const VIRTUAL = '\0phaser-lite';

/** Phaser's compile-time flags, as its webpack DefinePlugin sets them (`typeof FLAG` → boolean). */
export const FLAGS: Readonly<Record<string, boolean>> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true, // costs ~3 KB gzip; keeps Phaser.AUTO possible on machines without WebGL
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

/** Top-level namespaces, whole: name → module under `phaser/src`. */
export const NAMESPACES: Readonly<Record<string, string>> = {
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

/** Phaser.GameObjects members that are plain modules (under `phaser/src/gameobjects`). */
export const GAME_OBJECT_PARTS: Readonly<Record<string, string>> = {
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
export const GAME_OBJECTS: Readonly<Record<string, { path: string; creator: boolean }>> = {
  Container: { path: 'container/Container', creator: true },
  Graphics: { path: 'graphics/Graphics', creator: true },
  Image: { path: 'image/Image', creator: true },
  Layer: { path: 'layer/Layer', creator: true },
  RenderTexture: { path: 'rendertexture/RenderTexture', creator: true },
  Sprite: { path: 'sprite/Sprite', creator: true },
  Shader: { path: 'shader/Shader', creator: true }, // shows the scenes' baked pictures (baked.ts)
  Text: { path: 'text/Text', creator: true },
  Zone: { path: 'zone/Zone', creator: true },
  Arc: { path: 'shape/arc/Arc', creator: false },
  Ellipse: { path: 'shape/ellipse/Ellipse', creator: false },
  Line: { path: 'shape/line/Line', creator: false },
  Polygon: { path: 'shape/polygon/Polygon', creator: false },
  Rectangle: { path: 'shape/rectangle/Rectangle', creator: false },
  Triangle: { path: 'shape/triangle/Triangle', creator: false },
};

/** Top-level constants, copied from `phaser/src/const.js`. */
export const CONSTANTS: readonly string[] = [
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

/** Every module the lite entry imports, relative to `phaser/src`. */
export function entryModules(): string[] {
  const modules = ['polyfills/requestVideoFrame.js', 'const.js', ...Object.values(NAMESPACES)];
  for (const path of Object.values(GAME_OBJECT_PARTS)) modules.push(`gameobjects/${path}`);
  for (const { path, creator } of Object.values(GAME_OBJECTS)) {
    modules.push(`gameobjects/${path}.js`, `gameobjects/${path}Factory.js`);
    if (creator) modules.push(`gameobjects/${path}Creator.js`);
  }
  return modules;
}

/** The virtual `phaser` module: an ES entry over `phaser/src` with only the parts above. */
export function entrySource(): string {
  const at = (path: string) => JSON.stringify(join(PHASER_SRC, path).replaceAll('\\', '/'));
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

/** Resolves `phaser` to the lite entry in `vite build` (not in dev or Vitest). */
export function phaserLite(): Plugin {
  const source = entrySource();
  return {
    name: 'red-lines:phaser-lite',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === 'phaser' ? VIRTUAL : null),
    load: (id) => (id === VIRTUAL ? source : null),
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC) || !code.includes('typeof ')) return null;
      return {
        code: code.replace(FLAG_PATTERN, (_match, flag: string) => String(FLAGS[flag])),
        map: null,
      };
    },
  };
}

/** Every module of Phaser, lite or full. */
const PHASER_MODULES = /node_modules[\\/]phaser[\\/]|^\0phaser-lite$/;

type RolldownOptions = NonNullable<BuildOptions['rolldownOptions']>;
type OutputOptions = Extract<NonNullable<RolldownOptions['output']>, { codeSplitting?: unknown }>;

/**
 * Phaser in a chunk of its own, cached apart from the game. Vite 8 (Rolldown) has no object form
 * of `manualChunks`; `output.codeSplitting.groups` replaces it (and the deprecated `advancedChunks`).
 */
export const phaserChunk: OutputOptions = {
  codeSplitting: { groups: [{ name: 'phaser', test: PHASER_MODULES }] },
};

/**
 * Phaser namespaces the lite build leaves out are build errors, not `undefined` at run time. (Vite
 * only prints logs passed on as 'error', so throw.)
 */
export const phaserLiteOnLog: NonNullable<RolldownOptions['onLog']> = (level, log, handle) => {
  if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('phaser-lite'))
    throw new Error(`${log.message}\nAdd it to NAMESPACES in build/phaser-lite.ts.`);
  handle(level, log);
};
