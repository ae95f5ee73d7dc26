// The table adapter: what the scene is told to draw about each delegation's answer.
import { describe, expect, test } from 'vitest';
import { applyMove, newGame } from '../../src/core/moves';
import { seatsFor } from '../../src/core/rules';
import { seatView } from '../../src/core/seatView';
import type { GameState } from '../../src/core/state';
import { rejectAll } from '../../src/core/strategies';
import { tableView } from '../../src/view/adapter';
import { loadOrThrow, seedWithChair } from '../core/helpers';

const level = loadOrThrow('levels/tutorial.json');

/** One move of the person's seat (Ukraine): it tables its ideal, rejects and passes. */
function step(game: GameState): GameState {
  const next = applyMove(level, game, rejectAll(level, game, 'ukraine'));
  if (!next.ok) throw new Error(next.error.message);
  return next.value;
}

describe('the table view', () => {
  test("draws last round's answers in the past tense until a new package is tabled", () => {
    // Russia chairs round 1, so Ukraine chairs round 2 and the table starts it empty.
    let game = newGame(level, {
      seed: seedWithChair(level, 'russia'),
      difficulty: 'normal',
      seats: seatsFor(['ukraine']),
    });
    // Play until a round has ended and nothing new is on the table.
    for (let guard = 0; guard < 40 && !(game.round === 2 && game.table === null); guard++)
      game = step(game);
    expect(game.round).toBe(2);
    const between = tableView(level, game, seatView(level, game, 'ukraine'));
    const answered = between.delegations.filter((d) => d.response !== null);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((d) => d.responseEarlier)).toBe(true);
    // Once the round's package is on the table, the answers shown are this round's.
    for (let guard = 0; guard < 40 && game.table === null; guard++) game = step(game);
    const now = tableView(level, game, seatView(level, game, 'ukraine'));
    expect(now.delegations.some((d) => d.response !== null)).toBe(true);
    expect(now.delegations.every((d) => !d.responseEarlier)).toBe(true);
  });
});
