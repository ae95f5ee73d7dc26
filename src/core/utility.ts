import type { Level, Package, RedLine } from './level/level';
import type { Difficulty, Party } from './parties';
import type { GameState, PartyState } from './state';

export const effectiveWeights = (level: Level, party: Party, ps: PartyState): number[] => {
  const raw = level.parties[party].weights.map((w, i) => w * ps.weightFactors[i]!);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
};

/** Flat per-option table of weight × value, indexed by `level.cells`. */
export function contributionTable(
  level: Level,
  party: Party,
  weights: readonly number[],
): Float64Array {
  const table = new Float64Array(level.optionCount);
  const values = level.parties[party].values;
  level.issues.forEach((issue, i) => {
    for (let o = 0; o < issue.options.length; o++)
      table[level.offsets[i]! + o] = weights[i]! * values[i]![o]!;
  });
  return table;
}

/** Sum of the penalties of the firm red lines whose bits are set in `mask`. */
export function firmPenalty(level: Level, party: Party, ps: PartyState, mask: number): number {
  if (mask === 0) return 0;
  let total = 0;
  for (const line of level.parties[party].redLines)
    if (line.firmBit >= 0 && (mask >> line.firmBit) & 1)
      total += line.penalty * ps.penaltyFactors[line.index]!;
  return total;
}

/** Penalty for every combination of firm red lines, indexed by the firm mask. */
export function penaltyTable(
  level: Level,
  party: Party,
  ps: PartyState,
  onlyMask = -1,
): Float64Array {
  const firm = level.parties[party].redLines.filter((line) => line.firmBit >= 0);
  const table = new Float64Array(1 << firm.length);
  for (let mask = 1; mask < table.length; mask++)
    table[mask] = firmPenalty(level, party, ps, mask & onlyMask);
  return table;
}

const firmMaskOf = (level: Level, party: Party, pkg: Package): number => {
  let mask = 0;
  for (const line of level.parties[party].redLines)
    if (line.firmBit >= 0 && line.crosses(pkg)) mask |= 1 << line.firmBit;
  return mask;
};

/** A party's utility of a package (0..1 before penalties): weighted values minus firm penalties. */
export function utility(level: Level, party: Party, ps: PartyState, pkg: Package): number {
  const w = effectiveWeights(level, party, ps);
  const values = level.parties[party].values;
  let u = 0;
  for (let i = 0; i < w.length; i++) u += w[i]! * values[i]![pkg[i]!]!;
  return u - firmPenalty(level, party, ps, firmMaskOf(level, party, pkg));
}

/** Best utility the party could get from any package, ignoring everyone else. */
export function idealUtility(level: Level, party: Party, ps: PartyState): number {
  const w = effectiveWeights(level, party, ps);
  return level.parties[party].values.reduce((sum, vs, i) => sum + w[i]! * Math.max(...vs), 0);
}

export const crossedRedLines = (level: Level, party: Party, pkg: Package): RedLine[] =>
  level.parties[party].redLines.filter((line) => line.crosses(pkg));

const STYLE_EXPONENT = { boulware: 0.35, linear: 1, conceder: 2.5 } as const;
const DIFFICULTY_FACTOR: Record<Difficulty, number> = { easy: 1.8, normal: 1, hard: 0.55 };

/** Concession exponent e: below 1 holds firm (Boulware), above 1 concedes early. */
export function concessionExponent(state: GameState, level: Level, party: Party): number {
  const base = STYLE_EXPONENT[level.parties[party].spec.style];
  const difficulty = state.seats[party] === 'computer' ? DIFFICULTY_FACTOR[state.difficulty] : 1;
  return base * difficulty * Math.exp(-state.parties[party].resolve);
}

/**
 * Time-dependent concession (DESIGN.md): target = R + (Umax − R)(1 − t^(1/e)), t = round/deadline.
 * It falls from the party's ideal to its reservation value at the deadline.
 */
export function targetUtility(state: GameState, level: Level, party: Party): number {
  const ps = state.parties[party];
  const t = Math.min(1, state.round / level.spec.deadline);
  const e = concessionExponent(state, level, party);
  const top = idealUtility(level, party, ps);
  const reservation = Math.min(ps.reservation, top);
  return reservation + (top - reservation) * (1 - Math.pow(t, 1 / e));
}

export const issueNames = (level: Level, issues: readonly number[]): string => {
  const names = issues.map((i) => level.issues[i]!.name);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    : (names[0] ?? '');
};

/** The issues where a package falls furthest short of what the party wants, weighted. */
export function shortfallIssues(
  level: Level,
  state: GameState,
  party: Party,
  pkg: Package,
  count = 2,
): number[] {
  const w = effectiveWeights(level, party, state.parties[party]);
  const values = level.parties[party].values;
  return w
    .map((weight, i) => ({ i, gap: weight * (Math.max(...values[i]!) - values[i]![pkg[i]!]!) }))
    .filter((x) => x.gap > 1e-9)
    .sort((a, b) => b.gap - a.gap || a.i - b.i)
    .slice(0, count)
    .map((x) => x.i);
}
