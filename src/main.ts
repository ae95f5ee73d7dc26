import './ui/base.css';
import './pwa';
import { GAME_VERSION, dailySeed, utcDateOf } from './core/codes';
import { parseGameParams } from './core/params';
import { loadCatalog } from './levels';
import { SoundPlayer } from './audio/player';
import { startShell, type Shell } from './app/shell';
import { MemoryStorage, guardedStorage, localStorageOrNull } from './app/storage';
import { noticeBoard } from './ui/notices';
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

const notify = noticeBoard(notice);
const local = localStorageOrNull(window);

/** Milliseconds per computer move: `?pace=0` for instant answers (tests, quick play). */
const paceParam = query.get('pace');
const paceValue = paceParam === null ? NaN : Number(paceParam);
const pace = Number.isInteger(paceValue) && paceValue >= 0 && paceValue <= 5000 ? paceValue : 600;

if (page === 'teacher') {
  document.body.dataset.screen = 'teacher';
  const { mountTeacher } = await import('./ui/teacher');
  // A browser that blocks site data: the page works in memory and says so once.
  mountTeacher(root, catalog, local ?? new MemoryStorage());
  if (!local)
    notices.push(
      'This browser keeps no site data here, so nothing is saved: the page works until it is closed.',
    );
  for (const text of notices) notify(text);
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

  for (const text of [...notices, ...catalog.problems]) notify(text);
  const app: Shell = startShell({
    root,
    log: document.getElementById('log')!,
    bus,
    catalog,
    initial: params,
    notify,
    storage: guardedStorage(local, notify),
    pace,
    paceParam: paceParam === null ? null : String(pace),
    player,
    showView: (view) => {
      wantedView = view;
      if (phaser) phaser.module.showView(phaser.game, view);
    },
  });
  if (replay !== null) app.openReplay(replay);

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
      state: () => ReturnType<Shell['publicState']>;
      fps: () => Promise<number>;
    };
  }
}
