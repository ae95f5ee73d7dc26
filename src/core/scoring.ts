import type { Level, Package } from './level/level';
import { byParty } from './parties';
import type { GameState, Outcome } from './state';
import { runStressTest } from './stress';
import { utility } from './utility';

/** Share of a score that comes from how the stress test ends rather than from the terms. */
export const STRESS_SHARE = 0.35;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Scores 0..100: the party's utility of the outcome blended with what the ending is worth to it. */
export function computeOutcome(level: Level, state: GameState, deal: Package | null): Outcome {
  const stress = deal ? runStressTest(level, state, deal) : null;
  const kind = stress ? stress.ending : 'noDeal';
  const utilities = byParty((party) =>
    deal
      ? utility(level, party, state.parties[party], deal) + state.parties[party].dealBonus
      : state.parties[party].reservation,
  );
  const scores = byParty((party) => {
    const ending = level.parties[party].spec.outcomeValues[kind];
    return Math.round(
      100 * clamp01((1 - STRESS_SHARE) * clamp01(utilities[party]) + STRESS_SHARE * ending),
    );
  });
  return { kind, deal, stress, scores, utilities };
}
