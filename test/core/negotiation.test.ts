// The mechanics that keep the talks from being won by a last-round ultimatum (issue 10): the first
// chair drawn by lot, a breakdown risk each round, and the fair share a computer insists on from a
// proposer that has given no ground.
import { describe, expect, test } from 'vitest';
import { fixedCandidates, seedSeries } from '../../src/core/balance';
import { applyMove, isOver, newGame, playComputerGame, waitingFor } from '../../src/core/moves';
import { REPEAT_PREMIUM, hardLineProposer, offerPremium } from '../../src/core/negotiator';
import type { Party } from '../../src/core/parties';
import { breaksDown, seatsFor } from '../../src/core/rules';
import type { GameState } from '../../src/core/state';
import { takeItOrLeaveIt } from '../../src/core/strategies';
import { loadOrThrow } from './helpers';

const minsk = loadOrThrow('levels/minsk-2015.json');
const tutorial = loadOrThrow('levels/tutorial.json');
const seeds = seedSeries(40, 'NGTSTSTS');

describe('the chair', () => {
  test('the first proposer is drawn from the seed: the same seed gives the same chair', () => {
    const chairs = seeds.map(
      (seed) => newGame(minsk, { seed, difficulty: 'normal', seats: seatsFor([]) }).proposer,
    );
    expect(new Set(chairs).size).toBe(4);
    const again = newGame(minsk, { seed: seeds[0]!, difficulty: 'normal', seats: seatsFor([]) });
    expect(again.proposer).toBe(chairs[0]);
  });
});

describe('breakdown', () => {
  test('some games break down before the deadline, and a replay breaks down the same way', () => {
    const games = seeds.map((seed) => playComputerGame(minsk, { seed, difficulty: 'normal' }));
    const broken = games.filter((g) => g.outcome?.brokeDown);
    expect(broken.length).toBeGreaterThan(0);
    for (const g of broken) expect(g.round).toBeLessThan(minsk.spec.deadline);
    const replay = playComputerGame(minsk, { seed: broken[0]!.seed, difficulty: 'normal' });
    expect(replay.outcome).toEqual(broken[0]!.outcome);
  });

  test('a level without a breakdown risk only ends at the deadline or with a deal', () => {
    expect(tutorial.spec.breakdownRisk ?? 0).toBe(0);
    for (const seed of seeds) {
      const g = playComputerGame(tutorial, { seed, difficulty: 'normal' });
      expect(g.outcome?.brokeDown).toBeUndefined();
    }
  });

  test('the draw depends on the game played, not on the seed alone', () => {
    const base = newGame(minsk, { seed: seeds[0]!, difficulty: 'normal', seats: seatsFor([]) });
    const verdicts = new Set<boolean>();
    // 200 different first proposals: at a 6% risk, both verdicts come up.
    for (let k = 0; k < 200; k++) {
      const pkg = [0, 1, 2, 3, 4].map((d) => Math.floor(k / 3 ** d) % 3).concat(0);
      const played: GameState = {
        ...base,
        history: [
          {
            round: 1,
            proposal: { proposer: 'russia', package: pkg, says: '' },
            responses: {},
            sideMoves: {},
            event: null,
          },
        ],
      };
      verdicts.add(breaksDown(minsk, played));
    }
    expect(verdicts).toEqual(new Set([true, false]));
  });
});

/**
 * Plays a person at `seat` with a fixed take-it-or-leave-it package until its second tabling, in
 * the first seed of the series whose talks last that long.
 */
function secondTabling(seat: Party): GameState | null {
  const candidate = fixedCandidates(minsk).find((c) => c.name === `ideal:${seat}`)!;
  const strategy = takeItOrLeaveIt(candidate.package);
  for (const seed of seeds) {
    let game = newGame(minsk, { seed, difficulty: 'normal', seats: seatsFor([seat]) });
    while (!isOver(game)) {
      const tabledBefore = game.history.some((r) => r.proposal.proposer === seat);
      if (game.table?.proposer === seat && tabledBefore) return game;
      const party = waitingFor(game)[0]!;
      const next = applyMove(minsk, game, strategy(minsk, game, party));
      if (!next.ok) throw new Error(next.error.message);
      game = next.value;
    }
  }
  return null;
}

describe('take-it-or-leave-it', () => {
  test('a proposer that tables one package and rejects everything else has given no ground', () => {
    const game = secondTabling('ukraine');
    expect(game, 'the talks ended before a second tabling').not.toBeNull();
    if (!game) return;
    expect(hardLineProposer(game, game.table!.package)).toBe(true);
  });

  test('computers ask at least the repeat premium, up to their fair share, of a hard-line proposer', () => {
    const game = secondTabling('ukraine');
    expect(game).not.toBeNull();
    if (!game) return;
    for (const party of ['us', 'europe', 'russia'] as const)
      expect(offerPremium(minsk, game, party, game.table!.package)).toBeGreaterThanOrEqual(
        REPEAT_PREMIUM,
      );
  });

  test('a proposer that accepted an offer has given ground', () => {
    const game = newGame(minsk, { seed: seeds[2]!, difficulty: 'normal', seats: seatsFor([]) });
    const pkg = [0, 0, 0, 0, 0, 0];
    const withHistory: GameState = {
      ...game,
      table: { proposer: 'us', package: pkg, says: '' },
      history: [
        {
          round: 1,
          proposal: { proposer: 'europe', package: [1, 1, 1, 1, 1, 1], says: '' },
          responses: { us: { accept: true, says: '' } },
          sideMoves: {},
          event: null,
        },
      ],
    };
    expect(hardLineProposer(withHistory, pkg)).toBe(false);
    const stonewalled: GameState = {
      ...withHistory,
      history: [
        {
          ...withHistory.history[0]!,
          responses: { us: { accept: false, says: '' } },
        },
      ],
    };
    expect(hardLineProposer(stonewalled, pkg)).toBe(true);
  });

  test("a hard-liner's terms meet the fair-share demand even when another delegation relays them", () => {
    const game = newGame(minsk, { seed: seeds[3]!, difficulty: 'normal', seats: seatsFor([]) });
    const pkg = fixedCandidates(minsk).find((c) => c.name === 'ideal:ukraine')!.package;
    const round = (n: number, proposer: Party, offered: readonly number[], ukraine: boolean) => ({
      round: n,
      proposal: { proposer, package: [...offered], says: '' },
      responses: { ukraine: { accept: ukraine, says: '' } },
      sideMoves: {},
      event: null,
    });
    const other = pkg.map((o) => (o === 0 ? 1 : 0));
    // Ukraine tabled the package and turned down Russia's; in the last round, when Russia's target
    // is down to its floor, the US tables Ukraine's terms.
    const relayed = (ukraineAccepted: boolean): GameState => ({
      ...game,
      round: minsk.spec.deadline,
      table: { proposer: 'us', package: [...pkg], says: '' },
      history: [round(1, 'ukraine', pkg, true), round(2, 'russia', other, ukraineAccepted)],
    });
    const demand = offerPremium(minsk, relayed(false), 'russia', pkg);
    const plain = offerPremium(minsk, relayed(true), 'russia', pkg);
    expect(plain).toBe(0);
    expect(demand).toBeGreaterThan(plain);
  });
});
