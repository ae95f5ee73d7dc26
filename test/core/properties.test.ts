// Invariants of the rules core, checked with fast-check on generated seeds, seats and moves.
import { basename } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse, utilityTables } from '../../src/core/analysis';
import { stateHash } from '../../src/core/game';
import { phaseOf, replayMoves, waitingFor } from '../../src/core/moves';
import type { Level } from '../../src/core/level/level';
import { DIFFICULTIES, PARTIES, type Party } from '../../src/core/parties';
import { applySideMove, createInitialState, seatsFor, type GameSetup } from '../../src/core/rules';
import { SEED_ALPHABET } from '../../src/core/seed';
import type { GameState } from '../../src/core/state';
import { levelFiles, loadLevelFile } from '../../src/node/levels';
import {
  FINAL_PHASES,
  MINI_PATH,
  chooser,
  levelFrom,
  loadOrThrow,
  miniSpec,
  playGame,
} from './helpers';

const seedArb = fc
  .array(fc.constantFrom(...SEED_ALPHABET), { minLength: 4, maxLength: 10 })
  .map((chars) => chars.join(''));

const setupArb: fc.Arbitrary<GameSetup> = fc.record({
  seed: seedArb,
  difficulty: fc.constantFrom(...DIFFICULTIES),
  seats: fc.subarray([...PARTIES]).map((humans) => seatsFor(humans)),
});

/** What the generated moves are picked from (cycled when the game needs more). */
const choicesArb = fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 40 });

const cache = new Map<string, Level>();
const levelAt = (file: string): Level => {
  let level = cache.get(file);
  if (!level) cache.set(file, (level = loadOrThrow(file)));
  return level;
};

/** mini.json, and every real level that loads (the levels test reports the others). */
const tables: [name: string, file: string, runs: number][] = [
  ['mini.json', MINI_PATH, 100],
  ...levelFiles()
    .filter((file) => loadLevelFile(file).ok)
    .map((file): [string, string, number] => [basename(file), file, 15]),
];

const crossesHard = (level: Level, party: Party, pkg: readonly number[]) =>
  level.parties[party].redLines.some((line) => line.hard && line.crosses(pkg));

describe.each(tables)('games on %s', (_name, file, runs) => {
  test('the same seed and the same moves give the same state hash', () => {
    const level = levelAt(file);
    const separate = loadOrThrow(file); // a second copy of the level, with its own caches
    fc.assert(
      fc.property(setupArb, choicesArb, (setup, choices) => {
        const played = playGame(level, setup, chooser(choices));
        const first = replayMoves(level, setup, played.moves);
        const second = replayMoves(separate, setup, played.moves);
        if (!first.ok || !second.ok) throw new Error('a replay refused a move it had taken');
        expect(stateHash(first.value)).toBe(stateHash(second.value));
        expect(stateHash(first.value)).toBe(stateHash(played.game));
      }),
      { numRuns: runs },
    );
  });

  test('any sequence of legal moves ends signed or collapsed by the deadline', () => {
    const level = levelAt(file);
    fc.assert(
      fc.property(setupArb, choicesArb, (setup, choices) => {
        const { game, trail } = playGame(level, setup, chooser(choices));
        expect(FINAL_PHASES).toContain(phaseOf(game));
        expect(game.round).toBeLessThanOrEqual(level.spec.deadline);
        expect(game.outcome).not.toBeNull();
        expect(waitingFor(game)).toEqual([]);
        // Rounds never go backwards and never pass the deadline on the way.
        const rounds = trail.map((s) => s.round);
        expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
      }),
      { numRuns: runs },
    );
  });

  test('scores stay within 0..100', () => {
    const level = levelAt(file);
    fc.assert(
      fc.property(setupArb, choicesArb, (setup, choices) => {
        const { outcome } = playGame(level, setup, chooser(choices)).game;
        for (const party of PARTIES) {
          expect(Number.isInteger(outcome!.scores[party])).toBe(true);
          expect(outcome!.scores[party]).toBeGreaterThanOrEqual(0);
          expect(outcome!.scores[party]).toBeLessThanOrEqual(100);
          expect(Number.isFinite(outcome!.utilities[party])).toBe(true);
        }
        if (outcome!.stress) {
          expect(outcome!.stress.credibility).toBeGreaterThanOrEqual(0);
          expect(outcome!.stress.credibility).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: runs },
    );
  });

  test('a computer party never accepts a package that crosses one of its hard red lines', () => {
    const level = levelAt(file);
    fc.assert(
      fc.property(setupArb, choicesArb, (setup, choices) => {
        const { game } = playGame(level, setup, chooser(choices));
        const rounds = [...game.history, { proposal: game.table, responses: game.responses }];
        for (const { proposal, responses } of rounds) {
          if (!proposal) continue;
          for (const party of PARTIES) {
            if (game.seats[party] !== 'computer' || party === proposal.proposer) continue;
            if (responses[party]?.accept)
              expect(crossesHard(level, party, proposal.package)).toBe(false);
          }
          // A computer proposer never tables what its own hard red lines forbid.
          if (game.seats[proposal.proposer] === 'computer')
            expect(crossesHard(level, proposal.proposer, proposal.package)).toBe(false);
        }
        // So a signed deal crosses no hard red line of a computer seat.
        if (game.outcome?.deal)
          for (const party of PARTIES)
            if (game.seats[party] === 'computer')
              expect(crossesHard(level, party, game.outcome.deal)).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  test('no lever is used twice on the same target in one round', () => {
    const level = levelAt(file);
    fc.assert(
      fc.property(setupArb, choicesArb, (setup, choices) => {
        const { game } = playGame(level, setup, chooser(choices));
        for (const record of game.history) {
          const levers = Object.values(record.sideMoves).flatMap((m) =>
            m && (m.kind === 'pressure' || m.kind === 'incentive') ? [`${m.kind}>${m.target}`] : [],
          );
          expect(new Set(levers).size).toBe(levers.length);
        }
      }),
      { numRuns: Math.ceil(runs / 2) },
    );
  });
});

describe('the exact analysis', () => {
  const EPS = 1e-9;
  const dominates = (a: readonly number[], b: readonly number[]) =>
    a.every((x, i) => x >= b[i]! - EPS) && a.some((x, i) => x > b[i]! + EPS);

  function checkAnalysis(level: Level, state: GameState) {
    const a = analyse(level, state, null);
    const tables = utilityTables(level, state);
    const sum = (u: readonly number[]) => u.reduce((s, x) => s + x, 0);
    // Largest sum first: a package dominating p has a sum above sum(p) − 4·EPS, so the scan for
    // each frontier point stops early. Still brute force over every feasible package.
    const all = Array.from(level.feasible, (n, k) => ({
      n,
      u: PARTIES.map((p) => tables[p][k]!),
    })).sort((x, y) => sum(y.u) - sum(x.u));
    expect(a.frontier.length).toBeGreaterThan(0);
    for (const point of a.frontier) {
      const floor = sum(point.utilities) - 4 * EPS;
      for (const { n, u } of all) {
        if (sum(u) < floor) break;
        if (dominates(u, point.utilities))
          expect.fail(
            `package ${point.package} [${point.utilities.join(', ')}] is on the frontier, ` +
              `but package ${n} [${u.join(', ')}] dominates it`,
          );
      }
    }
    expect(sum(all[0]!.u)).toBeLessThanOrEqual(sum(a.maxTotal.utilities) + EPS);
    if (a.nash) {
      expect(a.frontier.map((p) => p.package)).toContain(a.nash.package);
      a.nash.utilities.forEach((u, c) => expect(u).toBeGreaterThan(a.reservations[c]!));
    }
  }

  const partyArb = fc.record({
    weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 }),
    force: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
    commitment: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 2 }),
    sanctions: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
    reservation: fc.integer({ min: 0, max: 80 }),
  });

  test('no feasible package dominates a package on the Pareto frontier (random preferences)', () => {
    fc.assert(
      fc.property(
        fc.record({ us: partyArb, europe: partyArb, russia: partyArb, ukraine: partyArb }),
        fc.array(fc.constantFrom(...PARTIES), { maxLength: 3 }),
        (prefs, pressed) => {
          const spec = miniSpec();
          for (const party of PARTIES) {
            const p = prefs[party];
            const s = spec.parties[party];
            const opts = (ids: string[], vs: number[]): Record<string, number> =>
              Object.fromEntries(ids.map((id, k) => [id, vs[k]!]));
            s.weights = opts(['force', 'commitment', 'sanctions'], p.weights);
            s.values = {
              force: opts(['none', 'monitors', 'brigade'], p.force),
              commitment: opts(['declaration', 'treaty'], p.commitment),
              sanctions: opts(['lifted', 'phased', 'kept'], p.sanctions),
            };
            s.reservation = p.reservation / 100;
          }
          const level = levelFrom(spec);
          let state = createInitialState(level, {
            seed: 'BCDF',
            difficulty: 'normal',
            seats: seatsFor([]),
          });
          // Pressure softens Russia's firm line, which moves packages across the frontier.
          for (const target of pressed) {
            const by = PARTIES.find((p) => p !== target)!;
            state = {
              ...applySideMove(level, state, by, { kind: 'pressure', target }),
              sideMoves: {},
            };
          }
          checkAnalysis(level, state);
        },
      ),
      { numRuns: 100 },
    );
  });

  test.each(tables)(
    'no feasible package dominates the frontier at the end of games on %s',
    (_n, file) => {
      const level = levelAt(file);
      fc.assert(
        fc.property(setupArb, choicesArb, (setup, choices) => {
          checkAnalysis(level, playGame(level, setup, chooser(choices)).game);
        }),
        { numRuns: file === MINI_PATH ? 50 : 3 },
      );
    },
  );
});
