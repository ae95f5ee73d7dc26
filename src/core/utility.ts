import { packageIndex, type Level, type Package, type RedLine } from './level/level';
import { PARTIES, type Difficulty, type Party } from './parties';
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

/**
 * `start` plus a per-option table summed over the cells of package `n`, added in issue order: the
 * one inner loop of every package utility and public estimate.
 */
export function packageSum(level: Level, table: Float64Array, n: number, start = 0): number {
  const width = level.issues.length;
  const base = n * width;
  let sum = start;
  for (let i = 0; i < width; i++) sum += table[level.cells[base + i]!]!;
  return sum;
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

/** How much sooner the player's opponents concede, by difficulty (allies play at normal). */
export const CONCESSION_TEMPO: Record<Difficulty, number> = { easy: 3, normal: 1, hard: 0.45 };

/** Concession exponent e: below 1 holds firm (Boulware), above 1 concedes early. */
export function concessionExponent(state: GameState, level: Level, party: Party): number {
  const tempo = CONCESSION_TEMPO[seatDifficulty(level, state.seats, state.difficulty, party)];
  return (
    STYLE_EXPONENT[level.parties[party].spec.style] *
    tempo *
    Math.exp(-state.parties[party].resolve)
  );
}

/**
 * The two sides of the table: the United States, Europe and Ukraine, and Russia. Computers press
 * only the other side.
 */
export const sideOf = (party: Party): 'west' | 'russia' => (party === 'russia' ? 'russia' : 'west');

const rivalCache = new WeakMap<Level, Map<string, boolean>>();

/**
 * Whether two parties' interests run against each other in this level: their utilities over the
 * packages no party vetoes (at the start) are negatively correlated. In Budapest the United States
 * and Ukraine are rivals on the arsenal, and the UK is the rival of both the US and Russia; in 2025
 * the West and Russia are.
 */
export function rivals(level: Level, a: Party, b: Party): boolean {
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let cache = rivalCache.get(level);
  if (!cache) rivalCache.set(level, (cache = new Map<string, boolean>()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const table = (p: Party) => {
    const w = level.parties[p].weights;
    const total = w.reduce((x, y) => x + y, 0);
    return contributionTable(
      level,
      p,
      w.map((x) => x / total),
    );
  };
  const ta = table(a);
  const tb = table(b);
  const width = level.issues.length;
  let sa = 0;
  let sb = 0;
  let sab = 0;
  const count = level.feasibleCount;
  for (let k = 0; k < count; k++) {
    const n = level.feasible[k]!;
    let ua = 0;
    let ub = 0;
    for (let i = 0; i < width; i++) {
      const c = level.cells[n * width + i]!;
      ua += ta[c]!;
      ub += tb[c]!;
    }
    sa += ua;
    sb += ub;
    sab += ua * ub;
  }
  const cov = sab / count - (sa / count) * (sb / count);
  const result = cov < 0;
  cache.set(key, result);
  return result;
}

/**
 * Whether a computer seat is a person's opponent: its interests run against the person's. A person
 * with no such rival in the level is a broker (none of the shipped levels has one now): every
 * delegation it must win over is its opponent, since a side of the table alone barely changes what
 * it can sign.
 */
export const opposesAPlayer = (level: Level, seats: GameState['seats'], party: Party): boolean =>
  seats[party] === 'computer' &&
  PARTIES.some((p) => {
    if (seats[p] !== 'human' || p === party) return false;
    const hasRival = PARTIES.some((q) => q !== p && rivals(level, p, q));
    return !hasRival || rivals(level, p, party);
  });

/** What a computer keeps above its reservation value in the last round, by difficulty. */
export const FINAL_MARGIN: Record<Difficulty, number> = { easy: 0, normal: 0.04, hard: 0.16 };

/** The difficulty a computer seat plays at: the game's for a person's opponents, else normal. */
export const seatDifficulty = (
  level: Level,
  seats: GameState['seats'],
  difficulty: Difficulty,
  party: Party,
): Difficulty => (opposesAPlayer(level, seats, party) ? difficulty : 'normal');

const topCache = new WeakMap<Level, Map<string, number>>();

// The factor arrays are kept (not copied) from state to state while they do not change, so most
// calls find the answer by identity before building the string key.
const topByArrays = new WeakMap<
  Level,
  WeakMap<readonly number[], WeakMap<readonly number[], Partial<Record<Party, number>>>>
>();

/**
 * The party's utility of its best package that no party vetoes: the most it can hope for at a
 * table where everyone's hard red lines hold. Cached per level, party, weights and penalties.
 */
export function feasibleTop(level: Level, party: Party, ps: PartyState): number {
  let byWeights = topByArrays.get(level);
  if (!byWeights) topByArrays.set(level, (byWeights = new WeakMap()));
  let byPenalties = byWeights.get(ps.weightFactors);
  if (!byPenalties) byWeights.set(ps.weightFactors, (byPenalties = new WeakMap()));
  let known = byPenalties.get(ps.penaltyFactors);
  if (!known) byPenalties.set(ps.penaltyFactors, (known = {}));
  return (known[party] ??= feasibleTopByKey(level, party, ps));
}

function feasibleTopByKey(level: Level, party: Party, ps: PartyState): number {
  const key = `${party}|${ps.weightFactors.join(',')}|${ps.penaltyFactors.join(',')}`;
  let cache = topCache.get(level);
  if (!cache) topCache.set(level, (cache = new Map<string, number>()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const own = contributionTable(level, party, effectiveWeights(level, party, ps));
  const penalty = penaltyTable(level, party, ps);
  const mask = level.firmMask[party];
  let top = -Infinity;
  for (let k = 0; k < level.feasibleCount; k++) {
    const n = level.feasible[k]!;
    const u = packageSum(level, own, n, -penalty[mask[n]!]!);
    if (u > top) top = u;
  }
  if (cache.size >= 1024) cache.clear();
  cache.set(key, top);
  return top;
}

/**
 * Time-dependent concession (DESIGN.md): target = F + (Umax − F)(1 − t^(1/e)), t = round/patience
 * (a computer's private last round, at most the deadline), where F is the reservation value plus
 * the delegation's last-round margin and Umax the best it can get from a package no party vetoes.
 * It falls from Umax to F at the deadline.
 */
export function targetUtility(state: GameState, level: Level, party: Party): number {
  const ps = state.parties[party];
  const t = Math.min(1, state.round / Math.min(ps.patience, level.spec.deadline));
  const e = concessionExponent(state, level, party);
  const top = feasibleTop(level, party, ps);
  const floor = Math.min(ps.reservation + ps.margin, top);
  return floor + (top - floor) * (1 - Math.pow(t, 1 / e));
}

/**
 * The chance that the talks last `rounds` more rounds (the level's breakdown risk): what holding
 * out for more is worth, as a share, against signing now.
 */
export const survival = (level: Level, rounds: number): number =>
  Math.pow(1 - (level.spec.breakdownRisk ?? 0), Math.max(0, rounds));

export const issueNames = (level: Level, issues: readonly number[]): string => {
  const names = issues.map((i) => level.issues[i]!.name);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    : (names[0] ?? '');
};

/** 1 where any party's hard red line vetoes the package. */
const anyVetoCache = new WeakMap<Level, Uint8Array>();
export function anyVeto(level: Level): Uint8Array {
  let v = anyVetoCache.get(level);
  if (!v) {
    v = new Uint8Array(level.packageCount);
    for (const p of PARTIES) {
      const h = level.hardVeto[p];
      for (let n = 0; n < v.length; n++) v[n]! |= h[n]!;
    }
    anyVetoCache.set(level, v);
  }
  return v;
}

/** Whether any party's hard red line vetoes the package. */
export const vetoed = (level: Level, pkg: Package): boolean =>
  anyVeto(level)[packageIndex(level, pkg)] === 1;

/**
 * The party's best package that differs from `pkg` only on `issues` and that no party vetoes, with
 * its utility; null when no such package is better than `pkg`. Small: at most a few issues.
 */
export function bestOnIssues(
  level: Level,
  party: Party,
  ps: PartyState,
  pkg: Package,
  issues: readonly number[],
  own: Float64Array = contributionTable(level, party, effectiveWeights(level, party, ps)),
  penalty: Float64Array = penaltyTable(level, party, ps),
): { package: number[]; utility: number } | null {
  const veto = anyVeto(level);
  const mask = level.firmMask[party];
  const radices = level.radices;
  const strides = new Array<number>(radices.length);
  for (let i = radices.length - 1, m = 1; i >= 0; i--) [strides[i], m] = [m, m * radices[i]!];
  let n0 = 0;
  let cells0 = 0;
  for (let i = 0; i < pkg.length; i++) {
    n0 += pkg[i]! * strides[i]!;
    cells0 += own[level.offsets[i]! + pkg[i]!]!;
  }
  const base = cells0 - penalty[mask[n0]!]!;
  let bestN = -1;
  let bestU = base + 1e-9;
  const visit = (k: number, n: number, u: number): void => {
    if (k === issues.length) {
      if (veto[n]) return;
      const total = u - penalty[mask[n]!]!;
      if (total > bestU + 1e-12) [bestN, bestU] = [n, total];
      return;
    }
    const i = issues[k]!;
    const cur = pkg[i]!;
    const off = level.offsets[i]!;
    for (let o = 0; o < radices[i]!; o++)
      visit(k + 1, n + (o - cur) * strides[i]!, u + own[off + o]! - own[off + cur]!);
  };
  visit(0, n0, cells0);
  if (bestN < 0) return null;
  const out = [...pkg];
  for (let i = pkg.length - 1, m = bestN; i >= 0; i--) {
    out[i] = m % radices[i]!;
    m = Math.floor(m / radices[i]!);
  }
  return { package: out, utility: bestU };
}

/**
 * The issues where a package falls furthest short of what the party wants, weighted, among those
 * that can still improve: some other option on that issue, with the rest of the package as it is,
 * is better for the party and crosses no party's hard red line.
 */
export function shortfallIssues(
  level: Level,
  state: GameState,
  party: Party,
  pkg: Package,
  count = 2,
): number[] {
  const ps = state.parties[party];
  const own = contributionTable(level, party, effectiveWeights(level, party, ps));
  const penalty = penaltyTable(level, party, ps);
  return level.issues
    .map((_, i) => ({
      i,
      gain: bestOnIssues(level, party, ps, pkg, [i], own, penalty)?.utility ?? -Infinity,
    }))
    .filter((x) => x.gain > -Infinity)
    .sort((a, b) => b.gain - a.gain || a.i - b.i)
    .slice(0, count)
    .map((x) => x.i);
}
