// Pure state transitions. The round machine wires these together; nothing here has side effects.
import { isPackage, type Level, type Package } from './level/level';
import type { EffectSpec } from './level/schema';
import { PARTIES, byParty, type ByParty, type Difficulty, type Party } from './parties';
import { err, ok, type Result } from './result';
import { drawInt, drawUnit, rngFromSeed, shuffle } from './rng';
import { computeOutcome } from './scoring';
import { playedDigest } from './stress';
import {
  MAX_AMENDMENTS,
  type Amendment,
  type Belief,
  type GameState,
  type PartyState,
  type Proposal,
  type Response,
  type Seat,
  type SideMove,
} from './state';
import {
  FINAL_MARGIN,
  contributionTable,
  issueNames,
  seatDifficulty,
  shortfallIssues,
} from './utility';

export interface GameSetup {
  readonly seed: string;
  readonly seats: ByParty<Seat>;
  readonly difficulty: Difficulty;
}

const BELIEF_START = 0.7;
const BELIEF_FLOOR = 0.2;
const BELIEF_END = 0.35;
const RESERVATION_MAX = 0.95;
/** Incentives can sweeten a deal only so far: side payments do not buy a party outright. */
const MAX_DEAL_BONUS = 0.08;
/** What one incentive moves from the giver to the target (in utility, if a deal is signed). */
export const INCENTIVE = 0.03;
/** The first pressure on a party lowers its no-deal value by this much; each later one by half. */
export const PRESSURE = 0.03;
/** What pressing costs the presser in goodwill (utility in any deal). */
export const PRESSURE_GOODWILL = 0.01;
/** What the next pressure takes off the no-deal value of a party already pressed `pressed` times. */
export const pressureEffect = (pressed: number): number => PRESSURE * Math.pow(0.5, pressed);
/**
 * The opponent model's error about a person's threshold, by difficulty: on easy the computers
 * think the person needs more than it does, on hard a little less (they push).
 */
const MODEL_BIAS: Record<Difficulty, number> = { easy: 0.1, normal: 0, hard: -0.08 };
/** A computer's private last round is the deadline minus 0…PATIENCE_SPREAD rounds. */
const PATIENCE_SPREAD = 2;
/**
 * The share of its surplus a computer insists on from a proposer that has given no ground, in
 * hundredths: people in ultimatum games turn down offers they find unfair, and not all at the same
 * point.
 */
const FAIRNESS_RANGE = [25, 90] as const;
/** A computer's private reservation value is the level's ± this many hundredths. */
const RESERVATION_SPREAD = 3;

export const seatsFor = (humans: readonly Party[]): ByParty<Seat> =>
  byParty((party) => (humans.includes(party) ? 'human' : 'computer'));

export function createInitialState(level: Level, setup: GameSetup): GameState {
  const [deck, rng] = shuffle(
    level.events.map((_, k) => k),
    rngFromSeed(`${setup.seed}/${level.id}`),
  );
  // Each computer delegation's private instructions: how long it may hold out, and where exactly
  // its reservation value lies (within a few points of the level's). Drawn from the seed alone.
  let secret = rngFromSeed(`${setup.seed}/${level.id}/instructions`);
  const draw = (from: number, to: number): number => {
    const [value, next] = drawInt(secret, from, to);
    secret = next;
    return value;
  };
  const parties = byParty<PartyState>((party) => {
    const model = level.parties[party];
    const computer = setup.seats[party] === 'computer';
    const patience = level.spec.deadline - draw(0, PATIENCE_SPREAD);
    const jitter = (draw(0, 2 * RESERVATION_SPREAD) - RESERVATION_SPREAD) / 100;
    const fairness = draw(FAIRNESS_RANGE[0], FAIRNESS_RANGE[1]) / 100;
    return {
      reservation: computer
        ? clamp(model.spec.reservation + jitter, 0, RESERVATION_MAX)
        : model.spec.reservation,
      patience: computer ? Math.max(1, patience) : level.spec.deadline,
      fairness: computer ? fairness : 0,
      weightFactors: level.issues.map(() => 1),
      resolve: 0,
      penaltyFactors: model.redLines.map(() => 1),
      dealBonus: 0,
      known: model.redLines.map((line) => line.public),
      pressed: 0,
      commitments: [],
      margin:
        setup.seats[party] === 'computer'
          ? FINAL_MARGIN[seatDifficulty(level, setup.seats, setup.difficulty, party)]
          : 0,
    };
  });
  // The chair of the first session is drawn by lot, so no seat is always the last to propose.
  const chair = draw(0, level.turnOrder.length - 1);
  // The opponents' model of a person: on easy they overrate what the person needs (and offer
  // more), on hard they read it closely (and offer no more than needed).
  const beliefs = byParty<Belief>((party) => ({
    weights: level.issues.map((_, i) => (level.parties[party].priorities.includes(i) ? 2 : 1)),
    threshold: BELIEF_START + (setup.seats[party] === 'human' ? MODEL_BIAS[setup.difficulty] : 0),
  }));
  return {
    version: 1,
    level: level.id,
    seed: setup.seed,
    difficulty: setup.difficulty,
    seats: setup.seats,
    rng,
    round: 1,
    proposer: level.turnOrder[chair]!,
    pressure: 0,
    fortification: 0,
    deck,
    parties,
    beliefs,
    table: null,
    responses: {},
    sideMoves: {},
    history: [],
    moves: [],
    outcome: null,
  };
}

export type ProposalError =
  | { readonly code: 'proposal/not-your-turn'; readonly message: string }
  | { readonly code: 'proposal/invalid-package'; readonly message: string }
  | {
      readonly code: 'proposal/violates-red-line';
      readonly message: string;
      readonly redLine: string;
    };

/** Whether `party` may table `pkg` now. A party cannot table what its own hard red lines forbid. */
export function checkProposal(
  level: Level,
  state: GameState,
  party: Party,
  pkg: readonly number[],
): Result<Package, ProposalError> {
  if (state.outcome || state.table || state.proposer !== party)
    return err({ code: 'proposal/not-your-turn', message: `it is not ${party}'s turn to propose` });
  if (!isPackage(level, pkg))
    return err({
      code: 'proposal/invalid-package',
      message: 'a package needs one valid option for every issue',
    });
  const line = level.parties[party].redLines.find((l) => l.hard && l.crosses(pkg));
  if (line)
    return err({
      code: 'proposal/violates-red-line',
      message: `this crosses your own red line: ${line.says}`,
      redLine: line.id,
    });
  return ok(pkg);
}

export function tableProposal(state: GameState, proposal: Proposal): GameState {
  return {
    ...state,
    table: proposal,
    responses: { [proposal.proposer]: { accept: true, says: proposal.says } },
  };
}

/** A party's utility of a package as everyone estimates it from what the party said in public. */
export const estimate = (level: Level, belief: Belief, party: Party, pkg: Package): number => {
  const total = belief.weights.reduce((a, b) => a + b, 0);
  const table = contributionTable(
    level,
    party,
    belief.weights.map((w) => w / total),
  );
  return pkg.reduce((sum, o, i) => sum + table[level.offsets[i]! + o]!, 0);
};

/** Records a response and what it tells everyone about the responder. */
export function recordResponse(
  level: Level,
  state: GameState,
  party: Party,
  response: Response,
): GameState {
  const pkg = state.table!.package;
  const belief = state.beliefs[party];
  const estimated = estimate(level, belief, party, pkg);
  let nextBelief: Belief = belief;
  let known = state.parties[party].known;
  if (response.accept) nextBelief = { ...belief, threshold: Math.min(belief.threshold, estimated) };
  else if (response.redLine !== undefined) {
    const index = level.parties[party].redLines.findIndex((l) => l.id === response.redLine);
    if (index >= 0 && !known[index]) known = known.map((k, i) => k || i === index);
  } else {
    // A party that has never accepted anything tells the table nothing about its threshold by
    // rejecting once more: stonewalling does not talk the others up.
    const named = response.issues ?? [];
    const moved = state.history.some(
      (r) => r.proposal.proposer !== party && r.responses[party]?.accept === true,
    );
    nextBelief = {
      weights: belief.weights.map((w, i) => (named.includes(i) ? w * 1.3 : w)),
      threshold: moved
        ? Math.min(0.95, Math.max(belief.threshold, estimated + 0.02))
        : belief.threshold,
    };
  }
  return {
    ...state,
    responses: { ...state.responses, [party]: response },
    beliefs: { ...state.beliefs, [party]: nextBelief },
    parties: { ...state.parties, [party]: { ...state.parties[party], known } },
  };
}

export type ResponseError = {
  readonly code:
    | 'response/not-awaited'
    | 'response/violates-red-line'
    | 'response/bad-cite'
    | 'response/bad-amendment';
  readonly message: string;
};

/** The package on the table with the amendments applied. */
export const amended = (pkg: Package, amend: readonly Amendment[]): number[] => {
  const out = [...pkg];
  for (const a of amend) out[a.issue] = a.option;
  return out;
};

/** Why a counter-proposal is not allowed, or null when it is. */
export function amendmentProblem(
  level: Level,
  state: GameState,
  party: Party,
  amend: readonly Amendment[],
): string | null {
  const pkg = state.table!.package;
  if (amend.length < 1 || amend.length > MAX_AMENDMENTS)
    return `a counter-proposal changes one or ${MAX_AMENDMENTS} issues`;
  const issues = new Set<number>();
  for (const a of amend) {
    const issue = level.issues[a.issue];
    if (!issue || !Number.isInteger(a.option) || a.option < 0 || a.option >= issue.options.length)
      return 'a counter-proposal needs a valid issue and option';
    if (issues.has(a.issue)) return 'a counter-proposal changes each issue once';
    if (pkg[a.issue] === a.option) return `${issue.name} is already that in the package`;
    issues.add(a.issue);
  }
  const counter = amended(pkg, amend);
  const line = level.parties[party].redLines.find((l) => l.hard && l.crosses(counter));
  if (line) return `the counter-proposal crosses your own red line (${line.says})`;
  return null;
}

/**
 * A seat answers once per proposal, and cannot sign what its own hard red lines forbid. A
 * rejection may cite one of the seat's own red lines that the package crosses, and may carry a
 * counter-proposal (one or two issues changed) that crosses none of its own hard red lines.
 */
export function checkResponse(
  level: Level,
  state: GameState,
  party: Party,
  accept: boolean,
  cite?: number,
  amend?: readonly Amendment[],
): Result<boolean, ResponseError> {
  if (!state.table || state.outcome || state.responses[party] !== undefined)
    return err({ code: 'response/not-awaited', message: `no answer is due from ${party}` });
  if (cite !== undefined) {
    const line = level.parties[party].redLines[cite];
    if (accept || !line || !line.crosses(state.table.package))
      return err({
        code: 'response/bad-cite',
        message: accept
          ? 'only a rejection cites a red line'
          : 'cite one of your own red lines that this package crosses',
      });
  }
  if (amend !== undefined) {
    const problem = accept
      ? 'only a rejection carries a counter-proposal'
      : amendmentProblem(level, state, party, amend);
    if (problem !== null) return err({ code: 'response/bad-amendment', message: problem });
  }
  const line = accept
    ? level.parties[party].redLines.find((l) => l.hard && l.crosses(state.table!.package))
    : undefined;
  if (line)
    return err({
      code: 'response/violates-red-line',
      message: `you cannot accept: it crosses your own red line (${line.says})`,
    });
  return ok(accept);
}

/**
 * The response a person gives. A red line is cited only when the person chooses to (a private
 * line is revealed only then); otherwise the issues that fall short and can still improve are
 * named. A counter-proposal is carried as given.
 */
export function humanResponse(
  level: Level,
  state: GameState,
  party: Party,
  accept: boolean,
  cite?: number,
  amend?: readonly Amendment[],
): Response {
  const pkg = state.table!.package;
  if (accept) return { accept: true, says: 'We accept.' };
  const counter = amend && amend.length > 0 ? { amend: amend.map((a) => ({ ...a })) } : {};
  const line = cite === undefined ? undefined : level.parties[party].redLines[cite];
  if (line) return { accept: false, says: line.says, redLine: line.id, ...counter };
  const issues = shortfallIssues(level, state, party, pkg);
  if (issues.length === 0) return { accept: false, says: 'We reject this package.', ...counter };
  return {
    accept: false,
    says: `Not enough for us on ${issueNames(level, issues)}.`,
    issues,
    ...counter,
  };
}

export type SideMoveError = {
  readonly code:
    | 'side-move/not-allowed'
    | 'side-move/already-moved'
    | 'side-move/bad-target'
    | 'side-move/lever-used'
    | 'side-move/bad-issue';
  readonly message: string;
};

export function checkSideMove(
  level: Level,
  state: GameState,
  party: Party,
  move: SideMove,
): Result<SideMove, SideMoveError> {
  const no = (code: SideMoveError['code'], message: string) => err({ code, message });
  if (state.outcome || !state.table)
    return no('side-move/not-allowed', 'side moves come after the responses');
  if (state.sideMoves[party])
    return no('side-move/already-moved', 'you have already made your side move this round');
  if (move.kind === 'pressure' || move.kind === 'incentive') {
    if (!PARTIES.includes(move.target) || move.target === party)
      return no('side-move/bad-target', 'choose another delegation as the target');
    // One lever of each kind per target per round, so levers do not stack.
    if (
      PARTIES.some((p) => {
        const m = state.sideMoves[p];
        return m?.kind === move.kind && m.target === move.target;
      })
    )
      return no(
        'side-move/lever-used',
        `${level.parties[move.target].spec.name} has already received ${move.kind === 'pressure' ? 'pressure' : 'an incentive'} this round`,
      );
  }
  if (move.kind === 'incentive' && state.parties[move.target].dealBonus >= MAX_DEAL_BONUS - 1e-9)
    return no(
      'side-move/lever-used',
      `${level.parties[move.target].spec.name} has taken all the incentives a deal can carry`,
    );
  if (move.kind === 'commitment') {
    if (!(Number.isInteger(move.issue) && move.issue >= 0 && move.issue < level.issues.length))
      return no('side-move/bad-issue', 'choose an issue to commit on');
    if (state.parties[party].commitments.includes(move.issue))
      return no(
        'side-move/lever-used',
        `you have already committed in public on ${level.issues[move.issue]!.name}`,
      );
  }
  return ok(move);
}

/**
 * Side moves.
 * - Pressure lowers the target's no-deal value and softens its firm red lines, each time by half as
 *   much as the time before (diminishing returns); at most one pressure per target per round; the
 *   presser pays in goodwill (a small loss in any deal).
 * - An incentive moves value: what the target gains in a deal, the giver loses (up to a cap).
 * - A public commitment on an issue ties the committer's hands: it holds firmer (resolve), the
 *   others believe the issue matters more to it and that it needs more, and a guarantor's
 *   commitment adds to the deal's credibility in the stress test. It never changes how the
 *   committer's own outcome is scored. One commitment per issue.
 */
export function applySideMove(
  level: Level,
  state: GameState,
  party: Party,
  move: SideMove,
): GameState {
  const parties = { ...state.parties };
  const beliefs = { ...state.beliefs };
  const change = (p: Party, f: (ps: PartyState) => PartyState) => (parties[p] = f(parties[p]));
  switch (move.kind) {
    case 'pressure': {
      change(move.target, (ps) => ({
        ...ps,
        pressed: ps.pressed + 1,
        reservation: Math.max(0, ps.reservation - pressureEffect(ps.pressed)),
        penaltyFactors: ps.penaltyFactors.map(
          (f, i) => f * (1 - level.parties[move.target].redLines[i]!.softening),
        ),
      }));
      change(party, (ps) => ({ ...ps, dealBonus: ps.dealBonus - PRESSURE_GOODWILL }));
      break;
    }
    case 'incentive': {
      const amount = Math.max(
        0,
        Math.min(INCENTIVE, MAX_DEAL_BONUS - parties[move.target].dealBonus),
      );
      change(move.target, (ps) => ({ ...ps, dealBonus: ps.dealBonus + amount }));
      change(party, (ps) => ({ ...ps, dealBonus: ps.dealBonus - amount }));
      break;
    }
    case 'commitment':
      change(party, (ps) => ({
        ...ps,
        resolve: ps.resolve + COMMITMENT_RESOLVE,
        commitments: [...ps.commitments, move.issue],
      }));
      beliefs[party] = {
        ...beliefs[party],
        weights: beliefs[party].weights.map((w, i) => (i === move.issue ? w * 1.5 : w)),
      };
      break;
    case 'pass':
      break;
  }
  return { ...state, parties, beliefs, sideMoves: { ...state.sideMoves, [party]: move } };
}

/** How much firmer a public commitment makes the committer (see `concessionExponent`). */
export const COMMITMENT_RESOLVE = 0.15;

function applyEffect(level: Level, state: GameState, effect: EffectSpec): GameState {
  if (effect.kind === 'clock')
    return { ...state, pressure: Math.max(0, state.pressure + effect.delta) };
  const ps = state.parties[effect.party];
  let next: PartyState;
  switch (effect.kind) {
    case 'reservation':
      next = { ...ps, reservation: clamp(ps.reservation + effect.delta, 0, RESERVATION_MAX) };
      break;
    case 'weight': {
      const i = level.issues.findIndex((issue) => issue.id === effect.issue);
      next = {
        ...ps,
        weightFactors: ps.weightFactors.map((f, k) => (k === i ? f * effect.factor : f)),
      };
      break;
    }
    case 'resolve':
      next = { ...ps, resolve: ps.resolve + effect.delta };
      break;
    case 'soften': {
      const index = level.parties[effect.party].redLines.findIndex((l) => l.id === effect.redLine);
      next = {
        ...ps,
        penaltyFactors: ps.penaltyFactors.map((f, k) => (k === index ? f * effect.factor : f)),
      };
      break;
    }
  }
  return { ...state, parties: { ...state.parties, [effect.party]: next } };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Files the round, lets delay cost what the level says, and draws the next event card. */
export function endRound(level: Level, state: GameState): GameState {
  const [card, ...deck] = state.deck;
  let next: GameState = {
    ...state,
    deck,
    history: [
      ...state.history,
      {
        round: state.round,
        proposal: state.table!,
        responses: state.responses,
        sideMoves: state.sideMoves,
        event: card ?? null,
      },
    ],
    pressure: state.pressure + level.spec.pressure.perRound,
    fortification: Math.min(100, state.fortification + level.spec.pressure.fortificationPerRound),
    parties: byParty((party) => {
      const ps = state.parties[party];
      const drift = level.parties[party].spec.reservationDrift ?? 0;
      return { ...ps, reservation: clamp(ps.reservation + drift, 0, RESERVATION_MAX) };
    }),
  };
  if (card !== undefined)
    for (const effect of level.events[card]!.effects) next = applyEffect(level, next, effect);
  const decay = (BELIEF_START - BELIEF_END) / level.spec.deadline;
  return {
    ...next,
    beliefs: byParty((party) => ({
      ...next.beliefs[party],
      threshold: Math.max(BELIEF_FLOOR, next.beliefs[party].threshold - decay),
    })),
  };
}

/** The counter-proposal that goes on the table next round: the first in turn order, if any. */
export function pendingCounter(level: Level, state: GameState): Proposal | null {
  if (!state.table) return null;
  const order = level.turnOrder;
  const start = order.indexOf(state.table.proposer);
  for (let k = 1; k < order.length; k++) {
    const party = order[(start + k) % order.length]!;
    const amend = state.responses[party]?.amend;
    if (!amend || amend.length === 0) continue;
    const names = issueNames(
      level,
      amend.map((a) => a.issue),
    );
    return {
      proposer: party,
      package: amended(state.table.package, amend),
      says: `Our counter-proposal: the same package, changed on ${names}.`,
    };
  }
  return null;
}

/**
 * The next round. A counter-proposal made in this round is tabled at once by the party that made
 * it, and the turn order continues from that party; otherwise the next party in order proposes.
 */
export function startNextRound(level: Level, state: GameState): GameState {
  const order = level.turnOrder;
  const counter = pendingCounter(level, state);
  const next: GameState = {
    ...state,
    round: state.round + 1,
    proposer: counter?.proposer ?? order[(order.indexOf(state.proposer) + 1) % order.length]!,
    table: null,
    responses: {},
    sideMoves: {},
  };
  return counter ? tableProposal(next, counter) : next;
}

export const everyoneAccepted = (state: GameState): boolean =>
  PARTIES.every((party) => state.responses[party]?.accept === true);

export const everyoneResponded = (state: GameState): boolean =>
  PARTIES.every((party) => state.responses[party] !== undefined);

export const everyoneMoved = (state: GameState): boolean =>
  PARTIES.every((party) => state.sideMoves[party] !== undefined);

export const deadlineReached = (level: Level, state: GameState): boolean =>
  state.round >= level.spec.deadline;

export function signDeal(level: Level, state: GameState): GameState {
  const deal = state.table!.package;
  const history = [
    ...state.history,
    {
      round: state.round,
      proposal: state.table!,
      responses: state.responses,
      sideMoves: {},
      event: null,
    },
  ];
  const signed = { ...state, history };
  return { ...signed, outcome: computeOutcome(level, signed, deal) };
}

export const collapseTalks = (level: Level, state: GameState, brokeDown?: true): GameState => ({
  ...state,
  outcome: { ...computeOutcome(level, state, null), ...(brokeDown ? { brokeDown } : {}) },
});

/**
 * Whether the talks break down at the end of a round without a deal: the level's risk, drawn from
 * the seed and the game as played. Waiting for the last round is a gamble, not a free option.
 */
export function breaksDown(level: Level, state: GameState): boolean {
  const risk = level.spec.breakdownRisk ?? 0;
  if (risk <= 0) return false;
  const [u] = drawUnit(
    rngFromSeed(`${state.seed}/${state.level}/breakdown/${state.round}/${playedDigest(state)}`),
  );
  return u < risk;
}
