// The page's state and one selector per screen part. Selectors only pick and word what the data
// modules computed (teacherData's verified entries and class statistics, replayed by the core):
// no game rule is worked out here.
import { OUTCOME_WORDS, outcomeWord } from '../../core/codes';
import type { Level } from '../../core/level/level';
import type { ApproachResult } from '../../core/compare';
import { DIFFICULTIES, PARTIES, type Party } from '../../core/parties';
import type { OutcomeKind } from '../../core/state';
import type { Catalog } from '../../levels';
import {
  GROUPS,
  MAX_INPUT,
  MAX_LINES,
  MAX_TIMER_MINUTES,
  dealTerms,
  groupRole,
  humanSeats,
  isClassGame,
  type ClassStats,
  type Entry,
  type TeacherSettings,
} from '../teacherData';
import type { ChartsProps } from './charts';
import { classLinks } from './classLink';
import type { CodesProps } from './codes';
import type { LinksProps } from './links';
import type { NoticesProps } from './notices';
import type { ResultsProps, RowProps } from './results';
import type { SetupProps } from './setup';
import { STORAGE_MESSAGES, type StorageProblem } from './store';
import { clock, timerLeft, type ClockProps, type TimerModel, type TimerProps } from './timer';

export interface Checked {
  readonly entries: readonly Entry[];
  /** Lines beyond MAX_LINES that were left out. */
  readonly dropped: number;
  readonly stats: ClassStats;
}

/**
 * What one person at a seat would score on a scenario with each of the debrief's approaches
 * (src/core/compare.ts), by `yardstickKey`, filled in as the games are played in idle moments;
 * null when they could not be played.
 */
export type Yardsticks = Readonly<Record<string, readonly ApproachResult[] | null>>;

export const yardstickKey = (settings: TeacherSettings, seat: Party): string =>
  `${settings.level}|${settings.seed}|${settings.difficulty}|${seat}`;

export interface TeacherState {
  readonly settings: TeacherSettings;
  /** What the seed box holds; `settings.seed` keeps the last valid seed. */
  readonly seedText: string;
  readonly seedError: string | null;
  readonly codes: string;
  readonly codesRevision: number;
  readonly checked: Checked;
  readonly projector: boolean;
  readonly copied: { readonly url: string; readonly text: string } | null;
  readonly timer: TimerModel;
  readonly storage: StorageProblem | null;
  readonly yardsticks: Yardsticks;
}

export interface Context {
  readonly catalog: Catalog;
  /** The page students open; class links are built on it. */
  readonly base: string;
  /** The clock, for the round timer. */
  readonly now: number;
}

const OUTCOME_ORDER: readonly OutcomeKind[] = ['lasting', 'uneasy', 'renewedWar', 'noDeal'];

const levelOf = (state: TeacherState, ctx: Context): Level | undefined =>
  ctx.catalog.levels.get(state.settings.level);

export const partyName = (level: Level | undefined, party: Party): string =>
  level?.parties[party].spec.name ?? party;

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function selectSetup(state: TeacherState, ctx: Context): SetupProps {
  const level = levelOf(state, ctx);
  return {
    levels: [...ctx.catalog.levels.values()].map((l) => ({ id: l.id, title: l.spec.title })),
    level: state.settings.level,
    seedText: state.seedText,
    seedError: state.seedError,
    difficulties: DIFFICULTIES,
    difficulty: state.settings.difficulty,
    roles: PARTIES.map((party) => ({ party, name: partyName(level, party) })),
    role: state.settings.role,
    seating: state.settings.seating,
    rotation: Array.from(
      { length: GROUPS },
      (_, k) => `group ${k + 1}: ${partyName(level, groupRole(k + 1))}`,
    ).join(', '),
    timer: state.settings.timer,
    maxTimer: MAX_TIMER_MINUTES,
  };
}

export function selectLinks(state: TeacherState, ctx: Context): LinksProps {
  const level = levelOf(state, ctx);
  const problem = !level
    ? 'No level could be loaded.'
    : state.seedError !== null
      ? 'Fix the seed to get the class link.'
      : null;
  return {
    problem,
    projector: state.projector,
    links:
      problem !== null
        ? []
        : classLinks(ctx.base, state.settings).map((link) => {
            const who = partyName(level, link.role);
            return {
              title: link.group === null ? `Everyone plays ${who}` : `Group ${link.group}: ${who}`,
              url: link.url,
              status: state.copied?.url === link.url ? state.copied.text : '',
            };
          }),
  };
}

/** Whether the timer section shows, and whether its time is up. */
export const selectTimerSection = (state: TeacherState) => ({
  hidden: state.settings.timer <= 0,
  done: state.timer.done,
});

export const selectTimer = (state: TeacherState): TimerProps => ({
  running: state.timer.end !== null,
  status: state.timer.status,
});

export const selectClock = (state: TeacherState, ctx: Context): ClockProps => ({
  text: state.timer.done ? 'Time is up' : clock(timerLeft(state.timer, ctx.now)),
});

export const selectCodes = (state: TeacherState): CodesProps => ({
  revision: state.codesRevision,
  text: state.codes,
  maxLength: MAX_INPUT,
});

function rowOf(e: Entry, settings: TeacherSettings): RowProps {
  const name = e.name ?? '—';
  if (!e.result.ok)
    return {
      kind: 'refused',
      line: e.line,
      name,
      reason: e.result.error.message,
      code: e.result.error.code.replace(/^code\//, ''),
    };
  const v = e.result.value;
  const seats = humanSeats(v);
  const notes: string[] = [];
  if (e.duplicateOf !== null) notes.push(`same game as line ${e.duplicateOf}, not counted`);
  if (!isClassGame(v, settings))
    notes.push(`another game: ${v.level.spec.title}, seed ${v.payload.seed}`);
  if (seats.length === 0) notes.push('every seat played by the computer');
  return {
    kind: 'verified',
    line: e.line,
    name,
    notes,
    duplicate: e.duplicateOf !== null,
    seats: seats.map((p) => partyName(v.level, p)).join(', ') || '—',
    outcome: v.outcome,
    outcomeText: outcomeWord(v.level, v.outcome),
    scores: seats.map((p) => String(v.scores[p])).join(' / ') || '—',
    rounds: v.rounds,
    terms: dealTerms(v),
  };
}

export function selectResults(state: TeacherState): ResultsProps {
  const { entries, dropped, stats } = state.checked;
  const parts = [
    `${stats.verified} verified`,
    `${stats.refused} refused`,
    ...(stats.duplicates ? [`${stats.duplicates} repeated`] : []),
  ];
  return {
    summary:
      entries.length === 0
        ? 'No codes yet.'
        : `${parts.join(', ')}.` +
          (dropped
            ? ` ${dropped} more ${plural(dropped, 'line was', 'lines were')} left out: the list holds ${MAX_LINES}.`
            : ''),
    canExport: entries.length > 0,
    rows: entries.map((e) => rowOf(e, state.settings)),
  };
}

export function selectCharts(state: TeacherState, ctx: Context): ChartsProps {
  const { stats } = state.checked;
  const level = levelOf(state, ctx);
  return {
    counted: stats.counted,
    outcomes: OUTCOME_ORDER.map((kind) => ({
      label: OUTCOME_WORDS[kind],
      fraction: stats.counted ? stats.outcomes[kind] / stats.counted : 0,
      value: `${stats.outcomes[kind]} (${pct(stats.outcomes[kind], stats.counted)}%)`,
    })),
    seats: PARTIES.map((p) => {
      const { n, mean } = stats.seatScores[p];
      return {
        label: partyName(level, p),
        fraction: (mean ?? 0) / 100,
        value: mean === null ? 'no games' : `${mean} (${n} ${plural(n, 'game', 'games')})`,
      };
    }),
    yardsticks: PARTIES.filter((p) => stats.seatScores[p].n > 0).map((p) => {
      const results = state.yardsticks[yardstickKey(state.settings, p)];
      return {
        seat: partyName(level, p),
        text:
          results === undefined
            ? 'being worked out…'
            : results === null
              ? 'could not be worked out'
              : results.map((r) => `${r.name} ${r.score}`).join(' · '),
      };
    }),
    termsTitle: level
      ? `Terms agreed in the ${stats.deals} ${plural(stats.deals, 'deal', 'deals')} on ${level.spec.title}`
      : 'Terms agreed',
    otherLevel:
      stats.otherLevel > 0
        ? `${stats.otherLevel} ${plural(stats.otherLevel, 'result is', 'results are')} from another level and left out here.`
        : null,
    terms:
      stats.deals === 0
        ? null
        : stats.terms.map((t) => ({
            issue: t.issue,
            bars: t.options.map((o) => ({
              label: o.option,
              fraction: o.count / stats.deals,
              value: `${o.count} (${pct(o.count, stats.deals)}%)`,
            })),
          })),
  };
}

export const selectNotices = (state: TeacherState): NoticesProps => ({
  messages: state.storage === null ? [] : [STORAGE_MESSAGES[state.storage]],
});
