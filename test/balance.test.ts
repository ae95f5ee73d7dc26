// The balance bands of issue 4, measured with the same functions as `npm run balance`, on fewer
// seeds so the file runs in well under a minute. The full table is in levels/README.md ("Balancing").
import { describe, expect, test } from 'vitest';
import {
  computerGames,
  fixedProposals,
  seedSeries,
  strategyScores,
  type ComputerGames,
} from '../src/core/balance';
import type { Level } from '../src/core/level/level';
import { formatLevelError } from '../src/core/level/parse';
import { PARTIES } from '../src/core/parties';
import { loadLevel } from '../src/node/levels';

/** Seeds per measurement: computer-only games, games per strategy and seat, per fixed proposal. */
const SEEDS = { computer: 300, strategy: 60, fixed: 40 } as const;
/** Points by which principled must beat both naive strategies at every seat. */
const CLEAR_MARGIN = 3;
/** Highest share of seeds in which any single fixed proposal may be signed. */
const FIXED_MAX = 0.7;
const TIMEOUT = 120_000;

const LEVELS = ['tutorial', 'budapest-1994', 'minsk-2015', 'coalition-2025', 'binding-treaty'];

function level(id: string): Level {
  const loaded = loadLevel(id);
  if (!loaded.ok) throw new Error(loaded.error.map(formatLevelError).join('\n'));
  return loaded.value;
}

const computer = new Map<string, ComputerGames>();
const computerOf = (id: string): ComputerGames => {
  let games = computer.get(id);
  if (!games) computer.set(id, (games = computerGames(level(id), seedSeries(SEEDS.computer))));
  return games;
};

describe('computer negotiators among themselves', () => {
  test(
    'the tutorial ends in a deal in at least 90% of seeds',
    () => {
      expect(computerOf('tutorial').dealRate).toBeGreaterThanOrEqual(0.9);
    },
    TIMEOUT,
  );

  test.each(['minsk-2015', 'coalition-2025', 'binding-treaty'])(
    '%s: deal rate between 25% and 85%',
    (id) => {
      const { dealRate } = computerOf(id);
      expect(dealRate, 'deal rate').toBeGreaterThanOrEqual(0.25);
      expect(dealRate, 'deal rate').toBeLessThanOrEqual(0.85);
    },
    TIMEOUT,
  );

  test(
    'budapest-1994: a deal forms and most deals end in renewed war',
    () => {
      const games = computerOf('budapest-1994');
      expect(games.deals).toBeGreaterThan(0);
      expect(games.outcomes.renewedWar, JSON.stringify(games.outcomes)).toBeGreaterThan(
        games.deals / 2,
      );
    },
    TIMEOUT,
  );
});

describe.each(LEVELS)('%s', (id) => {
  test.each(PARTIES)(
    `principled beats naive-accept and maximalist by ${CLEAR_MARGIN} points at %s`,
    (seat) => {
      const { mean } = strategyScores(level(id), seedSeries(SEEDS.strategy), seat);
      const means = JSON.stringify(mean);
      expect(mean.principled - mean['naive-accept'], means).toBeGreaterThanOrEqual(CLEAR_MARGIN);
      expect(mean.principled - mean.maximalist, means).toBeGreaterThanOrEqual(CLEAR_MARGIN);
    },
    TIMEOUT,
  );

  test(
    `no single fixed proposal is signed in more than ${100 * FIXED_MAX}% of seeds`,
    () => {
      const { best, candidates } = fixedProposals(level(id), seedSeries(SEEDS.fixed));
      expect(candidates.length).toBeGreaterThan(0);
      expect(best.share, `${best.candidate} tabled by ${best.seat}`).toBeLessThanOrEqual(FIXED_MAX);
    },
    TIMEOUT,
  );
});
