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
import { PARTIES, type Difficulty, type Party } from '../core/parties';
import { err, type Result } from '../core/result';

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

export const clampTimer = (n: number): number =>
  Number.isFinite(n) ? Math.min(MAX_TIMER_MINUTES, Math.max(0, Math.round(n))) : 0;

/**
 * Reads what the page stored, keeping each value only if it is still valid: an unknown level, a
 * bad seed or anything else falls back to a default (a fresh seed from `freshSeed`).
 */
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

export * from './classStats';
import { humanSeats } from './classStats';

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
