// npm run balance -- [--json] [--seeds 500] [--strategy-seeds 100] [--fixed-seeds 100]
//                    [--seed K7F2Q9XM] [--level coalition-2025] [--workers 2]
// Measures every level (or one): computer-only deal rates and stress-test endings, the mean score
// of the scripted strategies at each seat, and how often a single fixed proposal is signed.
// Levels are spread over worker threads, one level per worker at a time.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ArgError, readArgs } from '../src/cli/args';
import {
  DEFAULT_BALANCE,
  measureLevel,
  type BalanceOptions,
  type LevelBalance,
} from '../src/core/balance';
import { formatLevelError } from '../src/core/level/parse';
import { PARTIES } from '../src/core/parties';
import { parseSeed } from '../src/core/seed';
import { STRATEGY_NAMES } from '../src/core/strategies';
import { levelIds, loadLevel } from '../src/node/levels';

interface Job {
  readonly level: string;
  readonly options: BalanceOptions;
}

function measure(job: Job): LevelBalance {
  const loaded = loadLevel(job.level);
  if (!loaded.ok) throw new Error(loaded.error.map(formatLevelError).join('\n'));
  return measureLevel(loaded.value, job.options);
}

function fail(message: string): never {
  console.error(`balance: ${message}`);
  process.exit(2);
}

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000)
    fail(`--${name}: expected a whole number from 1 to 100000, got "${value}"`);
  return Number(value);
}

/** Runs the jobs on up to `workers` threads (in this thread when there is only one). */
async function runAll(jobs: readonly Job[], workers: number): Promise<LevelBalance[]> {
  if (workers <= 1) return jobs.map(measure);
  const results = new Array<LevelBalance>(jobs.length);
  let next = 0;
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      // Worker threads do not inherit tsx's loader: the thread registers it, then loads this file.
      const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;
      const thread = new Worker(boot, { eval: true, workerData: true });
      const feed = () => {
        if (next >= jobs.length) {
          void thread.terminate().then(() => resolve());
          return;
        }
        const k = next++;
        thread.once('message', (result: LevelBalance) => {
          results[k] = result;
          feed();
        });
        thread.postMessage(jobs[k]);
      };
      thread.once('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, worker));
  return results;
}

const pct = (x: number) => `${Math.round(100 * x)}%`;

function printTable(results: readonly LevelBalance[], options: BalanceOptions, seconds: number) {
  console.log(
    `Balance at ${options.difficulty} difficulty, seeds from ${options.baseSeed}: ` +
      `${options.seeds} computer-only games, ${options.strategySeeds} games per strategy and seat, ` +
      `${options.fixedSeeds} per fixed proposal and seat (${seconds.toFixed(1)} s)\n`,
  );
  console.log(
    'level            deal rate  mean round  lasting / uneasy / war / no deal  war of deals',
  );
  for (const r of results) {
    const c = r.computer;
    const o = c.outcomes;
    console.log(
      `${r.level.padEnd(16)} ${pct(c.dealRate).padStart(9)}  ${c.meanRound.toFixed(1).padStart(10)}  ` +
        `${`${o.lasting} / ${o.uneasy} / ${o.renewedWar} / ${o.noDeal}`.padEnd(32)}  ${pct(c.warShareOfDeals).padStart(12)}`,
    );
  }
  console.log(`\nmean score (0-100) at each seat against computer negotiators`);
  console.log(`level            seat      ${STRATEGY_NAMES.map((n) => n.padStart(12)).join('')}`);
  for (const r of results)
    for (const seat of PARTIES)
      console.log(
        `${r.level.padEnd(16)} ${seat.padEnd(8)}  ${STRATEGY_NAMES.map((n) => r.strategies[seat].mean[n].toFixed(1).padStart(12)).join('')}`,
      );
  console.log(`\nmost successful single fixed proposal (share of seeds in which it is signed)`);
  for (const r of results) {
    const b = r.fixed.best;
    const what =
      b.share > 0 ? `${b.candidate} tabled by ${b.seat}` : 'no candidate was ever signed';
    console.log(`${r.level.padEnd(16)} ${pct(b.share).padStart(5)}  ${what}`);
  }
}

async function main() {
  let args;
  try {
    args = readArgs(
      process.argv.slice(2),
      ['seeds', 'strategy-seeds', 'fixed-seeds', 'seed', 'level', 'workers'],
      ['json'],
    );
  } catch (e) {
    fail(e instanceof ArgError ? e.message : String(e));
  }
  if (args.positional.length > 0) fail(`unexpected argument "${args.positional[0]}"`);
  const seedArg = args.values.get('seed');
  let baseSeed = DEFAULT_BALANCE.baseSeed;
  if (seedArg !== undefined) {
    const parsed = parseSeed(seedArg);
    if (!parsed.ok) fail(`--seed: ${parsed.error.message}`);
    baseSeed = parsed.value;
  }
  const options: BalanceOptions = {
    ...DEFAULT_BALANCE,
    baseSeed,
    seeds: count('seeds', args.values.get('seeds'), DEFAULT_BALANCE.seeds),
    strategySeeds: count(
      'strategy-seeds',
      args.values.get('strategy-seeds'),
      DEFAULT_BALANCE.strategySeeds,
    ),
    fixedSeeds: count('fixed-seeds', args.values.get('fixed-seeds'), DEFAULT_BALANCE.fixedSeeds),
  };
  const known = levelIds();
  const levelArg = args.values.get('level');
  if (levelArg !== undefined && !known.includes(levelArg))
    fail(`--level: unknown level "${levelArg}"; known levels: ${known.join(', ')}`);
  const levels = levelArg !== undefined ? [levelArg] : known;
  for (const id of levels) {
    const loaded = loadLevel(id);
    if (!loaded.ok) fail(`${id} is broken:\n${loaded.error.map(formatLevelError).join('\n')}`);
  }
  const workers = count('workers', args.values.get('workers'), Math.min(4, availableParallelism()));

  const started = performance.now();
  const results = await runAll(
    levels.map((level) => ({ level, options })),
    workers,
  );
  const seconds = (performance.now() - started) / 1000;
  if (args.flags.has('json')) {
    console.log(
      JSON.stringify(
        {
          command: `npm run balance -- --json${process.argv
            .slice(2)
            .filter((a) => a !== '--json')
            .map((a) => ` ${a}`)
            .join('')}`,
          difficulty: options.difficulty,
          baseSeed: options.baseSeed,
          seeds: options.seeds,
          strategySeeds: options.strategySeeds,
          fixedSeeds: options.fixedSeeds,
          note:
            `Computer-only games use ${options.seeds} seeds; strategy means use the first ` +
            `${options.strategySeeds} and fixed proposals the first ${options.fixedSeeds} of the same ` +
            `series (deriveSeed), to keep the run short.`,
          seconds: Math.round(seconds * 10) / 10,
          levels: results,
        },
        null,
        2,
      ),
    );
    return;
  }
  printTable(results, options, seconds);
}

if (isMainThread) void main();
else if (workerData === true)
  parentPort!.on('message', (job: Job) => parentPort!.postMessage(measure(job)));
