// Scripted players for one seat, for balancing levels: each decides the seat's next move from the
// game snapshot alone, the way a person at that seat could (its own numbers, and only what is
// public about the others). Pure and deterministic: no clock, no randomness outside the state.
import { packageAt, packageIndex, type Level, type Package } from './level/level';
import { computerDue, isOver, phaseOf, playMove, stepComputer, waitingFor } from './moves';
import { knownFeasible, publicEstimates } from './negotiator';
import { DEFAULT_DIFFICULTY } from './params';
import { PARTIES, type ByParty, type Difficulty, type Party } from './parties';
import {
  checkProposal,
  checkResponse,
  checkSideMove,
  createInitialState,
  PRESSURE_GOODWILL,
  pressureEffect,
  seatsFor,
  startNextRound,
} from './rules';
import type { GameState, Move, SideMove } from './state';
import {
  contributionTable,
  effectiveWeights,
  packageSum,
  penaltyTable,
  survival,
  targetUtility,
} from './utility';

/** Decides the next move of `party`, which `waitingFor(game)` includes. */
export type Strategy = (level: Level, game: GameState, party: Party) => Move;

export const STRATEGY_NAMES = ['naive-accept', 'maximalist', 'principled'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

const PASS: SideMove = { kind: 'pass' };

// ---------------------------------------------------------------------------------------------
// Own utilities of every package, from the seat's own (private) numbers.
// ---------------------------------------------------------------------------------------------

const ownCache = new WeakMap<Level, Map<string, Float64Array>>();

/**
 * The party's utility of every package (weighted values minus its firm penalties), at its current
 * weights and penalties. Cached per level, party, weights and penalties.
 */
export function ownUtilities(level: Level, state: GameState, party: Party): Float64Array {
  const ps = state.parties[party];
  const key = `${party}|${ps.weightFactors.join(',')}|${ps.penaltyFactors.join(',')}`;
  let cache = ownCache.get(level);
  if (!cache) ownCache.set(level, (cache = new Map<string, Float64Array>()));
  const hit = cache.get(key);
  if (hit) return hit;
  const table = contributionTable(level, party, effectiveWeights(level, party, ps));
  const penalty = penaltyTable(level, party, ps);
  const mask = level.firmMask[party];
  const out = new Float64Array(level.packageCount);
  for (let n = 0; n < level.packageCount; n++) {
    const u = packageSum(level, table, n, -penalty[mask[n]!]!);
    out[n] = u;
  }
  if (cache.size >= 512) cache.clear();
  cache.set(key, out);
  return out;
}

/**
 * The party's best package among those its own hard red lines allow it to table (or, with `veto`,
 * among the packages where `veto` is 0).
 */
export function idealPackage(
  level: Level,
  state: GameState,
  party: Party,
  veto: Uint8Array = level.hardVeto[party],
): Package {
  const u = ownUtilities(level, state, party);
  let best = -1;
  for (let n = 0; n < level.packageCount; n++)
    if (!veto[n] && (best < 0 || u[n]! > u[best]! + 1e-12)) best = n;
  return packageAt(level, best);
}

const ownUtility = (level: Level, state: GameState, party: Party, pkg: Package): number =>
  ownUtilities(level, state, party)[packageIndex(level, pkg)]!;

const crossesOwnHardLine = (level: Level, party: Party, pkg: Package): boolean =>
  level.hardVeto[party][packageIndex(level, pkg)] === 1;

// ---------------------------------------------------------------------------------------------
// Small building blocks shared by the strategies.
// ---------------------------------------------------------------------------------------------

const propose = (party: Party, pkg: Package): Move => ({
  type: 'PROPOSE',
  party,
  package: [...pkg],
});

/** An answer the machine will take: a seat cannot accept what its own hard red lines forbid. */
function answer(level: Level, state: GameState, party: Party, accept: boolean): Move {
  const allowed = accept && checkResponse(level, state, party, true).ok;
  return { type: 'RESPOND', party, accept: allowed };
}

const sideMove = (level: Level, state: GameState, party: Party, move: SideMove): Move => ({
  type: 'SIDE_MOVE',
  party,
  move: checkSideMove(level, state, party, move).ok ? move : PASS,
});

function notWaiting(game: GameState, party: Party): never {
  throw new Error(`${party} has no move to make in phase ${phaseOf(game)}`);
}

/** Builds a strategy from its three decisions. */
function strategy(decide: {
  propose: (level: Level, state: GameState, party: Party) => Package;
  accept: (level: Level, state: GameState, party: Party, pkg: Package) => boolean;
  side: (level: Level, state: GameState, party: Party) => SideMove;
}): Strategy {
  return (level, state, party) => {
    if (!waitingFor(state).includes(party)) notWaiting(state, party);
    switch (phaseOf(state)) {
      case 'proposal':
        return propose(party, decide.propose(level, state, party));
      case 'responses':
        return answer(
          level,
          state,
          party,
          decide.accept(level, state, party, state.table!.package),
        );
      case 'sideMoves':
        return sideMove(level, state, party, decide.side(level, state, party));
      default:
        return notWaiting(state, party);
    }
  };
}

/**
 * Plays one game move by move, yielding after each one (a computer's too): the seats in `players`
 * are played by their strategies, the others by computer negotiators. A caller may stop between
 * moves (the debrief spreads its comparison over idle moments). Throws with the rules' reason if a
 * strategy makes a move they refuse.
 *
 * With `talksGoOn`, a breakdown drawn at the end of a round is undone and the next round starts,
 * exactly as the rules would have gone on had the draw fallen the other way: the balance harness
 * weighs each round's breakdown by its probability instead of drawing it (see `playSeat`).
 */
export function* playSteps(
  level: Level,
  seed: string,
  players: Partial<ByParty<Strategy>>,
  difficulty: Difficulty = DEFAULT_DIFFICULTY,
  talksGoOn = false,
): Generator<GameState, GameState, void> {
  const humans = PARTIES.filter((p) => players[p] !== undefined);
  let game = createInitialState(level, { seed, difficulty, seats: seatsFor(humans) });
  for (let guard = 0; !isOver(game); guard++) {
    const party = computerDue(game) ?? waitingFor(game)[0];
    if (party === undefined || guard > 10_000)
      throw new Error(`${level.id}/${seed}: the game is stuck in ${phaseOf(game)}`);
    if (game.seats[party] === 'computer') game = stepComputer(level, game);
    else {
      const next = playMove(level, game, players[party]!(level, game, party));
      if (!next.ok)
        throw new Error(`${level.id}/${seed}: ${party}'s move was refused: ${next.error.message}`);
      game = next.value;
    }
    if (talksGoOn && game.outcome?.brokeDown)
      game = startNextRound(level, { ...game, outcome: null });
    yield game;
  }
  return game;
}

/** Runs steps (such as `playSteps`) to their end at once, and returns their result. */
export function runToEnd<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Plays one game to its end (see `playSteps`). */
export const playWithStrategies = (
  level: Level,
  seed: string,
  players: Partial<ByParty<Strategy>>,
  difficulty: Difficulty = DEFAULT_DIFFICULTY,
): GameState => runToEnd(playSteps(level, seed, players, difficulty));

// ---------------------------------------------------------------------------------------------
// The two naive strategies and the fixed proposal.
// ---------------------------------------------------------------------------------------------

/** Accepts everything it may, proposes its own ideal package, passes every side move. */
export const naiveAccept: Strategy = strategy({
  propose: (level, state, party) => idealPackage(level, state, party),
  accept: () => true,
  side: () => PASS,
});

/** Never concedes: proposes its ideal, rejects anything worth less to it, passes. */
export const maximalist: Strategy = strategy({
  propose: (level, state, party) => idealPackage(level, state, party),
  accept: (level, state, party, pkg) => {
    const best = ownUtility(level, state, party, idealPackage(level, state, party));
    return ownUtility(level, state, party, pkg) >= best - 1e-9;
  },
  side: () => PASS,
});

/**
 * Tables the same package every time it is the seat's turn and accepts everything else: the test
 * that no single package wins a level on its own. The package must be one the seat may table.
 */
export function fixedProposal(pkg: Package): Strategy {
  return strategy({ propose: () => pkg, accept: () => true, side: () => PASS });
}

// ---------------------------------------------------------------------------------------------
// What a package is worth in score terms: the seat's utility of the terms with its incentives.
// ---------------------------------------------------------------------------------------------

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Score / 100 of signing each package now (the score is the utility of the terms). */
export function worthTable(level: Level, state: GameState, party: Party): Float64Array {
  const ps = state.parties[party];
  const own = ownUtilities(level, state, party);
  if (ps.dealBonus === 0) return own;
  const out = new Float64Array(own.length);
  for (let n = 0; n < out.length; n++) out[n] = own[n]! + ps.dealBonus;
  return out;
}

/** Score / 100 if the talks collapse: the reservation value expected at the deadline. */
export function walkAwayWorth(level: Level, state: GameState, party: Party): number {
  const drift = level.parties[party].spec.reservationDrift ?? 0;
  const rounds = level.spec.deadline - state.round + 1;
  return clamp01(state.parties[party].reservation + drift * rounds);
}

// ---------------------------------------------------------------------------------------------
// The principled strategy.
// ---------------------------------------------------------------------------------------------

/**
 * How firmly the principled player holds out: 1 concedes steadily; below 1 it would concede late
 * (Boulware), which the breakdown risk punishes and lets accepting everything beat thoughtful play.
 */
const PRINCIPLED_EXPONENT = 1;
/** Spread (in utility) of the estimated odds that a party accepts around its estimated threshold. */
const ACCEPT_SPREAD = 0.04;
/** Rounds of rejections the principled player learns from, and how far above a rejected offer. */
const LEARN_ROUNDS = 2;
const LEARN_STEP = 0.05;
/** Margin over walking away that it keeps until the last round. */
const PRINCIPLED_MARGIN = 0.03;

/** Packages each other party has accepted or tabled: it will very likely take them again. */
function acceptedBefore(level: Level, state: GameState): Map<Party, Set<number>> {
  const seen = new Map<Party, Set<number>>(PARTIES.map((p) => [p, new Set<number>()]));
  const records = [
    ...state.history.map((r) => ({ pkg: r.proposal.package, responses: r.responses })),
    ...(state.table ? [{ pkg: state.table.package, responses: state.responses }] : []),
  ];
  for (const { pkg, responses } of records)
    for (const party of PARTIES)
      if (responses[party]?.accept === true) seen.get(party)!.add(packageIndex(level, pkg));
  return seen;
}

interface Plan {
  /** What signing the best package it may hope for is worth (score / 100). */
  readonly top: number;
  /** What the talks collapsing is worth. */
  readonly walkAway: number;
  /** What it asks for now: falls from `top` to just above `walkAway` as the deadline nears. */
  readonly target: number;
}

function plan(level: Level, state: GameState, party: Party): Plan {
  const worth = worthTable(level, state, party);
  let top = 0;
  for (const n of knownFeasible(level, state, party)) if (worth[n]! > top) top = worth[n]!;
  const walkAway = walkAwayWorth(level, state, party);
  const t = Math.min(1, state.round / level.spec.deadline);
  const floor = walkAway + PRINCIPLED_MARGIN * (1 - t);
  // Holding out is worth only as much as the talks are likely to last (the level's public risk).
  const target = Math.max(
    floor,
    floor +
      (top - floor) *
        (1 - Math.pow(t, 1 / PRINCIPLED_EXPONENT)) *
        survival(level, level.spec.deadline - state.round),
  );
  return { top, walkAway, target };
}

/**
 * The package the principled player tables: among those that cross no hard red line it knows of
 * and are worth at least its target, the one with the largest expected gain over walking away,
 * the odds of acceptance coming from the public estimates of the others (see `principled`).
 */
function principledProposal(level: Level, state: GameState, party: Party): Package {
  const { target, walkAway } = plan(level, state, party);
  const worthOf = worthTable(level, state, party);
  const others = PARTIES.filter((p) => p !== party);
  const seen = acceptedBefore(level, state);
  const { estimates, penalties } = publicEstimates(level, state, others);
  // What each party needs: the public estimate, but never below what it turned down lately.
  const estimateOf = (j: number, pkg: Package): number => {
    const n = packageIndex(level, pkg);
    const e = packageSum(level, estimates[j]!, n, -penalties[j]![level.firmMask[others[j]!][n]!]!);
    return e;
  };
  const recent = state.history.filter((r) => r.round > state.round - LEARN_ROUNDS);
  const thresholds = others.map((p, j) => {
    // The public estimate is before incentives; what it turned down was turned down with them.
    let needs = state.beliefs[p].threshold - state.parties[p].dealBonus;
    for (const r of recent)
      if (r.responses[p]?.accept === false && r.responses[p]?.redLine === undefined)
        needs = Math.max(needs, estimateOf(j, r.proposal.package) + LEARN_STEP);
    return needs;
  });
  let best = -1;
  let bestValue = -Infinity;
  for (const n of knownFeasible(level, state, party)) {
    const worth = worthOf[n]!;
    if (worth < target) continue;
    // Expected gain over walking away: the gain if signed times the estimated odds that every
    // other party accepts (sure for a package it accepted before).
    let odds = 1;
    for (let j = 0; j < others.length; j++) {
      const p = others[j]!;
      if (seen.get(p)!.has(n)) continue;
      const e = packageSum(level, estimates[j]!, n, -penalties[j]![level.firmMask[p][n]!]!);
      odds /= 1 + Math.exp(-(e - thresholds[j]!) / ACCEPT_SPREAD);
    }
    const value = (worth - walkAway) * odds;
    if (value > bestValue) {
      best = n;
      bestValue = value;
    }
  }
  return best >= 0 ? packageAt(level, best) : idealPackage(level, state, party);
}

function principledAccepts(level: Level, state: GameState, party: Party, pkg: Package): boolean {
  if (crossesOwnHardLine(level, party, pkg)) return false;
  const worth = worthTable(level, state, party)[packageIndex(level, pkg)]!;
  const walkAway = walkAwayWorth(level, state, party);
  // Never sign what is worth less than the talks collapsing.
  if (worth < walkAway) return false;
  // In the last round the alternative is the collapse: anything better than walking away.
  if (state.round >= level.spec.deadline) return true;
  // Before that, only what it would ask for itself now.
  return worth >= plan(level, state, party).target - 1e-9;
}

/**
 * Pressure, never incentives: on a party that blocks the table with a firm red line, else on the
 * one party that alone turns down a package the principled player accepted, while pressing it
 * still takes off its no-deal value at least what it costs.
 */
function principledSideMove(level: Level, state: GameState, party: Party): SideMove {
  const rejecting = PARTIES.filter((p) => p !== party && state.responses[p]?.accept === false);
  const lineOf = (p: Party) => {
    const id = state.responses[p]?.redLine;
    return id === undefined ? undefined : level.parties[p].redLines.find((l) => l.id === id);
  };
  const firm = rejecting.find((p) => lineOf(p)?.hard === false);
  const lone = rejecting.length === 1 ? rejecting[0]! : undefined;
  // Pressure on a holdout pays only while it takes off at least what it costs in goodwill (its
  // effect halves with each use); on a firm red line it also softens the line, so it goes on.
  const holdout =
    lone !== undefined &&
    state.responses[party]?.accept === true &&
    lineOf(lone)?.hard !== true &&
    pressureEffect(state.parties[lone].pressed) >= PRESSURE_GOODWILL
      ? lone
      : undefined;
  const target = firm ?? holdout;
  return target === undefined ? PASS : { kind: 'pressure', target };
}

/**
 * *Principled*: negotiates on interests, the way the briefings teach, with only what its seat may
 * know (its own numbers; the others' public positions, red lines and answers).
 *
 * - **Worth.** It values a package by the score signing it now would give: its own utility of
 *   the terms, with the incentives it holds (`worthTable`). Walking away is worth its reservation
 *   value at the deadline, after its own drift (`walkAwayWorth`).
 * - **Reading rejections.** Red lines others invoke become known (`state.parties[p].known`) and
 *   are never crossed again. "Not enough for us on …" raises the public estimate of that party's
 *   weight on the issues it named and of its threshold (`state.beliefs`); on top of that, it
 *   assumes a party needs at least 0.05 more (in estimated utility) than any offer it turned down
 *   in the last two rounds. A package a party accepted or tabled before counts as acceptable to it.
 * - **Trading.** It tables, among the packages that cross no known hard red line and are worth
 *   at least its current target, the one with the best expected gain: its gain over walking away
 *   times the estimated odds that every other party accepts. It so gives away the issues that
 *   weigh little for it and much for the others, and keeps those that weigh most for it. Its
 *   target falls steadily (linearly in time, exponent 1) from the best it may hope for to walking
 *   away as the deadline nears.
 * - **Answering.** It accepts a package that crosses none of its own hard red lines, is worth
 *   more than walking away, and meets its concession target (the same time-dependent curve as a
 *   computer delegation of its style). In the last round it accepts anything worth more than
 *   walking away; it never accepts anything worth less, however late.
 * - **Side moves.** It presses a party that blocks the table with a firm red line (pressure
 *   softens firm lines and lowers the target's no-deal value); failing that, it presses the one
 *   party that alone turned down a package it accepted itself, as long as the pressure takes off
 *   at least what it costs in goodwill (twice, with the rules' numbers: each use halves it);
 *   otherwise it passes. It never pays for incentives.
 */
export const principled: Strategy = strategy({
  propose: principledProposal,
  accept: principledAccepts,
  side: principledSideMove,
});

// ---------------------------------------------------------------------------------------------
// Cheap tricks the bands test principled play against, and the oracle ceiling.
// ---------------------------------------------------------------------------------------------

const lastRound = (level: Level, state: GameState): boolean => state.round >= level.spec.deadline;

/** Rejects everything, tables its own ideal, passes. */
export const rejectAll: Strategy = strategy({
  propose: (level, state, party) => idealPackage(level, state, party),
  accept: () => false,
  side: () => PASS,
});

/** Principled, but presses someone every round: the other side of the table first. */
export const pressureSpam: Strategy = strategy({
  propose: principledProposal,
  accept: principledAccepts,
  side: (level, state, party) => {
    const order: Party[] =
      party === 'russia' ? ['ukraine', 'europe', 'us'] : ['russia', 'ukraine', 'europe', 'us'];
    for (const target of order) {
      const move: SideMove = { kind: 'pressure', target };
      if (target !== party && checkSideMove(level, state, party, move).ok) return move;
    }
    return PASS;
  },
});

/** Principled, but commits in public every round, on the issues that weigh most for it first. */
export const commitSpam: Strategy = strategy({
  propose: principledProposal,
  accept: principledAccepts,
  side: (level, state, party) => {
    const w = effectiveWeights(level, party, state.parties[party]);
    const order = w.map((x, i) => ({ x, i })).sort((a, b) => b.x - a.x || a.i - b.i);
    for (const { i } of order) {
      const move: SideMove = { kind: 'commitment', issue: i };
      if (checkSideMove(level, state, party, move).ok) return move;
    }
    return PASS;
  },
});

/** Does nothing until the last round: tables its ideal and rejects; then plays principled. */
export const lastRoundOnly: Strategy = strategy({
  propose: (level, state, party) =>
    lastRound(level, state)
      ? principledProposal(level, state, party)
      : idealPackage(level, state, party),
  accept: (level, state, party, pkg) =>
    lastRound(level, state) && principledAccepts(level, state, party, pkg),
  side: () => PASS,
});

/** Tables principled packages but rejects everything until the last round. */
export const stonewall: Strategy = strategy({
  propose: principledProposal,
  accept: (level, state, party, pkg) =>
    lastRound(level, state) && principledAccepts(level, state, party, pkg),
  side: principledSideMove,
});

/** Tables the start-of-game Nash package every turn; accepts only what is worth as much to it. */
export function nashStubborn(nash: Package): Strategy {
  return strategy({
    propose: (level, state, party) =>
      crossesOwnHardLine(level, party, nash) ? idealPackage(level, state, party) : nash,
    accept: (level, state, party, pkg) =>
      worthTable(level, state, party)[packageIndex(level, pkg)]! >=
      worthTable(level, state, party)[packageIndex(level, nash)]! - 1e-9,
    side: () => PASS,
  });
}

/**
 * Tables one package every time it is the seat's turn and rejects everything else: the
 * take-it-or-leave-it test. The package must be one the seat may table.
 */
export function takeItOrLeaveIt(pkg: Package): Strategy {
  const key = pkg.join();
  return strategy({
    propose: () => pkg,
    accept: (_level, _state, _party, offered) => offered.join() === key,
    side: () => PASS,
  });
}

/**
 * The ceiling: knows every computer's private numbers and targets, and tables its best package
 * among those all of them would accept now (else plays principled).
 */
export const oracle: Strategy = strategy({
  propose: (level, state, party) => {
    const worth = worthTable(level, state, party);
    const others = PARTIES.filter((p) => p !== party);
    const tables = others.map((p) => ownUtilities(level, state, p));
    const needs = others.map(
      (p) => targetUtility(state, level, p) - state.parties[p].dealBonus - 1e-9,
    );
    const vetoes = others.map((p) => level.hardVeto[p]);
    let best = -1;
    for (let n = 0; n < level.packageCount; n++) {
      if (level.hardVeto[party][n]) continue;
      if (best >= 0 && worth[n]! <= worth[best]!) continue;
      let ok = true;
      for (let j = 0; j < others.length && ok; j++)
        ok = !vetoes[j]![n] && tables[j]![n]! >= needs[j]!;
      if (ok) best = n;
    }
    return best >= 0 && worth[best]! >= walkAwayWorth(level, state, party)
      ? packageAt(level, best)
      : principledProposal(level, state, party);
  },
  accept: principledAccepts,
  side: () => PASS,
});

export const STRATEGIES: Readonly<Record<StrategyName, Strategy>> = {
  'naive-accept': naiveAccept,
  maximalist,
  principled,
};

/** Whether a package may be tabled by `party` when it is its turn (for fixed proposals). */
export const mayTable = (level: Level, state: GameState, party: Party, pkg: Package): boolean =>
  checkProposal(level, { ...state, table: null, outcome: null, proposer: party }, party, pkg).ok;
