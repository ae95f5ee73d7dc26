// npm run balance -- [--json] [--seeds K7F2Q9XM] [--games 100] [--level coalition-2025] [--workers 2]
// The balance harness of issue 10: every scripted strategy at every seat of every level (or one)
// against computer negotiators, computer-only games, take-it-or-leave-it offers, difficulty and
// the truth of the computers' explanations, then the bands. Exits 1 if any band fails.
// `--seeds` is the base of the seed series (seed k is deriveSeed(base, k)); `--games` the games per
// measurement. Levels are spread over worker threads, one level per worker at a time.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ArgError, readArgs } from '../src/cli/args';
import {
  BALANCE_STRATEGIES,
  DEFAULT_BALANCE,
  bands,
  measureLevel,
  type BalanceOptions,
  type LevelBalance,
} from '../src/core/balance';
import { formatLevelError } from '../src/core/level/parse';
import { PARTIES } from '../src/core/parties';
import { parseSeed } from '../src/core/seed';
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

function printTable(results: readonly LevelBalance[], options: BalanceOptions, seconds: number) {
  console.log(
    `Balance at normal difficulty, seeds from ${options.baseSeed}, ${options.games} games per ` +
      `measurement (${seconds.toFixed(1)} s)\n`,
  );
  console.log('level            deal rate  early  distinct/100  top deal  explanations true');
  for (const r of results)
    console.log(
      `${r.level.padEnd(16)} ${r.dealRate.toFixed(2).padStart(9)}  ${r.earlyDealShare.toFixed(2).padStart(5)}  ` +
        `${String(r.distinctPer100).padStart(12)}  ${r.topDealShare.toFixed(2).padStart(8)}  ${r.explanationsTrue.toFixed(2).padStart(17)}`,
    );
  console.log(
    `\nmean score (0-100) at each seat against computer negotiators (breakdown risk weighed, not drawn)`,
  );
  console.log(
    `level            seat    ${BALANCE_STRATEGIES.map((n) => n.slice(0, 11).padStart(12)).join('')}        tioli  signed`,
  );
  for (const r of results)
    for (const seat of PARTIES)
      console.log(
        `${r.level.padEnd(16)} ${seat.padEnd(7)} ${BALANCE_STRATEGIES.map((n) => r.strategies[n][seat].meanScore.toFixed(1).padStart(12)).join('')}` +
          `${r.takeItOrLeaveIt[seat].meanScore.toFixed(1).padStart(13)}  ${r.takeItOrLeaveIt[seat].signedRate.toFixed(2).padStart(6)}`,
      );
  const failed = bands(results).filter((b) => !b.pass);
  console.log(`\n${failed.length} band${failed.length === 1 ? '' : 's'} failed`);
  for (const b of failed)
    console.log(`  ${b.name} · ${b.level}${b.seat ? ` · ${b.seat}` : ''}: ${b.value} (${b.limit})`);
}

async function main() {
  let args;
  try {
    args = readArgs(
      process.argv.slice(2),
      ['seeds', 'seed', 'games', 'level', 'workers'],
      ['json'],
    );
  } catch (e) {
    fail(e instanceof ArgError ? e.message : String(e));
  }
  if (args.positional.length > 0) fail(`unexpected argument "${args.positional[0]}"`);
  const seedArg = args.values.get('seeds') ?? args.values.get('seed');
  let baseSeed = DEFAULT_BALANCE.baseSeed;
  if (seedArg !== undefined) {
    const parsed = parseSeed(seedArg);
    if (!parsed.ok) fail(`--seeds: ${parsed.error.message}`);
    baseSeed = parsed.value;
  }
  const options: BalanceOptions = {
    baseSeed,
    games: count('games', args.values.get('games'), DEFAULT_BALANCE.games),
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
  const judged = bands(results);
  if (args.flags.has('json'))
    console.log(
      JSON.stringify(
        {
          command: `npm run balance -- --json${process.argv
            .slice(2)
            .filter((a) => a !== '--json')
            .map((a) => ` ${a}`)
            .join('')}`,
          difficulty: 'normal',
          baseSeed: options.baseSeed,
          games: options.games,
          seconds: Math.round(seconds * 10) / 10,
          levels: Object.fromEntries(results.map((r) => [r.level, r])),
          bands: judged,
        },
        null,
        2,
      ),
    );
  else printTable(results, options, seconds);
  process.exitCode = judged.every((b) => b.pass) ? 0 : 1;
}

if (isMainThread) void main();
else if (workerData === true)
  parentPort!.on('message', (job: Job) => parentPort!.postMessage(measure(job)));
