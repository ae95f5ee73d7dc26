// What one seat may see of the game. Private weights and red lines of other parties never leave
// here, so a hot-seat screen or a tooltip cannot show them by mistake.
import type { Level, Package } from './level/level';
import { legalSideMoves, phaseOf, waitingFor, type Phase } from './moves';
import { PARTIES, type ByParty, type Party } from './parties';
import { checkProposal, checkResponse, estimate } from './rules';
import type { GameState, Outcome, Proposal, Response, SideMove } from './state';
import { credibility } from './stress';
import { gameLog, type LogEntry } from './transcript';
import { effectiveWeights, targetUtility, utility } from './utility';

export type Mood = 'pleased' | 'neutral' | 'uneasy' | 'angry';

/** The one set of mood thresholds: a margin of utility over what the party needs. */
export const moodOf = (margin: number): Mood =>
  margin >= 0.03 ? 'pleased' : margin >= -0.03 ? 'neutral' : margin >= -0.12 ? 'uneasy' : 'angry';

export interface RedLineView {
  readonly party: Party;
  readonly id: string;
  readonly hard: boolean;
  readonly says: string;
}

export interface OwnBriefing {
  readonly party: Party;
  readonly name: string;
  readonly briefing: string;
  readonly objectives: readonly string[];
  /** Normalised weights per issue, in issue order. */
  readonly weights: readonly number[];
  /** values[issue][option] 0..100. */
  readonly values: readonly (readonly number[])[];
  readonly redLines: readonly RedLineView[];
  readonly reservation: number;
}

export interface OtherParty {
  readonly party: Party;
  readonly name: string;
  readonly publicPosition: string;
  readonly priorities: readonly string[];
  /** Public red lines and those it has invoked at the table. */
  readonly knownRedLines: readonly RedLineView[];
}

export interface SeatView {
  readonly seat: Party;
  readonly phase: Phase;
  readonly round: number;
  readonly deadline: number;
  readonly proposer: Party;
  readonly waitingFor: readonly Party[];
  readonly you: OwnBriefing;
  readonly others: readonly OtherParty[];
  readonly table: Proposal | null;
  readonly responses: Partial<ByParty<Response>>;
  readonly sideMoves: Partial<ByParty<SideMove>>;
  readonly pressure: number;
  readonly fortification: number;
  readonly log: readonly LogEntry[];
  readonly outcome: Outcome | null;
  /** How this seat feels about the package on the table (or signed); neutral with none. */
  readonly mood: Mood;
  /** Whether this seat may accept the package on the table now (not across its hard lines). */
  readonly mayAccept: boolean;
  /** The side moves this seat may make now, each legal; empty when none is due. */
  readonly legalSideMoves: readonly SideMove[];
}

const redLineViews = (
  level: Level,
  party: Party,
  game: GameState,
  onlyKnown: boolean,
): RedLineView[] =>
  level.parties[party].redLines
    .filter((line) => !onlyKnown || game.parties[party].known[line.index])
    .map((line) => ({ party, id: line.id, hard: line.hard, says: line.says }));

/**
 * The log is the same for every seat; a live table builds four views of each state, so the log
 * of a state is built once. Keyed by the (immutable) state object: no clock, no randomness.
 */
const logs = new WeakMap<GameState, { level: Level; log: readonly LogEntry[] }>();
function sharedLog(level: Level, game: GameState): readonly LogEntry[] {
  const known = logs.get(game);
  if (known?.level === level) return known.log;
  const log = gameLog(level, game);
  logs.set(game, { level, log });
  return log;
}

/**
 * The parts of a view that change seldom (the briefing, the others' public positions, what is
 * known of their red lines) are built once and shared: a live table builds four views after every
 * move and compares each with the last one sent, and a shared part compares by identity.
 */
interface Shared {
  values: readonly (readonly number[])[];
  redLines: readonly RedLineView[];
  weights: WeakMap<readonly number[], readonly number[]>;
  others: Map<string, readonly OtherParty[]>;
}
const shared = new WeakMap<Level, Partial<Record<Party, Shared>>>();
function sharedParts(level: Level, game: GameState, seat: Party) {
  let byParty = shared.get(level);
  if (!byParty) shared.set(level, (byParty = {}));
  const model = level.parties[seat];
  const s = (byParty[seat] ??= {
    values: model.values.map((vs) => vs.map((v) => Math.round(v * 100))),
    redLines: redLineViews(level, seat, game, false),
    weights: new WeakMap<readonly number[], readonly number[]>(),
    others: new Map<string, readonly OtherParty[]>(),
  });
  const factors = game.parties[seat].weightFactors;
  let weights = s.weights.get(factors);
  if (!weights)
    s.weights.set(factors, (weights = effectiveWeights(level, seat, game.parties[seat])));
  const others = PARTIES.filter((p) => p !== seat);
  const key = others.map((p) => game.parties[p].known.map(Number).join('')).join('|');
  let otherViews = s.others.get(key);
  if (!otherViews) {
    otherViews = others.map((party) => ({
      party,
      name: level.parties[party].spec.name,
      publicPosition: level.parties[party].spec.publicPosition,
      priorities: level.parties[party].priorities.map((i) => level.issues[i]!.name),
      knownRedLines: redLineViews(level, party, game, true),
    }));
    if (s.others.size >= 256) s.others.clear();
    s.others.set(key, otherViews);
  }
  return { values: s.values, redLines: s.redLines, weights, others: otherViews };
}

export function seatView(level: Level, game: GameState, seat: Party): SeatView {
  const model = level.parties[seat];
  const onTable = game.table?.package ?? game.outcome?.deal ?? null;
  const parts = sharedParts(level, game, seat);
  return {
    seat,
    phase: phaseOf(game),
    round: game.round,
    deadline: level.spec.deadline,
    proposer: game.proposer,
    waitingFor: waitingFor(game),
    you: {
      party: seat,
      name: model.spec.name,
      briefing: model.spec.briefing,
      objectives: model.spec.objectives,
      weights: parts.weights,
      values: parts.values,
      redLines: parts.redLines,
      reservation: game.parties[seat].reservation,
    },
    others: parts.others,
    table: game.table,
    responses: game.responses,
    sideMoves: game.sideMoves,
    pressure: game.pressure,
    fortification: game.fortification,
    log: sharedLog(level, game),
    outcome: game.outcome,
    mood: onTable ? ownMood(level, game, seat, onTable) : 'neutral',
    mayAccept:
      phaseOf(game) === 'responses' &&
      game.responses[seat] === undefined &&
      checkResponse(level, game, seat, true).ok,
    legalSideMoves: legalSideMoves(level, game, seat),
  };
}

function ownMood(level: Level, game: GameState, seat: Party, pkg: Package): Mood {
  if (level.parties[seat].redLines.some((line) => line.hard && line.crosses(pkg))) return 'angry';
  return moodOf(utility(level, seat, game.parties[seat], pkg) - targetUtility(game, level, seat));
}

export interface PackageAssessment {
  /** Your own utility of the package (0..1, after your firm penalties). */
  readonly utility: number;
  /** What you need now to accept (your concession target); shown to guide a person. */
  readonly yourTarget: number;
  readonly credibility: number;
  /** Known red lines of any party that the package crosses. */
  readonly crosses: readonly RedLineView[];
  /** Why you cannot table it, if you cannot. */
  readonly refusal: string | null;
  /** How each other party looks likely to take it, from what is public. */
  readonly moods: Partial<ByParty<Mood>>;
}

/** How a package looks from one seat, using only what that seat may know. */
export function assessPackage(
  level: Level,
  game: GameState,
  seat: Party,
  pkg: Package,
): PackageAssessment {
  const crosses: RedLineView[] = [];
  for (const party of PARTIES)
    for (const line of level.parties[party].redLines)
      if ((party === seat || game.parties[party].known[line.index]) && line.crosses(pkg))
        crosses.push({ party, id: line.id, hard: line.hard, says: line.says });
  const moods: Partial<ByParty<Mood>> = {};
  for (const party of PARTIES) {
    if (party === seat) continue;
    if (crosses.some((c) => c.party === party && c.hard)) {
      moods[party] = 'angry';
      continue;
    }
    const belief = game.beliefs[party];
    const estimated = estimate(level, belief, party, pkg);
    const margin = estimated + game.parties[party].dealBonus - belief.threshold;
    moods[party] = moodOf(margin);
  }
  const proposable = checkProposal(
    level,
    { ...game, table: null, proposer: seat, outcome: null },
    seat,
    pkg,
  );
  return {
    utility: utility(level, seat, game.parties[seat], pkg),
    yourTarget: targetUtility(game, level, seat),
    credibility: credibility(level, pkg),
    crosses,
    refusal: proposable.ok ? null : proposable.error.message,
    moods,
  };
}
