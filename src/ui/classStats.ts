// Class statistics for the teacher page: which verified results count for the class (its level,
// seed, difficulty and seat rules), and what the games that count add up to. No DOM here.
import type { VerifiedResult } from '../core/codes';
import type { Level } from '../core/level/level';
import { PARTIES, type ByParty, type Party } from '../core/parties';
import type { OutcomeKind } from '../core/state';
import type { Entry, TeacherSettings } from './teacherData';

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
