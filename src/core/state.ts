import type { Package } from './level/level';
import type { ByParty, Difficulty, Party } from './parties';
import type { RngState } from './rng';

export type Seat = 'human' | 'computer';

export type SideMove =
  | { readonly kind: 'pass' }
  | { readonly kind: 'pressure'; readonly target: Party }
  | { readonly kind: 'incentive'; readonly target: Party }
  | { readonly kind: 'commitment'; readonly issue: number };

export type SideMoveKind = SideMove['kind'];

/** One issue of a package changed to another option: the unit of a counter-proposal. */
export interface Amendment {
  readonly issue: number;
  readonly option: number;
}

/** Most issues a counter-proposal may change. */
export const MAX_AMENDMENTS = 2;

export interface Response {
  readonly accept: boolean;
  /** One short sentence in the delegation's voice. */
  readonly says: string;
  /** The red line behind a rejection, when there is one. */
  readonly redLine?: string;
  /** Issue indices a "not enough" rejection names. */
  readonly issues?: readonly number[];
  /**
   * A counter-proposal: the package on the table with one or two issues changed. If the round
   * ends without a deal, the first counter (in turn order after the proposer) is tabled next round
   * by the party that made it, and the turn order continues from that party.
   */
  readonly amend?: readonly Amendment[];
}

export interface PartyState {
  readonly reservation: number;
  /** Multipliers on the level's weights, changed by events only (never by the party's own moves). */
  readonly weightFactors: readonly number[];
  /** Positive: holds firmer; negative: concedes sooner. */
  readonly resolve: number;
  /** Multiplier on each red line's penalty (firm lines soften under pressure). */
  readonly penaltyFactors: readonly number[];
  /** Utility added to any deal by incentives received, minus what the party gave away. */
  readonly dealBonus: number;
  /** Red lines the other parties know about (public ones, and private ones once invoked). */
  readonly known: readonly boolean[];
  /** How many times the party has been put under pressure (each time counts for less). */
  readonly pressed: number;
  /** Issues the party has made a public commitment on (at most one commitment per issue). */
  readonly commitments: readonly number[];
  /**
   * What a computer delegation keeps above its reservation value even in the last round: the
   * player's opponents keep more on harder difficulties. 0 for people.
   */
  readonly margin: number;
  /**
   * The round by which a computer delegation's instructions let it come down to its floor: private,
   * drawn from the seed, at most the deadline. The deadline for people.
   */
  readonly patience: number;
  /**
   * The share of its own surplus (best feasible minus floor) a computer delegation insists on from
   * a proposer that has given no ground: private, drawn from the seed. 0 for people.
   */
  readonly fairness: number;
}

/** What every party can infer about a party's preferences from what it has said in public. */
export interface Belief {
  readonly weights: readonly number[];
  /** Estimated utility the party needs before it accepts. */
  readonly threshold: number;
}

export interface Proposal {
  readonly proposer: Party;
  readonly package: Package;
  /** The proposer's own explanation. */
  readonly says: string;
}

export interface RoundRecord {
  readonly round: number;
  readonly proposal: Proposal;
  readonly responses: Partial<ByParty<Response>>;
  readonly sideMoves: Partial<ByParty<SideMove>>;
  /** Index of the event card drawn at the end of the round, if any. */
  readonly event: number | null;
}

export type OutcomeKind = 'lasting' | 'uneasy' | 'renewedWar' | 'noDeal';

export interface StressYear {
  readonly year: number;
  readonly resolve: number;
  readonly probe: boolean;
  readonly held: boolean;
  readonly note: string;
}

export interface StressResult {
  readonly credibility: number;
  readonly years: readonly StressYear[];
  readonly ending: Exclude<OutcomeKind, 'noDeal'>;
}

export interface Outcome {
  readonly kind: OutcomeKind;
  readonly deal: Package | null;
  readonly stress: StressResult | null;
  /** 0..100 per party: its utility of the outcome, what computers decide on. */
  readonly scores: ByParty<number>;
  /** 0..100 per party: what the stress test's ending is worth to it, scored apart. */
  readonly peace: ByParty<number>;
  /** Each party's utility of the outcome (its reservation value when there is no deal). */
  readonly utilities: ByParty<number>;
  /** Set when the talks broke down before the deadline (the level's breakdown risk). */
  readonly brokeDown?: true;
}

/** A move a person made. Replaying the moves of a game from its seed reproduces it. */
export type Move =
  | { readonly type: 'PROPOSE'; readonly party: Party; readonly package: Package }
  | {
      readonly type: 'RESPOND';
      readonly party: Party;
      readonly accept: boolean;
      /** Rejections only: index (in the level's list for this party) of a red line to cite. */
      readonly cite?: number;
      /** Rejections only: a counter-proposal of one or two changed issues. */
      readonly amend?: readonly Amendment[];
    }
  | { readonly type: 'SIDE_MOVE'; readonly party: Party; readonly move: SideMove };

export interface GameState {
  readonly version: 1;
  readonly level: string;
  readonly seed: string;
  readonly difficulty: Difficulty;
  readonly seats: ByParty<Seat>;
  readonly rng: RngState;
  readonly round: number;
  readonly proposer: Party;
  readonly pressure: number;
  readonly fortification: number;
  /** Event card indices still to draw, in order. */
  readonly deck: readonly number[];
  readonly parties: ByParty<PartyState>;
  readonly beliefs: ByParty<Belief>;
  readonly table: Proposal | null;
  readonly responses: Partial<ByParty<Response>>;
  readonly sideMoves: Partial<ByParty<SideMove>>;
  readonly history: readonly RoundRecord[];
  readonly moves: readonly Move[];
  readonly outcome: Outcome | null;
}
