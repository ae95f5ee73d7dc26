// npm run bench: rules-core timings on the main level, as medians over repeated runs (JSON).
import { performance } from 'node:perf_hooks';
import { analyse } from '../src/core/analysis';
import { compareApproaches } from '../src/core/compare';
import { playComputerGame } from '../src/core/moves';
import { chooseProposal, respond } from '../src/core/negotiator';
import { PARTIES } from '../src/core/parties';
import { deriveSeed } from '../src/core/seed';
import type { GameState } from '../src/core/state';
import { formatLevelError } from '../src/core/level/parse';
import { naiveAccept, playWithStrategies } from '../src/core/strategies';
import { loadLevel } from '../src/node/levels';

const levelId = process.argv.find((a) => a.startsWith('--level='))?.slice(8) ?? 'coalition-2025';
const loaded = loadLevel(levelId);
if (!loaded.ok) {
  console.error(loaded.error.map(formatLevelError).join('\n'));
  process.exit(1);
}
const level = loaded.value;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;

// A fixed reference workload timed in the same run, so figures from noisy machines compare.
function baselineMs(): number {
  const data = Float64Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) % 1000003);
  const t = performance.now();
  data.sort();
  return performance.now() - t;
}

// Decision states: every round of some computer games, replayed from their history.
const states: GameState[] = [];
for (let k = 0; k < 20; k++) {
  const game = playComputerGame(level, { seed: deriveSeed('BNCHMRK1', k), difficulty: 'normal' });
  states.push(game);
}

// The debrief's comparison: three games at a person's seat, each move one step of idle work.
const solo = [0, 1, 2].map((k) =>
  playWithStrategies(level, deriveSeed('BNCHMRK2', k), { ukraine: naiveAccept }),
);
const comparisonMs: number[] = [];
const comparisonStepMs: number[] = [];

const proposalMs: number[] = [];
const responseMs: number[] = [];
// --quick: one run, for the smoke run inside npm test (no thresholds there).
const runs = process.argv.includes('--quick') ? 1 : 5;
const gamesPerSecond: number[] = [];
const analysisMs: number[] = [];
const baseline: number[] = [];
for (let run = 0; run < runs; run++) {
  baseline.push(baselineMs());
  for (const state of states)
    for (const party of PARTIES) {
      const start = performance.now();
      const pkg = chooseProposal(level, state, party);
      const mid = performance.now();
      respond(level, state, party, pkg);
      const end = performance.now();
      proposalMs.push(mid - start);
      responseMs.push(end - mid);
    }
  const games = 100;
  const t = performance.now();
  for (let k = 0; k < games; k++)
    playComputerGame(level, { seed: deriveSeed(`RUN${run}X`, k), difficulty: 'normal' });
  gamesPerSecond.push(games / ((performance.now() - t) / 1000));
  for (const game of solo) {
    const steps = compareApproaches(level, game, 'ukraine');
    const t0 = performance.now();
    for (let at = t0, done = false; !done;) {
      done = steps.next().done === true;
      const now = performance.now();
      comparisonStepMs.push(now - at);
      at = now;
    }
    comparisonMs.push(performance.now() - t0);
  }
  for (const state of states.slice(0, 3)) {
    const t0 = performance.now();
    analyse(level, state, state.outcome?.deal ?? null);
    analysisMs.push(performance.now() - t0);
  }
}
const decisions = [...proposalMs, ...responseMs];
console.log(
  JSON.stringify(
    {
      level: level.id,
      packages: level.packageCount,
      feasible: level.feasibleCount,
      runs,
      decisionMs: {
        median: round3(median(decisions)),
        p99: round3(quantile(decisions, 0.99)),
        samples: decisions.length,
      },
      proposalMs: { median: round3(median(proposalMs)), p99: round3(quantile(proposalMs, 0.99)) },
      responseMs: { median: round3(median(responseMs)), p99: round3(quantile(responseMs, 0.99)) },
      gamesPerSecond: { median: Math.round(median(gamesPerSecond)) },
      analysisMs: { median: round3(median(analysisMs)) },
      // Idle work after a game: the total, and its single moves (each one slice of idle time).
      debriefComparisonMs: {
        median: round3(median(comparisonMs)),
        stepP99: round3(quantile(comparisonStepMs, 0.99)),
        longestStep: round3(Math.max(...comparisonStepMs)),
      },
      baselineSortMs: { median: round3(median(baseline)) },
      targets: {
        decisionMedianMs: 1,
        decisionP99Ms: 4,
        gamesPerSecond: 200,
        analysisMs: 50,
        comparisonStepP99Ms: 4,
      },
    },
    null,
    2,
  ),
);
