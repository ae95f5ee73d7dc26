// npm run simulate -- --level coalition-2025 --seed K7F2Q9XM --games 200 [--difficulty normal] [--json]
// Computer-vs-computer games; bad arguments exit 2 naming the argument.
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { analysisReport } from '../core/analysis';
import { resultCodeFor } from '../core/codes';
import { stateHash } from '../core/game';
import { playComputerGame } from '../core/moves';
import { formatLevelError } from '../core/level/parse';
import { PARTIES, byParty, isDifficulty } from '../core/parties';
import { deriveSeed, parseSeed, seedFrom } from '../core/seed';
import { transcript } from '../core/transcript';
import { levelIds, loadLevel } from '../node/levels';
import { ArgError, parseCommandLine } from './args';

const USAGE =
  'usage: npm run simulate -- [--level <id>] [--seed <seed>] [--games <n>] [--difficulty easy|normal|hard] [--json]';

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
  const levelId = args.level;
  const known = levelIds();
  if (!known.includes(levelId))
    fail(`--level: unknown level "${levelId}"; known levels: ${known.join(', ')}`);
  const loaded = loadLevel(levelId);
  if (!loaded.ok)
    fail(`--level: ${levelId} is broken:\n${loaded.error.map(formatLevelError).join('\n')}`);
  const level = loaded.value;

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

  const outcomes = { lasting: 0, uneasy: 0, renewedWar: 0, noDeal: 0 };
  const scoreSums = byParty(() => 0);
  let rounds = 0;
  let last = null;
  const started = performance.now();
  for (let k = 0; k < games; k++) {
    const game = playComputerGame(level, { seed: deriveSeed(seed, k), difficulty });
    const outcome = game.outcome!;
    outcomes[outcome.kind]++;
    rounds += game.round;
    for (const party of PARTIES) scoreSums[party] += outcome.scores[party];
    last = game;
  }
  const seconds = (performance.now() - started) / 1000;
  const deals = games - outcomes.noDeal;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const report: Record<string, unknown> = {
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
  if (games === 1 && last) {
    report.stateHash = stateHash(last);
    report.outcome = last.outcome!.kind;
    report.scores = last.outcome!.scores;
    report.resultCode = resultCodeFor(level, last);
    report.peace = last.outcome!.peace;
    report.analysis = analysisReport(level, last);
    report.transcript = transcript(level, last);
  }
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  if (freshSeed) console.log(`seed ${seed} (fresh; pass --seed ${seed} to repeat)`);
  console.log(
    `${level.spec.title}: ${games} game${games === 1 ? '' : 's'} at ${difficulty} difficulty, seed ${seed}`,
  );
  console.log(
    `deals ${deals}/${games} (${Math.round((100 * deals) / games)}%), mean rounds ${report.meanRounds as number}`,
  );
  console.log(
    `outcomes: lasting peace ${outcomes.lasting}, uneasy peace ${outcomes.uneasy}, renewed war ${outcomes.renewedWar}, no deal ${outcomes.noDeal}`,
  );
  console.log(
    `mean scores: ${PARTIES.map((p) => `${p} ${(report.meanScore as Record<string, number>)[p]}`).join(', ')}`,
  );
  console.log(`${report.gamesPerSecond as number} games per second`);
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
    console.log(`\noutcome: ${last.outcome!.kind}; stateHash ${report.stateHash as string}`);
  }
}

main();
