// The production build trims Phaser to the lists in build/phaser-lite.ts (issue 9). A game object
// or namespace the code uses but the lists leave out is not a type error, and for game objects not
// a build error either: `this.add.particles` is simply missing at run time. This test scans the
// code that uses Phaser (src/view and the bench page) and fails first.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CONSTANTS,
  GAME_OBJECTS,
  GAME_OBJECT_PARTS,
  NAMESPACES,
  PHASER_SRC,
  entryModules,
} from '../../build/phaser-lite';

const SCANNED = ['src/view', 'src/bench'];

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** Namespaces that exist only as types: nothing to keep. */
const TYPE_ONLY = new Set(['Types']);

/** Scene systems (`this.tweens`, …) and the namespace that provides each. */
const SCENE_SYSTEMS: Record<string, string> = {
  anims: 'Animations',
  cache: 'Cache',
  cameras: 'Cameras',
  data: 'Data',
  events: 'Events',
  input: 'Input',
  lights: 'Lights',
  load: 'Loader',
  matter: 'Physics',
  physics: 'Physics',
  plugins: 'Plugins',
  registry: 'Data',
  scale: 'Scale',
  sound: 'Sound',
  textures: 'Textures',
  time: 'Time',
  tweens: 'Tweens',
};

interface PhaserUse {
  /** `Phaser.X`: top-level members. */
  readonly members: Set<string>;
  /** `Phaser.GameObjects.X`. */
  readonly gameObjects: Set<string>;
  /** `.add.x(`: factories. */
  readonly factories: Set<string>;
  /** `.make.x(`: creators. */
  readonly creators: Set<string>;
  /** `this.x.` for the scene systems above. */
  readonly systems: Set<string>;
}

/** What a piece of source uses of Phaser, by name. */
function phaserUse(text: string): PhaserUse {
  const all = (pattern: RegExp) => new Set([...text.matchAll(pattern)].map((m) => m[1]!));
  return {
    members: all(/\bPhaser\.([A-Za-z_$][\w$]*)/g),
    gameObjects: all(/\bPhaser\.GameObjects\.([A-Za-z_$][\w$]*)/g),
    factories: all(/\.add\.([A-Za-z_$][\w$]*)\s*\(/g),
    creators: all(/\.make\.([A-Za-z_$][\w$]*)\s*\(/g),
    systems: new Set(
      [...all(/\bthis\.([a-z]+)\b/g)].filter((name) => Object.hasOwn(SCENE_SYSTEMS, name)),
    ),
  };
}

/** Names registered by `GameObjectFactory.register('x', …)` (or the Creator) in the kept modules. */
function registered(kind: 'Factory' | 'Creator'): Set<string> {
  const names = new Set<string>();
  for (const module of entryModules()) {
    const text = readFileSync(join(PHASER_SRC, module), 'utf8');
    for (const m of text.matchAll(new RegExp(`GameObject${kind}\\.register\\('(\\w+)'`, 'g')))
      names.add(m[1]!);
  }
  return names;
}

/** Every name the code uses that the trimmed Phaser leaves out, with the file that uses it. */
function missingFromLite(files: readonly { file: string; text: string }[]): string[] {
  const members = new Set([...Object.keys(NAMESPACES), ...CONSTANTS, 'GameObjects', ...TYPE_ONLY]);
  const gameObjects = new Set([...Object.keys(GAME_OBJECTS), ...Object.keys(GAME_OBJECT_PARTS)]);
  const factories = registered('Factory');
  const creators = registered('Creator');
  const missing: string[] = [];
  for (const { file, text } of files) {
    const use = phaserUse(text);
    for (const name of use.members)
      if (!members.has(name)) missing.push(`${file}: Phaser.${name} (NAMESPACES)`);
    for (const name of use.gameObjects)
      if (!gameObjects.has(name))
        missing.push(`${file}: Phaser.GameObjects.${name} (GAME_OBJECTS)`);
    for (const name of use.factories)
      if (name !== 'existing' && !factories.has(name))
        missing.push(`${file}: add.${name}() (GAME_OBJECTS)`);
    for (const name of use.creators)
      if (!creators.has(name)) missing.push(`${file}: make.${name}() (GAME_OBJECTS, creator)`);
    for (const name of use.systems)
      if (!members.has(SCENE_SYSTEMS[name]!))
        missing.push(`${file}: this.${name} (NAMESPACES: ${SCENE_SYSTEMS[name]})`);
  }
  return missing;
}

describe('the trimmed Phaser of the production build (issue 9)', () => {
  test('keeps every game object, factory and namespace that src/view uses', () => {
    const files = SCANNED.flatMap(sources);
    expect(files.some((f) => f.text.includes('.add.graphics('))).toBe(true);
    expect(missingFromLite(files)).toEqual([]);
  });

  test('names what a new game object or namespace would need', () => {
    const scene = `
      import * as Phaser from 'phaser';
      class Fx extends Phaser.Scene {
        create() {
          this.add.particles(0, 0, 'spark');
          this.make.bitmapText({});
          const v: Phaser.GameObjects.Video | null = null;
          this.physics.world.pause();
          this.add.circle(1, 2, 3); // Arc's factory registers circle too
          const t: Phaser.Types.Core.GameConfig = {};
        }
      }`;
    expect(missingFromLite([{ file: 'Fx.ts', text: scene }])).toEqual([
      'Fx.ts: Phaser.GameObjects.Video (GAME_OBJECTS)',
      'Fx.ts: add.particles() (GAME_OBJECTS)',
      'Fx.ts: make.bitmapText() (GAME_OBJECTS, creator)',
      'Fx.ts: this.physics (NAMESPACES: Physics)',
    ]);
  });

  test('every module the lite entry imports exists in this Phaser', () => {
    expect(entryModules().filter((m) => !existsSync(join(PHASER_SRC, m)))).toEqual([]);
  });
});
