// Exact analysis over every package of a level, for the debrief: what was possible. Utilities are
// scores / 100 (a party's score is its utility of the outcome), so the frontier, the Nash point and
// the best total are in score space. The no-deal point is every party's reservation value at the
// start of the game, so the zone of possible agreement does not move with what happened in play.
import { packageAt, packageIndex, packageToRecord, type Level, type Package } from './level/level';
import { PARTIES, type ByParty } from './parties';
import { createInitialState } from './rules';
import type { GameState } from './state';
import { contributionTable, effectiveWeights, firmPenalty, packageSum, utility } from './utility';

export interface Point {
  readonly package: number;
  readonly utilities: readonly number[];
}

export interface Analysis {
  /** Packages no party vetoes. */
  readonly feasibleCount: number;
  readonly frontier: readonly Point[];
  readonly nash: Point | null;
  readonly maxTotal: Point;
  readonly deal: Point | null;
  /** Each party's reservation value at the start of the game (the no-deal point). */
  readonly reservations: readonly number[];
  /** Packages every party prefers to no deal (the zone of possible agreement), and its best total surplus. */
  readonly zopa: { readonly size: number; readonly maxSurplus: number };
  /** Each party's share of the deal's total surplus over the reservations; null without a deal or surplus. */
  readonly shares: readonly number[] | null;
  /** Euclidean distances in utility space (parties in PARTIES order). */
  readonly distances: {
    readonly frontier: number;
    readonly nash: number | null;
    readonly maxTotal: number;
  } | null;
}

const EPSILON = 1e-9;

const distance = (a: readonly number[], b: readonly number[]) =>
  Math.sqrt(a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0));

/** Each party's utility of every feasible package, at the end state of the game. */
export function utilityTables(level: Level, state: GameState): ByParty<Float64Array> {
  const out = {} as ByParty<Float64Array>;
  for (const party of PARTIES) {
    const ps = state.parties[party];
    const table = contributionTable(level, party, effectiveWeights(level, party, ps));
    const mask = level.firmMask[party];
    const u = new Float64Array(level.feasibleCount);
    for (let k = 0; k < level.feasibleCount; k++) {
      const n = level.feasible[k]!;
      const sum = packageSum(level, table, n);
      u[k] = mask[n] ? sum - firmPenalty(level, party, ps, mask[n]) : sum;
    }
    out[party] = u;
  }
  return out;
}

export function analyse(level: Level, state: GameState, deal: Package | null): Analysis {
  const tables = utilityTables(level, state);
  const cols = PARTIES.map((p) => tables[p]);
  const count = level.feasibleCount;
  const point = (k: number): Point => ({
    package: level.feasible[k]!,
    utilities: cols.map((c) => c[k]!),
  });
  const sums = new Float64Array(count);
  for (let k = 0; k < count; k++)
    sums[k] = cols[0]![k]! + cols[1]![k]! + cols[2]![k]! + cols[3]![k]!;
  const order = Int32Array.from({ length: count }, (_, k) => k).sort(
    (a, b) => sums[b]! - sums[a]! || a - b,
  );

  // Utilities are sums of floats: values within EPSILON count as ties.
  const dominates = (a: number, b: number): boolean => {
    let strict = false;
    for (const c of cols) {
      if (c[a]! < c[b]! - EPSILON) return false;
      if (c[a]! > c[b]! + EPSILON) strict = true;
    }
    return strict;
  };
  // A dominating package has a larger sum, so in this order it is seen first; only near-ties in
  // the sum can come the other way round, and those are settled when the later one arrives.
  let frontier: number[] = [];
  for (const k of order) {
    if (frontier.some((f) => dominates(f, k))) continue;
    const near = sums[k]! + 4 * EPSILON;
    if (frontier.length > 0 && sums[frontier.at(-1)!]! <= near)
      frontier = frontier.filter((f) => sums[f]! > near || !dominates(k, f));
    frontier.push(k);
  }

  const opening = createInitialState(level, {
    seed: state.seed,
    difficulty: state.difficulty,
    seats: state.seats,
  });
  const reservations = PARTIES.map((p) => opening.parties[p].reservation);
  let zopaSize = 0;
  let maxSurplus = 0;
  for (let k = 0; k < count; k++) {
    let surplus = 0;
    let inside = true;
    for (let c = 0; c < 4 && inside; c++) {
      const gain = cols[c]![k]! - reservations[c]!;
      if (gain <= 0) inside = false;
      surplus += gain;
    }
    if (inside) {
      zopaSize++;
      if (surplus > maxSurplus) maxSurplus = surplus;
    }
  }
  let nash = -1;
  let nashProduct = 0;
  for (const k of frontier) {
    let product = 1;
    for (let c = 0; c < 4; c++) {
      const gain = cols[c]![k]! - reservations[c]!;
      product = gain > 0 ? product * gain : 0;
    }
    if (product > nashProduct) [nash, nashProduct] = [k, product];
  }
  const maxTotal = point(order[0]!);
  const nashPoint = nash >= 0 ? point(nash) : null;
  const frontierPoints = frontier.map(point);

  let dealPoint: Point | null = null;
  let distances: Analysis['distances'] = null;
  let shares: number[] | null = null;
  if (deal) {
    const n = packageIndex(level, deal);
    const k = level.feasible.indexOf(n);
    const utilities =
      k >= 0
        ? cols.map((c) => c[k]!)
        : PARTIES.map((p) => utility(level, p, state.parties[p], deal));
    dealPoint = { package: n, utilities };
    distances = {
      frontier: Math.min(...frontierPoints.map((f) => distance(f.utilities, utilities))),
      nash: nashPoint ? distance(nashPoint.utilities, utilities) : null,
      maxTotal: distance(maxTotal.utilities, utilities),
    };
    const gains = utilities.map((u, c) => u - reservations[c]!);
    const total = gains.reduce((a, b) => a + b, 0);
    shares = total > 1e-9 ? gains.map((g) => g / total) : null;
  }
  return {
    feasibleCount: count,
    frontier: frontierPoints,
    nash: nashPoint,
    maxTotal,
    deal: dealPoint,
    reservations,
    zopa: { size: zopaSize, maxSurplus },
    shares,
    distances,
  };
}

const r1 = (x: number) => Math.round(x * 1000) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The debrief's analysis as plain data in score points (0–100), for `simulate --games 1 --json`
 * and `replay`: the Nash point, the best total, the deal, the zone of possible agreement and each
 * party's share of the surplus, at the start-of-game reservations.
 */
export function analysisReport(level: Level, state: GameState) {
  const a = analyse(level, state, state.outcome?.deal ?? null);
  const scores = (u: readonly number[]) =>
    Object.fromEntries(PARTIES.map((p, c) => [p, r1(u[c]!)]));
  const point = (p: Point | null) =>
    p && {
      package: packageToRecord(level, packageAt(level, p.package)),
      scores: scores(p.utilities),
    };
  return {
    space: 'score (0-100); no deal = reservation values at the start of the game',
    feasible: a.feasibleCount,
    frontierSize: a.frontier.length,
    noDeal: scores(a.reservations),
    nash: point(a.nash),
    maxTotal: point(a.maxTotal),
    deal: point(a.deal),
    zopa: { packages: a.zopa.size, maxSurplus: r1(a.zopa.maxSurplus) },
    surplusShares: a.shares && Object.fromEntries(PARTIES.map((p, c) => [p, r3(a.shares![c]!)])),
    distances: a.distances && {
      frontier: r1(a.distances.frontier),
      nash: a.distances.nash === null ? null : r1(a.distances.nash),
      maxTotal: r1(a.distances.maxTotal),
    },
  };
}
