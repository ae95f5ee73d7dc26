// Computer negotiators: deterministic decisions from the game state alone.
import { packageAt, type Level, type Package } from './level/level';
import { PARTIES, type Party } from './parties';
import { checkSideMove } from './rules';
import type { GameState, Proposal, Response, SideMove } from './state';
import {
  contributionTable,
  issueNames,
  shortfallIssues,
  crossedRedLines,
  effectiveWeights,
  penaltyTable,
  targetUtility,
  utility,
} from './utility';

/** The value of a package to a party as a deal, including incentives received. */
export const dealValue = (level: Level, state: GameState, party: Party, pkg: Package): number =>
  utility(level, party, state.parties[party], pkg) + state.parties[party].dealBonus;

/** How a computer delegation answers a package on the table. */
export function respond(level: Level, state: GameState, party: Party, pkg: Package): Response {
  const crossed = crossedRedLines(level, party, pkg);
  const hard = crossed.find((line) => line.hard);
  if (hard) return { accept: false, says: hard.says, redLine: hard.id };
  const target = targetUtility(state, level, party);
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
  // A firm line is named when crossing it is what makes the package fall short.
  const firm = crossed.find(
    (line) => value + line.penalty * state.parties[party].penaltyFactors[line.index]! >= target,
  );
  if (firm) return { accept: false, says: firm.says, redLine: firm.id };
  const issues = shortfallIssues(level, state, party, pkg);
  return { accept: false, says: `Not enough for us on ${issueNames(level, issues)}.`, issues };
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

interface Ranking {
  readonly order: Int32Array;
  readonly utilities: Float64Array;
}

const rankingCache = new WeakMap<Level, Map<string, Ranking>>();
const RANKING_CACHE_SIZE = 256;

/**
 * The packages a proposer may table, best for it first. Its weights change only through events
 * and commitments, so the ranking is cached and reused across rounds and games.
 */
function ownRanking(level: Level, state: GameState, party: Party): Ranking {
  const ps = state.parties[party];
  const candidates = knownFeasible(level, state, party);
  const known = knownHardKey(knownHardRedLines(level, state, party));
  const key = `${party}|${ps.weightFactors.join(',')}|${ps.penaltyFactors.join(',')}|${known}`;
  let cache = rankingCache.get(level);
  if (!cache) rankingCache.set(level, (cache = new Map<string, Ranking>()));
  const hit = cache.get(key);
  if (hit) return hit;
  const own = contributionTable(level, party, effectiveWeights(level, party, ps));
  const width = level.issues.length;
  const cells = level.cells;
  const mask = level.firmMask[party];
  const penalty = penaltyTable(level, party, ps);
  const raw = new Float64Array(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    const n = candidates[c]!;
    const base = n * width;
    let u = -penalty[mask[n]!]!;
    for (let i = 0; i < width; i++) u += own[cells[base + i]!]!;
    raw[c] = u;
  }
  // Sorting packed numeric keys (utility, then position) avoids a comparator: several times faster.
  const keys = new Float64Array(raw.length);
  for (let c = 0; c < raw.length; c++) keys[c] = Math.round((2 - raw[c]!) * 2 ** 20) * 2 ** 21 + c;
  keys.sort();
  const order = new Int32Array(raw.length);
  const utilities = new Float64Array(raw.length);
  for (let k = 0; k < keys.length; k++) {
    const c = keys[k]! % 2 ** 21;
    order[k] = candidates[c]!;
    utilities[k] = raw[c]!;
  }
  const ranking = { order, utilities };
  if (cache.size >= RANKING_CACHE_SIZE) cache.clear();
  cache.set(key, ranking);
  return ranking;
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
  const width = level.issues.length;
  const cells = level.cells;
  const { order, utilities } = ownRanking(level, state, party);

  let best = order[0]!;
  let bestCount = -1;
  for (let k = 0; k < order.length; k++) {
    if (utilities[k]! < ownTarget && k > 0) break;
    const n = order[k]!;
    const base = n * width;
    // Only a package more parties accept can replace the best so far: stop at the first
    // refusal that rules that out.
    const maxRefusals = others.length - (bestCount + 1);
    let count = 0;
    let refusals = 0;
    for (let j = 0; j < others.length && refusals <= maxRefusals; j++) {
      const table = estimates[j]!;
      let e = -penalties[j]![masks[j]![n]!]!;
      for (let i = 0; i < width; i++) e += table[cells[base + i]!]!;
      if (e >= thresholds[j]!) count++;
      else refusals++;
    }
    if (refusals <= maxRefusals && count > bestCount) {
      best = n;
      bestCount = count;
      if (count === others.length) break;
    }
  }
  return packageAt(level, best);
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

function preferredSideMove(level: Level, state: GameState, party: Party): SideMove {
  const rejecting = PARTIES.filter((p) => p !== party && state.responses[p]?.accept === false);
  const blockedByFirm = rejecting.find((p) => {
    const id = state.responses[p]?.redLine;
    return id !== undefined && level.parties[p].redLines.some((l) => l.id === id && !l.hard);
  });
  if (blockedByFirm) return { kind: 'pressure', target: blockedByFirm };
  const ownAccepted = state.responses[party]?.accept === true;
  const holdout = rejecting.filter((p) => state.responses[p]?.redLine === undefined);
  if (ownAccepted && holdout.length === 1 && state.parties[party].dealBonus > -0.09)
    return { kind: 'incentive', target: holdout[0]! };
  return { kind: 'pass' };
}
