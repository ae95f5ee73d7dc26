// npm run simulate -- --level coalition-2025 --seed K7F2Q9XM --games 200 [--difficulty normal] [--json]
// npm run simulate -- --level all --seed K7F2Q9XM --games 200 --markdown  (issue mix tables)
// Computer-vs-computer games; bad arguments exit 2 naming the argument.
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { analysisReport } from '../core/analysis';
import { resultCodeFor } from '../core/codes';
import { dealMix, issueMixMarkdown } from '../core/dealMix';
import { stateHash } from '../core/game';
import type { Level, Package } from '../core/level/level';
import { playComputerGame } from '../core/moves';
import { formatLevelError } from '../core/level/parse';
import { PARTIES, byParty, isDifficulty, type Difficulty } from '../core/parties';
import { deriveSeed, parseSeed, seedFrom } from '../core/seed';
import { outcomeWord, transcript } from '../core/transcript';
import { levelIds, loadLevel } from '../node/levels';
import { ArgError, parseCommandLine } from './args';

const USAGE =
  'usage: npm run simulate -- [--level <id>|all] [--seed <seed>] [--games <n>] [--difficulty easy|normal|hard] [--json | --markdown]';

function fail(message: string): never {
  console.error(`simulate: ${message}\n${USAGE}`);
  process.exit(2);
}

function readCommandLine() {
  try {
    return parseCommandLine({
      args: process.argv.slice(2),
      options: {
        level: { type: 'string', default: 'coalition-2025' },
        seed: { type: 'string' },
        games: { type: 'string', default: '1' },
        difficulty: { type: 'string', default: 'normal' },
        json: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    fail(e instanceof ArgError ? e.message : String(e));
  }
}

function main() {
  const args = readCommandLine();
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.json && args.markdown) fail('--markdown: choose either --json or --markdown');
  const known = levelIds();
  // "all" is for the markdown tables of levels/README.md: one table per level, same seed.
  if (args.level === 'all' && !args.markdown) fail('--level: "all" needs --markdown');
  const levelIdsToRun = args.level === 'all' ? known : [args.level];
  for (const levelId of levelIdsToRun)
    if (!known.includes(levelId))
      fail(`--level: unknown level "${levelId}"; known levels: ${known.join(', ')}`);
  const levels = levelIdsToRun.map((levelId) => {
    const loaded = loadLevel(levelId);
    if (!loaded.ok)
      fail(`--level: ${levelId} is broken:\n${loaded.error.map(formatLevelError).join('\n')}`);
    return loaded.value;
  });

  const seedArg = args.seed;
  const freshSeed = seedArg === undefined;
  let seed: string;
  if (freshSeed) seed = seedFrom((bound) => randomInt(bound));
  else {
    const parsed = parseSeed(seedArg);
    if (!parsed.ok) fail(`--seed: ${parsed.error.message}`);
    seed = parsed.value;
  }
  const gamesArg = args.games;
  if (!/^\d+$/.test(gamesArg) || Number(gamesArg) < 1 || Number(gamesArg) > 1_000_000)
    fail(`--games: expected a whole number from 1 to 1000000, got "${gamesArg}"`);
  const games = Number(gamesArg);
  const difficultyArg = args.difficulty;
  if (!isDifficulty(difficultyArg))
    fail(`--difficulty: expected easy, normal or hard, got "${difficultyArg}"`);
  const difficulty = difficultyArg;

  if (args.markdown) {
    const tables = levels.map((level) => {
      const { deals } = playSeries(level, seed, games, difficulty);
      const heading = `\`${level.id}\`: ${games} game${games === 1 ? '' : 's'}, seed ${seed}, ${difficulty}`;
      return issueMixMarkdown(level, dealMix(level, deals), heading);
    });
    console.log(tables.join('\n\n'));
    return;
  }
  printSeriesReport(levels[0]!, seed, freshSeed, games, difficulty, args.json);
}

/** Computer-only games k = 0..games-1 on seeds derived from the base seed. */
function playSeries(level: Level, seed: string, games: number, difficulty: Difficulty) {
  const outcomes = { lasting: 0, uneasy: 0, renewedWar: 0, noDeal: 0 };
  const scoreSums = byParty(() => 0);
  const deals: Package[] = [];
  let rounds = 0;
  let last = null;
  for (let k = 0; k < games; k++) {
    const game = playComputerGame(level, { seed: deriveSeed(seed, k), difficulty });
    const outcome = game.outcome!;
    outcomes[outcome.kind]++;
    if (outcome.deal) deals.push(outcome.deal);
    rounds += game.round;
    for (const party of PARTIES) scoreSums[party] += outcome.scores[party];
    last = game;
  }
  return { outcomes, scoreSums, deals, rounds, last };
}

function printSeriesReport(
  level: Level,
  seed: string,
  freshSeed: boolean,
  games: number,
  difficulty: Difficulty,
  json: boolean,
) {
  const started = performance.now();
  const {
    outcomes,
    scoreSums,
    deals: signed,
    rounds,
    last,
  } = playSeries(level, seed, games, difficulty);
  const seconds = (performance.now() - started) / 1000;
  const deals = games - outcomes.noDeal;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const summary: Record<string, unknown> = {
    level: level.id,
    seed,
    difficulty,
    games,
    deals,
    dealRate: round2(deals / games),
    meanRounds: round2(rounds / games),
    outcomes,
    meanScore: byParty((p) => round2(scoreSums[p] / games)),
    gamesPerSecond: Math.round(games / seconds),
  };
  const { topDeals, issueMix } = dealMix(level, signed);
  summary.topDeals = topDeals;
  summary.issueMix = issueMix;
  if (games === 1 && last) {
    summary.stateHash = stateHash(last);
    summary.outcome = last.outcome!.kind;
    summary.scores = last.outcome!.scores;
    summary.resultCode = resultCodeFor(level, last);
    summary.peace = last.outcome!.peace;
    summary.analysis = analysisReport(level, last);
    summary.transcript = transcript(level, last);
  }
  if (json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  if (freshSeed) console.log(`seed ${seed} (fresh; pass --seed ${seed} to repeat)`);
  console.log(
    `${level.spec.title}: ${games} game${games === 1 ? '' : 's'} at ${difficulty} difficulty, seed ${seed}`,
  );
  console.log(
    `deals ${deals}/${games} (${Math.round((100 * deals) / games)}%), mean rounds ${summary.meanRounds as number}`,
  );
  console.log(
    `outcomes: lasting peace ${outcomes.lasting}, uneasy peace ${outcomes.uneasy}, ${outcomeWord(level, 'renewedWar').toLowerCase()} ${outcomes.renewedWar}, no deal ${outcomes.noDeal}`,
  );
  console.log(
    `mean scores: ${PARTIES.map((p) => `${p} ${(summary.meanScore as Record<string, number>)[p]}`).join(', ')}`,
  );
  console.log(`${summary.gamesPerSecond as number} games per second`);
  if (games === 1 && last) {
    for (const r of transcript(level, last)) {
      console.log(
        `\nRound ${r.round}: ${r.proposer} proposes ${Object.values(r.package).join(' / ')}`,
      );
      for (const [party, resp] of Object.entries(r.responses))
        if (party !== r.proposer)
          console.log(`  ${party} ${resp.accept ? 'accepts' : 'rejects'}: ${resp.says}`);
      for (const move of Object.values(r.sideMoves)) if (move !== 'pass') console.log(`  ${move}`);
      if (r.event) console.log(`  news: ${r.event}`);
    }
    console.log(`\noutcome: ${last.outcome!.kind}; stateHash ${summary.stateHash as string}`);
  }
}

main();
