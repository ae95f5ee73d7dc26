import type { Level, Package } from './level/level';
import { byParty } from './parties';
import type { GameState, Outcome } from './state';
import { runStressTest } from './stress';
import { utility } from './utility';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Scores 0..100 per party: its utility of the outcome (the terms of the deal with the incentives it
 * holds, or its reservation value when there is no deal). That is exactly what the computer
 * delegations decide on, and the debrief's frontier and Nash point are drawn in it. How the stress
 * test ends is scored apart, as `peace`: what that ending is worth to each party (0..100).
 */
export function computeOutcome(level: Level, state: GameState, deal: Package | null): Outcome {
  const stress = deal ? runStressTest(level, state, deal) : null;
  const kind = stress ? stress.ending : 'noDeal';
  const utilities = byParty((party) =>
    deal
      ? utility(level, party, state.parties[party], deal) + state.parties[party].dealBonus
      : state.parties[party].reservation,
  );
  const scores = byParty((party) => Math.round(100 * clamp01(utilities[party])));
  const peace = byParty((party) => Math.round(100 * level.parties[party].spec.outcomeValues[kind]));
  return { kind, deal, stress, scores, peace, utilities };
}
