// The HTML shell: menu, briefing, the controls of play and the debrief. It renders snapshots and
// sends events; every outcome is computed in src/core.
import type { Actor } from 'xstate';
import { analyse, type Analysis } from '../core/analysis';
import { createGame, stateHash, type GameSnapshot } from '../core/game';
import { applyMove, newGame, phaseOf, replayMoves, waitingFor } from '../core/moves';
import type { Level, Package } from '../core/level/level';
import type { GameMachine } from '../core/machine';
import { DIFFICULTIES, PARTIES, type Difficulty, type Party } from '../core/parties';
import type { GameParams } from '../core/params';
import { seatsFor } from '../core/rules';
import { assessPackage, seatView, type SeatView } from '../core/seatView';
import { parseSeed, seedFrom } from '../core/seed';
import type { GameState, Move, OutcomeKind, SideMove } from '../core/state';
import {
  OUTCOME_WORDS,
  levelHash,
  linkQuery,
  resultCodeFor,
  shareCard,
  verifyResult,
  type VerifiedResult,
} from '../core/codes';
import { credibility } from '../core/stress';
import type { Catalog } from '../levels';
import type { ViewBus } from '../view/bus';
import { mapView, tableView } from '../view/adapter';
import { append, h, percent, s } from './dom';
import { clearSave, loadSave, saveGame, saveRecordFor } from './saves';

type Screen = 'menu' | 'briefing' | 'play' | 'handover' | 'debrief' | 'replay';

export interface AppOptions {
  readonly root: HTMLElement;
  readonly notice: HTMLElement;
  readonly log: HTMLElement;
  readonly bus: ViewBus;
  readonly catalog: Catalog;
  readonly initial: GameParams;
  readonly notices: readonly string[];
  readonly showView: (view: 'table' | 'map') => void;
  /** Called with each new game's actor (sound subscribes here); returns a disconnect. */
  readonly onActor?: (actor: Actor<GameMachine>) => () => void;
  /** Where the game in progress is saved; null when storage is unavailable. */
  readonly storage: Storage | null;
  readonly onScreen?: (screen: Screen) => void;
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
}

const MOOD_WORDS = {
  pleased: 'likely to accept',
  neutral: 'undecided',
  uneasy: 'reluctant',
  angry: 'will refuse',
} as const;

/** A labelled form control. */
const field = (
  id: string,
  label: string,
  control: HTMLElement,
  ...more: HTMLElement[]
): HTMLElement => h('div', { class: 'field' }, h('label', { for: id }, label), control, ...more);

const freshSeed = (): string =>
  seedFrom((bound) => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    return buf[0]! % bound;
  });

export class App {
  private screen: Screen = 'menu';
  private settings: GameParams;
  private level!: Level;
  private seed!: string;
  private actor: Actor<GameMachine> | null = null;
  private game: GameState | null = null;
  private renderedKey = '';
  private draft: number[] = [];
  private logCount = 0;
  private currentView: 'table' | 'map' = 'table';
  private disconnectActor: (() => void) | null = null;
  private savedMoves = -1;
  /** In hot-seat play, the seat whose private screen is showing. */
  private handedTo: Party | null = null;

  constructor(private readonly o: AppOptions) {
    this.settings = o.initial;
    for (const text of [...o.notices, ...o.catalog.problems]) this.notify(text);
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Read-only summary for automation and support (`window.redLines.state()`). */
  publicState(): PublicState | null {
    if (!this.game) return null;
    const game = this.game;
    return {
      phase: phaseOf(game),
      round: game.round,
      deadline: this.level.spec.deadline,
      level: this.level.id,
      seed: game.seed,
      role: this.activeSeat(),
      difficulty: game.difficulty,
      outcome: game.outcome?.kind ?? null,
      stateHash: stateHash(game),
    };
  }

  /** The seat the screen is for: the solo player, or in hot-seat play the person due to act. */
  private activeSeat(): Party {
    if (this.settings.mode !== 'hotseat' || !this.game) return this.handedTo ?? this.settings.role;
    const due = waitingFor(this.game).find((p) => this.settings.humans.includes(p));
    return due ?? this.handedTo ?? this.settings.role;
  }

  showMenu(): void {
    this.stopGame();
    this.screen = 'menu';
    this.render();
  }

  /** Plain-text notices, with one button to dismiss them all. */
  private notify(text: string): void {
    const notice = this.o.notice;
    if (!notice.querySelector('button'))
      notice.append(
        h(
          'button',
          { type: 'button', class: 'dismiss', onclick: () => notice.replaceChildren() },
          'Dismiss',
        ),
      );
    notice.insertBefore(h('p', {}, text), notice.querySelector('button'));
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    if ((e.key === 'm' || e.key === 'M') && this.screen === 'play') {
      this.toggleView();
      e.preventDefault();
    }
  }

  private toggleView(): void {
    this.currentView = this.currentView === 'table' ? 'map' : 'table';
    this.o.showView(this.currentView);
    const button = document.getElementById('toggle-view');
    if (button)
      button.textContent = this.currentView === 'table' ? 'Show the map (M)' : 'Show the table (M)';
  }

  private stopGame(): void {
    this.disconnectActor?.();
    this.disconnectActor = null;
    this.actor?.stop();
    this.actor = null;
    this.game = null;
  }

  /**
   * Starts a game. With `prefix`, the moves of an earlier game are replayed first and play goes
   * on from there (a fork from the replay viewer).
   */
  private startGame(params: GameParams, prefix: readonly Move[] = []): void {
    this.stopGame();
    this.settings = params;
    this.level = this.o.catalog.levels.get(params.level)!;
    this.seed = params.seed ?? freshSeed();
    const setup = {
      seed: this.seed,
      difficulty: params.difficulty,
      seats: seatsFor(params.humans),
    };
    const replayed = prefix.length > 0 ? replayMoves(this.level, setup, prefix) : null;
    if (replayed && !replayed.ok)
      this.notify(
        `The saved moves stop at move ${replayed.error.index + 1}: ${replayed.error.message}`,
      );
    const actor = createGame(this.level, setup, {
      game: replayed ? (replayed.ok ? replayed.value : replayed.error.game) : undefined,
    });
    this.actor = actor;
    this.logCount = 0;
    this.handedTo = params.mode === 'hotseat' ? null : params.role;
    this.o.log.replaceChildren();
    actor.subscribe((snapshot) => this.onSnapshot(snapshot));
    this.disconnectActor = this.o.onActor?.(actor) ?? null;
    this.savedMoves = prefix.length;
    actor.start();
    this.screen = 'briefing';
    if (prefix.length > 0) this.screen = 'play';
    const url = new URL(window.location.href);
    const query: Record<string, string> = {
      level: params.level,
      seed: this.seed,
      role: params.role,
      difficulty: params.difficulty,
    };
    if (params.mode === 'hotseat')
      Object.assign(query, { mode: 'hotseat', seats: params.humans.join(',') });
    url.search = new URLSearchParams(query).toString();
    window.history.replaceState(null, '', url);
    this.render();
  }

  private send(event: Parameters<Actor<GameMachine>['send']>[0]): void {
    this.actor?.send(event);
  }

  private onSnapshot(snapshot: GameSnapshot): void {
    const game = snapshot.context.game;
    this.game = game;
    this.autosave(game);
    const view = seatView(this.level, game, this.activeSeat());
    this.o.bus.emit('table', tableView(this.level, game, view));
    this.o.bus.emit('map', mapView(this.level, game));
    this.appendLog(view);
    if (game.outcome && ['play', 'handover'].includes(this.screen)) this.screen = 'debrief';
    if (['play', 'handover', 'debrief'].includes(this.screen)) this.render();
  }

  /** Saves after every move a person makes; a finished game leaves no save behind. */
  private autosave(game: GameState): void {
    const storage = this.o.storage;
    if (!storage || this.screen === 'replay') return;
    if (game.outcome) {
      clearSave(storage);
      return;
    }
    if (game.moves.length === this.savedMoves) return;
    this.savedMoves = game.moves.length;
    const saved = saveGame(
      storage,
      saveRecordFor(game, this.settings.role, { levelHash: levelHash(this.level) }),
    );
    if (!saved.ok) this.notify(saved.error.message);
  }

  /** Offers the saved game, if there is one; a broken save is reported once and set aside. */
  private resumeOffer(): HTMLElement | null {
    const storage = this.o.storage;
    if (!storage) return null;
    const save = loadSave(storage);
    if (!save.ok) {
      if (save.error.code !== 'save/none') this.notify(save.error.message);
      return null;
    }
    const record = save.value;
    const level = this.o.catalog.levels.get(record.level);
    if (!level || (record.levelHash !== undefined && record.levelHash !== levelHash(level))) {
      this.notify('Your saved game was for a level that has changed since; it cannot be resumed.');
      clearSave(storage);
      return null;
    }
    const humans = PARTIES.filter((p) => record.seats[p] === 'human');
    const resume = () =>
      this.startGame(
        {
          level: record.level,
          seed: record.seed,
          role: record.role,
          difficulty: record.difficulty,
          mode: humans.length > 1 ? 'hotseat' : 'solo',
          humans,
        },
        record.moves,
      );
    return h(
      'div',
      { class: 'resume', role: 'group', 'aria-labelledby': 'resume-title' },
      h('h2', { id: 'resume-title' }, 'A game in progress was saved'),
      h(
        'p',
        {},
        `${level.spec.title}, round ${record.round ?? '?'} of ${level.spec.deadline}, as ${level.parties[record.role].spec.name}.`,
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', class: 'primary', id: 'resume', onclick: resume },
          'Resume it',
        ),
        h(
          'button',
          {
            type: 'button',
            onclick: (e: Event) => {
              clearSave(storage);
              (e.target as HTMLElement).closest('.resume')?.remove();
            },
          },
          'Discard it',
        ),
      ),
    );
  }

  private appendLog(view: SeatView): void {
    const entries = view.log.slice(this.logCount);
    this.logCount = view.log.length;
    for (const entry of entries)
      this.o.log.append(
        h(
          'li',
          { class: `log-${entry.kind}` },
          h('span', { class: 'log-round' }, `R${entry.round}`),
          ' ',
          entry.text,
        ),
      );
    this.o.log.scrollTop = this.o.log.scrollHeight;
  }

  private render(): void {
    const seat = this.activeSeat();
    const hotseat = this.settings.mode === 'hotseat' && this.game !== null && !this.game.outcome;
    if (this.screen === 'play' && hotseat && seat !== this.handedTo) this.screen = 'handover';
    const view = this.game ? seatView(this.level, this.game, seat) : null;
    const key =
      this.screen === 'play' && view
        ? `play|${seat}|${view.round}|${view.phase}|${view.waitingFor.join(',')}|${Object.keys(view.responses).length}`
        : `${this.screen}|${seat}`;
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    document.body.dataset.screen = this.screen;
    this.o.onScreen?.(this.screen);
    const content =
      this.screen === 'menu'
        ? this.menu()
        : this.screen === 'briefing'
          ? this.briefing(view!)
          : this.screen === 'play'
            ? this.play(view!)
            : this.screen === 'handover'
              ? this.handover(seat)
              : this.screen === 'replay'
                ? this.replayScreen()
                : this.debrief(view!);
    this.o.root.replaceChildren(content);
    const focus =
      this.o.root.querySelector<HTMLElement>('[data-autofocus]') ??
      this.o.root.querySelector<HTMLElement>('h1, h2');
    if (focus) {
      if (!focus.hasAttribute('tabindex') && /^H\d$/.test(focus.tagName))
        focus.setAttribute('tabindex', '-1');
      // Start at the top of the panel, and scroll only as far as the focused control needs.
      (this.o.root.closest('main') ?? this.o.root).scrollTop = 0;
      focus.focus({ preventScroll: true });
      focus.scrollIntoView({ block: 'nearest' });
    }
    if (this.screen === 'menu') document.body.dataset.ready = 'menu';
  }

  // ---- Menu ----
  private menu(): HTMLElement {
    const levels = [...this.o.catalog.levels.values()];
    const seedInput = h('input', {
      id: 'seed',
      name: 'seed',
      value: this.settings.seed ?? freshSeed(),
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: 16,
      'aria-describedby': 'seed-help seed-error',
    });
    const seedError = h('p', { id: 'seed-error', class: 'error', role: 'alert' });
    const levelSelect = h(
      'select',
      { id: 'level', name: 'level' },
      levels.map((l) =>
        h(
          'option',
          { value: l.id, selected: l.id === this.settings.level },
          l.spec.title.includes(String(l.spec.year))
            ? l.spec.title
            : `${l.spec.title} (${l.spec.year})`,
        ),
      ),
    );
    const levelSummary = h(
      'p',
      { id: 'level-summary', class: 'muted' },
      this.o.catalog.levels.get(this.settings.level)?.spec.summary ?? '',
    );
    levelSelect.addEventListener('change', () => {
      levelSummary.textContent = this.o.catalog.levels.get(levelSelect.value)?.spec.summary ?? '';
    });
    const seat = (party: Party) =>
      h(
        'label',
        { class: 'seat' },
        h('input', {
          type: 'radio',
          name: 'role',
          value: party,
          checked: party === this.settings.role,
        }),
        ' ',
        this.o.catalog.levels.get(this.settings.level)?.parties[party].spec.name ?? party,
      );
    const difficulty = h(
      'select',
      { id: 'difficulty', name: 'difficulty' },
      DIFFICULTIES.map((d) =>
        h(
          'option',
          { value: d, selected: d === this.settings.difficulty },
          d[0]!.toUpperCase() + d.slice(1),
        ),
      ),
    );
    const form = h(
      'form',
      { class: 'menu', 'aria-labelledby': 'menu-title' },
      h('h1', { id: 'menu-title' }, 'Red Lines'),
      h(
        'p',
        { class: 'lede' },
        'Four delegations negotiate security guarantees for Ukraine. Table packages, read the refusals, find a deal that holds.',
      ),
      this.resumeOffer(),
      field('level', 'Level', levelSelect, levelSummary),
      h('fieldset', {}, h('legend', {}, 'Your seat'), PARTIES.map(seat)),
      h(
        'details',
        { class: 'hotseat-options', open: this.settings.mode === 'hotseat' },
        h('summary', {}, 'Hot-seat: two to four people on this device'),
        h(
          'fieldset',
          {},
          h('legend', {}, 'Seats played by people (the computer plays the rest)'),
          PARTIES.map((party) =>
            h(
              'label',
              { class: 'seat' },
              h('input', {
                type: 'checkbox',
                name: 'humans',
                value: party,
                checked: this.settings.mode === 'hotseat' && this.settings.humans.includes(party),
              }),
              ' ',
              this.o.catalog.levels.get(this.settings.level)?.parties[party].spec.name ?? party,
            ),
          ),
          h(
            'p',
            { class: 'muted' },
            'Tick two or more seats to play hot-seat; leave them empty to play alone.',
          ),
        ),
      ),
      field('difficulty', 'Difficulty', difficulty),
      field(
        'seed',
        'Seed',
        h(
          'div',
          { class: 'row' },
          seedInput,
          h(
            'button',
            { type: 'button', onclick: () => (seedInput.value = freshSeed()) },
            'New seed',
          ),
        ),
        h(
          'p',
          { id: 'seed-help', class: 'muted' },
          'The same seed gives the same game. Letters and digits, no vowels.',
        ),
        seedError,
      ),
      h(
        'button',
        { type: 'submit', class: 'primary', id: 'start', 'data-autofocus': true },
        'Start',
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const field = (name: string) => {
        const v = data.get(name);
        return typeof v === 'string' ? v : '';
      };
      const seed = parseSeed(field('seed'));
      if (!seed.ok) {
        seedError.textContent = `Seed: ${seed.error.message}.`;
        seedInput.focus();
        return;
      }
      const role = (data.get('role') as Party | null) ?? 'ukraine';
      const humans = PARTIES.filter((p) => data.getAll('humans').includes(p));
      if (humans.length === 1) {
        seedError.textContent =
          'Hot-seat play needs at least two seats ticked (or none to play alone).';
        return;
      }
      const hotseat = humans.length >= 2;
      this.startGame({
        level: field('level'),
        seed: seed.value,
        role: hotseat ? humans[0]! : role,
        difficulty: field('difficulty') as Difficulty,
        mode: hotseat ? 'hotseat' : 'solo',
        humans: hotseat ? humans : [role],
      });
    });
    return form;
  }

  // ---- Briefing ----
  private briefing(view: SeatView): HTMLElement {
    const spec = this.level.spec;
    const hint = spec.hints?.find((x) => x.phase === 'briefing');
    return h(
      'section',
      { class: 'briefing', 'aria-labelledby': 'briefing-title' },
      h('h1', { id: 'briefing-title' }, `${spec.title}: you are ${view.you.name}`),
      h(
        'p',
        { class: 'muted' },
        `Seed ${this.seed} · ${this.settings.difficulty} · deadline ${spec.deadline} rounds`,
      ),
      hint ? h('p', { class: 'hint' }, hint.text) : null,
      h(
        'p',
        { class: 'row' },
        h(
          'button',
          { class: 'primary', 'data-autofocus': true, onclick: () => this.begin() },
          'Go to the table',
        ),
        h(
          'span',
          { class: 'muted' },
          'Read your role card first: it is what you will negotiate for.',
        ),
      ),
      h('h2', {}, 'Your role card'),
      h('p', {}, view.you.briefing),
      h('h3', {}, 'Objectives'),
      h(
        'ul',
        {},
        view.you.objectives.map((x) => h('li', {}, x)),
      ),
      h('h3', {}, 'What matters to you'),
      this.weightBars(view.you.weights),
      h('h3', {}, 'Your red lines'),
      h(
        'ul',
        {},
        view.you.redLines.map((r) =>
          h('li', {}, h('strong', {}, r.hard ? 'Hard: ' : 'Firm: '), r.says),
        ),
      ),
      h(
        'p',
        {},
        `No deal is worth ${percent(view.you.reservation)} points to you now (your BATNA); it changes as the talks drag on.`,
      ),
      h('h2', {}, 'The other delegations say'),
      h(
        'ul',
        { class: 'positions' },
        view.others.map((o) =>
          h(
            'li',
            {},
            h('strong', {}, o.name),
            ': ',
            o.publicPosition,
            o.knownRedLines.length
              ? h(
                  'ul',
                  {},
                  o.knownRedLines.map((r) => h('li', {}, `Red line: ${r.says}`)),
                )
              : null,
          ),
        ),
      ),
      h(
        'p',
        {},
        h(
          'button',
          { type: 'button', id: 'print-cards', onclick: () => this.printRoleCards() },
          'Print the role cards (one page per seat)',
        ),
      ),
      h('h2', {}, 'History behind this level'),
      h(
        'ul',
        {},
        spec.history.map((x) => h('li', {}, x)),
      ),
      h(
        'p',
        { class: 'muted' },
        'Facts come from public reporting on the talks; they are context, not predictions. Cards marked as fiction are invented for the game.',
      ),
      h('button', { class: 'primary', onclick: () => this.begin() }, 'Go to the table'),
    );
  }

  /** Between two people in hot-seat play: nothing private shows until the next one is ready. */
  private handover(seat: Party): HTMLElement {
    const name = this.level.parties[seat].spec.name;
    return h(
      'section',
      { class: 'handover', 'aria-labelledby': 'handover-title' },
      h('h1', { id: 'handover-title' }, `Pass the device to ${name}`),
      h(
        'p',
        {},
        `The screen is hidden so that nobody sees another seat's private weights. ${name}: press the button when you are ready.`,
      ),
      h(
        'button',
        {
          class: 'primary',
          id: 'handover-ready',
          'data-autofocus': true,
          onclick: () => {
            this.handedTo = seat;
            this.screen = 'play';
            if (this.actor) this.onSnapshot(this.actor.getSnapshot());
            this.render();
          },
        },
        `I am ${name}: show my screen`,
      ),
    );
  }

  /**
   * Role cards for in-person play: one printed page per seat with its briefing, objectives and
   * red lines, and what the other delegations say in public. Only the print stylesheet shows them.
   */
  private printRoleCards(): void {
    const level = this.level;
    const cards = h(
      'div',
      { class: 'print-cards', 'aria-hidden': 'true' },
      PARTIES.map((party) => {
        const model = level.parties[party];
        const total = model.weights.reduce((a, b) => a + b, 0);
        return h(
          'article',
          { class: 'print-card' },
          h('h1', {}, `${level.spec.title}: ${model.spec.name}`),
          h('p', {}, model.spec.briefing),
          h('h2', {}, 'Objectives'),
          h(
            'ul',
            {},
            model.spec.objectives.map((x) => h('li', {}, x)),
          ),
          h('h2', {}, 'What matters to you (share of your weight)'),
          h(
            'ul',
            {},
            level.issues.map((issue, i) =>
              h('li', {}, `${issue.name}: ${percent(model.weights[i]! / total)}%`),
            ),
          ),
          h('h2', {}, 'Your red lines'),
          h(
            'ul',
            {},
            model.redLines.map((r) => h('li', {}, `${r.hard ? 'Hard' : 'Firm'}: ${r.says}`)),
          ),
          h('h2', {}, 'What the others say in public'),
          h(
            'ul',
            {},
            PARTIES.filter((p) => p !== party).map((p) =>
              h(
                'li',
                {},
                h('strong', {}, level.parties[p].spec.name),
                `: ${level.parties[p].spec.publicPosition}`,
              ),
            ),
          ),
          h(
            'p',
            { class: 'muted' },
            `Deadline: ${level.spec.deadline} rounds. Keep this card to yourself.`,
          ),
        );
      }),
    );
    document.querySelector('.print-cards')?.remove();
    document.body.append(cards);
    window.print();
  }

  private begin(): void {
    this.screen = 'play';
    this.render();
  }

  private weightBars(weights: readonly number[]): HTMLElement {
    const max = Math.max(...weights);
    return h(
      'ul',
      { class: 'bars' },
      this.level.issues.map((issue, i) =>
        h(
          'li',
          {},
          h('span', { class: 'bar-label' }, issue.name),
          h('span', {
            class: 'bar',
            role: 'img',
            style: `--w:${Math.round((100 * weights[i]!) / max)}%`,
            'aria-label': `${percent(weights[i]!)}% of the weight`,
          }),
        ),
      ),
    );
  }

  // ---- Play ----
  private play(view: SeatView): HTMLElement {
    const you = this.settings.role;
    const waiting = view.waitingFor.includes(you);
    const hint = (phase: 'proposal' | 'responses' | 'sideMoves') =>
      this.level.spec.hints?.find((x) => x.phase === phase)?.text ?? null;
    let controls: HTMLElement;
    if (view.phase === 'proposal' && waiting) controls = this.builder(view, hint('proposal'));
    else if (view.phase === 'responses' && waiting)
      controls = this.respondPanel(view, hint('responses'));
    else if (view.phase === 'sideMoves' && waiting)
      controls = this.sideMovePanel(view, hint('sideMoves'));
    else controls = h('p', { class: 'muted' }, 'The other delegations are deliberating…');
    return h(
      'section',
      { class: 'play', 'aria-labelledby': 'play-title' },
      h(
        'h1',
        { id: 'play-title', class: 'status' },
        `Round ${view.round} of ${view.deadline} · you are ${view.you.name}`,
      ),
      h(
        'p',
        { class: 'clock' },
        `${this.level.spec.pressure.label}: ${view.pressure.toLocaleString('en')} · fortification ${view.fortification}%`,
      ),
      h(
        'button',
        { id: 'toggle-view', type: 'button', onclick: () => this.toggleView() },
        this.currentView === 'table' ? 'Show the map (M)' : 'Show the table (M)',
      ),
      this.responsesSummary(view),
      controls,
      h(
        'details',
        { class: 'role-card' },
        h('summary', {}, `Your role card (${view.you.name})`),
        h('h3', {}, 'What matters to you'),
        this.weightBars(view.you.weights),
        h('h3', {}, 'Your red lines'),
        h(
          'ul',
          {},
          view.you.redLines.map((r) =>
            h('li', {}, h('strong', {}, r.hard ? 'Hard: ' : 'Firm: '), r.says),
          ),
        ),
        h('h3', {}, 'What the others have said'),
        h(
          'ul',
          {},
          view.others.map((o) =>
            h(
              'li',
              {},
              h('strong', {}, o.name),
              `: priorities ${o.priorities.join(', ') || 'not stated'}`,
              o.knownRedLines.length
                ? `; red lines: ${o.knownRedLines.map((r) => r.says).join(' ')}`
                : '',
            ),
          ),
        ),
      ),
    );
  }

  private responsesSummary(view: SeatView): HTMLElement | null {
    if (!view.table) return null;
    const level = this.level;
    return h(
      'div',
      { class: 'on-table' },
      h('h2', {}, `On the table, from ${level.parties[view.table.proposer].spec.name}`),
      this.termsList(view.table.package),
      h(
        'ul',
        { class: 'responses' },
        PARTIES.filter((p) => p !== view.table!.proposer && view.responses[p]).map((p) =>
          h(
            'li',
            { class: view.responses[p]!.accept ? 'accept' : 'reject' },
            h(
              'strong',
              {},
              `${level.parties[p].spec.name} ${view.responses[p]!.accept ? 'accepts' : 'rejects'}: `,
            ),
            view.responses[p]!.says,
          ),
        ),
      ),
    );
  }

  private builder(view: SeatView, hint: string | null): HTMLElement {
    const level = this.level;
    const game = this.game!;
    if (this.draft.length !== level.issues.length)
      this.draft = level.issues.map((issue) => Math.floor(issue.options.length / 2));
    const assessment = h('div', { class: 'assessment', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Table this package');
    const refresh = () => {
      const a = assessPackage(level, game, view.seat, this.draft);
      submit.disabled = a.refusal !== null;
      assessment.replaceChildren();
      append(assessment, [
        h(
          'p',
          {},
          `Worth ${percent(a.utility)} to you; no deal is worth ${percent(view.you.reservation)} (your BATNA). Credibility ${a.credibility}/100.`,
        ),
        a.refusal ? h('p', { class: 'error' }, `You cannot table this: ${a.refusal}`) : null,
        a.crosses.length
          ? h(
              'ul',
              { class: 'crosses' },
              a.crosses.map((c) =>
                h(
                  'li',
                  {},
                  `Crosses ${level.parties[c.party].spec.name}'s ${c.hard ? 'hard' : 'firm'} red line: ${c.says}`,
                ),
              ),
            )
          : h('p', {}, 'Crosses no known red line.'),
        h(
          'ul',
          { class: 'moods' },
          PARTIES.filter((p) => p !== view.seat).map((p) =>
            h('li', {}, `${level.parties[p].spec.name}: ${MOOD_WORDS[a.moods[p]!]}`),
          ),
        ),
      ]);
    };
    const form = h(
      'form',
      { class: 'builder', 'aria-labelledby': 'builder-title' },
      h('h2', { id: 'builder-title' }, 'Your turn: build a package'),
      hint ? h('p', { class: 'hint' }, hint) : null,
      level.issues.map((issue, i) => {
        const select = h(
          'select',
          { id: `issue-${issue.id}`, name: issue.id, 'data-autofocus': i === 0 },
          issue.options.map((o, k) =>
            h('option', { value: k, selected: k === this.draft[i] }, o.name),
          ),
        );
        select.addEventListener('change', () => {
          this.draft[i] = Number(select.value);
          refresh();
        });
        return field(`issue-${issue.id}`, issue.name, select);
      }),
      assessment,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const pkg: Package = [...this.draft];
      this.send({ type: 'PROPOSE', party: view.seat, package: pkg });
    });
    refresh();
    return form;
  }

  private respondPanel(view: SeatView, hint: string | null): HTMLElement {
    const a = assessPackage(this.level, this.game!, view.seat, view.table!.package);
    const blocked = a.crosses.some((c) => c.party === view.seat && c.hard);
    return h(
      'div',
      { class: 'respond', role: 'group', 'aria-labelledby': 'respond-title' },
      h('h2', { id: 'respond-title' }, 'Do you accept this package?'),
      hint ? h('p', { class: 'hint' }, hint) : null,
      h(
        'p',
        {},
        `Worth ${percent(a.utility)} to you; no deal is worth ${percent(view.you.reservation)} (your BATNA). Credibility ${a.credibility}/100.`,
      ),
      a.crosses
        .filter((c) => c.party === view.seat)
        .map((c) =>
          h(
            'p',
            { class: 'error' },
            `It crosses your ${c.hard ? 'hard' : 'firm'} red line: ${c.says}${c.hard ? ' You cannot accept it.' : ''}`,
          ),
        ),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            class: 'primary',
            'data-autofocus': !blocked,
            disabled: blocked,
            onclick: () => this.send({ type: 'RESPOND', party: view.seat, accept: true }),
          },
          'Accept',
        ),
        h(
          'button',
          { onclick: () => this.send({ type: 'RESPOND', party: view.seat, accept: false }) },
          'Reject',
        ),
      ),
    );
  }

  private sideMovePanel(view: SeatView, hint: string | null): HTMLElement {
    const level = this.level;
    const others = PARTIES.filter((p) => p !== view.seat);
    const target = h(
      'select',
      { id: 'side-target', name: 'target' },
      others.map((p) => h('option', { value: p }, level.parties[p].spec.name)),
    );
    const issue = h(
      'select',
      { id: 'side-issue', name: 'issue' },
      level.issues.map((x, i) => h('option', { value: i }, x.name)),
    );
    const choice = (value: SideMove['kind'], label: string, help: string, checked = false) =>
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name: 'kind', value, checked }),
        ' ',
        h('strong', {}, label),
        ` — ${help}`,
      );
    const form = h(
      'form',
      { class: 'side-moves', 'aria-labelledby': 'side-title' },
      h('h2', { id: 'side-title' }, 'Side move: use one lever or pass'),
      hint ? h('p', { class: 'hint' }, hint) : null,
      h(
        'fieldset',
        {},
        h('legend', {}, 'Lever'),
        choice('pass', 'Pass', 'keep your powder dry.', true),
        choice(
          'pressure',
          'Pressure',
          'weakens the target’s alternatives and softens its firm red lines; costs you a little goodwill.',
        ),
        choice(
          'incentive',
          'Incentive',
          'makes any deal worth more to the target, at a cost to you.',
        ),
        choice(
          'commitment',
          'Public commitment',
          'you hold firmer on one issue, and everyone knows it.',
        ),
      ),
      field('side-target', 'Target (pressure, incentive)', target),
      field('side-issue', 'Issue (commitment)', issue),
      h('button', { type: 'submit', class: 'primary', 'data-autofocus': true }, 'Make the move'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const kind = new FormData(form).get('kind') as SideMove['kind'];
      const move: SideMove =
        kind === 'pressure' || kind === 'incentive'
          ? { kind, target: target.value as Party }
          : kind === 'commitment'
            ? { kind, issue: Number(issue.value) }
            : { kind: 'pass' };
      this.send({ type: 'SIDE_MOVE', party: view.seat, move });
    });
    return form;
  }

  /** The terms of a package, one line per issue. */
  private termsList(pkg: Package): HTMLElement {
    return h(
      'ul',
      { class: 'terms' },
      this.level.issues.map((issue, i) =>
        h('li', {}, h('span', {}, issue.name), h('strong', {}, issue.options[pkg[i]!]!.name)),
      ),
    );
  }

  // ---- Debrief ----
  private debrief(view: SeatView): HTMLElement {
    const level = this.level;
    const game = this.game!;
    const outcome = game.outcome!;
    const analysis = analyse(level, game, outcome.deal);
    const rejections = game.history.flatMap((r) =>
      PARTIES.filter((p) => r.responses[p]?.accept === false).map((p) => ({
        round: r.round,
        party: p,
        response: r.responses[p]!,
      })),
    );
    return h(
      'section',
      { class: 'debrief', 'aria-labelledby': 'debrief-title' },
      h('h1', { id: 'debrief-title' }, `${OUTCOME_WORDS[outcome.kind]}`),
      h(
        'p',
        { class: 'lede' },
        outcome.deal
          ? `A deal was signed in round ${game.round}. Credibility ${credibility(level, outcome.deal)}/100.`
          : `The deadline passed after ${game.round} rounds without a deal.`,
      ),
      outcome.deal ? this.termsList(outcome.deal) : null,
      outcome.stress ? this.timeline(outcome.stress.years) : null,
      h('h2', {}, 'Scores'),
      h(
        'table',
        { class: 'scores' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Delegation'),
            h('th', { scope: 'col' }, 'Score'),
            h('th', { scope: 'col' }, 'Utility of the outcome'),
          ),
        ),
        h(
          'tbody',
          {},
          PARTIES.map((p) =>
            h(
              'tr',
              { class: p === view.seat ? 'you' : '' },
              h(
                'th',
                { scope: 'row' },
                `${level.parties[p].spec.name}${p === view.seat ? ' (you)' : ''}`,
              ),
              h('td', {}, String(outcome.scores[p])),
              h('td', {}, percent(outcome.utilities[p])),
            ),
          ),
        ),
      ),
      h('h2', {}, 'What was possible'),
      this.frontierChart(analysis),
      h('h2', {}, 'What each delegation really wanted'),
      h(
        'div',
        { class: 'revealed' },
        PARTIES.map((p) => {
          const model = level.parties[p];
          const total = model.weights.reduce((a, b) => a + b, 0);
          return h(
            'div',
            {},
            h('h3', {}, model.spec.name),
            this.weightBars(model.weights.map((w) => w / total)),
            h(
              'ul',
              {},
              model.redLines.map((r) =>
                h(
                  'li',
                  {},
                  `${r.hard ? 'Hard' : 'Firm'} red line${r.public ? '' : ' (private)'}: ${r.says}`,
                ),
              ),
            ),
            h('p', { class: 'muted' }, `BATNA at the end: ${percent(game.parties[p].reservation)}`),
          );
        }),
      ),
      h('h2', {}, 'Rejections and the red lines behind them'),
      rejections.length
        ? h(
            'ul',
            {},
            rejections.map((x) =>
              h(
                'li',
                {},
                `Round ${x.round}: ${level.parties[x.party].spec.name} — ${x.response.says}${x.response.redLine ? ` (red line “${x.response.redLine}”)` : ''}`,
              ),
            ),
          )
        : h('p', {}, 'No rejections.'),
      this.sharePanel(game),
      h('h2', {}, 'Discussion'),
      h(
        'ol',
        {},
        level.spec.questions.map((q) => h('li', {}, q)),
      ),
      h('h2', {}, 'The history behind it'),
      h(
        'ul',
        {},
        level.spec.history.map((x) => h('li', {}, x)),
      ),
      level.spec.glossary.length
        ? h(
            'details',
            {},
            h('summary', {}, 'Glossary'),
            h(
              'dl',
              {},
              level.spec.glossary.flatMap((g) => [h('dt', {}, g.term), h('dd', {}, g.definition)]),
            ),
          )
        : null,
      h(
        'div',
        { class: 'row actions' },
        h(
          'button',
          {
            class: 'primary',
            onclick: () => this.startGame({ ...this.settings, seed: this.seed }),
          },
          'Play again (same seed)',
        ),
        h(
          'button',
          { onclick: () => this.startGame({ ...this.settings, seed: null }) },
          'Play a new seed',
        ),
        h('button', { onclick: () => this.showMenu() }, 'Change seat or level'),
      ),
    );
  }

  private shareLink(): string {
    const url = new URL(window.location.href);
    url.search = linkQuery({
      level: this.level.id,
      seed: this.seed,
      role: this.settings.role,
      difficulty: this.settings.difficulty,
      mode: this.settings.mode,
    });
    return url.toString();
  }

  private sharePanel(game: GameSnapshot['context']['game']): HTMLElement {
    const link = this.shareLink();
    const card = shareCard(this.level, game, link);
    const codeBox = h('textarea', {
      id: 'result-code',
      readonly: true,
      rows: 3,
      spellcheck: 'false',
    });
    const nameInput = h('input', { id: 'player-name', maxlength: 40, autocomplete: 'off' });
    const status = h('p', { role: 'status', class: 'muted' });
    const refresh = () => {
      codeBox.value = resultCodeFor(this.level, game, nameInput.value.trim() || undefined);
    };
    nameInput.addEventListener('input', refresh);
    refresh();
    const copy = async (text: string, what: string) => {
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = `${what} copied.`;
      } catch {
        status.textContent = `Copying is blocked here: select the ${what.toLowerCase()} and copy it by hand.`;
      }
    };
    const nativeShare = 'share' in navigator;
    return h(
      'div',
      { class: 'share' },
      h('h2', {}, 'Share and check'),
      h(
        'p',
        {},
        'The result code lets anyone replay this game and check the outcome. Give it to your teacher.',
      ),
      field('player-name', 'Your name (optional, goes into the code)', nameInput),
      field('result-code', 'Result code', codeBox),
      h('pre', { class: 'share-card', 'aria-label': 'Share card' }, card),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', onclick: () => void copy(codeBox.value, 'Result code') },
          'Copy result code',
        ),
        h(
          'button',
          { type: 'button', onclick: () => void copy(card, 'Share card') },
          'Copy share card',
        ),
        nativeShare
          ? h(
              'button',
              {
                type: 'button',
                onclick: () =>
                  void navigator.share({ title: 'Red Lines', text: card }).catch(() => undefined),
              },
              'Share…',
            )
          : null,
        h('a', { href: `?replay=${encodeURIComponent(codeBox.value)}` }, 'Open the replay viewer'),
      ),
      status,
    );
  }

  // ---- Replay viewer ----
  private replay: { result: VerifiedResult; rounds: GameState[]; shown: number } | null = null;

  /** Opens `?replay=<code>`: verifies the code by replaying it, then steps through its rounds. */
  openReplay(code: string): void {
    const verified = verifyResult(code, this.o.catalog.levels);
    if (!verified.ok) {
      this.notify(`This result code cannot be replayed: ${verified.error.message}.`);
      this.showMenu();
      return;
    }
    const result = verified.value;
    // Snapshots at the end of each round, captured by replaying the moves once more.
    const rounds: GameState[] = [];
    const { level, payload } = result;
    let game = newGame(level, payload);
    const keep = (g: GameState) => {
      if (g.table || g.outcome) rounds[g.round - 1] = g;
    };
    keep(game);
    for (const move of payload.moves) {
      const next = applyMove(level, game, move);
      if (!next.ok) break; // unreachable: verifyResult replayed the same moves
      keep((game = next.value));
    }
    this.level = result.level;
    this.seed = result.payload.seed;
    const humans = PARTIES.filter((p) => result.payload.seats[p] === 'human');
    this.settings = {
      level: result.level.id,
      seed: result.payload.seed,
      role: humans[0] ?? 'ukraine',
      difficulty: result.payload.difficulty,
      mode: humans.length > 1 ? 'hotseat' : 'solo',
      humans: humans.length > 0 ? humans : ['ukraine'],
    };
    this.replay = { result, rounds: rounds.filter(Boolean), shown: 0 };
    this.screen = 'replay';
    this.showReplayRound(0);
  }

  private showReplayRound(index: number): void {
    const replay = this.replay!;
    replay.shown = Math.max(0, Math.min(replay.rounds.length - 1, index));
    const game = replay.rounds[replay.shown]!;
    this.game = game;
    const view = seatView(this.level, game, this.settings.role);
    this.o.bus.emit('table', tableView(this.level, game, view));
    this.o.bus.emit('map', mapView(this.level, game));
    this.o.log.replaceChildren();
    this.logCount = 0;
    this.appendLog(view);
    this.renderedKey = '';
    this.render();
  }

  /** Plays on from the start of a round of the replayed game, as a new game. */
  private forkAt(round: number): void {
    const { result } = this.replay!;
    let game = newGame(result.level, result.payload);
    const prefix: Move[] = [];
    for (const move of result.payload.moves) {
      if (game.round >= round) break;
      const next = applyMove(result.level, game, move);
      if (!next.ok) break;
      game = next.value;
      prefix.push(move);
    }
    this.replay = null;
    this.startGame({ ...this.settings, seed: result.payload.seed }, prefix);
  }

  private replayScreen(): HTMLElement {
    const { result, rounds, shown } = this.replay!;
    const game = rounds[shown]!;
    const record = game.outcome ? game.history[shown] : (game.history[shown] ?? null);
    const level = this.level;
    const proposal = record?.proposal ?? game.table;
    const responses = record?.responses ?? game.responses;
    const round = shown + 1;
    return h(
      'section',
      { class: 'replay', 'aria-labelledby': 'replay-title' },
      h('h1', { id: 'replay-title' }, `Replay: ${level.spec.title}`),
      h(
        'p',
        {},
        `Verified by replay${result.payload.name ? ` · ${result.payload.name}` : ''} · seed ${result.payload.seed} · ${OUTCOME_WORDS[result.outcome]} after ${result.rounds} rounds.`,
      ),
      h('h2', {}, `Round ${round} of ${rounds.length}`),
      proposal
        ? h(
            'div',
            {},
            h('p', {}, `${level.parties[proposal.proposer].spec.name} proposed:`),
            this.termsList(proposal.package),
            h(
              'ul',
              { class: 'responses' },
              PARTIES.filter((p) => p !== proposal.proposer && responses[p]).map((p) =>
                h(
                  'li',
                  { class: responses[p]!.accept ? 'accept' : 'reject' },
                  h(
                    'strong',
                    {},
                    `${level.parties[p].spec.name} ${responses[p]!.accept ? 'accepts' : 'rejects'}: `,
                  ),
                  responses[p]!.says,
                ),
              ),
            ),
          )
        : null,
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', disabled: shown === 0, onclick: () => this.showReplayRound(shown - 1) },
          'Previous round',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            'data-autofocus': true,
            disabled: shown >= rounds.length - 1,
            onclick: () => this.showReplayRound(shown + 1),
          },
          'Next round',
        ),
        h(
          'button',
          { type: 'button', id: 'fork', onclick: () => this.forkAt(round) },
          `Play on from round ${round}`,
        ),
        h('button', { type: 'button', onclick: () => this.showMenu() }, 'Menu'),
      ),
    );
  }

  private timeline(
    years: readonly { year: number; probe: boolean; held: boolean; note: string }[],
  ): HTMLElement {
    return h(
      'div',
      { class: 'timeline' },
      h('h2', {}, 'The stress test, year by year'),
      h(
        'ol',
        {},
        years.map((y) =>
          h(
            'li',
            { class: y.probe ? (y.held ? 'held' : 'breach') : 'quiet' },
            h('strong', {}, String(y.year)),
            ` ${y.note}`,
          ),
        ),
      ),
    );
  }

  private frontierChart(analysis: Analysis): HTMLElement {
    // Russia's utility across, Ukraine's up: the two sides whose trade-off decides the deal.
    const x = PARTIES.indexOf('russia');
    const y = PARTIES.indexOf('ukraine');
    const size = 320;
    const pad = 36;
    const px = (u: number) => pad + Math.max(0, Math.min(1, u)) * (size - 2 * pad);
    const py = (u: number) => size - pad - Math.max(0, Math.min(1, u)) * (size - 2 * pad);
    const svg = s('svg', {
      viewBox: `0 0 ${size} ${size}`,
      class: 'chart',
      role: 'img',
      'aria-labelledby': 'chart-desc',
    });
    svg.append(
      s('rect', { x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad, class: 'plot' }),
      s('text', { x: size / 2, y: size - 6, 'text-anchor': 'middle' }, "Russia's utility →"),
      s(
        'text',
        { x: 12, y: size / 2, transform: `rotate(-90 12 ${size / 2})`, 'text-anchor': 'middle' },
        "Ukraine's utility →",
      ),
    );
    for (const p of analysis.frontier)
      svg.append(
        s('circle', {
          cx: px(p.utilities[x]!),
          cy: py(p.utilities[y]!),
          r: 2.5,
          class: 'frontier',
        }),
      );
    const mark = (p: { utilities: readonly number[] } | null, cls: string, label: string) => {
      if (!p) return;
      svg.append(
        s('circle', { cx: px(p.utilities[x]!), cy: py(p.utilities[y]!), r: 7, class: cls }),
        s(
          'text',
          { x: px(p.utilities[x]!) + 9, y: py(p.utilities[y]!) - 6, class: `${cls}-label` },
          label,
        ),
      );
    };
    mark(analysis.maxTotal, 'max-total', 'best total');
    mark(analysis.nash, 'nash', 'Nash');
    mark({ utilities: analysis.reservations }, 'batna', 'no deal (BATNAs)');
    mark(analysis.deal, 'deal', 'the deal');
    const d = analysis.distances;
    return h(
      'figure',
      { class: 'frontier-figure' },
      svg,
      h(
        'figcaption',
        { id: 'chart-desc' },
        `${analysis.frontier.length} packages are Pareto-efficient among ${analysis.feasibleCount} that cross no hard red line. `,
        d
          ? `Your deal is ${d.frontier.toFixed(2)} from the frontier, ${d.nash === null ? 'with no Nash point' : `${d.nash.toFixed(2)} from the Nash bargaining point`}, and ${d.maxTotal.toFixed(2)} from the best total outcome (distances in utility, 0–2).`
          : 'No deal was signed, so every party got its BATNA.',
      ),
    );
  }
}
