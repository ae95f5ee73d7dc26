// The game log: what the play screen appends to as the game goes on.
import { describe, expect, test } from 'vitest';
import { applyMove, newGame } from '../../src/core/moves';
import { seatsFor } from '../../src/core/rules';
import type { GameState } from '../../src/core/state';
import { rejectAll } from '../../src/core/strategies';
import { gameLog } from '../../src/core/transcript';
import { loadOrThrow, seedWithChair } from './helpers';

const level = loadOrThrow('levels/tutorial.json');

describe('the game log', () => {
  test("lists a round's answers in the order they were given, so a new entry only ever comes last", () => {
    // Russia chairs round 1: the computers answer first, then the person (the United States).
    let game: GameState = newGame(level, {
      seed: seedWithChair(level, 'russia'),
      difficulty: 'normal',
      seats: seatsFor(['us']),
    });
    const before = gameLog(level, game);
    const next = applyMove(level, game, rejectAll(level, game, 'us'));
    if (!next.ok) throw new Error(next.error.message);
    game = next.value;
    const after = gameLog(level, game);
    expect(after.slice(0, before.length)).toEqual(before);
    // The person's answer follows the computers' answers, before the side moves that came after.
    expect(after[before.length]).toMatchObject({ kind: 'response', party: 'us' });
    expect(after.filter((e) => e.kind === 'response' && e.party === 'us')).toHaveLength(1);
  });
});
