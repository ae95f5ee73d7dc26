import * as Phaser from 'phaser';
import type { ViewBus } from './bus';
import { baseConfig } from './config';
import { Boot } from './scenes/Boot';
import { MapScene } from './scenes/MapScene';
import { Preloader } from './scenes/Preloader';
import { TableScene } from './scenes/TableScene';

export type View = 'table' | 'map';

/** Creates the Phaser game. Called by main.ts, never on import. */
export function startGame(parent: HTMLElement, bus: ViewBus): Phaser.Game {
  const game = new Phaser.Game(baseConfig(parent, [Boot, Preloader, TableScene, MapScene]));
  game.registry.set('bus', bus);
  return game;
}

/** Shows the table or the map; the other scene sleeps so it costs nothing. */
export function showView(game: Phaser.Game, view: View): void {
  const show = view === 'table' ? 'TableScene' : 'MapScene';
  const hide = view === 'table' ? 'MapScene' : 'TableScene';
  game.registry.set('view', view);
  const manager = game.scene;
  if (!game.registry.get('loaded')) return; // the preloader starts the wanted view itself
  if (manager.isActive(hide)) manager.sleep(hide);
  if (manager.isSleeping(show)) manager.wake(show);
  else if (!manager.isActive(show)) manager.start(show);
}
