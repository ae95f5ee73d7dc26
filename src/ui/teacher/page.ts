// The teacher page (`?mode=teacher`): set up one scenario for a class, put its link and QR code on
// the projector, then paste the result codes students bring back. Every code is verified by
// replaying it (core's verifyResult, through teacherData); the page keeps its list in the
// browser's storage when it may, and needs no server.
//
// This module holds the state and the intents and wires the parts: each part is
// `render(props, intents)` fed by one selector (selectors.ts), swapped in when its props change.
// Pasted text is shown through textContent only; the QR code is built as SVG elements.
import '../teacher.css';
import { compareApproaches } from '../../core/compare';
import { DIFFICULTIES, PARTIES } from '../../core/parties';
import { parseSeed, seedFrom } from '../../core/seed';
import type { Catalog } from '../../levels';
import { h } from '../dom';
import { runWhenIdle } from '../idle';
import {
  MAX_INPUT,
  buildEntries,
  cachedVerifier,
  clampTimer,
  classStats,
  parseCodeLines,
} from '../teacherData';
import type { TeacherSettings } from '../teacherData';
import * as charts from './charts';
import * as codes from './codes';
import { downloadCsv } from './csv';
import * as links from './links';
import { liveClassSection } from './liveClass';
import * as notices from './notices';
import { mountPart } from './part';
import * as results from './results';
import {
  selectCharts,
  selectClock,
  selectCodes,
  selectLinks,
  selectNotices,
  selectResults,
  selectSetup,
  selectTimer,
  selectTimerSection,
  type Checked,
  type Context,
  type TeacherState,
  type Yardsticks,
  yardstickKey,
} from './selectors';
import * as setup from './setup';
import { browserStorage, openTeacherStorage } from './store';
import * as timer from './timer';

export interface TeacherOptions {
  /** The page students open: the class link is this plus the game's query. */
  readonly baseUrl?: string;
}

export interface TeacherPage {
  /** Stops the timers and empties the root. */
  destroy(): void;
}

const freshSeed = (): string =>
  seedFrom((bound) => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    return buf[0]! % bound;
  });

export function mountTeacher(
  root: HTMLElement,
  catalog: Catalog,
  /**
   * Where the page keeps its list: by default the browser's storage, found without throwing;
   * null when the browser refuses site data (the page then works in memory and says so).
   */
  storage: Storage | null = browserStorage(root.ownerDocument.defaultView),
  options: TeacherOptions = {},
): TeacherPage {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const base = options.baseUrl ?? `${win?.location.origin ?? ''}${win?.location.pathname ?? '/'}`;
  const store = openTeacherStorage(storage, [...catalog.levels.keys()], freshSeed);
  const verify = cachedVerifier(catalog.levels);
  const check = (text: string, settings: TeacherSettings): Checked => {
    const parsed = parseCodeLines(text);
    const entries = buildEntries(parsed, verify);
    return {
      entries,
      dropped: parsed.dropped,
      stats: classStats(entries, catalog.levels.get(settings.level), settings),
    };
  };

  let state: TeacherState = {
    settings: store.initial.settings,
    seedText: store.initial.settings.seed,
    seedError: null,
    codes: store.initial.codes,
    codesRevision: 0,
    checked: check(store.initial.codes, store.initial.settings),
    projector: false,
    copied: null,
    timer: timer.timerReset(store.initial.settings.timer),
    storage: store.problem,
    yardsticks: {},
  };
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const ctx = (): Context => ({ catalog, base, now: Date.now() });

  const save = () => {
    const problem = store.save({ settings: state.settings, codes: state.codes });
    if (problem !== state.storage) state = { ...state, storage: problem };
  };

  /** Applies a change, saves what is kept, and re-renders the parts whose props changed. */
  const set = (patch: Partial<TeacherState>, persist = false) => {
    state = { ...state, ...patch };
    if (persist) save();
    render();
  };

  const setSettings = (patch: Partial<TeacherSettings>) => {
    const settings = { ...state.settings, ...patch };
    state = { ...state, settings, checked: check(state.codes, settings) };
    set({}, true);
  };

  const stopTicker = () => {
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
  };
  const tick = () => {
    const next = timer.timerTick(state.timer, Date.now());
    if (next.end === null) stopTicker();
    set({ timer: next });
  };

  const intents: setup.SetupIntents &
    links.LinksIntents &
    timer.TimerIntents &
    codes.CodesIntents &
    results.ResultsIntents = {
    setLevel: (id) => {
      if (catalog.levels.has(id)) setSettings({ level: id });
    },
    setSeed: (text) => {
      const parsed = parseSeed(text);
      if (parsed.ok) {
        state = { ...state, seedText: text, seedError: null };
        setSettings({ seed: parsed.value });
      } else set({ seedText: text, seedError: `${parsed.error.message}.` });
    },
    newSeed: () => intents.setSeed(freshSeed()),
    setDifficulty: (value) => {
      const difficulty = DIFFICULTIES.find((d) => d === value);
      if (difficulty) setSettings({ difficulty });
    },
    setRole: (value) => {
      const role = PARTIES.find((p) => p === value);
      if (role) setSettings({ role, seating: 'same' });
    },
    setSeating: (seating) => setSettings({ seating }),
    setTimer: (value) => {
      const minutes = clampTimer(value);
      stopTicker();
      state = { ...state, timer: timer.timerReset(minutes) };
      setSettings({ timer: minutes });
    },
    toggleTimer: () => {
      const next = timer.timerToggle(state.timer, state.settings.timer, Date.now());
      stopTicker();
      if (next.end !== null) ticker = setInterval(tick, 250);
      set({ timer: next });
    },
    resetTimer: () => {
      stopTicker();
      set({ timer: timer.timerReset(state.settings.timer, 'Timer reset.') });
    },
    toggleProjector: () => set({ projector: !state.projector }),
    copy: (url) => {
      const clipboard = win?.navigator.clipboard;
      const told = (text: string) => set({ copied: { url, text } });
      if (!clipboard) return told('Select the link and copy it.');
      clipboard.writeText(url).then(
        () => told('Copied.'),
        () => told('Select the link and copy it.'),
      );
    },
    typeCodes: (text) => {
      state = { ...state, codes: text.slice(0, MAX_INPUT) };
      save();
      clearTimeout(debounce);
      debounce = setTimeout(() => set({ checked: check(state.codes, state.settings) }), 250);
      render();
    },
    exportCsv: () => downloadCsv(doc, state.checked.entries, state.settings),
    clearCodes: () => {
      if (state.codes.trim() !== '' && win && !win.confirm('Remove every code from the list?'))
        return;
      clearTimeout(debounce);
      set(
        { codes: '', codesRevision: state.codesRevision + 1, checked: check('', state.settings) },
        true,
      );
      doc.getElementById('tc-codes')?.focus();
    },
  };

  const now = ctx();
  const parts = {
    notices: mountPart(notices.render, selectNotices(state), intents),
    setup: mountPart(setup.render, selectSetup(state, now), intents),
    links: mountPart(links.render, selectLinks(state, now), intents),
    clock: mountPart(timer.renderClock, selectClock(state, now), intents),
    timer: mountPart(timer.render, selectTimer(state), intents),
    codes: mountPart(codes.render, selectCodes(state), intents, codes.codesKey),
    results: mountPart(results.render, selectResults(state), intents),
    charts: mountPart(charts.render, selectCharts(state, now), intents),
  };
  const timerSection = h(
    'section',
    { class: 'tc-timer', 'aria-labelledby': 'tc-timer-title' },
    h('h2', { id: 'tc-timer-title' }, 'Round timer'),
    parts.clock.el,
    parts.timer.el,
  );

  /** Starts, in idle moments, the yardstick games of every seat the class played that lack them. */
  const started = new Set<string>();
  let destroyed = false;
  function ensureYardsticks(): void {
    const { settings } = state;
    const level = catalog.levels.get(settings.level);
    if (!level) return;
    for (const seat of PARTIES) {
      const key = yardstickKey(settings, seat);
      if (state.checked.stats.seatScores[seat].n === 0 || started.has(key)) continue;
      started.add(key);
      const done = (results: Yardsticks[string]) => {
        if (!destroyed) set({ yardsticks: { ...state.yardsticks, [key]: results } });
      };
      runWhenIdle(compareApproaches(level, settings, seat)).then(done, () => done(null));
    }
  }

  function render() {
    ensureYardsticks();
    const c = ctx();
    parts.notices.update(selectNotices(state));
    parts.setup.update(selectSetup(state, c));
    parts.links.update(selectLinks(state, c));
    parts.clock.update(selectClock(state, c));
    parts.timer.update(selectTimer(state));
    const section = selectTimerSection(state);
    timerSection.hidden = section.hidden;
    timerSection.classList.toggle('tc-done', section.done);
    parts.codes.update(selectCodes(state));
    parts.results.update(selectResults(state));
    parts.charts.update(selectCharts(state, c));
  }

  doc.title = 'Red Lines: teacher page';
  root.replaceChildren(
    h(
      'div',
      { class: 'teacher' },
      h('h1', {}, 'Red Lines: teacher page'),
      h(
        'p',
        { class: 'lede' },
        'Set up one scenario for the class, put the link on the projector, then paste the result codes students bring back. Nothing leaves this browser.',
      ),
      parts.notices.el,
      catalog.problems.length
        ? h(
            'details',
            { class: 'tc-problems' },
            h('summary', {}, 'Some levels could not be loaded'),
            h(
              'ul',
              {},
              catalog.problems.map((p) => h('li', {}, p)),
            ),
          )
        : null,
      parts.setup.el,
      parts.links.el,
      timerSection,
      h(
        'section',
        { class: 'tc-results', 'aria-labelledby': 'tc-results-title' },
        h('h2', { id: 'tc-results-title' }, '3. Results'),
        parts.codes.el,
        parts.results.el,
        h('h3', {}, 'The class at a glance'),
        parts.charts.el,
      ),
      liveClassSection(catalog),
    ),
  );
  // Keep the fresh seed at once, so reloading the page does not change the class game.
  save();
  render();

  return {
    destroy() {
      destroyed = true;
      clearTimeout(debounce);
      stopTicker();
      root.replaceChildren();
    },
  };
}
