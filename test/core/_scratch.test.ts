import { test } from 'vitest';
import { PARTIES } from '../../src/core/parties';
import { chooser, mini, playGame, loadOrThrow } from './helpers';
import type { Level } from '../../src/core/level/level';
import type { GameSetup } from '../../src/core/rules';
function dbg(level: Level, setup: GameSetup, choices: number[]) {
  const { game } = playGame(level, setup, chooser(choices)).snapshot.context;
  for (const r of game.history) {
    console.log(r.round, r.proposal.proposer, JSON.stringify(r.proposal.package), JSON.stringify(r.responses), JSON.stringify(r.sideMoves));
    for (const p of PARTIES) { const x = level.parties[p].redLines.filter(l => l.hard && l.crosses(r.proposal.package)).map(l=>l.id); if (x.length) console.log('   crosses', p, x, 'seat', game.seats[p]); }
  }
  console.log(game.outcome?.kind, game.outcome?.deal);
}
test('x', () => {
  dbg(mini(), {"seed":"0000","difficulty":"easy","seats":{"us":"computer","europe":"computer","russia":"human","ukraine":"human"}}, [0,470797,0,364510,49192]);
  dbg(loadOrThrow('levels/minsk-2015.json'), {"seed":"0000","difficulty":"easy","seats":{"us":"human","europe":"computer","russia":"human","ukraine":"human"}},[999261]);
});
