// Pure state transitions. The round machine wires these together; nothing here has side effects.
import { isPackage, type Level, type Package } from './level/level';
import type { EffectSpec } from './level/schema';
import { PARTIES, byParty, type ByParty, type Difficulty, type Party } from './parties';
import { err, ok, type Result } from './result';
import { rngFromSeed, shuffle } from './rng';
import { computeOutcome } from './scoring';
import type { Belief, GameState, PartyState, Proposal, Response, Seat, SideMove } from './state';
import { contributionTable, issueNames, shortfallIssues } from './utility';

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

export const seatsFor = (humans: readonly Party[]): ByParty<Seat> =>
  byParty((party) => (humans.includes(party) ? 'human' : 'computer'));

export function createInitialState(level: Level, setup: GameSetup): GameState {
  const [deck, rng] = shuffle(
    level.events.map((_, k) => k),
    rngFromSeed(`${setup.seed}/${level.id}`),
  );
  const parties = byParty<PartyState>((party) => {
    const model = level.parties[party];
    return {
      reservation: model.spec.reservation,
      weightFactors: level.issues.map(() => 1),
      resolve: 0,
      penaltyFactors: model.redLines.map(() => 1),
      dealBonus: 0,
      known: model.redLines.map((line) => line.public),
    };
  });
  const beliefs = byParty<Belief>((party) => ({
    weights: level.issues.map((_, i) => (level.parties[party].priorities.includes(i) ? 2 : 1)),
    threshold: BELIEF_START,
  }));
  return {
    version: 1,
    level: level.id,
    seed: setup.seed,
    difficulty: setup.difficulty,
    seats: setup.seats,
    rng,
    round: 1,
    proposer: level.turnOrder[0]!,
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
    const named = response.issues ?? [];
    nextBelief = {
      weights: belief.weights.map((w, i) => (named.includes(i) ? w * 1.3 : w)),
      threshold: Math.min(0.95, Math.max(belief.threshold, estimated + 0.02)),
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
  readonly code: 'response/not-awaited' | 'response/violates-red-line';
  readonly message: string;
};

/** A seat answers once per proposal, and cannot sign what its own hard red lines forbid. */
export function checkResponse(
  level: Level,
  state: GameState,
  party: Party,
  accept: boolean,
): Result<boolean, ResponseError> {
  if (!state.table || state.outcome || state.responses[party] !== undefined)
    return err({ code: 'response/not-awaited', message: `no answer is due from ${party}` });
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

/** The response a person gives: the red line or shortfall is worked out for them. */
export function humanResponse(
  level: Level,
  state: GameState,
  party: Party,
  accept: boolean,
): Response {
  const pkg = state.table!.package;
  if (accept) return { accept: true, says: 'We accept.' };
  const line = level.parties[party].redLines.find((l) => l.crosses(pkg));
  if (line) return { accept: false, says: line.says, redLine: line.id };
  const issues = shortfallIssues(level, state, party, pkg);
  if (issues.length === 0) return { accept: false, says: 'We reject this package.' };
  return { accept: false, says: `Not enough for us on ${issueNames(level, issues)}.`, issues };
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
  if (
    move.kind === 'commitment' &&
    !(Number.isInteger(move.issue) && move.issue >= 0 && move.issue < level.issues.length)
  )
    return no('side-move/bad-issue', 'choose an issue to commit on');
  return ok(move);
}

/** Pressure softens firm red lines and lowers the target's BATNA at a small cost in goodwill. */
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
    case 'pressure':
      change(move.target, (ps) => ({
        ...ps,
        reservation: Math.max(0, ps.reservation - 0.03),
        penaltyFactors: ps.penaltyFactors.map(
          (f, i) => f * (1 - level.parties[move.target].redLines[i]!.softening),
        ),
      }));
      change(party, (ps) => ({ ...ps, dealBonus: ps.dealBonus - 0.01 }));
      break;
    case 'incentive':
      change(move.target, (ps) => ({
        ...ps,
        dealBonus: Math.min(MAX_DEAL_BONUS, ps.dealBonus + 0.04),
      }));
      change(party, (ps) => ({ ...ps, dealBonus: ps.dealBonus - 0.03 }));
      break;
    case 'commitment':
      change(party, (ps) => ({
        ...ps,
        resolve: ps.resolve + 0.2,
        weightFactors: ps.weightFactors.map((f, i) => (i === move.issue ? f * 1.3 : f)),
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

export function startNextRound(level: Level, state: GameState): GameState {
  const order = level.turnOrder;
  return {
    ...state,
    round: state.round + 1,
    proposer: order[(order.indexOf(state.proposer) + 1) % order.length]!,
    table: null,
    responses: {},
    sideMoves: {},
  };
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

export const collapseTalks = (level: Level, state: GameState): GameState => ({
  ...state,
  outcome: computeOutcome(level, state, null),
});
