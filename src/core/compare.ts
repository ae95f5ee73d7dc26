// The debrief's "other ways to play this seat": the same seed played again at the person's seat by
// scripted approaches, against the same computer delegations. The computers answer whatever is
// played, so each approach is a game of its own, deterministic from the seed and its moves.
import { resultCodeFor } from './codes';
import type { Level } from './level/level';
import { PARTIES, type Party } from './parties';
import type { GameState } from './state';
import {
  naiveAccept,
  playSteps,
  principled,
  rejectAll,
  runToEnd,
  type Strategy,
} from './strategies';

export type Ending = 'deal' | 'brokeDown' | 'deadline';

export interface ApproachResult {
  readonly id: 'accept-all' | 'reject-all' | 'principled';
  readonly name: string;
  readonly score: number;
  readonly ending: Ending;
  /** The round the game ended in. */
  readonly round: number;
  /** The game's result code, named after the approach: the replay viewer shows how it played. */
  readonly code: string;
}

/** The approaches compared, the naive ones first: the balance harness's yardsticks. */
const APPROACHES: readonly (Pick<ApproachResult, 'id' | 'name'> & { strategy: Strategy })[] = [
  { id: 'accept-all', name: 'Accept every offer', strategy: naiveAccept },
  { id: 'reject-all', name: 'Reject every offer', strategy: rejectAll },
  { id: 'principled', name: 'Bargain steadily', strategy: principled },
];

export const endingOf = (game: GameState): Ending =>
  game.outcome?.deal ? 'deal' : game.outcome?.brokeDown ? 'brokeDown' : 'deadline';

/** The one person's seat when one person played against the computers; null otherwise. */
export function soloSeat(game: GameState): Party | null {
  const humans = PARTIES.filter((p) => game.seats[p] === 'human');
  return humans.length === 1 ? humans[0]! : null;
}

/**
 * Plays the seed again at `seat` with each approach, at the given difficulty (a finished game's,
 * or a class's). Yields after every move, so that the caller can spread the work over idle
 * moments and stop at will.
 */
export function* compareApproaches(
  level: Level,
  game: Pick<GameState, 'seed' | 'difficulty'>,
  seat: Party,
): Generator<void, ApproachResult[], void> {
  const results: ApproachResult[] = [];
  for (const { id, name, strategy } of APPROACHES) {
    const steps = playSteps(level, game.seed, { [seat]: strategy }, game.difficulty);
    let step = steps.next();
    for (; !step.done; step = steps.next()) yield;
    const played = step.value;
    results.push({
      id,
      name,
      score: played.outcome!.scores[seat],
      ending: endingOf(played),
      round: played.round,
      code: resultCodeFor(level, played, name),
    });
  }
  return results;
}

/** The whole comparison at once (for the command line): null when more than one person played. */
export function comparisonReport(
  level: Level,
  game: GameState,
): { readonly seat: Party; readonly approaches: ApproachResult[] } | null {
  const seat = soloSeat(game);
  return seat === null
    ? null
    : { seat, approaches: runToEnd(compareApproaches(level, game, seat)) };
}
