// Exact analysis over every package of a level, for the debrief: what was possible.
import { packageIndex, type Level, type Package } from './level/level';
import { PARTIES, type ByParty } from './parties';
import type { GameState } from './state';
import { contributionTable, effectiveWeights, firmPenalty, utility } from './utility';

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
  readonly reservations: readonly number[];
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
  const width = level.issues.length;
  const out = {} as ByParty<Float64Array>;
  for (const party of PARTIES) {
    const ps = state.parties[party];
    const table = contributionTable(level, party, effectiveWeights(level, party, ps));
    const mask = level.firmMask[party];
    const u = new Float64Array(level.feasibleCount);
    for (let k = 0; k < level.feasibleCount; k++) {
      const n = level.feasible[k]!;
      let sum = 0;
      for (let i = 0; i < width; i++) sum += table[level.cells[n * width + i]!]!;
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

  const reservations = PARTIES.map((p) => state.parties[p].reservation);
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
  }
  return {
    feasibleCount: count,
    frontier: frontierPoints,
    nash: nashPoint,
    maxTotal,
    deal: dealPoint,
    reservations,
    distances,
  };
}
