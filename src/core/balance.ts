// The balance harness (issue 10), shared by `npm run balance` and test/balance.test.ts: scripted
// strategies at every seat of a level against computer negotiators, computer-only games, fixed
// take-it-or-leave-it packages, difficulty, and whether the computers' explanations are true. The
// bands judge the result on any seed series.
import { analyse } from './analysis';
import { packageAt, packageIndex, type Level, type Package } from './level/level';
import { computerMove, stepComputer } from './moves';
import { respond } from './negotiator';
import {
  DIFFICULTIES,
  PARTIES,
  byParty,
  type ByParty,
  type Difficulty,
  type Party,
} from './parties';
import { createInitialState, seatsFor } from './rules';
import { computeOutcome } from './scoring';
import { deriveSeed } from './seed';
import type { GameState } from './state';
import {
  commitSpam,
  idealPackage,
  lastRoundOnly,
  mayTable,
  naiveAccept,
  nashStubborn,
  oracle,
  playSteps,
  pressureSpam,
  principled,
  rejectAll,
  stonewall,
  takeItOrLeaveIt,
  type Strategy,
} from './strategies';
import { anyVeto, bestOnIssues, utility } from './utility';

export const BALANCE_SEED = 'K7F2Q9XM';
import { DEFAULT_DIFFICULTY } from './params';

export { DEFAULT_DIFFICULTY };
export const MAIN_LEVELS: readonly string[] = ['minsk-2015', 'coalition-2025', 'binding-treaty'];

export const BALANCE_STRATEGIES = [
  'accept-all',
  'reject-all',
  'principled',
  'pressure-spam',
  'commit-spam',
  'last-round-only',
  'stonewall',
  'nash-stubborn',
  'oracle',
] as const;
export type BalanceStrategy = (typeof BALANCE_STRATEGIES)[number];

/** The seeds of a series: `deriveSeed(base, k)` for k = 0 … count − 1. */
export const seedSeries = (count: number, base = BALANCE_SEED): string[] =>
  Array.from({ length: count }, (_, k) => deriveSeed(base, k));

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The start of a game (for packages chosen before play: the Nash point, the ideals). */
const startState = (level: Level): GameState =>
  createInitialState(level, { seed: BALANCE_SEED, difficulty: 'normal', seats: seatsFor([]) });

/** The start-of-game Nash package (score space), or the best-total package if there is none. */
export function startNash(level: Level): Package {
  const a = analyse(level, startState(level), null);
  return packageAt(level, (a.nash ?? a.maxTotal).package);
}

function strategyFor(level: Level, name: BalanceStrategy): Strategy {
  switch (name) {
    case 'accept-all':
      return naiveAccept;
    case 'reject-all':
      return rejectAll;
    case 'principled':
      return principled;
    case 'pressure-spam':
      return pressureSpam;
    case 'commit-spam':
      return commitSpam;
    case 'last-round-only':
      return lastRoundOnly;
    case 'stonewall':
      return stonewall;
    case 'nash-stubborn':
      return nashStubborn(startNash(level));
    case 'oracle':
      return oracle;
  }
}

export interface SeatResult {
  readonly meanScore: number;
  readonly dealRate: number;
}

export interface Played {
  readonly meanScore: number;
  readonly dealRate: number;
  /** Expected deals over the seeds (each signed game weighed by the odds the talks lasted). */
  readonly deals: number;
  /** Of those, signed before the final round. */
  readonly early: number;
  readonly signed: readonly Package[];
}

/**
 * Plays `seat` with `strategy` against the computers over the seeds. The level's breakdown risk is
 * weighed, not drawn: each game is played on as if the talks never broke down, and every round's
 * end at which they could have broken down counts with that probability, at what walking away
 * would then have scored. The means are those of drawn breakdowns, without the noise of one coin
 * flip per round, which on 200 seeds moved a seat's mean by 1.7 points (levels/README.md): two
 * strategies on the same seeds now differ by how they played, not by their luck.
 */
export function playSeat(
  level: Level,
  seeds: readonly string[],
  seat: Party,
  strategy: Strategy,
  difficulty: Difficulty,
): Played {
  const risk = level.spec.breakdownRisk ?? 0;
  let total = 0;
  let deals = 0;
  let early = 0;
  const signed: Package[] = [];
  for (const seed of seeds) {
    const steps = playSteps(level, seed, { [seat]: strategy }, difficulty, true);
    let lasting = 1;
    let round = 1;
    for (let step = steps.next(); ; step = steps.next()) {
      const game = step.value;
      if (game.round > round) {
        // The round before ended without a deal: the talks broke down there with odds `risk`.
        total += lasting * risk * computeOutcome(level, game, null).scores[seat];
        lasting *= 1 - risk;
        round = game.round;
      }
      if (!step.done) continue;
      total += lasting * game.outcome!.scores[seat];
      if (game.outcome!.deal) {
        deals += lasting;
        if (game.round < level.spec.deadline) early += lasting;
        signed.push(game.outcome!.deal);
      }
      break;
    }
  }
  return {
    meanScore: round1(total / seeds.length),
    dealRate: round3(deals / seeds.length),
    deals,
    early,
    signed,
  };
}

export interface ComputerOnly {
  readonly games: number;
  readonly dealRate: number;
  readonly earlyDealShare: number;
  readonly distinctDeals: number;
  /** Different signed packages among the first 100 seeds, per 100 seeds. */
  readonly distinctPer100: number;
  readonly topDealShare: number;
  /** Rejections by a computer that named issues, and how many of those a fix would turn. */
  readonly explained: number;
  readonly explainedAccepted: number;
  readonly signed: readonly Package[];
}

/**
 * Computer negotiators at every seat, one game per seed, move by move so that each rejection's
 * explanation can be checked: give the computer its best feasible options on the issues it named
 * (the best package, for it, that changes only those issues and that no party vetoes), at the same
 * moment, and see whether it accepts.
 */
export function computerOnly(
  level: Level,
  seeds: readonly string[],
  difficulty: Difficulty = DEFAULT_DIFFICULTY,
): ComputerOnly {
  let deals = 0;
  let early = 0;
  let explained = 0;
  let explainedAccepted = 0;
  const counts = new Map<number, number>();
  const first100 = new Set<number>();
  const signed: Package[] = [];
  for (const [k, seed] of seeds.entries()) {
    let game = createInitialState(level, { seed, difficulty, seats: seatsFor([]) });
    for (let move = computerMove(level, game); move; move = computerMove(level, game)) {
      if (move.type === 'RESPOND' && !move.accept) {
        const response = respond(level, game, move.party, game.table!.package);
        if (response.issues && response.issues.length > 0) {
          explained++;
          const fix = bestOnIssues(
            level,
            move.party,
            game.parties[move.party],
            game.table!.package,
            response.issues,
          );
          if (fix && respond(level, game, move.party, fix.package).accept) explainedAccepted++;
        }
      }
      game = stepComputer(level, game);
    }
    if (game.outcome?.deal) {
      deals++;
      if (game.round < level.spec.deadline) early++;
      signed.push(game.outcome.deal);
      const n = packageIndex(level, game.outcome.deal);
      counts.set(n, (counts.get(n) ?? 0) + 1);
      if (k < 100) first100.add(n);
    }
  }
  return {
    games: seeds.length,
    dealRate: round3(deals / seeds.length),
    earlyDealShare: deals === 0 ? 0 : round3(early / deals),
    distinctDeals: counts.size,
    distinctPer100: round1((100 * first100.size) / Math.min(100, seeds.length)),
    topDealShare: deals === 0 ? 0 : round3(Math.max(...counts.values()) / deals),
    explained,
    explainedAccepted,
    signed,
  };
}

export interface Candidate {
  /** Where the package comes from: `ideal:<party>`, `nash` or `max-total`. */
  readonly name: string;
  readonly package: Package;
}

/**
 * Packages worth trying as a take-it-or-leave-it offer: each party's ideal among the packages no
 * party vetoes, the Nash bargaining point and the package with the largest total (at the start).
 */
export function fixedCandidates(level: Level): Candidate[] {
  const state = startState(level);
  const out: Candidate[] = [];
  const add = (name: string, pkg: Package) => {
    if (!out.some((c) => c.package.join() === pkg.join())) out.push({ name, package: pkg });
  };
  for (const party of PARTIES)
    add(`ideal:${party}`, idealPackage(level, state, party, anyVeto(level)));
  const analysis = analyse(level, state, null);
  if (analysis.nash) add('nash', packageAt(level, analysis.nash.package));
  add('max-total', packageAt(level, analysis.maxTotal.package));
  return out;
}

export interface TakeItOrLeaveIt {
  /** The candidate that scored best for the seat. */
  readonly candidate: string;
  readonly signedRate: number;
  readonly meanScore: number;
}

/** The seat's best take-it-or-leave-it offer: the candidate it may table that scores best. */
export function bestTakeItOrLeaveIt(
  level: Level,
  seeds: readonly string[],
  seat: Party,
): TakeItOrLeaveIt {
  const start = startState(level);
  let best: TakeItOrLeaveIt = { candidate: 'none', signedRate: 0, meanScore: -1 };
  for (const c of fixedCandidates(level)) {
    if (!mayTable(level, start, seat, c.package)) continue;
    const played = playSeat(level, seeds, seat, takeItOrLeaveIt(c.package), DEFAULT_DIFFICULTY);
    if (played.meanScore > best.meanScore)
      best = { candidate: c.name, signedRate: played.dealRate, meanScore: played.meanScore };
  }
  return best;
}

export interface BalanceOptions {
  /** Games per measurement (computer-only games, and per strategy, seat and difficulty). */
  readonly games: number;
  readonly baseSeed: string;
}

export const DEFAULT_BALANCE: BalanceOptions = { games: 100, baseSeed: BALANCE_SEED };

/** Computer-only figures (the explanation counts become explanationsTrue), then the strategies. */
export interface LevelBalance extends Omit<
  ComputerOnly,
  'explained' | 'explainedAccepted' | 'signed'
> {
  readonly level: string;
  /** Share of principled games (all seats) signed before the final round, over their deals. */
  readonly principledEarlyDealShare: number;
  /** Share of named-issue rejections that the best feasible fix on those issues turns. */
  readonly explanationsTrue: number;
  readonly explanations: number;
  readonly strategies: Record<BalanceStrategy, ByParty<SeatResult>>;
  readonly takeItOrLeaveIt: ByParty<TakeItOrLeaveIt>;
  readonly difficulty: Record<Difficulty, ByParty<number>>;
  /** The level's deal bands: the share of deals (computer-only and principled) in the options. */
  readonly dealBands: readonly DealBandResult[];
  /** Per party: the start-of-game Nash utility minus its reservation value at the deadline. */
  readonly nashOverDeadlineReservation: ByParty<number>;
}

export interface DealBandResult {
  readonly name: string;
  readonly share: number;
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** Share of the signed packages whose option on the band's issue is one of the band's options. */
export function dealBandResults(level: Level, signed: readonly Package[]): DealBandResult[] {
  return (level.spec.dealBands ?? []).map((band) => {
    const i = level.issues.findIndex((issue) => issue.id === band.issue);
    const options = new Set(
      band.options.map((id) => level.issues[i]!.options.findIndex((o) => o.id === id)),
    );
    const hits = signed.filter((pkg) => options.has(pkg[i]!)).length;
    return {
      name: band.name,
      share: signed.length === 0 ? 0 : round3(hits / signed.length),
      ...(band.atLeast !== undefined ? { atLeast: band.atLeast } : {}),
      ...(band.atMost !== undefined ? { atMost: band.atMost } : {}),
    };
  });
}

/** The level authors' rule: every party gets at least its deadline walk-away at the Nash point. */
export function nashOverDeadlineReservation(level: Level): ByParty<number> {
  const nash = startNash(level);
  const state = startState(level);
  const out = {} as ByParty<number>;
  for (const party of PARTIES) {
    const spec = level.parties[party].spec;
    const deadline = spec.reservation + (spec.reservationDrift ?? 0) * level.spec.deadline;
    out[party] = round3(utility(level, party, state.parties[party], nash) - deadline);
  }
  return out;
}

export function measureLevel(level: Level, options: Partial<BalanceOptions> = {}): LevelBalance {
  const o = { ...DEFAULT_BALANCE, ...options };
  const seeds = seedSeries(o.games, o.baseSeed);
  const computer = computerOnly(level, seeds);
  const strategies = {} as Record<BalanceStrategy, ByParty<SeatResult>>;
  let principledDeals = 0;
  let principledEarly = 0;
  const signed: Package[] = [...computer.signed];
  const principledNormal = {} as ByParty<number>;
  for (const name of BALANCE_STRATEGIES) {
    const strategy = strategyFor(level, name);
    const bySeat = {} as ByParty<SeatResult>;
    for (const seat of PARTIES) {
      const played = playSeat(level, seeds, seat, strategy, DEFAULT_DIFFICULTY);
      bySeat[seat] = { meanScore: played.meanScore, dealRate: played.dealRate };
      if (name === 'principled') {
        principledDeals += played.deals;
        principledEarly += played.early;
        signed.push(...played.signed);
        principledNormal[seat] = played.meanScore;
      }
    }
    strategies[name] = bySeat;
  }
  const tioli = byParty((seat) => bestTakeItOrLeaveIt(level, seeds, seat));
  const difficulty = {} as Record<Difficulty, ByParty<number>>;
  for (const d of DIFFICULTIES) {
    const bySeat = {} as ByParty<number>;
    for (const seat of PARTIES)
      bySeat[seat] =
        d === DEFAULT_DIFFICULTY
          ? principledNormal[seat]
          : playSeat(level, seeds, seat, principled, d).meanScore;
    difficulty[d] = bySeat;
  }
  return {
    level: level.id,
    games: o.games,
    dealRate: computer.dealRate,
    earlyDealShare: computer.earlyDealShare,
    distinctDeals: computer.distinctDeals,
    distinctPer100: computer.distinctPer100,
    topDealShare: computer.topDealShare,
    principledEarlyDealShare: principledDeals === 0 ? 0 : round3(principledEarly / principledDeals),
    explanationsTrue:
      computer.explained === 0 ? 1 : round3(computer.explainedAccepted / computer.explained),
    explanations: computer.explained,
    strategies,
    takeItOrLeaveIt: tioli,
    difficulty,
    dealBands: dealBandResults(level, signed),
    nashOverDeadlineReservation: nashOverDeadlineReservation(level),
  };
}

// ---------------------------------------------------------------------------------------------
// The bands.
// ---------------------------------------------------------------------------------------------

export interface Band {
  readonly name: string;
  readonly level: string;
  readonly seat?: Party;
  readonly value: number;
  /** The limit, as text: `>= 5`, `<= 0.7`, `0.25..0.85`. */
  readonly limit: string;
  readonly pass: boolean;
}

export const BAND_LIMITS = {
  thoughtfulMargin: 5,
  exploitMargin: 3,
  ultimatumMax: 0.7,
  earlyMin: 0.3,
  distinctPer100Min: 5,
  topShareMax: 0.5,
  difficultySpreadMin: 4,
  dealRateMain: [0.25, 0.85] as const,
  tutorialDealRateMin: 0.9,
  explanationsMin: 0.6,
} as const;

/** The difficulty band at one seat: easy > normal > hard, and easy − hard at least the spread. */
export const difficultyHolds = (easy: number, normal: number, hard: number): boolean =>
  easy > normal && normal > hard && easy - hard >= BAND_LIMITS.difficultySpreadMin;

export function bands(results: readonly LevelBalance[]): Band[] {
  const L = BAND_LIMITS;
  const out: Band[] = [];
  const atLeast = (name: string, level: string, value: number, min: number, seat?: Party) =>
    out.push({
      name,
      level,
      ...(seat ? { seat } : {}),
      value: round3(value),
      limit: `>= ${min}`,
      pass: value >= min - 1e-9,
    });
  const atMost = (name: string, level: string, value: number, max: number, seat?: Party) =>
    out.push({
      name,
      level,
      ...(seat ? { seat } : {}),
      value: round3(value),
      limit: `<= ${max}`,
      pass: value <= max + 1e-9,
    });
  for (const r of results) {
    const main = MAIN_LEVELS.includes(r.level);
    for (const seat of PARTIES) {
      const s = (name: BalanceStrategy) => r.strategies[name][seat].meanScore;
      const naive = Math.max(s('accept-all'), s('reject-all'));
      atLeast('thoughtful beats naive', r.level, s('principled') - naive, L.thoughtfulMargin, seat);
      const tricks = BALANCE_STRATEGIES.filter((n) => n !== 'oracle' && n !== 'principled').map(
        (n) => s(n),
      );
      const best = Math.max(...tricks, r.takeItOrLeaveIt[seat].meanScore);
      atMost('no cheap exploit', r.level, best - s('principled'), L.exploitMargin, seat);
      atMost('no ultimatum', r.level, r.takeItOrLeaveIt[seat].signedRate, L.ultimatumMax, seat);
      const d = r.difficulty;
      out.push({
        name: 'difficulty is monotone',
        level: r.level,
        seat,
        value: round1(d.easy[seat] - d.hard[seat]),
        limit: `easy > normal > hard, easy - hard >= ${L.difficultySpreadMin}`,
        pass: difficultyHolds(d.easy[seat], d.normal[seat], d.hard[seat]),
      });
    }
    if (main) {
      atLeast('deals before the deadline (computer-only)', r.level, r.earlyDealShare, L.earlyMin);
      atLeast(
        'deals before the deadline (principled)',
        r.level,
        r.principledEarlyDealShare,
        L.earlyMin,
      );
      atLeast(
        'variety: different deals per 100 seeds',
        r.level,
        r.distinctPer100,
        L.distinctPer100Min,
      );
      atMost('variety: top deal share', r.level, r.topDealShare, L.topShareMax);
      const [lo, hi] = L.dealRateMain;
      out.push({
        name: 'deal rate, main levels',
        level: r.level,
        value: r.dealRate,
        limit: `${lo}..${hi}`,
        pass: r.dealRate >= lo && r.dealRate <= hi,
      });
    }
    if (r.level === 'tutorial')
      atLeast('tutorial deal rate', r.level, r.dealRate, L.tutorialDealRateMin);
    atLeast('explanations are true', r.level, r.explanationsTrue, L.explanationsMin);
    for (const band of r.dealBands) {
      if (band.atLeast !== undefined)
        atLeast(`deals with ${band.name}`, r.level, band.share, band.atLeast);
      if (band.atMost !== undefined)
        atMost(`deals with ${band.name}`, r.level, band.share, band.atMost);
    }
    for (const seat of PARTIES)
      atLeast(
        'Nash utility at least the deadline reservation',
        r.level,
        r.nashOverDeadlineReservation[seat],
        0,
        seat,
      );
  }
  return out;
}
