// The shell: runs the app machine, connects each game actor's subscribers (view, log, autosave,
// URL, sound, refusals), and draws the screen for the state it is in. Screens are modules with
// `render(props, intents)`; their props come from one selector. The debrief, the replay viewer and
// the role cards load as chunks of their own when first needed (later.ts), to keep the first load
// small; the debrief's is fetched while the game is played, so a game's end does not wait for it.
import { createActor } from 'xstate';
import { stateHash } from '../core/game';
import { phaseOf } from '../core/moves';
import type { GameParams } from '../core/params';
import type { Difficulty, Party } from '../core/parties';
import { seatView } from '../core/seatView';
import type { OutcomeKind } from '../core/state';
import type { LogEntry } from '../core/transcript';
import type { Catalog } from '../levels';
import type { SoundPlayer } from '../audio/player';
import { h } from '../ui/dom';
import { clearSave } from '../ui/saves';
import * as briefing from '../ui/screens/briefing';
import * as handover from '../ui/screens/handover';
import * as menu from '../ui/screens/menu';
import * as play from '../ui/screens/play';
import type { Intents, ResumeOffer, ScreenProps } from '../ui/screens/types';
import { freshSeed } from '../ui/widgets';
import { mapView, tableView } from '../view/adapter';
import type { ViewBus } from '../view/bus';
import { appMachine, gameOf, type GameRef } from './appMachine';
import { connectAutosave } from './autosave';
import { LOAD_FAILED, Later } from './later';
import { checkResume, type ResumeCheck } from './resume';
import { screenKey, screenOf, seatOnScreen, selectScreen, type ShellState } from './select';
import { connectSound } from './sound';
import type { StorageLike } from './storage';
import { connectUrlSync } from './urlSync';

export interface ShellOptions {
  readonly root: HTMLElement;
  readonly log: HTMLElement;
  readonly bus: ViewBus;
  readonly catalog: Catalog;
  readonly initial: GameParams;
  readonly notify: (text: string) => void;
  readonly storage: StorageLike;
  /** Milliseconds per computer move. */
  readonly pace: number;
  /** The `pace` link parameter to keep in the address bar, if the page was opened with one. */
  readonly paceParam: string | null;
  readonly player: SoundPlayer | null;
  readonly showView: (view: 'table' | 'map') => void;
}

export interface PublicState {
  readonly phase: string;
  readonly round: number;
  readonly deadline: number;
  readonly level: string;
  readonly seed: string;
  readonly role: Party;
  readonly difficulty: Difficulty;
  readonly outcome: OutcomeKind | null;
  readonly stateHash: string;
  /** How many moves people have made: computer moves do not count. */
  readonly moves: number;
}

export interface Shell {
  publicState(): PublicState | null;
  openReplay(code: string): void;
  showMenu(): void;
}

const debriefChunk = new Later(() => import('./debrief'));
const replayChunk = new Later(() => import('./replayViewer'));
const printChunk = new Later(() => import('../ui/printCards'));

/** The screen for `props`, or null while the chunk that draws it has not arrived. */
function draw(props: ScreenProps, intents: Intents): HTMLElement | null {
  switch (props.screen) {
    case 'menu':
      return menu.render(props, intents);
    case 'briefing':
      return briefing.render(props, intents);
    case 'play':
      return play.render(props, intents);
    case 'handover':
      return handover.render(props, intents);
    case 'debrief':
      return debriefChunk.loaded?.render(props, intents) ?? null;
    case 'replay':
      return replayChunk.loaded?.render(props, intents) ?? null;
  }
}

/** Stands in for a screen whose chunk is on its way (a frame at most, once it has been fetched). */
const loadingNote = (text: string): HTMLElement =>
  h('section', { 'aria-busy': 'true' }, h('p', { class: 'muted', role: 'status' }, text));

const offerOf = (check: ResumeCheck): ResumeOffer | null =>
  check.kind === 'resume'
    ? {
        kind: 'resume',
        title: check.level.spec.title,
        round: check.game.round,
        deadline: check.level.spec.deadline,
        seatName: check.level.parties[check.record.role].spec.name,
      }
    : check.kind === 'mismatch'
      ? {
          kind: 'mismatch',
          title: check.level.spec.title,
          reason: check.reason,
          oldCode: check.oldCode,
        }
      : null;

export function startShell(o: ShellOptions): Shell {
  const app = createActor(appMachine, {
    input: { levels: o.catalog.levels, params: o.initial, pace: o.pace },
  });
  const url = new URL(window.location.href);
  const shell: { -readonly [K in keyof ShellState]: ShellState[K] } = {
    resume: null,
    view3d: 'table',
    base: `${url.origin}${url.pathname}`,
  };
  let resumeCheck: ResumeCheck = { kind: 'none' };
  let connected: GameRef | null = null;
  let disconnect: (() => void)[] = [];
  let renderedKey = '';
  /** The log entries on screen, as the game view gave them. */
  let shownLog: readonly LogEntry[] = [];

  const toggleView = () => {
    shell.view3d = shell.view3d === 'table' ? 'map' : 'table';
    o.showView(shell.view3d);
    render();
  };

  const intents: Intents = {
    start: (params) => app.send({ type: 'START', params }),
    begin: () => app.send({ type: 'BEGIN' }),
    playAgain: (seed) =>
      app.send({
        type: 'START',
        params: { ...app.getSnapshot().context.params, seed: seed ?? freshSeed() },
      }),
    ready: () => app.send({ type: 'READY' }),
    move: (move) => connected?.send(move),
    menu: () => app.send({ type: 'MENU' }),
    toggleView,
    showRound: (index) => app.send({ type: 'SHOW_ROUND', index }),
    fork: (round) => {
      const data = app.getSnapshot().context.replay;
      // The replay screen came with its chunk: it is loaded whenever this button exists.
      const viewer = replayChunk.loaded;
      if (data && viewer) app.send({ type: 'START', ...viewer.forkOf(data, round) });
    },
    resume: () => {
      const check = resumeCheck;
      resumeCheck = { kind: 'none' };
      shell.resume = null;
      if (check.kind === 'resume')
        app.send({ type: 'START', params: check.params, game: check.game });
      else if (check.kind === 'mismatch') {
        clearSave(o.storage);
        app.send({ type: 'START', params: check.params });
      }
    },
    discardSave: () => {
      clearSave(o.storage);
      resumeCheck = { kind: 'none' };
      shell.resume = null;
    },
    printCards: () => {
      const level = app.getSnapshot().context.level;
      if (!level) return;
      const cards = printChunk.loaded;
      if (cards) cards.printRoleCards(level);
      else
        printChunk.fetch().then(
          (loaded) => loaded.printRoleCards(level),
          () => o.notify(LOAD_FAILED),
        );
    },
    notify: o.notify,
  };

  /** The log's panel is what scrolls. */
  const logPanel = () => o.log.closest<HTMLElement>('.log-panel') ?? o.log;
  /** Brings the newest entry into view. */
  const followLog = () => {
    const panel = logPanel();
    panel.scrollTop = panel.scrollHeight;
  };
  const sameEntry = (a: LogEntry, b: LogEntry) =>
    a === b || (a.round === b.round && a.kind === b.kind && a.text === b.text);
  const logItem = (entry: LogEntry) =>
    h(
      'li',
      { class: `log-${entry.kind}` },
      h('span', { class: 'log-round' }, `R${entry.round}`),
      ' ',
      entry.text,
    );

  /** The game's table, map and log, seen from the seat on screen. */
  const showGame = () => {
    const snapshot = app.getSnapshot();
    const game = gameOf(snapshot.context);
    const level = snapshot.context.level;
    if (!game || !level) return;
    const view = seatView(level, game, seatOnScreen(snapshot));
    o.bus.emit('table', tableView(level, game, view));
    o.bus.emit('map', mapView(level, game));
    // New entries come last; should an earlier one ever differ, the log is redrawn from there.
    let same = 0;
    while (
      same < shownLog.length &&
      same < view.log.length &&
      sameEntry(shownLog[same]!, view.log[same]!)
    )
      same++;
    while (o.log.children.length > same) o.log.lastElementChild!.remove();
    shownLog = view.log;
    o.log.setAttribute('aria-live', 'polite');
    // Follow the newest entries, unless the player has scrolled back to read older ones.
    const panel = logPanel();
    const following = panel.scrollHeight - panel.scrollTop - panel.clientHeight < 48;
    o.log.append(...view.log.slice(same).map(logItem));
    if (following) followLog();
  };

  /** Connects a new game actor's subscribers, each on its own. */
  const connect = (game: GameRef | null) => {
    if (game === connected) return;
    for (const off of disconnect) off();
    disconnect = [];
    connected = game;
    shownLog = [];
    o.log.replaceChildren();
    if (!game) return;
    const { context } = app.getSnapshot();
    const params = { ...context.params, seed: game.getSnapshot().context.game.seed };
    const level = context.level!;
    const view = game.subscribe(() => {
      showGame();
      app.send({ type: 'GAME_CHANGED' });
      render();
    });
    const refused = game.on('refused', ({ error }) => {
      const slot = o.root.querySelector<HTMLElement>('[data-move-error]');
      if (slot) slot.textContent = error.message;
      else o.notify(error.message);
    });
    disconnect.push(
      () => view.unsubscribe(),
      () => refused.unsubscribe(),
      connectAutosave(game, { storage: o.storage, level, role: params.role, notify: o.notify }),
      connectUrlSync(game, params, window, o.paceParam),
    );
    if (o.player) disconnect.push(connectSound(o.player, game));
    showGame();
  };

  function render(): void {
    const snapshot = app.getSnapshot();
    const key = screenKey(snapshot, shell);
    if (key === renderedKey) return;
    renderedKey = key;
    const props = selectScreen(snapshot, shell);
    document.body.dataset.screen = props.screen;
    const drawn = draw(props, intents);
    if (!drawn) {
      awaitChunk(props.screen === 'debrief' ? debriefChunk : replayChunk, key);
      return;
    }
    o.root.replaceChildren(drawn);
    const focus =
      o.root.querySelector<HTMLElement>('[data-autofocus]') ??
      o.root.querySelector<HTMLElement>('h1, h2');
    if (focus) {
      if (!focus.hasAttribute('tabindex') && /^H\d$/.test(focus.tagName))
        focus.setAttribute('tabindex', '-1');
      // Start at the top of the panel, and scroll only as far as the focused control needs.
      (o.root.closest('main') ?? o.root).scrollTop = 0;
      focus.focus({ preventScroll: true });
      focus.scrollIntoView({ block: 'nearest' });
    }
    if (props.screen === 'menu') document.body.dataset.ready = 'menu';
  }

  /** Shows a short note until the chunk arrives and draws the screen; says so plainly if it fails. */
  function awaitChunk(chunk: Later<unknown>, key: string): void {
    o.root.replaceChildren(loadingNote('Loading…'));
    const redraw = () => {
      renderedKey = '';
      render();
    };
    chunk.fetch().then(
      () => {
        if (renderedKey === key) redraw();
      },
      () => {
        if (renderedKey !== key) return;
        o.root.replaceChildren(
          h(
            'section',
            {},
            h('p', { role: 'alert' }, LOAD_FAILED),
            h('button', { type: 'button', 'data-autofocus': true, onclick: redraw }, 'Try again'),
          ),
        );
      },
    );
  }

  let lastScreen = '';
  app.subscribe((snapshot) => {
    const screen = screenOf(snapshot);
    // A game under way will end in the debrief; the briefing may print role cards.
    if (screen === 'briefing' || screen === 'play') debriefChunk.prefetch();
    if (screen === 'briefing') printChunk.prefetch();
    if (screen === 'menu' && lastScreen !== 'menu') {
      const reading = performance.now();
      resumeCheck = checkResume(o.storage, o.catalog.levels);
      // Named for the profiler and the e2e tests: reading a save must never hold up the page.
      performance.measure?.('redlines:read-save', { start: reading });
      if (resumeCheck.kind === 'unreadable') o.notify(resumeCheck.message);
      shell.resume = offerOf(resumeCheck);
      renderedKey = '';
    }
    lastScreen = screen;
    connect(snapshot.context.game);
    if (screen === 'replay') {
      const data = snapshot.context.replay!;
      const round = data.rounds[data.shown]!;
      const level = snapshot.context.level!;
      const view = seatView(level, round, snapshot.context.params.role);
      o.bus.emit('table', tableView(level, round, view));
      o.bus.emit('map', mapView(level, round));
      // The log up to the round shown, redrawn at each step: read from the replay panel, not
      // announced again entry by entry.
      o.log.setAttribute('aria-live', 'off');
      o.log.replaceChildren(...view.log.map(logItem));
      followLog();
    }
    render();
  });

  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    if ((e.key === 'm' || e.key === 'M') && screenOf(app.getSnapshot()) === 'play') {
      toggleView();
      e.preventDefault();
    }
  });

  app.start();

  return {
    publicState: () => {
      const snapshot = app.getSnapshot();
      const { context } = snapshot;
      const game = gameOf(context) ?? context.replay?.rounds[context.replay.shown] ?? null;
      const level = context.level;
      if (!game || !level) return null;
      return {
        phase: phaseOf(game),
        round: game.round,
        deadline: level.spec.deadline,
        level: level.id,
        seed: game.seed,
        role: seatOnScreen(snapshot),
        difficulty: game.difficulty,
        outcome: game.outcome?.kind ?? null,
        stateHash: stateHash(game),
        moves: game.moves.length,
      };
    },
    openReplay: (code) => {
      // Until the viewer arrives, a note stands where the menu would flash by.
      if (!replayChunk.loaded) o.root.replaceChildren(loadingNote('Opening the replay…'));
      replayChunk.fetch().then(
        (viewer) => {
          const built = viewer.buildReplay(code, o.catalog.levels);
          if (built.ok) return app.send({ type: 'OPEN_REPLAY', replay: built.value });
          o.notify(built.error);
          renderedKey = ''; // the note stands where the screen was: draw it again
          render();
        },
        () => {
          o.notify(LOAD_FAILED);
          renderedKey = '';
          render();
        },
      );
    },
    showMenu: () => app.send({ type: 'MENU' }),
  };
}
