// The replay viewer's data: a result code verified by replay, and the game at each round's end.
import { verifyResult } from '../core/codes';
import type { Level } from '../core/level/level';
import { applyMove, newGame } from '../core/moves';
import { PARTIES } from '../core/parties';
import { err, ok, type Result } from '../core/result';
import type { GameState } from '../core/state';
import type { ReplayData, StartParams } from './appMachine';

export function buildReplay(
  code: string,
  levels: ReadonlyMap<string, Level>,
): Result<ReplayData, string> {
  const verified = verifyResult(code, levels);
  if (!verified.ok) return err(`This result code cannot be replayed: ${verified.error.message}.`);
  const result = verified.value;
  const { level, payload } = result;
  const rounds: GameState[] = [];
  const keep = (g: GameState) => {
    if (g.table || g.outcome) rounds[g.round - 1] = g;
  };
  let game = newGame(level, payload);
  keep(game);
  for (const move of payload.moves) {
    const next = applyMove(level, game, move);
    if (!next.ok) break; // unreachable: verifyResult replayed the same moves
    keep((game = next.value));
  }
  return ok({ result, rounds: rounds.filter(Boolean), shown: 0 });
}

/** The game at the start of `round` of a replayed code, and the params to play on from there. */
export function forkOf(
  replay: ReplayData,
  round: number,
): { params: StartParams; game: GameState } {
  const { level, payload } = replay.result;
  let game = newGame(level, payload);
  for (const move of payload.moves) {
    if (game.round >= round) break;
    const next = applyMove(level, game, move);
    if (!next.ok) break;
    game = next.value;
  }
  const humans = PARTIES.filter((p) => payload.seats[p] === 'human');
  return {
    game,
    params: {
      level: level.id,
      seed: payload.seed,
      role: humans[0] ?? 'ukraine',
      difficulty: payload.difficulty,
      mode: humans.length > 1 ? 'hotseat' : 'solo',
      humans: humans.length > 0 ? humans : ['ukraine'],
    },
  };
}
