import { describe, expect, test } from 'vitest';
import { verifyResult } from '../../src/core/codes';
import { compareApproaches, soloSeat, type ApproachResult } from '../../src/core/compare';
import { seatsFor } from '../../src/core/rules';
import type { GameState } from '../../src/core/state';
import { naiveAccept, playWithStrategies, principled, rejectAll } from '../../src/core/strategies';
import { loadOrThrow } from './helpers';

const level = loadOrThrow('levels/budapest-1994.json');

/** Runs the comparison to its end, counting the times it handed control back. */
function drain(game: GameState): { results: ApproachResult[]; yields: number } {
  const steps = compareApproaches(level, game, soloSeat(game)!);
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { results: step.value, yields };
    yields++;
  }
}

describe('other ways to play the seat (the debrief comparison)', () => {
  test("plays the same seed and difficulty again at the person's seat, one game per approach", () => {
    const played = playWithStrategies(level, 'KTRWZBXM', { us: naiveAccept }, 'hard');
    const { results } = drain(played);
    expect(results.map((r) => r.id)).toEqual(['accept-all', 'reject-all', 'principled']);
    const strategies = [naiveAccept, rejectAll, principled];
    results.forEach((r, k) => {
      const again = playWithStrategies(level, 'KTRWZBXM', { us: strategies[k]! }, 'hard');
      expect(r.score).toBe(again.outcome!.scores.us);
      expect(r.round).toBe(again.round);
      // Its result code replays to the same game, under the approach's name.
      const verified = verifyResult(r.code, new Map([[level.id, level]]));
      expect(verified.ok && verified.value.scores.us).toBe(r.score);
      expect(verified.ok && verified.value.payload.name).toBe(r.name);
    });
    // The game's own approach, played again, ends exactly as the game did.
    expect(results[0]!.score).toBe(played.outcome!.scores.us);
  });

  test('hands control back between moves, so the work can be spread over idle moments', () => {
    const { yields } = drain(playWithStrategies(level, 'KTRWZBXM', { russia: principled }));
    // Every approach plays at least a round: four proposals, answers and side moves at least.
    expect(yields).toBeGreaterThanOrEqual(3 * 4);
  });

  test('offers no comparison when more than one person played', () => {
    const game = playWithStrategies(level, 'KTRWZBXM', { us: naiveAccept, ukraine: naiveAccept });
    expect(soloSeat(game)).toBeNull();
    expect(soloSeat({ ...game, seats: seatsFor(['ukraine']) })).toBe('ukraine');
  });
});
