// Balance measurements shared by `npm run balance` and test/balance.test.ts: computer-only games,
// scripted strategies at one seat against computer negotiators, and fixed proposals.
import { analyse } from './analysis';
import { applyMove, isOver, newGame, phaseOf, waitingFor } from './moves';
import { packageAt, packageToRecord, type Level, type Package } from './level/level';
import { PARTIES, byParty, type ByParty, type Difficulty, type Party } from './parties';
import { createInitialState, seatsFor } from './rules';
import { deriveSeed } from './seed';
import type { GameState, OutcomeKind } from './state';
import {
  STRATEGIES,
  STRATEGY_NAMES,
  fixedProposal,
  idealPackage,
  mayTable,
  type Strategy,
  type StrategyName,
} from './strategies';

export const BALANCE_SEED = 'K7F2Q9XM';
export const DEFAULT_DIFFICULTY: Difficulty = 'normal';

/** The seeds of a series: `deriveSeed(base, k)` for k = 0 … count − 1. */
export const seedSeries = (count: number, base = BALANCE_SEED): string[] =>
  Array.from({ length: count }, (_, k) => deriveSeed(base, k));

/**
 * Plays one game: the seats in `players` are played by their strategies, the others by computer
 * negotiators. Throws with the rules' reason if a strategy makes a move they refuse.
 */
export function playWithStrategies(
  level: Level,
  seed: string,
  players: Partial<ByParty<Strategy>>,
  difficulty: Difficulty = DEFAULT_DIFFICULTY,
): GameState {
  const humans = PARTIES.filter((p) => players[p] !== undefined);
  let game = newGame(level, { seed, difficulty, seats: seatsFor(humans) });
  for (let guard = 0; !isOver(game); guard++) {
    const party = waitingFor(game)[0];
    if (party === undefined || guard > 1000)
      throw new Error(`${level.id}/${seed}: the game is stuck in ${phaseOf(game)}`);
    const move = players[party]!(level, game, party);
    const next = applyMove(level, game, move);
    if (!next.ok)
      throw new Error(`${level.id}/${seed}: ${party}'s move was refused: ${next.error.message}`);
    game = next.value;
  }
  return game;
}

export type OutcomeCounts = Record<OutcomeKind, number>;

export interface ComputerGames {
  readonly games: number;
  readonly deals: number;
  readonly dealRate: number;
  /** Mean round in which the games ended (signed or collapsed). */
  readonly meanRound: number;
  readonly outcomes: OutcomeCounts;
  /** Share of deals that end in renewed war in the stress test. */
  readonly warShareOfDeals: number;
  readonly meanScore: ByParty<number>;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Computer negotiators at every seat, one game per seed. */
export function computerGames(
  level: Level,
  seeds: readonly string[],
  difficulty: Difficulty = DEFAULT_DIFFICULTY,
): ComputerGames {
  const outcomes: OutcomeCounts = { lasting: 0, uneasy: 0, renewedWar: 0, noDeal: 0 };
  const scores = byParty(() => 0);
  let rounds = 0;
  for (const seed of seeds) {
    const game = playWithStrategies(level, seed, {}, difficulty);
    const outcome = game.outcome!;
    outcomes[outcome.kind]++;
    rounds += game.round;
    for (const p of PARTIES) scores[p] += outcome.scores[p];
  }
  const games = seeds.length;
  const deals = games - outcomes.noDeal;
  return {
    games,
    deals,
    dealRate: round3(deals / games),
    meanRound: round1(rounds / games),
    outcomes,
    warShareOfDeals: deals === 0 ? 0 : round3(outcomes.renewedWar / deals),
    meanScore: byParty((p) => round1(scores[p] / games)),
  };
}

export interface SeatScores {
  /** Mean score (0..100) of each strategy at this seat. */
  readonly mean: Record<StrategyName, number>;
  /** Deal rate of the games each strategy played at this seat. */
  readonly dealRate: Record<StrategyName, number>;
}

/** Mean score of each scripted strategy playing `seat` against computer negotiators. */
export function strategyScores(
  level: Level,
  seeds: readonly string[],
  seat: Party,
  difficulty: Difficulty = DEFAULT_DIFFICULTY,
): SeatScores {
  const mean = {} as Record<StrategyName, number>;
  const dealRate = {} as Record<StrategyName, number>;
  for (const name of STRATEGY_NAMES) {
    let total = 0;
    let deals = 0;
    for (const seed of seeds) {
      const outcome = playWithStrategies(
        level,
        seed,
        { [seat]: STRATEGIES[name] },
        difficulty,
      ).outcome!;
      total += outcome.scores[seat];
      if (outcome.kind !== 'noDeal') deals++;
    }
    mean[name] = round1(total / seeds.length);
    dealRate[name] = round3(deals / seeds.length);
  }
  return { mean, dealRate };
}

export interface Candidate {
  /** Where the package comes from: `ideal:<party>`, `nash` or `max-total`. */
  readonly name: string;
  readonly package: Package;
}

/**
 * Packages worth trying as a fixed proposal: each party's ideal among the packages no party vetoes,
 * the Nash bargaining point and the package with the largest total utility (at the start).
 */
export function fixedCandidates(level: Level): Candidate[] {
  const state = createInitialState(level, {
    seed: BALANCE_SEED,
    difficulty: DEFAULT_DIFFICULTY,
    seats: seatsFor([]),
  });
  const out: Candidate[] = [];
  const add = (name: string, pkg: Package) => {
    if (!out.some((c) => c.package.join() === pkg.join())) out.push({ name, package: pkg });
  };
  // Each party's ideal among the packages no one vetoes (its own may cross another's hard line).
  for (const party of PARTIES)
    add(`ideal:${party}`, idealPackage(level, state, party, vetoAll(level)));
  const analysis = analyse(level, state, null);
  if (analysis.nash) add('nash', packageAt(level, analysis.nash.package));
  add('max-total', packageAt(level, analysis.maxTotal.package));
  return out;
}

const vetoCache = new WeakMap<Level, Uint8Array>();
/** 1 where any party's hard red line vetoes the package. */
function vetoAll(level: Level): Uint8Array {
  let v = vetoCache.get(level);
  if (!v) {
    v = new Uint8Array(level.packageCount);
    for (const p of PARTIES) for (let n = 0; n < v.length; n++) v[n]! |= level.hardVeto[p][n]!;
    vetoCache.set(level, v);
  }
  return v;
}

export interface FixedResult {
  readonly candidate: string;
  readonly package: Record<string, string>;
  /** Per seat: share of seeds in which that seat tabled this package and it was signed. */
  readonly signedShare: Partial<ByParty<number>>;
  /** The best of those shares. */
  readonly best: number;
}

export interface FixedProposals {
  readonly games: number;
  readonly candidates: readonly FixedResult[];
  /** The most successful candidate and seat. */
  readonly best: { readonly candidate: string; readonly seat: Party; readonly share: number };
}

/**
 * For each candidate package and each seat that may table it: a seat that tables the package
 * every time it is its turn and accepts everything else, the others computer negotiators. Counts
 * the seeds in which that seat's own proposal of the package is signed (a deal reached on someone
 * else's proposal is the computers' doing, not the fixed proposal's).
 */
export function fixedProposals(
  level: Level,
  seeds: readonly string[],
  difficulty: Difficulty = DEFAULT_DIFFICULTY,
): FixedProposals {
  const start = createInitialState(level, {
    seed: BALANCE_SEED,
    difficulty,
    seats: seatsFor([]),
  });
  const candidates: FixedResult[] = [];
  let best = { candidate: '', seat: PARTIES[0] as Party, share: -1 };
  for (const candidate of fixedCandidates(level)) {
    const signedShare: Partial<ByParty<number>> = {};
    const key = candidate.package.join();
    for (const seat of PARTIES) {
      if (!mayTable(level, start, seat, candidate.package)) continue;
      const strategy = fixedProposal(candidate.package);
      let signed = 0;
      for (const seed of seeds) {
        const game = playWithStrategies(level, seed, { [seat]: strategy }, difficulty);
        const signing = game.history.at(-1)?.proposal;
        if (game.outcome!.deal && signing?.proposer === seat && signing.package.join() === key)
          signed++;
      }
      const share = round3(signed / seeds.length);
      signedShare[seat] = share;
      if (share > best.share) best = { candidate: candidate.name, seat, share };
    }
    candidates.push({
      candidate: candidate.name,
      package: packageToRecord(level, candidate.package),
      signedShare,
      best: Math.max(0, ...Object.values(signedShare)),
    });
  }
  return { games: seeds.length, candidates, best };
}

export interface BalanceOptions {
  /** Seeds for the computer-only games (default 500). */
  readonly seeds: number;
  /** Seeds per strategy and seat (default 100). */
  readonly strategySeeds: number;
  /** Seeds per fixed proposal and seat (default 100). */
  readonly fixedSeeds: number;
  readonly baseSeed: string;
  readonly difficulty: Difficulty;
}

export const DEFAULT_BALANCE: BalanceOptions = {
  seeds: 500,
  strategySeeds: 100,
  fixedSeeds: 100,
  baseSeed: BALANCE_SEED,
  difficulty: DEFAULT_DIFFICULTY,
};

export interface LevelBalance {
  readonly level: string;
  readonly computer: ComputerGames;
  readonly strategySeeds: number;
  readonly strategies: ByParty<SeatScores>;
  readonly fixed: FixedProposals;
}

export function measureLevel(level: Level, options: Partial<BalanceOptions> = {}): LevelBalance {
  const o = { ...DEFAULT_BALANCE, ...options };
  const seeds = seedSeries(o.seeds, o.baseSeed);
  const strategySeeds = seedSeries(o.strategySeeds, o.baseSeed);
  return {
    level: level.id,
    computer: computerGames(level, seeds, o.difficulty),
    strategySeeds: strategySeeds.length,
    strategies: byParty((seat) => strategyScores(level, strategySeeds, seat, o.difficulty)),
    fixed: fixedProposals(level, seedSeries(o.fixedSeeds, o.baseSeed), o.difficulty),
  };
}
