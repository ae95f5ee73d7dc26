// The teacher page (`?mode=teacher`): set up one scenario for a class, put its link and QR code on
// the projector, then paste the result codes students bring back. Every code is verified by
// replaying it; the page keeps its list in local storage and needs no server.
// Pasted text is shown through textContent only; the QR code is built as SVG elements.
import './teacher.css';
import * as qrModule from 'qrcode';
import { OUTCOME_WORDS } from '../core/codes';
import type { Level } from '../core/level/level';
import { DIFFICULTIES, PARTIES, type Party } from '../core/parties';
import { parseSeed, seedFrom } from '../core/seed';
import type { OutcomeKind } from '../core/state';
import type { Catalog } from '../levels';
import { h, s } from './dom';
import {
  GROUPS,
  MAX_INPUT,
  MAX_LINES,
  MAX_TIMER_MINUTES,
  STORAGE_KEY,
  buildEntries,
  cachedVerifier,
  clampTimer,
  classLinks,
  classStats,
  dealTerms,
  groupRole,
  humanSeats,
  isClassGame,
  loadStore,
  parseCodeLines,
  saveStore,
  toCsv,
  type ClassStats,
  type Entry,
  type TeacherSettings,
} from './teacherData';

const OUTCOME_ORDER: readonly OutcomeKind[] = ['lasting', 'uneasy', 'renewedWar', 'noDeal'];

// qrcode is CommonJS: some loaders expose it only as `default`.
const QR = (qrModule as typeof qrModule & { default?: typeof qrModule }).default ?? qrModule;

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

function readStorage(storage: Storage | null): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(storage: Storage | null, text: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(STORAGE_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** A QR code as SVG elements (one path, one run per row of dark modules), with a quiet zone. */
function qrSvg(text: string, label: string): Element {
  let modules;
  try {
    modules = QR.create(text, { errorCorrectionLevel: 'M' }).modules;
  } catch {
    return h('p', { class: 'error' }, 'The QR code could not be made for this link.');
  }
  const margin = 4;
  const dim = modules.size + 2 * margin;
  let d = '';
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      let run = 1;
      while (c + run < modules.size && modules.get(r, c + run)) run++;
      d += `M${c + margin} ${r + margin}h${run}v1h-${run}z`;
      c += run - 1;
    }
  return s(
    'svg',
    {
      class: 'tc-qr',
      viewBox: `0 0 ${dim} ${dim}`,
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
    },
    s('rect', { width: dim, height: dim, fill: '#fff' }),
    s('path', { d, fill: '#000' }),
  );
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);

/** A labelled bar chart as a list: the numbers are text, the bars only decoration. */
function bars(
  title: string,
  rows: readonly { label: string; fraction: number; value: string }[],
): HTMLElement {
  return h(
    'ul',
    { class: 'tc-bars', 'aria-label': title },
    rows.map((row) =>
      h(
        'li',
        {},
        h('span', { class: 'tc-bar-label' }, row.label),
        h(
          'span',
          { class: 'tc-track', 'aria-hidden': 'true' },
          h('span', {
            class: 'tc-bar',
            style: `width: ${Math.max(0, Math.min(100, Math.round(row.fraction * 100)))}%`,
          }),
        ),
        h('span', { class: 'tc-bar-value' }, row.value),
      ),
    ),
  );
}

const partyName = (level: Level | undefined, party: Party): string =>
  level?.parties[party].spec.name ?? party;

const clock = (ms: number) => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

export function mountTeacher(
  root: HTMLElement,
  catalog: Catalog,
  /** Where the page keeps its list; null when the browser refuses storage. */
  storage: Storage | null,
  options: TeacherOptions = {},
): TeacherPage {
  const doc = root.ownerDocument;
  const base =
    options.baseUrl ??
    `${doc.defaultView?.location.origin ?? ''}${doc.defaultView?.location.pathname ?? '/'}`;
  const levelIds = [...catalog.levels.keys()];
  const store = loadStore(readStorage(storage), levelIds, freshSeed);
  let settings: TeacherSettings = store.settings;
  let codesText = store.codes;
  let seedValid = true;
  let entries: Entry[] = [];
  let dropped = 0;
  const verify = cachedVerifier(catalog.levels);
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let timerLeft = settings.timer * 60_000;
  let timerEnd: number | null = null;

  const level = () => catalog.levels.get(settings.level);
  const storageNote = h('p', { class: 'tc-note', role: 'status' });
  const save = () => {
    const saved = writeStorage(storage, saveStore({ settings, codes: codesText }));
    storageNote.textContent = saved
      ? ''
      : 'This browser does not let the page keep its list: export the CSV before you close it.';
  };

  doc.title = 'Red Lines: teacher page';

  // --- Setup form ------------------------------------------------------------------------------
  const levelSelect = h(
    'select',
    { id: 'tc-level' },
    [...catalog.levels.values()].map((l) =>
      h('option', { value: l.id, selected: l.id === settings.level }, l.spec.title),
    ),
  );
  const seedInput = h('input', {
    id: 'tc-seed',
    value: settings.seed,
    maxlength: 16,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'characters',
    'aria-describedby': 'tc-seed-help tc-seed-error',
  });
  const seedError = h('p', { id: 'tc-seed-error', class: 'error', role: 'alert' });
  const difficultySelect = h(
    'select',
    { id: 'tc-difficulty' },
    DIFFICULTIES.map((d) => h('option', { value: d, selected: d === settings.difficulty }, d)),
  );
  const roleSelect = h('select', { id: 'tc-role', 'aria-label': 'Seat everyone plays' });
  const fillRoles = () =>
    roleSelect.replaceChildren(
      ...PARTIES.map((p) =>
        h('option', { value: p, selected: p === settings.role }, partyName(level(), p)),
      ),
    );
  fillRoles();
  const sameRadio = h('input', {
    type: 'radio',
    name: 'tc-seating',
    id: 'tc-seating-same',
    value: 'same',
    checked: settings.seating === 'same',
  });
  const rotateRadio = h('input', {
    type: 'radio',
    name: 'tc-seating',
    id: 'tc-seating-rotate',
    value: 'rotate',
    checked: settings.seating === 'rotate',
  });
  const rotateHelp = h('span', { class: 'muted' });
  const fillRotateHelp = () => {
    rotateHelp.textContent = ` (${Array.from(
      { length: GROUPS },
      (_, k) => `group ${k + 1}: ${partyName(level(), groupRole(k + 1))}`,
    ).join(', ')})`;
  };
  fillRotateHelp();
  const timerInput = h('input', {
    id: 'tc-timer',
    type: 'number',
    min: 0,
    max: MAX_TIMER_MINUTES,
    step: 1,
    value: settings.timer,
    inputmode: 'numeric',
  });

  const update = (patch: Partial<TeacherSettings>) => {
    settings = { ...settings, ...patch };
    save();
    renderLinks();
    renderTimer();
    renderResults();
  };

  levelSelect.addEventListener('change', () => {
    update({ level: levelSelect.value });
    fillRoles();
    fillRotateHelp();
  });
  seedInput.addEventListener('input', () => {
    const parsed = parseSeed(seedInput.value);
    seedValid = parsed.ok;
    seedError.textContent = parsed.ok ? '' : `${parsed.error.message}.`;
    if (parsed.ok) update({ seed: parsed.value });
    else renderLinks();
  });
  const newSeed = h('button', { type: 'button', id: 'tc-new-seed' }, 'New seed');
  newSeed.addEventListener('click', () => {
    seedInput.value = freshSeed();
    seedInput.dispatchEvent(new Event('input'));
  });
  difficultySelect.addEventListener('change', () => {
    const d = DIFFICULTIES.find((x) => x === difficultySelect.value);
    if (d) update({ difficulty: d });
  });
  roleSelect.addEventListener('change', () => {
    const p = PARTIES.find((x) => x === roleSelect.value);
    if (p) update({ role: p, seating: 'same' });
    sameRadio.checked = true;
  });
  sameRadio.addEventListener('change', () => update({ seating: 'same' }));
  rotateRadio.addEventListener('change', () => update({ seating: 'rotate' }));
  timerInput.addEventListener('change', () => {
    const minutes = clampTimer(Number(timerInput.value));
    timerInput.value = String(minutes);
    stopTimer();
    timerLeft = minutes * 60_000;
    update({ timer: minutes });
  });

  const setup = h(
    'section',
    { class: 'tc-setup', 'aria-labelledby': 'tc-setup-title' },
    h('h2', { id: 'tc-setup-title' }, '1. The class game'),
    h('div', { class: 'field' }, h('label', { for: 'tc-level' }, 'Level'), levelSelect),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'tc-seed' }, 'Seed'),
      h('div', { class: 'row' }, seedInput, newSeed),
      h(
        'p',
        { id: 'tc-seed-help', class: 'muted' },
        'Everyone with the same seed gets the same game. Keep this one for the whole class.',
      ),
      seedError,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'tc-difficulty' }, 'Difficulty'),
      difficultySelect,
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Seats'),
      h(
        'div',
        { class: 'tc-choice' },
        sameRadio,
        h('label', { for: 'tc-seating-same' }, 'Everyone plays the same seat: '),
        roleSelect,
      ),
      h(
        'div',
        { class: 'tc-choice' },
        rotateRadio,
        h('label', { for: 'tc-seating-rotate' }, 'Rotate seats by group number'),
        rotateHelp,
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h(
        'label',
        { for: 'tc-timer' },
        `Round timer in minutes (0 for none, at most ${MAX_TIMER_MINUTES})`,
      ),
      timerInput,
    ),
  );

  // --- Links and QR codes ----------------------------------------------------------------------
  const linksBox = h('div', { class: 'tc-links' });
  const projector = h(
    'button',
    { type: 'button', 'aria-pressed': 'false', id: 'tc-projector' },
    'Projector view',
  );
  projector.addEventListener('click', () => {
    const on = !linksSection.classList.contains('tc-projector');
    linksSection.classList.toggle('tc-projector', on);
    projector.setAttribute('aria-pressed', String(on));
  });
  const linksSection = h(
    'section',
    { class: 'tc-share', 'aria-labelledby': 'tc-links-title' },
    h('div', { class: 'row' }, h('h2', { id: 'tc-links-title' }, '2. The class link'), projector),
    linksBox,
  );

  const copyButton = (url: string, status: HTMLElement) => {
    const button = h('button', { type: 'button' }, 'Copy');
    button.addEventListener('click', () => {
      const clipboard = doc.defaultView?.navigator.clipboard;
      if (!clipboard) {
        status.textContent = 'Select the link and copy it.';
        return;
      }
      clipboard.writeText(url).then(
        () => (status.textContent = 'Copied.'),
        () => (status.textContent = 'Select the link and copy it.'),
      );
    });
    return button;
  };

  function renderLinks() {
    if (!level()) {
      linksBox.replaceChildren(h('p', { class: 'error' }, 'No level could be loaded.'));
      return;
    }
    if (!seedValid) {
      linksBox.replaceChildren(h('p', { class: 'error' }, 'Fix the seed to get the class link.'));
      return;
    }
    const links = classLinks(base, settings);
    linksBox.classList.toggle('tc-groups', links.length > 1);
    linksBox.replaceChildren(
      ...links.map((link) => {
        const who = partyName(level(), link.role);
        const title = link.group === null ? `Everyone plays ${who}` : `Group ${link.group}: ${who}`;
        const status = h('span', { class: 'muted', role: 'status' });
        const field = h('input', {
          readonly: true,
          value: link.url,
          class: 'tc-url',
          'aria-label': `Link for ${title}`,
        });
        field.addEventListener('focus', () => field.select());
        return h(
          'figure',
          { class: 'tc-link' },
          h('figcaption', {}, title),
          qrSvg(link.url, `QR code of the link for ${title}`),
          h('div', { class: 'row' }, field, copyButton(link.url, status), status),
          h(
            'a',
            { href: link.url, target: '_blank', rel: 'noopener' },
            'Open this game in a new tab',
          ),
        );
      }),
    );
  }

  // --- Round timer ------------------------------------------------------------------------------
  const timerDisplay = h('p', { class: 'tc-clock', 'aria-hidden': 'true' });
  const timerStatus = h('p', { class: 'tc-sr', role: 'status' });
  const startButton = h('button', { type: 'button', class: 'primary' }, 'Start');
  const resetButton = h('button', { type: 'button' }, 'Reset');
  const timerSection = h(
    'section',
    { class: 'tc-timer', 'aria-labelledby': 'tc-timer-title' },
    h('h2', { id: 'tc-timer-title' }, 'Round timer'),
    timerDisplay,
    h('div', { class: 'row' }, startButton, resetButton),
    timerStatus,
  );
  const now = () => Date.now();
  function stopTimer() {
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
    if (timerEnd !== null) timerLeft = Math.max(0, timerEnd - now());
    timerEnd = null;
  }
  function tick() {
    const left = timerEnd === null ? timerLeft : timerEnd - now();
    timerDisplay.textContent = clock(left);
    if (timerEnd !== null && left <= 0) {
      stopTimer();
      timerLeft = 0;
      timerDisplay.textContent = 'Time is up';
      timerStatus.textContent = 'Time is up for this round.';
      timerSection.classList.add('tc-done');
    }
    startButton.textContent = timerEnd === null ? 'Start' : 'Pause';
  }
  startButton.addEventListener('click', () => {
    if (timerEnd !== null) {
      stopTimer();
      timerStatus.textContent = `Paused with ${clock(timerLeft)} left.`;
    } else {
      if (timerLeft <= 0) timerLeft = settings.timer * 60_000;
      timerSection.classList.remove('tc-done');
      timerEnd = now() + timerLeft;
      ticker = setInterval(tick, 250);
      timerStatus.textContent = `Timer started: ${clock(timerLeft)}.`;
    }
    tick();
  });
  resetButton.addEventListener('click', () => {
    stopTimer();
    timerLeft = settings.timer * 60_000;
    timerSection.classList.remove('tc-done');
    timerStatus.textContent = 'Timer reset.';
    tick();
  });
  function renderTimer() {
    timerSection.hidden = settings.timer <= 0;
    if (timerEnd === null && timerLeft > settings.timer * 60_000)
      timerLeft = settings.timer * 60_000;
    tick();
  }

  // --- Results ----------------------------------------------------------------------------------
  const codesArea = h('textarea', {
    id: 'tc-codes',
    rows: 8,
    spellcheck: 'false',
    autocomplete: 'off',
    maxlength: MAX_INPUT,
    'aria-describedby': 'tc-codes-help',
    placeholder: 'Ada: 1.N4Ig…\n1.M4Qw…',
  });
  codesArea.value = codesText;
  const summary = h('p', { class: 'tc-summary', role: 'status', 'aria-live': 'polite' });
  const exportButton = h('button', { type: 'button', id: 'tc-export' }, 'Export CSV');
  const clearButton = h('button', { type: 'button', id: 'tc-clear' }, 'Clear the list');
  const tableBox = h('div', { class: 'tc-table-box' });
  const chartsBox = h('div', { class: 'tc-charts' });

  codesArea.addEventListener('input', () => {
    codesText = codesArea.value.slice(0, MAX_INPUT);
    save();
    clearTimeout(debounce);
    debounce = setTimeout(renderResults, 250);
  });
  exportButton.addEventListener('click', () => exportCsv());
  clearButton.addEventListener('click', () => {
    const win = doc.defaultView;
    if (codesText.trim() !== '' && win && !win.confirm('Remove every code from the list?')) return;
    codesArea.value = '';
    codesText = '';
    save();
    renderResults();
    codesArea.focus();
  });

  function exportCsv() {
    const blob = new Blob(['\ufeff', toCsv(entries)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const day = new Date().toISOString().slice(0, 10);
    const a = h('a', {
      href: url,
      download: `red-lines-${settings.level}-${settings.seed}-${day}.csv`,
      hidden: true,
    });
    doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function entryRow(e: Entry): HTMLTableRowElement {
    const name = e.name ?? '—';
    if (!e.result.ok)
      return h(
        'tr',
        { class: 'tc-refused' },
        h('td', {}, String(e.line)),
        h('td', {}, name),
        h(
          'td',
          { colspan: 5 },
          h('strong', {}, 'Refused: '),
          e.result.error.message,
          h('span', { class: 'muted' }, ` (${e.result.error.code.replace(/^code\//, '')})`),
        ),
      );
    const v = e.result.value;
    const seats = humanSeats(v);
    const notes: string[] = [];
    if (e.duplicateOf !== null) notes.push(`same game as line ${e.duplicateOf}, not counted`);
    if (!isClassGame(v, settings))
      notes.push(`another game: ${v.level.spec.title}, seed ${v.payload.seed}`);
    if (seats.length === 0) notes.push('every seat played by the computer');
    const terms = dealTerms(v);
    return h(
      'tr',
      { class: e.duplicateOf !== null ? 'tc-duplicate' : undefined },
      h('td', {}, String(e.line)),
      h(
        'td',
        {},
        name,
        notes.map((n) => h('span', { class: 'tc-row-note' }, n)),
      ),
      h('td', {}, seats.map((p) => partyName(v.level, p)).join(', ') || '—'),
      h('td', { class: `tc-outcome-${v.outcome}` }, OUTCOME_WORDS[v.outcome]),
      h('td', { class: 'tc-num' }, seats.map((p) => String(v.scores[p])).join(' / ') || '—'),
      h('td', { class: 'tc-num' }, String(v.rounds)),
      h(
        'td',
        {},
        terms.length === 0
          ? h('span', { class: 'muted' }, 'no deal')
          : h(
              'ul',
              { class: 'tc-terms' },
              terms.map((t) =>
                h('li', {}, h('span', { class: 'muted' }, `${t.issue}: `), t.option),
              ),
            ),
      ),
    );
  }

  function renderCharts(stats: ClassStats) {
    if (stats.counted === 0) {
      chartsBox.replaceChildren(
        h('p', { class: 'muted' }, 'Charts appear when codes are verified.'),
      );
      return;
    }
    const lvl = level();
    const termCharts = stats.terms.map((t) =>
      h(
        'div',
        { class: 'tc-term' },
        h('h4', {}, t.issue),
        bars(
          `How often each option of ${t.issue} was agreed`,
          t.options.map((o) => ({
            label: o.option,
            fraction: stats.deals ? o.count / stats.deals : 0,
            value: `${o.count} (${pct(o.count, stats.deals)}%)`,
          })),
        ),
      ),
    );
    chartsBox.replaceChildren(
      h(
        'figure',
        { class: 'tc-chart' },
        h('figcaption', {}, `Outcomes (${stats.counted} games)`),
        bars(
          'Outcomes',
          OUTCOME_ORDER.map((kind) => ({
            label: OUTCOME_WORDS[kind],
            fraction: stats.outcomes[kind] / stats.counted,
            value: `${stats.outcomes[kind]} (${pct(stats.outcomes[kind], stats.counted)}%)`,
          })),
        ),
      ),
      h(
        'figure',
        { class: 'tc-chart' },
        h('figcaption', {}, 'Mean score by seat (0–100)'),
        bars(
          'Mean score by seat',
          PARTIES.map((p) => {
            const { n, mean } = stats.seatScores[p];
            return {
              label: partyName(lvl, p),
              fraction: (mean ?? 0) / 100,
              value: mean === null ? 'no games' : `${mean} (${n} game${n === 1 ? '' : 's'})`,
            };
          }),
        ),
      ),
      h(
        'figure',
        { class: 'tc-chart tc-chart-wide' },
        h(
          'figcaption',
          {},
          lvl
            ? `Terms agreed in the ${stats.deals} deal${stats.deals === 1 ? '' : 's'} on ${lvl.spec.title}`
            : 'Terms agreed',
        ),
        stats.otherLevel > 0
          ? h(
              'p',
              { class: 'muted' },
              `${stats.otherLevel} result${stats.otherLevel === 1 ? ' is' : 's are'} from another level and left out here.`,
            )
          : null,
        stats.deals === 0 ? h('p', { class: 'muted' }, 'No deal was signed.') : termCharts,
      ),
    );
  }

  function renderResults() {
    clearTimeout(debounce);
    const parsed = parseCodeLines(codesText);
    dropped = parsed.dropped;
    entries = buildEntries(parsed, verify);
    const stats = classStats(entries, level());
    exportButton.disabled = entries.length === 0;
    const parts = [
      `${stats.verified} verified`,
      `${stats.refused} refused`,
      ...(stats.duplicates ? [`${stats.duplicates} repeated`] : []),
    ];
    summary.textContent =
      entries.length === 0
        ? 'No codes yet.'
        : `${parts.join(', ')}.` +
          (dropped
            ? ` ${dropped} more line${dropped === 1 ? ' was' : 's were'} left out: the list holds ${MAX_LINES}.`
            : '');
    tableBox.replaceChildren(
      entries.length === 0
        ? h('p', { class: 'muted' }, 'Verified results will be listed here.')
        : h(
            'table',
            { class: 'tc-table' },
            h('caption', { class: 'tc-sr' }, 'Results, one row per line of the list'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Line', 'Name', 'Seat', 'Outcome', 'Score', 'Rounds', 'Terms agreed'].map((t) =>
                  h('th', { scope: 'col' }, t),
                ),
              ),
            ),
            h('tbody', {}, entries.map(entryRow)),
          ),
    );
    renderCharts(stats);
  }

  const results = h(
    'section',
    { class: 'tc-results', 'aria-labelledby': 'tc-results-title' },
    h('h2', { id: 'tc-results-title' }, '3. Results'),
    h('label', { for: 'tc-codes' }, 'Result codes, one per line'),
    h(
      'p',
      { id: 'tc-codes-help', class: 'muted' },
      'Students see their code at the end of the game. Add a name before it if you like: “Ada: 1.N4Ig…”. ',
      'Each code is checked by replaying the game; a changed or incomplete code is refused with the reason.',
    ),
    codesArea,
    h('div', { class: 'row' }, exportButton, clearButton),
    summary,
    storageNote,
    tableBox,
    h('h3', {}, 'The class at a glance'),
    chartsBox,
  );

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
      setup,
      linksSection,
      timerSection,
      results,
    ),
  );
  // Keep the fresh seed at once, so reloading the page does not change the class game.
  save();
  renderLinks();
  renderTimer();
  renderResults();
  // Live classes (issue 12) load only when the teacher page opens, apart from the rest.
  const liveSlot = h('section', { class: 'tc-live' });
  root.firstElementChild?.append(liveSlot);
  void import('../live/teacherPanel').then((m) => m.mountLiveClass(liveSlot, catalog));

  return {
    destroy() {
      clearTimeout(debounce);
      if (ticker !== undefined) clearInterval(ticker);
      root.replaceChildren();
    },
  };
}
