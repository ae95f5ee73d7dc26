import * as Phaser from 'phaser';
import type { ViewBus } from './bus';
import { Boot } from './scenes/Boot';
import { MapScene } from './scenes/MapScene';
import { Preloader } from './scenes/Preloader';
import { TableScene } from './scenes/TableScene';

/** Creates the Phaser game. Called by main.ts, never on import. */
export function startGame(parent: HTMLElement, bus: ViewBus): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    backgroundColor: '#0d1b2a',
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 600 },
    banner: false,
    scene: [Boot, Preloader, TableScene, MapScene],
  });
  game.registry.set('bus', bus);
  return game;
}

/** Shows the table or the map; the other scene sleeps so it costs nothing. */
export function showView(game: Phaser.Game, view: 'table' | 'map'): void {
  const show = view === 'table' ? 'TableScene' : 'MapScene';
  const hide = view === 'table' ? 'MapScene' : 'TableScene';
  game.registry.set('view', view);
  const manager = game.scene;
  if (!game.registry.get('loaded')) return; // the preloader starts the wanted view itself
  if (manager.isActive(hide) || manager.isSleeping(hide)) manager.sleep(hide);
  if (manager.isSleeping(show)) manager.wake(show);
  else if (!manager.isActive(show)) manager.start(show);
}
