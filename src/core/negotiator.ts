// Computer negotiators: deterministic decisions from the game state alone.
import { packageAt, packageIndex, type Level, type Package } from './level/level';
import { PARTIES, type Party } from './parties';
import { checkSideMove } from './rules';
import type { GameState, Proposal, Response, SideMove } from './state';
import { MAX_AMENDMENTS } from './state';
import {
  bestOnIssues,
  contributionTable,
  issueNames,
  crossedRedLines,
  effectiveWeights,
  feasibleTop,
  penaltyTable,
  sideOf,
  targetUtility,
  utility,
  packageSum,
} from './utility';

/** The value of a package to a party as a deal, including incentives received. */
export const dealValue = (level: Level, state: GameState, party: Party, pkg: Package): number =>
  utility(level, party, state.parties[party], pkg) + state.parties[party].dealBonus;

/** What would close the gap: a few issues, changed to the party's best feasible options. */
export interface GapFix {
  readonly issues: readonly number[];
  readonly package: readonly number[];
}

/**
 * The smallest set of issues (at most three) whose best feasible options would make the package
 * meet the party's target, or null when no such set exists. Among sets of one size, the one that
 * leaves the party best off.
 */
export function closingFix(
  level: Level,
  state: GameState,
  party: Party,
  pkg: Package,
  target: number,
): GapFix | null {
  const ps = state.parties[party];
  const need = target - ps.dealBonus - 1e-9;
  const own = contributionTable(level, party, effectiveWeights(level, party, ps));
  const penalty = penaltyTable(level, party, ps);
  const singles = level.issues
    .map((_, i) => ({ i, best: bestOnIssues(level, party, ps, pkg, [i], own, penalty) }))
    .filter((x) => x.best !== null)
    .sort((a, b) => b.best!.utility - a.best!.utility || a.i - b.i);
  if (singles.length === 0) return null;
  const first = singles[0]!;
  if (first.best!.utility >= need) return { issues: [first.i], package: first.best!.package };
  const top = singles.slice(0, 5).map((x) => x.i);
  for (const size of [2, 3]) {
    let found: GapFix | null = null;
    let foundU = -Infinity;
    const pick = (from: number, chosen: number[]): void => {
      if (chosen.length === size) {
        const best = bestOnIssues(level, party, ps, pkg, chosen, own, penalty);
        if (best && best.utility >= need && best.utility > foundU) {
          const changed = chosen.filter((i) => best.package[i] !== pkg[i]).sort((x, y) => x - y);
          found = { issues: changed, package: best.package };
          foundU = best.utility;
        }
        return;
      }
      for (let k = from; k < top.length; k++) pick(k + 1, [...chosen, top[k]!]);
    };
    pick(0, []);
    if (found) return found;
  }
  return null;
}

/** Whether a package crosses a hard red line the proposer knows about (its own, or one made known). */
const crossesKnownHard = (level: Level, state: GameState, party: Party, pkg: Package): boolean =>
  PARTIES.some((p) =>
    level.parties[p].redLines.some(
      (l) => l.hard && (p === party || state.parties[p].known[l.index]) && l.crosses(pkg),
    ),
  );

/** What a delegation asks on top of its target for an offer its proposer has tabled before unchanged. */
export const REPEAT_PREMIUM = 0.05;

/**
 * Whether `party` has given no ground on `pkg`: it has answered others' offers, accepted none,
 * countered none, and tabled nothing but this package.
 */
export function givesNoGround(state: GameState, party: Party, pkg: Package): boolean {
  const key = pkg.join();
  let answered = false;
  for (const r of state.history) {
    if (r.proposal.proposer === party) {
      if (r.proposal.package.join() !== key) return false;
      continue;
    }
    const answer = r.responses[party];
    if (!answer) continue;
    if (answer.accept || (answer.amend?.length ?? 0) > 0) return false;
    answered = true;
  }
  return answered;
}

/** Whether the proposer of the package on the table has given no ground (see `givesNoGround`). */
export function hardLineProposer(state: GameState, pkg: Package): boolean {
  const proposer = state.table?.proposer;
  return proposer !== undefined && givesNoGround(state, proposer, pkg);
}

/**
 * The party, other than `party`, whose take-it-or-leave-it terms these are: it has tabled them
 * and given no ground. Another delegation relaying them does not make them fairer.
 */
function hardLiner(state: GameState, party: Party, pkg: Package): Party | undefined {
  const key = pkg.join();
  const tabled = new Set<Party>(
    state.history.filter((r) => r.proposal.package.join() === key).map((r) => r.proposal.proposer),
  );
  if (state.table && state.table.package.join() === key) tabled.add(state.table.proposer);
  return [...tabled].find((p) => p !== party && givesNoGround(state, p, pkg));
}

/**
 * Take-it-or-leave-it does not pay. A package its proposer tabled before, word for word, is met
 * with a premium on top of the target (the proposer has shown it will not move); for the terms of
 * a party that has given no ground at all, whoever tables them, a delegation also insists on its
 * private fair share of its surplus, the way people in ultimatum games turn down offers they find
 * unfair.
 */
export function offerPremium(level: Level, state: GameState, party: Party, pkg: Package): number {
  const proposer = state.table?.proposer;
  if (proposer === undefined || proposer === party) return 0;
  const key = pkg.join();
  const repeated = state.history.some(
    (r) => r.proposal.proposer === proposer && r.proposal.package.join() === key,
  );
  const premium = repeated ? REPEAT_PREMIUM : 0;
  if (hardLiner(state, party, pkg) === undefined) return premium;
  const ps = state.parties[party];
  const floor = ps.reservation + ps.margin;
  const surplus = Math.max(0, feasibleTop(level, party, ps) - floor);
  return Math.max(premium, floor + ps.fairness * surplus - targetUtility(state, level, party));
}

/** Whether every other party is estimated, from what is public, to accept the package. */
function othersLikely(level: Level, state: GameState, party: Party, pkg: Package): boolean {
  const others = PARTIES.filter((p) => p !== party);
  const { estimates, penalties } = publicEstimates(level, state, others);
  const n = packageIndex(level, pkg);
  return others.every((p, j) => {
    const e = packageSum(level, estimates[j]!, n, -penalties[j]![level.firmMask[p][n]!]!);
    return e >= state.beliefs[p].threshold - state.parties[p].dealBonus;
  });
}

/**
 * How a computer delegation answers a package on the table. It accepts what meets its target and
 * crosses none of its hard red lines. A rejection names what is in the way and nothing else: a hard
 * red line; a crossed firm red line when it is part of the gap; and the issues (only those that can
 * still improve) whose best feasible options would close the gap. When one or two changes would
 * do, it also makes them as a counter-proposal.
 */
export function respond(level: Level, state: GameState, party: Party, pkg: Package): Response {
  const crossed = crossedRedLines(level, party, pkg);
  const hard = crossed.find((line) => line.hard);
  if (hard) return { accept: false, says: hard.says, redLine: hard.id };
  const target = targetUtility(state, level, party) + offerPremium(level, state, party, pkg);
  const value = dealValue(level, state, party, pkg);
  if (value >= target - 1e-9) {
    const best = strongestIssue(level, state, party, pkg);
    return {
      accept: true,
      says:
        best === null
          ? 'We can accept this.'
          : `We can accept this. ${level.issues[best]!.name} is right.`,
    };
  }
  const fix = closingFix(level, state, party, pkg, target);
  const factors = state.parties[party].penaltyFactors;
  const firm = crossed.filter((line) => line.penalty * factors[line.index]! > 0.005);
  // A firm line is part of the gap when the fix uncrosses it, or when no fix exists and the
  // penalty is at least a share of the gap.
  const inGap = fix
    ? firm.find((line) => !line.crosses(fix.package))
    : firm.find((line) => line.penalty * factors[line.index]! >= (target - value) / 3);
  if (!fix) {
    if (inGap) return { accept: false, says: inGap.says, redLine: inGap.id };
    return {
      accept: false,
      says: 'This is too far from what we need: no change of one or two terms would do.',
    };
  }
  const amend =
    fix.issues.length <= MAX_AMENDMENTS &&
    state.round < level.spec.deadline &&
    !crossesKnownHard(level, state, party, fix.package) &&
    othersLikely(level, state, party, fix.package)
      ? { amend: fix.issues.map((i) => ({ issue: i, option: fix.package[i]! })) }
      : {};
  const what = `Not enough for us on ${issueNames(level, fix.issues)}.`;
  return inGap
    ? {
        accept: false,
        says: `${inGap.says} ${what}`,
        redLine: inGap.id,
        issues: fix.issues,
        ...amend,
      }
    : { accept: false, says: what, issues: fix.issues, ...amend };
}

function strongestIssue(level: Level, state: GameState, party: Party, pkg: Package): number | null {
  const w = effectiveWeights(level, party, state.parties[party]);
  let best: number | null = null;
  let bestScore = 0;
  w.forEach((weight, i) => {
    const score = weight * level.parties[party].values[i]![pkg[i]!]!;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

const knownHardRedLines = (level: Level, state: GameState, proposer: Party): number[][] =>
  PARTIES.map((party) =>
    level.parties[party].redLines
      .filter((line) => line.hard && (party === proposer || state.parties[party].known[line.index]))
      .map((line) => line.index),
  );

const knownHardKey = (knownHard: readonly (readonly number[])[]): string =>
  knownHard.map((ids) => ids.join('.')).join('|');

const feasibleCache = new WeakMap<Level, Map<string, Int32Array>>();

/**
 * Packages a proposer can table without crossing its own hard red lines or a hard red line of
 * another party that it knows about. Cached per level and per set of known red lines.
 */
export function knownFeasible(level: Level, state: GameState, proposer: Party): Int32Array {
  const knownHard = knownHardRedLines(level, state, proposer);
  const key = knownHardKey(knownHard);
  let cache = feasibleCache.get(level);
  if (!cache) feasibleCache.set(level, (cache = new Map<string, Int32Array>()));
  const hit = cache.get(key);
  if (hit) return hit;
  const allKnown = PARTIES.map(
    (party, k) =>
      knownHard[k]!.length === level.parties[party].redLines.filter((l) => l.hard).length,
  );
  const list: number[] = [];
  for (let n = 0; n < level.packageCount; n++) {
    let ok = true;
    for (let k = 0; k < PARTIES.length && ok; k++) {
      const party = PARTIES[k]!;
      if (!level.hardVeto[party][n]) continue;
      if (allKnown[k]) ok = false;
      else {
        const pkg = packageAt(level, n);
        ok = !knownHard[k]!.some((index) => level.parties[party].redLines[index]!.crosses(pkg));
      }
    }
    if (ok) list.push(n);
  }
  const result = Int32Array.from(list);
  cache.set(key, result);
  return result;
}

interface OwnUtilities {
  readonly candidates: Int32Array;
  readonly utilities: Float64Array;
}

const ownCache = new WeakMap<Level, Map<string, OwnUtilities>>();
/**
 * Tables kept per level, least recently used dropped first: a coalition table is ~100 KB, and a
 * school laptop should not hold 256 of them (the simulator's many games reuse a few hot ones).
 */
const OWN_CACHE_SIZE = 96;

/**
 * The proposer's utility of every package it may table. Its weights change only through events
 * and pressure, so the table is cached and reused across rounds and games.
 */
function ownUtilities(level: Level, state: GameState, party: Party): OwnUtilities {
  const ps = state.parties[party];
  const candidates = knownFeasible(level, state, party);
  const known = knownHardKey(knownHardRedLines(level, state, party));
  const key = `${party}|${ps.weightFactors.join(',')}|${ps.penaltyFactors.join(',')}|${known}`;
  let cache = ownCache.get(level);
  if (!cache) ownCache.set(level, (cache = new Map<string, OwnUtilities>()));
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const own = contributionTable(level, party, effectiveWeights(level, party, ps));
  const mask = level.firmMask[party];
  const penalty = penaltyTable(level, party, ps);
  const utilities = new Float64Array(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    const n = candidates[c]!;
    utilities[c] = packageSum(level, own, n, -penalty[mask[n]!]!);
  }
  const table = { candidates, utilities };
  if (cache.size >= OWN_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, table);
  return table;
}

/**
 * What everyone can estimate of other parties from what is public: per-option tables from their
 * belief weights, and penalty tables for the firm red lines they have made known. The estimate of
 * package n for others[j] is -penalties[j][firmMask[n]] plus estimates[j] summed over its cells.
 */
export function publicEstimates(
  level: Level,
  state: GameState,
  others: readonly Party[],
): { estimates: Float64Array[]; penalties: Float64Array[] } {
  const estimates = others.map((p) => {
    const belief = state.beliefs[p];
    const total = belief.weights.reduce((a, b) => a + b, 0);
    return contributionTable(
      level,
      p,
      belief.weights.map((w) => w / total),
    );
  });
  const penalties = others.map((p) =>
    penaltyTable(
      level,
      p,
      state.parties[p],
      level.parties[p].redLines.reduce(
        (mask, line) =>
          line.firmBit >= 0 && state.parties[p].known[line.index]
            ? mask | (1 << line.firmBit)
            : mask,
        0,
      ),
    ),
  );
  return { estimates, penalties };
}

/**
 * The proposer's best package among those it predicts the most others will accept, given what
 * they have said in public (their priorities, red lines and the reasons of their rejections).
 * Packages are visited best-for-the-proposer first, so the first one every other party is
 * predicted to accept is the answer.
 */
export function chooseProposal(level: Level, state: GameState, party: Party): Package {
  const ownTarget = targetUtility(state, level, party);
  const others = PARTIES.filter((p) => p !== party);
  const { estimates, penalties } = publicEstimates(level, state, others);
  const masks = others.map((p) => level.firmMask[p]);
  const thresholds = others.map((p) => state.beliefs[p].threshold - state.parties[p].dealBonus);
  const { candidates, utilities } = ownUtilities(level, state, party);
  // Utilities closer than 2^-20 count as equal, and then the earlier package wins: the choice
  // does not hang on the last bits of a float sum.
  const rank = (u: number) => -Math.round((2 - u) * 2 ** 20);
  let top = 0;
  for (let c = 1; c < utilities.length; c++)
    if (rank(utilities[c]!) > rank(utilities[top]!)) top = c;
  let best = top;
  let bestCount = -1;
  let bestRank = -Infinity;
  // The three others' estimates are summed in one pass over the package's cells.
  const width = level.issues.length;
  const cells = level.cells;
  const [t0, t1, t2] = estimates as [Float64Array, Float64Array, Float64Array];
  const [p0, p1, p2] = penalties as [Float64Array, Float64Array, Float64Array];
  const [m0, m1, m2] = masks as [Uint16Array, Uint16Array, Uint16Array];
  const [h0, h1, h2] = thresholds as [number, number, number];
  for (let c = 0; c < candidates.length; c++) {
    const u = utilities[c]!;
    if (c !== top && u < ownTarget) continue;
    // Once every other party is expected to accept, only a package better for the proposer counts.
    if (bestCount === 3 && rank(u) <= bestRank) continue;
    const n = candidates[c]!;
    let e0 = -p0[m0[n]!]!;
    let e1 = -p1[m1[n]!]!;
    let e2 = -p2[m2[n]!]!;
    for (let i = 0, at = n * width; i < width; i++, at++) {
      const cell = cells[at]!;
      e0 += t0[cell]!;
      e1 += t1[cell]!;
      e2 += t2[cell]!;
    }
    const count = (e0 >= h0 ? 1 : 0) + (e1 >= h1 ? 1 : 0) + (e2 >= h2 ? 1 : 0);
    if (count < bestCount) continue;
    const r = rank(u);
    if (count > bestCount || r > bestRank) {
      best = c;
      bestCount = count;
      bestRank = r;
    }
  }
  return packageAt(level, candidates[best]!);
}

export function explainProposal(
  level: Level,
  state: GameState,
  party: Party,
  pkg: Package,
): string {
  const best = strongestIssue(level, state, party, pkg);
  return best === null
    ? 'We put this package on the table.'
    : `We table this package. What matters most to us: ${level.issues[best]!.name}.`;
}

export function computerProposal(level: Level, state: GameState, party: Party): Proposal {
  const pkg = chooseProposal(level, state, party);
  return { proposer: party, package: pkg, says: explainProposal(level, state, party, pkg) };
}

/** Side moves by rule: press a party whose firm red line blocks the deal, or sweeten a holdout. */
export function chooseSideMove(level: Level, state: GameState, party: Party): SideMove {
  const move = preferredSideMove(level, state, party);
  return checkSideMove(level, state, party, move).ok ? move : { kind: 'pass' };
}

/**
 * Side moves the way the delegations would use them. Each presses the other side of the table
 * when it blocks (a firm red line first), never its own allies, and not past the point where
 * pressure stops working; the United States and Europe pay for an ally that holds out alone;
 * everyone commits in public once, early, on what it says matters most.
 */
function preferredSideMove(level: Level, state: GameState, party: Party): SideMove {
  const rejecting = PARTIES.filter((p) => p !== party && state.responses[p]?.accept === false);
  const firmLine = (p: Party) => {
    const id = state.responses[p]?.redLine;
    return id !== undefined && level.parties[p].redLines.some((l) => l.id === id && !l.hard);
  };
  const opponents = rejecting.filter((p) => sideOf(p) !== sideOf(party));
  const target = opponents.find(firmLine) ?? opponents[0];
  if (
    target !== undefined &&
    state.parties[target].pressed < 3 &&
    (party !== 'ukraine' || firmLine(target))
  )
    return { kind: 'pressure', target };
  const ownAccepted = state.responses[party]?.accept === true;
  const lone = rejecting.length === 1 ? rejecting[0]! : undefined;
  if (
    ownAccepted &&
    lone !== undefined &&
    sideOf(lone) === sideOf(party) &&
    (party === 'us' || party === 'europe') &&
    state.parties[party].dealBonus > -0.06
  )
    return { kind: 'incentive', target: lone };
  const priority = level.parties[party].priorities[0];
  if (state.round <= 2 && priority !== undefined && state.parties[party].commitments.length === 0)
    return { kind: 'commitment', issue: priority };
  return { kind: 'pass' };
}
