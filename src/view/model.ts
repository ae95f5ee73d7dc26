// What the Phaser scenes draw. The adapter builds these from a game snapshot; scenes only read them.
import type { Party } from '../core/parties';

export type { Mood } from '../core/seatView';
import type { Mood } from '../core/seatView';

export interface DelegationView {
  readonly party: Party;
  readonly name: string;
  readonly mood: Mood;
  /** Latest thing the delegation said, plain text. */
  readonly speech: string | null;
  readonly isProposer: boolean;
  readonly isYou: boolean;
  readonly response: 'accept' | 'reject' | null;
  /** The response is last round's (nothing new is on the table yet): drawn in the past tense. */
  readonly responseEarlier: boolean;
}

export interface TableView {
  readonly round: number;
  readonly deadline: number;
  readonly phase: string;
  readonly pressureLabel: string;
  readonly pressure: number;
  readonly fortification: number;
  readonly delegations: readonly DelegationView[];
  /** One line per issue of the package on the table, or null when nothing is tabled. */
  readonly tablePackage: readonly { readonly issue: string; readonly option: string }[] | null;
}

export interface MapView {
  readonly lineOfContact: readonly (readonly [number, number])[];
  /** Foreign ground troops the package on the table would station in Ukraine. */
  readonly groundTroops: number;
  readonly airCover: boolean;
  readonly monitors: boolean;
}

/** Context figures from DESIGN.md, shown beside the package's troops. */
export const TROOP_CONTEXT = {
  coldWarUsTroopsInEurope: 300_000,
  natoTroopsInBaltics: 5_000,
} as const;
