// The balance harness of issue 10, on small seed series so the file stays fast (the full run is
// `npm run balance -- --json --seeds <series> --games 200`; its table is in levels/README.md).
// Bands that do not hold yet are listed as todo, named, rather than hidden.
import { describe, expect, test } from 'vitest';
import {
  BALANCE_STRATEGIES,
  BAND_LIMITS,
  MAIN_LEVELS,
  bands,
  computerOnly,
  measureLevel,
  seedSeries,
  type ComputerOnly,
} from '../src/core/balance';
import type { Level } from '../src/core/level/level';
import { formatLevelError } from '../src/core/level/parse';
import { DIFFICULTIES, PARTIES } from '../src/core/parties';
import { loadLevel } from '../src/node/levels';

const LEVELS = ['tutorial', 'budapest-1994', 'minsk-2015', 'coalition-2025', 'binding-treaty'];
/** Two series the levels were never tuned on, and games per level and series. */
const SERIES = ['HKMNPQRS', 'TVWXZBCD'] as const;
const GAMES = 30;
const TIMEOUT = 120_000;

function level(id: string): Level {
  const loaded = loadLevel(id);
  if (!loaded.ok) throw new Error(loaded.error.map(formatLevelError).join('\n'));
  return loaded.value;
}

const cache = new Map<string, ComputerOnly>();
const games = (id: string, series: string): ComputerOnly => {
  const key = `${id}/${series}`;
  let g = cache.get(key);
  if (!g) cache.set(key, (g = computerOnly(level(id), seedSeries(GAMES, series))));
  return g;
};

describe('computer-only bands hold, with the same verdict on two fresh series', () => {
  test.each(LEVELS)(
    '%s: explanations are true (a fix on the named issues makes it accept)',
    (id) => {
      for (const series of SERIES) {
        const g = games(id, series);
        const share = g.explained === 0 ? 1 : g.explainedAccepted / g.explained;
        expect(share, `${series}: ${g.explainedAccepted}/${g.explained}`).toBeGreaterThanOrEqual(
          BAND_LIMITS.explanationsMin,
        );
      }
    },
    TIMEOUT,
  );

  test(
    'tutorial: deal rate at least 0.9',
    () => {
      for (const series of SERIES)
        expect(games('tutorial', series).dealRate).toBeGreaterThanOrEqual(
          BAND_LIMITS.tutorialDealRateMin,
        );
    },
    TIMEOUT,
  );

  test.each(MAIN_LEVELS)(
    '%s: computer-only games sign different packages, some before the deadline',
    (id) => {
      for (const series of SERIES) {
        const g = games(id, series);
        expect(g.dealRate, series).toBeGreaterThan(0);
        expect(g.distinctPer100, series).toBeGreaterThanOrEqual(BAND_LIMITS.distinctPer100Min);
        expect(g.earlyDealShare, series).toBeGreaterThan(0);
      }
    },
    TIMEOUT,
  );
});

describe('the harness', () => {
  test(
    'measures every strategy at every seat, take-it-or-leave-it, difficulty, and judges bands',
    () => {
      const r = measureLevel(level('tutorial'), { games: 2, baseSeed: SERIES[0] });
      for (const name of BALANCE_STRATEGIES)
        for (const seat of PARTIES) {
          expect(r.strategies[name][seat].meanScore).toBeGreaterThanOrEqual(0);
          expect(r.strategies[name][seat].dealRate).toBeLessThanOrEqual(1);
        }
      for (const seat of PARTIES) {
        expect(r.takeItOrLeaveIt[seat].signedRate).toBeGreaterThanOrEqual(0);
        for (const d of DIFFICULTIES) expect(typeof r.difficulty[d][seat]).toBe('number');
      }
      const judged = bands([r]);
      expect(judged.length).toBeGreaterThan(0);
      for (const b of judged)
        expect(Object.keys(b)).toEqual(
          expect.arrayContaining(['name', 'level', 'value', 'limit', 'pass']),
        );
      expect(judged.filter((b) => b.name === 'no ultimatum')).toHaveLength(4);
    },
    TIMEOUT,
  );
});

// Measured with `npm run balance` (levels/README.md) and not yet holding on every level and seat.
describe('bands still open (issue 10)', () => {
  test.todo('no cheap exploit: stonewall and last-round-only within 3 points of principled');
  test.todo('no ultimatum: take-it-or-leave-it signed in at most 70% of seeds at every seat');
  test.todo('difficulty is monotone at every seat, easy − hard ≥ 4');
  test.todo('thoughtful beats naive by 5 at every seat (the tutorial US seat)');
  test.todo('deal rate 0.25–0.85 and top deal share ≤ 0.5 on every main level and series');
});
