// What each screen is given (props, from one selector) and what it may ask for (intents).
import type { Analysis } from '../../core/analysis';
import type { ApproachResult } from '../../core/compare';
import type { Level, Package } from '../../core/level/level';
import type { GameParams } from '../../core/params';
import type { Party } from '../../core/parties';
import type { PackageAssessment, SeatView } from '../../core/seatView';
import type { GameState, Move } from '../../core/state';
import type { ReplayData, StartParams } from '../../app/appMachine';

/** A saved game the menu offers to resume, or a save whose replay no longer matches. */
export type ResumeOffer =
  | {
      readonly kind: 'resume';
      readonly title: string;
      readonly round: number | null;
      readonly deadline: number;
      readonly seatName: string;
    }
  | {
      readonly kind: 'mismatch';
      readonly title: string;
      /** Why the saved moves no longer give the saved game. */
      readonly reason: string;
      /** The result code of the saved moves, as the version that made them would verify it. */
      readonly oldCode: string | null;
    };

export interface MenuProps {
  readonly screen: 'menu';
  readonly levels: readonly Level[];
  readonly params: GameParams;
  readonly resume: ResumeOffer | null;
}

export interface BriefingProps {
  readonly screen: 'briefing';
  readonly level: Level;
  /** The seat's own view; null in hot-seat play, where each person sees theirs after hand-over. */
  readonly view: SeatView | null;
  readonly seed: string;
  readonly difficulty: string;
  readonly humanNames: readonly string[];
}

export interface PlayProps {
  readonly screen: 'play';
  readonly level: Level;
  readonly view: SeatView;
  /** How a package looks from this seat (the core's assessment, for the package builder). */
  readonly assess: (pkg: Package) => PackageAssessment;
  readonly view3d: 'table' | 'map';
}

export interface HandoverProps {
  readonly screen: 'handover';
  readonly name: string;
}

/** What the app's selector gives the debrief; its own chunk adds the analysis (src/app/debrief.ts). */
export interface DebriefSelection {
  readonly screen: 'debrief';
  readonly level: Level;
  readonly game: GameState;
  readonly view: SeatView;
  readonly credibility: number | null;
  /** The link that starts the same game. */
  readonly link: string;
  readonly resultCode: (name: string | undefined) => string;
  readonly shareCard: string;
}

/**
 * The same seed played again at the person's seat by other approaches (src/core/compare.ts),
 * worked out in idle moments.
 */
export interface Comparison {
  readonly seat: Party;
  /** Settles once, when the games are over (never rejects). */
  readonly settled: Promise<ComparisonSettled>;
}

export type ComparisonSettled =
  { readonly ok: true; readonly results: readonly ApproachResult[] } | { readonly ok: false };

export interface DebriefProps extends DebriefSelection {
  readonly analysis: Analysis;
  /** Null when more than one person played: the others' moves cannot be played again. */
  readonly comparison: Comparison | null;
}

export interface ReplayProps {
  readonly screen: 'replay';
  readonly level: Level;
  readonly replay: ReplayData;
}

/** The selector's output: the debrief's part is completed in its own chunk. */
export type ScreenProps =
  MenuProps | BriefingProps | PlayProps | HandoverProps | DebriefSelection | ReplayProps;
export type ScreenName = ScreenProps['screen'];

export interface Intents {
  start(params: StartParams): void;
  begin(): void;
  /** The same game again (same seed), or with a fresh seed (null). */
  playAgain(seed: string | null): void;
  ready(): void;
  move(move: Move): void;
  menu(): void;
  toggleView(): void;
  showRound(index: number): void;
  fork(round: number): void;
  resume(): void;
  discardSave(): void;
  printCards(): void;
  /** Tells the player something in the notice area. */
  notify(text: string): void;
}

export type { Party };
