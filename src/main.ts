import './ui/base.css';
import './pwa';
import { GAME_VERSION, dailySeed, utcDateOf } from './core/codes';
import { parseGameParams } from './core/params';
import { loadCatalog } from './levels';
import { SoundPlayer } from './audio/player';
import { App } from './ui/app';
import { SettingsStore, partyColours, settingsPanel } from './ui/settings';
import { ViewBus } from './view/bus';
import type * as GameModuleType from './view/game';

const catalog = loadCatalog();
const query = new URLSearchParams(window.location.search);
const parsed = parseGameParams((name) => query.get(name), {
  knownLevels: [...catalog.levels.keys()],
  version: GAME_VERSION,
  dailySeed: dailySeed(utcDateOf(new Date())),
});
const { params, replay, page } = parsed;
const notices = [...parsed.notices];
const notice = document.getElementById('notice')!;
const root = document.getElementById('screen')!;

const settings = new SettingsStore();
const panel = settingsPanel(settings);
document.getElementById('toolbar')!.append(panel.button);
document.body.append(panel.dialog);
if (settings.problem) notices.push(settings.problem.message);

function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// Live play (issue 12): `?live=CODE` or `?live=new`, loaded only when asked for.
const liveCode = query.get('live');

if (liveCode !== null) {
  const { mountLiveTable } = await import('./live/table');
  await mountLiveTable(
    root,
    catalog,
    liveCode.trim().toUpperCase() === 'NEW' ? 'new' : liveCode.trim().toUpperCase(),
  );
} else if (page === 'teacher') {
  document.body.dataset.screen = 'teacher';
  const { mountTeacher } = await import('./ui/teacher');
  mountTeacher(root, catalog, storageOrNull() ?? window.sessionStorage);
  for (const text of notices)
    notice.append(Object.assign(document.createElement('p'), { textContent: text }));
} else {
  const bus = new ViewBus();
  const player = new SoundPlayer(settings.get());
  settings.subscribe((s) => player.applySettings(s));
  player.unlockOnFirstGesture(document);

  type GameModule = typeof GameModuleType;
  let phaser: { module: GameModule; game: ReturnType<GameModule['startGame']> } | null = null;
  let wantedView: 'table' | 'map' = 'table';
  const applyLook = () => {
    if (!phaser) return;
    const { palette, reducedMotion } = settings.get();
    phaser.game.registry.set('palette', partyColours(palette));
    phaser.game.registry.set('reducedMotion', reducedMotion);
  };
  settings.subscribe(applyLook);

  // Phaser loads while the player reads the menu: the menu itself needs none of it.
  const phaserReady = import('./view/game').then((module) => {
    const game = module.startGame(document.getElementById('game')!, bus);
    phaser = { module, game };
    applyLook();
    module.showView(game, wantedView);
    return game;
  });

  const app = new App({
    root,
    notice,
    log: document.getElementById('log')!,
    bus,
    catalog,
    initial: params,
    notices,
    storage: storageOrNull(),
    onActor: (actor) => player.connect(actor),
    showView: (view) => {
      wantedView = view;
      if (phaser) phaser.module.showView(phaser.game, view);
    },
  });
  if (replay !== null) app.openReplay(replay);
  else app.showMenu();

  window.redLines = Object.freeze({
    state: () => app.publicState(),
    fps: async () => (await phaserReady).loop.actualFps,
  });

  if (import.meta.hot)
    import.meta.hot.dispose(() => {
      player.stop();
      phaser?.game.destroy(true);
    });
}

declare global {
  interface Window {
    redLines: {
      state: () => ReturnType<App['publicState']>;
      fps: () => Promise<number>;
    };
  }
}
