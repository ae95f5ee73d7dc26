// The seeded stress test: does the deal deter Russia from probing the line, year by year?
import type { Level, Package } from './level/level';
import { hashText } from './hash';
import { PARTIES } from './parties';
import { drawUnit, rngFromSeed, type RngState } from './rng';
import type { GameState, StressResult, StressYear } from './state';

/** Credibility (0–100): the option strengths on the level's deterrence issues, weighted. */
export function credibility(level: Level, pkg: Package): number {
  let total = 0;
  let weighted = 0;
  level.issues.forEach((issue, i) => {
    const w = level.spec.stressTest.credibility[issue.id] ?? 0;
    total += w;
    weighted += w * level.strengths[i]![pkg[i]!]!;
  });
  return total === 0 ? 0 : Math.round((100 * weighted) / total);
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Russia's resolve at signing: the level's base, plus what each round of delay let it fortify. */
export const resolveAtSigning = (level: Level, state: GameState): number =>
  Math.min(
    100,
    level.spec.stressTest.resolve +
      level.spec.stressTest.resolvePerRound * (state.round - 1) +
      10 * state.parties.russia.resolve,
  );

/**
 * What the guarantors' public commitments on deterrence issues add to a deal's credibility: 3
 * points each, at most 9.
 */
export function commitmentCredibility(level: Level, state: GameState): number {
  let count = 0;
  for (const party of ['us', 'europe'] as const)
    for (const issue of state.parties[party].commitments)
      if ((level.spec.stressTest.credibility[level.issues[issue]!.id] ?? 0) > 0) count++;
  return Math.min(9, 3 * count);
}

/** A digest of the game as played (every proposal, answer and side move): draws that depend on it
 * stay the same for the same seed and moves, and differ for a different game. */
export function playedDigest(state: GameState): string {
  const played = state.history
    .map(
      (r) =>
        `${r.proposal.proposer}:${r.proposal.package.join('.')}:` +
        PARTIES.map((p) => {
          const a = r.responses[p]?.accept;
          const m = r.sideMoves[p];
          return `${a === undefined ? '-' : a ? 'a' : 'r'}${m ? JSON.stringify(m) : ''}`;
        }).join(','),
    )
    .join('|');
  return hashText(played);
}

/** The stress test's generator: from the seed and the game as played. */
export function stressRng(state: GameState, pkg: Package): RngState {
  return rngFromSeed(`${state.seed}/${state.level}/stress/${pkg.join('.')}/${playedDigest(state)}`);
}

export function runStressTest(
  level: Level,
  state: GameState,
  pkg: Package,
  rngState: RngState = stressRng(state, pkg),
): StressResult {
  const spec = level.spec.stressTest;
  const cred = Math.min(100, credibility(level, pkg) + commitmentCredibility(level, state));
  let rng: RngState = rngState;
  let resolve = resolveAtSigning(level, state);
  let breaches = 0;
  let probes = 0;
  const years: StressYear[] = [];
  const roll = (): number => {
    const [u, next] = drawUnit(rng);
    rng = next;
    return u;
  };
  for (let k = 0; k < spec.years && breaches < 2; k++) {
    resolve = Math.max(0, Math.min(100, resolve + (roll() * 2 - 1) * spec.volatility));
    const probe = roll() < logistic((resolve - cred) / 10);
    let held = true;
    let note = 'A quiet year along the line.';
    if (probe) {
      probes++;
      held = roll() < logistic((cred - resolve + 10) / 12);
      if (held) {
        resolve = Math.max(0, resolve - 8);
        note = 'Russia probed the line; the guarantors answered and it held.';
      } else {
        breaches++;
        resolve = Math.min(100, resolve + 6);
        note =
          breaches >= 2
            ? 'Another probe met no answer: war resumed.'
            : 'A probe went unanswered; the line moved and trust wore thin.';
      }
    }
    years.push({ year: spec.startYear + k, resolve: Math.round(resolve), probe, held, note });
  }
  const ending =
    breaches >= 2 ? 'renewedWar' : breaches === 1 || probes >= 2 ? 'uneasy' : 'lasting';
  return { credibility: cred, years, ending };
}
