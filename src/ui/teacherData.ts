// The teacher page's data, without the DOM: settings kept in storage, class links, pasted lines of
// result codes, class statistics and the CSV export. Everything pasted comes from strangers: it is
// parsed into results and capped, and nothing here builds HTML.
import {
  OUTCOME_WORDS,
  cleanName,
  verifyResult,
  type CodeError,
  type VerifiedResult,
} from '../core/codes';
import type { Level } from '../core/level/level';
import { MAX_CODE_LENGTH, MAX_LINE_LENGTH, MAX_LIST_LENGTH, MAX_LIST_LINES } from '../core/limits';
import { DEFAULT_DIFFICULTY, DEFAULT_LEVEL, DEFAULT_ROLE } from '../core/params';
import {
  PARTIES,
  isDifficulty,
  isParty,
  type ByParty,
  type Difficulty,
  type Party,
} from '../core/parties';
import { err, type Result } from '../core/result';
import { parseSeed } from '../core/seed';
import type { OutcomeKind } from '../core/state';

export const STORAGE_KEY = 'redlines.teacher.v1';
/** Lines of codes read from the box; more are left out with a notice. */
export const MAX_LINES = MAX_LIST_LINES;
/** Characters kept in the box (and in storage). */
export const MAX_INPUT = MAX_LIST_LENGTH;
/** Characters in one line of the box; a longer line is refused without being read. */
export const MAX_LINE = MAX_LINE_LENGTH;
export const MAX_TIMER_MINUTES = 60;
export const GROUPS = 4;

export type Seating = 'same' | 'rotate';

export interface TeacherSettings {
  readonly level: string;
  readonly seed: string;
  readonly difficulty: Difficulty;
  readonly seating: Seating;
  /** The seat everyone plays when seating is 'same'. */
  readonly role: Party;
  /** Minutes per round; 0 for no timer. */
  readonly timer: number;
  /**
   * When true, a game where one person played several seats (hot-seat) counts for the class too.
   * By default only games with exactly one human seat count.
   */
  readonly sharedSeats?: boolean;
}

export interface TeacherStore {
  readonly settings: TeacherSettings;
  /** The text of the codes box, as pasted. */
  readonly codes: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const clampTimer = (n: number): number =>
  Number.isFinite(n) ? Math.min(MAX_TIMER_MINUTES, Math.max(0, Math.round(n))) : 0;

/**
 * Reads what the page stored, keeping each value only if it is still valid: an unknown level, a
 * bad seed or anything else falls back to a default (a fresh seed from `freshSeed`).
 */
export function loadStore(
  text: string | null,
  levels: readonly string[],
  freshSeed: () => string,
): TeacherStore {
  let data: unknown;
  try {
    data = text === null ? null : JSON.parse(text);
  } catch {
    data = null;
  }
  const root = isRecord(data) && data.version === 1 ? data : {};
  const s = isRecord(root.settings) ? root.settings : {};
  const seed = typeof s.seed === 'string' ? parseSeed(s.seed) : null;
  const fallbackLevel = levels.includes(DEFAULT_LEVEL) ? DEFAULT_LEVEL : (levels[0] ?? '');
  return {
    settings: {
      level: typeof s.level === 'string' && levels.includes(s.level) ? s.level : fallbackLevel,
      seed: seed?.ok ? seed.value : freshSeed(),
      difficulty: isDifficulty(s.difficulty) ? s.difficulty : DEFAULT_DIFFICULTY,
      seating: s.seating === 'rotate' ? 'rotate' : 'same',
      role: isParty(s.role) ? s.role : DEFAULT_ROLE,
      timer: typeof s.timer === 'number' ? clampTimer(s.timer) : 0,
      ...(s.sharedSeats === true ? { sharedSeats: true } : {}),
    },
    codes: typeof root.codes === 'string' ? root.codes.slice(0, MAX_INPUT) : '',
  };
}

export const saveStore = (store: TeacherStore): string =>
  JSON.stringify({ version: 1, settings: store.settings, codes: store.codes.slice(0, MAX_INPUT) });

// ---------------------------------------------------------------------------------------------
// Class links

/** The seat of group g (1-based) when seats rotate: group 1 plays the first party, and so on. */
export const groupRole = (group: number): Party => PARTIES[(group - 1) % PARTIES.length]!;

// ---------------------------------------------------------------------------------------------
// Pasted lines

export interface CodeLine {
  /** 1-based line number in the box. */
  readonly line: number;
  /** The name written before the code, cleaned; null when there is none. */
  readonly name: string | null;
  readonly code: string;
  /** True when the line was longer than MAX_LINE characters and was not read (code is cut). */
  readonly tooLong?: true;
}

export interface ParsedLines {
  readonly lines: readonly CodeLine[];
  /** Non-empty lines beyond MAX_LINES that were left out. */
  readonly dropped: number;
}

/** White space as `\s` matches it, by code unit (a loop of regex tests is slow while cold). */
const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * A replay link at the end of a line (`[name] https://…?replay=<code>…`), found in one pass: the
 * link is the last run of non-space characters, from its `http://` or `https://` on. No
 * backtracking, so a long line costs time in proportion to its length.
 */
export function replayLink(line: string): { name: string; code: string } | null {
  let start = line.length;
  while (start > 0 && !isSpace(line.charCodeAt(start - 1))) start--;
  const token = line.slice(start);
  const http = token.search(/https?:\/\//);
  if (http < 0) return null;
  const url = token.slice(http);
  const at = url.search(/[?&]replay=/);
  if (at < 0) return null;
  const rest = url.slice(at + '?replay='.length);
  const end = rest.search(/[&#]/);
  const code = end < 0 ? rest : rest.slice(0, end);
  if (code === '') return null;
  return { name: line.slice(0, start + http).trimEnd(), code };
}

/**
 * One code per line, optionally `name: code`. A replay link (`…?replay=<code>`) counts as its
 * code. Blank lines and lines starting with # are skipped.
 */
export function parseCodeLines(text: string): ParsedLines {
  const lines: CodeLine[] = [];
  let dropped = 0;
  text
    .slice(0, MAX_INPUT)
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      if (lines.length >= MAX_LINES) {
        dropped++;
        return;
      }
      if (line.length > MAX_LINE) {
        // Not read at all: a line this long holds no real code.
        lines.push({ line: i + 1, name: null, code: line.slice(0, 40), tooLong: true });
        return;
      }
      let name = '';
      let code = line;
      const link = replayLink(line);
      if (link) {
        name = link.name.endsWith(':') ? link.name.slice(0, -1) : link.name;
        try {
          code = decodeURIComponent(link.code);
        } catch {
          code = link.code;
        }
      } else {
        // Codes never hold a colon, so the code is whatever follows the last one.
        const colon = line.lastIndexOf(':');
        if (colon >= 0) {
          name = line.slice(0, colon);
          code = line.slice(colon + 1);
        }
      }
      const cleaned = cleanName(name);
      lines.push({ line: i + 1, name: cleaned === '' ? null : cleaned, code: code.trim() });
    });
  return { lines, dropped };
}

// ---------------------------------------------------------------------------------------------
// Entries and statistics

export interface Entry {
  readonly line: number;
  /** The name on the line, else the one in the code, else null. */
  readonly name: string | null;
  readonly code: string;
  readonly result: Result<VerifiedResult, CodeError>;
  /** Line number of an earlier line with the same game, when this one repeats it. */
  readonly duplicateOf: number | null;
}

export type Verify = (code: string) => Result<VerifiedResult, CodeError>;

/** A verifier that remembers results, so retyping the box does not replay every game again. */
export function cachedVerifier(levels: ReadonlyMap<string, Level>, limit = 4 * MAX_LINES): Verify {
  const cache = new Map<string, Result<VerifiedResult, CodeError>>();
  return (code) => {
    let result = cache.get(code);
    if (!result) {
      result = verifyResult(code, levels);
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      cache.set(code, result);
    }
    return result;
  };
}

const lineTooLong = err<CodeError>({
  code: 'code/too-long',
  message: `this line has more than ${MAX_LINE} characters, so it holds no real code (a code has at most ${MAX_CODE_LENGTH})`,
});

export function buildEntries(parsed: ParsedLines, verify: Verify): Entry[] {
  const seen = new Map<string, number>();
  return parsed.lines.map(({ line, name, code, tooLong }) => {
    const result = tooLong ? lineTooLong : verify(code);
    let duplicateOf: number | null = null;
    if (result.ok) {
      // The same game pasted twice (perhaps under two names) would count twice.
      const key = `${result.value.payload.level}/${result.value.payload.seed}/${result.value.stateHash}`;
      duplicateOf = seen.get(key) ?? null;
      if (duplicateOf === null) seen.set(key, line);
    }
    return {
      line,
      name: name ?? (result.ok ? (result.value.payload.name ?? null) : null),
      code,
      result,
      duplicateOf,
    };
  });
}

export const humanSeats = (v: VerifiedResult): Party[] =>
  PARTIES.filter((p) => v.payload.seats[p] === 'human');

/** Whether a result is of the scenario the class was given (level and seed only). */
export const isSameScenario = (v: VerifiedResult, settings: TeacherSettings): boolean =>
  v.payload.level === settings.level && v.payload.seed === settings.seed;

export interface ClassCheck {
  /** True when the game counts for the class. */
  readonly counts: boolean;
  /** Why it does not, in plain words (empty when it counts). */
  readonly reasons: readonly string[];
}

/**
 * Whether a game counts for the class: the class's level, seed and difficulty, and its seat rules.
 * Exactly one seat is played by a person (several only when `settings.sharedSeats`), and when the
 * whole class plays one seat (seating 'same'), it is that seat.
 */
export function classCheck(v: VerifiedResult, settings: TeacherSettings): ClassCheck {
  const reasons: string[] = [];
  const p = v.payload;
  if (p.level !== settings.level) reasons.push(`another level (${v.level.spec.title})`);
  else if (p.seed !== settings.seed) reasons.push(`another seed (${p.seed})`);
  if (p.difficulty !== settings.difficulty) reasons.push(`another difficulty (${p.difficulty})`);
  const humans = humanSeats(v);
  if (humans.length === 0) reasons.push('every seat played by the computer');
  else if (humans.length > 1 && settings.sharedSeats !== true)
    reasons.push(`${humans.length} seats played on one device`);
  if (settings.seating === 'same' && humans.length > 0 && !humans.includes(settings.role))
    reasons.push(`played as ${humans.join(', ')}; the class plays ${settings.role}`);
  return { counts: reasons.length === 0, reasons };
}

/** Whether a result counts for the class (see `classCheck`). */
export const isClassGame = (v: VerifiedResult, settings: TeacherSettings): boolean =>
  classCheck(v, settings).counts;

/** "issue: option" for every term of the deal. */
export const dealTerms = (v: VerifiedResult): { issue: string; option: string }[] =>
  v.deal
    ? v.level.issues.map((issue, i) => ({
        issue: issue.name,
        option: issue.options[v.deal![i]!]!.name,
      }))
    : [];

export interface ClassStats {
  readonly verified: number;
  readonly refused: number;
  readonly duplicates: number;
  /** Results counted in the statistics: verified and not repeated. */
  readonly counted: number;
  readonly outcomes: Record<OutcomeKind, number>;
  readonly seatScores: ByParty<{ readonly n: number; readonly mean: number | null }>;
  /** Per issue of `level`, how many of the deals on it chose each option. */
  readonly terms: readonly {
    readonly issue: string;
    readonly options: readonly { readonly option: string; readonly count: number }[];
  }[];
  readonly deals: number;
  /** Counted results on another level than `level` (left out of the terms). */
  readonly otherLevel: number;
  /**
   * Verified, unrepeated games left out because they do not match the class (only when
   * `classStats` is given the settings), with the reasons, listed apart from the charts.
   */
  readonly apart: readonly { readonly line: number; readonly reasons: readonly string[] }[];
}

/**
 * Statistics of the class. Given the class settings, only games that match them (`classCheck`)
 * are counted; the others are listed in `apart`. Without settings every verified game counts.
 */
export function classStats(
  entries: readonly Entry[],
  level: Level | undefined,
  settings?: TeacherSettings,
): ClassStats {
  const apart: { line: number; reasons: readonly string[] }[] = [];
  const counted = entries.flatMap((e) => {
    if (!e.result.ok || e.duplicateOf !== null) return [];
    if (settings) {
      const check = classCheck(e.result.value, settings);
      if (!check.counts) {
        apart.push({ line: e.line, reasons: check.reasons });
        return [];
      }
    }
    return [e.result.value];
  });
  const outcomes: Record<OutcomeKind, number> = { lasting: 0, uneasy: 0, renewedWar: 0, noDeal: 0 };
  const sums = Object.fromEntries(PARTIES.map((p) => [p, { n: 0, total: 0 }])) as ByParty<{
    n: number;
    total: number;
  }>;
  const onLevel = counted.filter((v) => level && v.level.id === level.id);
  const counts = level ? level.issues.map((issue) => issue.options.map(() => 0)) : [];
  let deals = 0;
  for (const v of counted) {
    outcomes[v.outcome]++;
    for (const party of humanSeats(v)) {
      sums[party].n++;
      sums[party].total += v.scores[party];
    }
  }
  for (const v of onLevel) {
    if (!v.deal) continue;
    deals++;
    v.deal.forEach((option, i) => counts[i]![option]!++);
  }
  return {
    verified: entries.filter((e) => e.result.ok).length,
    refused: entries.filter((e) => !e.result.ok).length,
    duplicates: entries.filter((e) => e.duplicateOf !== null).length,
    counted: counted.length,
    outcomes,
    seatScores: Object.fromEntries(
      PARTIES.map((p) => [
        p,
        {
          n: sums[p].n,
          mean: sums[p].n ? Math.round((10 * sums[p].total) / sums[p].n) / 10 : null,
        },
      ]),
    ) as ClassStats['seatScores'],
    terms: level
      ? level.issues.map((issue, i) => ({
          issue: issue.name,
          options: issue.options.map((o, k) => ({ option: o.name, count: counts[i]![k]! })),
        }))
      : [],
    deals,
    otherLevel: counted.length - onLevel.length,
    apart,
  };
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe; numbers are written as they are.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly (string | number | null)[]): string =>
  cells.map(csvCell).join(',');

/** Every line of the box, verified or not, with one column per issue of the levels involved. */
export function toCsv(entries: readonly Entry[]): string {
  const issues: { id: string; name: string }[] = [];
  for (const e of entries)
    if (e.result.ok)
      for (const issue of e.result.value.level.issues)
        if (!issues.some((i) => i.id === issue.id)) issues.push({ id: issue.id, name: issue.name });
  const header = [
    'line',
    'name',
    'valid',
    'reason',
    'duplicate_of_line',
    'level',
    'seed',
    'difficulty',
    'seats',
    'outcome',
    'score',
    'rounds',
    ...PARTIES.map((p) => `score_${p}`),
    ...issues.map((i) => i.name),
    'state_hash',
  ];
  const rows = entries.map((e) => {
    if (!e.result.ok)
      return [
        e.line,
        e.name,
        'no',
        e.result.error.message,
        null,
        ...Array<null>(header.length - 5).fill(null),
      ];
    const v = e.result.value;
    const seats = humanSeats(v);
    const score = seats.length === 1 ? v.scores[seats[0]!] : null;
    return [
      e.line,
      e.name,
      'yes',
      null,
      e.duplicateOf,
      v.payload.level,
      v.payload.seed,
      v.payload.difficulty,
      seats.join(' '),
      OUTCOME_WORDS[v.outcome],
      score,
      v.rounds,
      ...PARTIES.map((p) => v.scores[p]),
      ...issues.map((i) => {
        const k = v.level.issues.findIndex((issue) => issue.id === i.id);
        return v.deal && k >= 0 ? v.level.issues[k]!.options[v.deal[k]!]!.name : null;
      }),
      v.stateHash,
    ];
  });
  return [header, ...rows].map(csvRow).join('\r\n') + '\r\n';
}
