// npm run replay -- <code>      (or `-` to read the code from standard input)
// Verifies a result code by replaying it on the levels in levels/ and prints JSON (with the
// debrief's analysis and its comparison with other ways to play the seat). A code that does not
// verify exits 1 with its reason; a usage error exits 2.
import { readFileSync } from 'node:fs';
import { analysisReport } from '../core/analysis';
import { verifyResult } from '../core/codes';
import { comparisonReport } from '../core/compare';
import type { Level } from '../core/level/level';
import { levelIds, loadLevel } from '../node/levels';
import { ArgError, parseCommandLine } from './args';

const USAGE = 'usage: npm run replay -- <result code>   (or - to read it from stdin)';

function main(): number {
  let args;
  try {
    args = parseCommandLine({
      args: process.argv.slice(2),
      options: { help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
    });
  } catch (e) {
    if (!(e instanceof ArgError)) throw e;
    console.error(`replay: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    console.error(
      `replay: ${args.positionals.length === 0 ? 'missing the result code' : `unexpected argument "${args.positionals[1]}"`}\n${USAGE}`,
    );
    return 2;
  }
  const code = args.positionals[0] === '-' ? readFileSync(0, 'utf8') : args.positionals[0]!;
  // Broken levels are left out: a code for one of them is then refused as an unknown level.
  const levels = new Map<string, Level>();
  for (const id of levelIds()) {
    const loaded = loadLevel(id);
    if (loaded.ok) levels.set(id, loaded.value);
  }
  const result = verifyResult(code, levels);
  if (!result.ok) {
    const { code: reason, message, move } = result.error;
    console.log(
      JSON.stringify(
        {
          valid: false,
          reason: reason.replace(/^code\//, ''),
          message,
          ...(move !== undefined ? { move } : {}),
        },
        null,
        2,
      ),
    );
    return 1;
  }
  const { payload, outcome, scores, stateHash, rounds, game } = result.value;
  const level = levels.get(payload.level)!;
  console.log(
    JSON.stringify(
      {
        valid: true,
        level: payload.level,
        seed: payload.seed,
        seats: payload.seats,
        difficulty: payload.difficulty,
        ...(payload.name !== undefined ? { name: payload.name } : {}),
        rounds,
        outcome,
        scores,
        stateHash,
        analysis: analysisReport(level, game),
        // The same seed played again at the one person's seat three other ways (as the debrief).
        comparison: comparisonReport(level, game),
      },
      null,
      2,
    ),
  );
  return 0;
}

process.exitCode = main();
