import './ui/base.css';
import { reloadedForUpdate, setUpdateGate } from './pwa';
import { GAME_VERSION, dailySeed, utcDateOf } from './core/codes';
import { parseGameParams } from './core/params';
import { loadCatalog } from './levels';
import { SoundPlayer } from './audio/player';
import { startShell, type Shell } from './app/shell';
import { guardedStorage, localStorageOrNull } from './app/storage';
import { noticeBoard } from './ui/notices';
import { SettingsStore, settingsPanel } from './ui/settings';
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
  const { mountTeacher } = await import('./ui/teacher/page');
  // The page finds its own storage, and works in memory (saying so once) when it is blocked.
  mountTeacher(root, catalog);
  // The teacher page keeps its data in storage: it may reload for an update unless a field is in use.
  setUpdateGate(() => !document.activeElement?.matches('input, textarea, select'));
  // A level file that fails its check is left out here too, and the teacher is told which.
  for (const text of [...notices, ...catalog.problems]) notify(text);
} else {
  const bus = new ViewBus();
  const player = new SoundPlayer(settings.get());
  settings.subscribe((s) => player.applySettings(s));
  player.unlockOnFirstGesture(document);

  type GameModule = typeof GameModuleType;
  let phaser: { module: GameModule; game: ReturnType<GameModule['startGame']> } | null = null;
  let wantedView: 'table' | 'map' = 'table';
  // The palette and reduced motion reach the scenes, which redraw at once (issue 9).
  const display = () => {
    const { palette, reducedMotion } = settings.get();
    return { palette, reducedMotion };
  };
  settings.subscribe(() => {
    if (phaser) phaser.module.setDisplaySettings(phaser.game, display());
  });

  // Phaser loads while the player reads the menu: the menu itself needs none of it.
  const phaserReady = import('./view/game').then((module) => {
    const game = module.startGame(document.getElementById('game')!, bus, display());
    phaser = { module, game };
    module.showView(game, wantedView);
    return phaser;
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
  // A new build (src/pwa.ts) takes over on the menu when it is left alone for a few seconds, or in
  // play once the player's move is made and saved and nothing is touched since; the game then
  // resumes from its autosave.
  // Counted in people's moves, not the state hash: paced computers change the state on their own.
  let touched = { at: 0, moves: undefined as number | undefined };
  for (const type of ['pointerdown', 'keydown', 'input'])
    root.addEventListener(
      type,
      () => (touched = { at: Date.now(), moves: app.publicState()?.moves }),
      true,
    );
  setUpdateGate(() => {
    const screen = document.body.dataset.screen ?? 'menu';
    if (screen === 'menu') return Date.now() - touched.at > 5000;
    const saved = local !== null && ['play', 'handover'].includes(screen);
    return saved && app.publicState()?.moves !== touched.moves;
  });
  const updatedFrom = reloadedForUpdate();
  const resumeSaved = updatedFrom === 'play' || updatedFrom === 'handover';

  if (replay !== null) app.openReplay(replay);
  // After an update reload the saved game resumes by itself, once the menu offers it.
  if (resumeSaved && replay === null) {
    const started = performance.now();
    const resume = () => {
      const button = document.querySelector<HTMLElement>('#resume');
      if (button) button.click();
      else if (performance.now() - started < 5000) requestAnimationFrame(resume);
    };
    resume();
  }

  window.redLines = Object.freeze({
    state: () => app.publicState(),
    // Bench only: frames the loop has stepped (TimeStep#frame). The bench counts them over a window,
    // as on the blank page: Phaser's actualFps is a slow average that, after the loop sleeps and
    // wakes, still holds the rate from before the sleep (a loading scene's, say).
    frames: async () => (await phaserReady).game.loop.frame,
    // Bench only: the loop sleeps while nothing moves; the frame-rate bench keeps it awake.
    keepAwake: async (on: boolean) => {
      const { module, game } = await phaserReady;
      module.keepAwake(game, on);
    },
    canvas: async () => {
      const { module, game } = await phaserReady;
      return module.canvasState(game);
    },
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
      frames: () => Promise<number>;
      keepAwake: (on: boolean) => Promise<void>;
      canvas: () => Promise<GameModuleType.CanvasState>;
    };
  }
}
