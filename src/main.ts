import './ui/base.css';
import { GAME_VERSION, dailySeed, utcDateOf } from './core/codes';
import { parseGameParams } from './core/params';
import { loadCatalog } from './levels';
import { App } from './ui/app';
import { ViewBus } from './view/bus';
import type * as GameModuleType from './view/game';

const catalog = loadCatalog();
const query = new URLSearchParams(window.location.search);
const { params, notices, replay } = parseGameParams((name) => query.get(name), {
  knownLevels: [...catalog.levels.keys()],
  version: GAME_VERSION,
  dailySeed: dailySeed(utcDateOf(new Date())),
});
const bus = new ViewBus();

type GameModule = typeof GameModuleType;
let phaser: { module: GameModule; game: ReturnType<GameModule['startGame']> } | null = null;
let wantedView: 'table' | 'map' = 'table';

// Phaser loads while the player reads the menu: the menu itself needs none of it.
const phaserReady = import('./view/game').then((module) => {
  const game = module.startGame(document.getElementById('game')!, bus);
  phaser = { module, game };
  module.showView(game, wantedView);
  return game;
});

const app = new App({
  root: document.getElementById('ui')!,
  notice: document.getElementById('notice')!,
  log: document.getElementById('log')!,
  bus,
  catalog,
  initial: params,
  notices,
  showView: (view) => {
    wantedView = view;
    if (phaser) phaser.module.showView(phaser.game, view);
  },
});
if (replay !== null) app.openReplay(replay);
else app.showMenu();

declare global {
  interface Window {
    redLines: {
      state: () => ReturnType<App['publicState']>;
      fps: () => Promise<number>;
    };
  }
}

window.redLines = Object.freeze({
  state: () => app.publicState(),
  fps: async () => (await phaserReady).loop.actualFps,
});

if (import.meta.hot) import.meta.hot.dispose(() => phaser?.game.destroy(true));
