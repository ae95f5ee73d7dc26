import * as Phaser from 'phaser';
import type { ByParty } from '../core/parties';
import type { ViewBus } from './bus';
import { baseConfig } from './config';
import { DEFAULT_DISPLAY, type DisplaySettings, type PaletteName } from './palette';
import { LoopRest } from './rest';
import type { BakedPicture } from './scenes/baked';
import { Boot } from './scenes/Boot';
import { MapScene } from './scenes/MapScene';
import { Preloader } from './scenes/Preloader';
import { TableScene } from './scenes/TableScene';

export type View = 'table' | 'map';

/** Registry keys the scenes read. */
export const REGISTRY = { bus: 'bus', rest: 'rest', display: 'display', view: 'view' } as const;

/** Creates the Phaser game. Called by main.ts, never on import. */
export function startGame(
  parent: HTMLElement,
  bus: ViewBus,
  display: DisplaySettings = DEFAULT_DISPLAY,
): Phaser.Game {
  const game = new Phaser.Game(baseConfig(parent, [Boot, Preloader, TableScene, MapScene]));
  game.registry.set(REGISTRY.bus, bus);
  game.registry.set(REGISTRY.display, display);

  // The loop sleeps once nothing animates, and wakes for a snapshot, a setting, a scene change,
  // input, a resize or the page coming back into view.
  const rest = new LoopRest(game.loop, {
    busy: () =>
      !game.registry.get('loaded') ||
      game.scene.getScenes(true).some((scene) => scene.tweens.getTweens().length > 0),
  });
  game.registry.set(REGISTRY.rest, rest);
  const poke = () => rest.poke();
  game.events.on(Phaser.Core.Events.POST_RENDER, () => rest.frameDone());
  game.events.on(Phaser.Core.Events.VISIBLE, poke);
  game.registry.events.on(Phaser.Data.Events.SET_DATA, poke);
  game.registry.events.on(Phaser.Data.Events.CHANGE_DATA, poke);
  const offBus = [bus.on('table', poke), bus.on('map', poke)];
  const inputs = ['pointerdown', 'keydown', 'wheel'] as const;
  for (const type of inputs) window.addEventListener(type, poke, { passive: true });
  // Phaser checks the parent's size only while the loop runs: a layout change must wake it.
  const resized = new ResizeObserver(() => {
    game.scale.dirty = true;
    rest.poke();
  });
  resized.observe(parent);
  game.events.once(Phaser.Core.Events.DESTROY, () => {
    for (const off of offBus) off();
    for (const type of inputs) window.removeEventListener(type, poke);
    resized.disconnect();
  });
  return game;
}

export function restOf(game: Phaser.Game): LoopRest {
  return game.registry.get(REGISTRY.rest) as LoopRest;
}

/** The player's palette and reduced motion, for every scene (they redraw at once). */
export function setDisplaySettings(game: Phaser.Game, display: DisplaySettings): void {
  const current = game.registry.get(REGISTRY.display) as DisplaySettings | undefined;
  if (current?.palette === display.palette && current.reducedMotion === display.reducedMotion)
    return;
  game.registry.set(REGISTRY.display, { ...display });
}

/** Bench only: keeps the loop running so that its frame rate can be measured. */
export function keepAwake(game: Phaser.Game, on: boolean): void {
  restOf(game).keepAwake(on);
}

/** Shows the table or the map; the other scene sleeps so it costs nothing. */
export function showView(game: Phaser.Game, view: View): void {
  const show = view === 'table' ? 'TableScene' : 'MapScene';
  const hide = view === 'table' ? 'MapScene' : 'TableScene';
  game.registry.set(REGISTRY.view, view);
  const manager = game.scene;
  if (!game.registry.get('loaded')) return; // the preloader starts the wanted view itself
  if (manager.isActive(hide)) manager.sleep(hide);
  if (manager.isSleeping(show)) manager.wake(show);
  else if (!manager.isActive(show)) manager.start(show);
  restOf(game).poke();
}

/** What the canvas shows, for tests and the bench: read from the pixels the table last drew. */
export interface CanvasState {
  readonly sleeping: boolean;
  readonly frames: number;
  readonly sleeps: number;
  /** The palette the table last drew with, and the colour in the middle of each seat's face. */
  readonly table: { palette: PaletteName; seats: ByParty<string> } | null;
  /** Per running scene: objects drawn one by one (its baked picture counts as one), and bakes. */
  readonly live: Record<string, { objects: number; bakes: number }>;
}

export async function canvasState(game: Phaser.Game): Promise<CanvasState> {
  const rest = restOf(game);
  const scene = game.scene.getScene('TableScene') as TableScene | null;
  const table = scene?.sys.settings.active ? await scene.sample() : null;
  const live = Object.fromEntries(
    game.scene.getScenes(true).map((s) => [
      s.sys.settings.key,
      {
        objects: s.children.length,
        bakes: (s as unknown as { picture?: BakedPicture }).picture?.bakes ?? 0,
      },
    ]),
  );
  return { sleeping: rest.sleeping, frames: rest.frames, sleeps: rest.sleeps, table, live };
}
