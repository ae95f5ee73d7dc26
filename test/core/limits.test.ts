// Issue 14: the engine's limits are declared once (src/core/limits.ts) and levels:check enforces
// them. A level at every limit is accepted and plays a computer game; one over a limit is refused
// with a message that gives the limit and the JSON path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { playComputerGame } from '../../src/core/moves';
import { formatLevelError, parseLevel, validateLevel } from '../../src/core/level/parse';
import type { LevelSpec } from '../../src/core/level/schema';
import {
  MAX_DEADLINE,
  MAX_FIRM_RED_LINES,
  MAX_JSON_DEPTH,
  MAX_LEVEL_ERRORS,
  MAX_MOVES,
  MAX_OPTIONS_PER_ISSUE,
  MAX_PACKAGES,
  MAX_RED_LINES,
  jsonDepth,
} from '../../src/core/limits';
import { checkLevelFile } from '../../src/node/levels';
import { catalogFrom } from '../../src/levels';
import { MINI_PATH, miniSpec } from './helpers';
import { withOptions, withPackages, withRedLines } from './limitLevels';

const refusal = (spec: unknown) => {
  const result = validateLevel(spec, 'limit.json');
  return result.ok ? [] : result.error.map((e) => [e.code, e.path, e.message] as const);
};

/** Plays one computer-only game and returns how long it took and how many moves it had. */
function play(spec: LevelSpec) {
  const result = validateLevel(spec, 'limit.json');
  if (!result.ok) throw new Error(result.error.map(formatLevelError).join('\n'));
  const start = performance.now();
  const game = playComputerGame(result.value, { seed: 'BCDF2345', difficulty: 'normal' });
  const ms = performance.now() - start;
  return { ms, game };
}

describe('a level at each limit is accepted and plays (#14)', () => {
  test(`${MAX_OPTIONS_PER_ISSUE} options in one issue`, () => {
    const { game } = play(withOptions(MAX_OPTIONS_PER_ISSUE));
    expect(game.outcome).not.toBeNull();
  });

  test(`${MAX_FIRM_RED_LINES} firm and ${MAX_RED_LINES - MAX_FIRM_RED_LINES} hard red lines per party`, () => {
    const { game, ms } = play(withRedLines(MAX_FIRM_RED_LINES, MAX_RED_LINES - MAX_FIRM_RED_LINES));
    expect(game.outcome).not.toBeNull();
    expect(ms).toBeLessThan(2000);
  });

  test(`close to ${MAX_PACKAGES} packages, with red lines at the limit`, () => {
    // 4^8 * 3 = 196,608 packages.
    const spec = withPackages(9, 4, 3, MAX_FIRM_RED_LINES, MAX_RED_LINES - MAX_FIRM_RED_LINES);
    const { game, ms } = play(spec);
    expect(game.outcome).not.toBeNull();
    expect(ms).toBeLessThan(5000);
  }, 20_000);

  test(`a deadline of ${MAX_DEADLINE} rounds stays within ${MAX_MOVES} moves`, () => {
    const spec = miniSpec();
    spec.deadline = MAX_DEADLINE;
    // Nobody can ever agree: the game runs to the deadline.
    spec.parties.russia.reservation = 1;
    const { game } = play(spec);
    expect(game.round).toBe(MAX_DEADLINE);
    expect(game.moves.length).toBeLessThanOrEqual(MAX_MOVES);
  });
});

describe('a level one over a limit is refused, naming the limit and the path (#14)', () => {
  test('one option too many', () => {
    expect(refusal(withOptions(MAX_OPTIONS_PER_ISSUE + 1))).toEqual([
      [
        'level/too-many-options',
        '$.issues[0].options',
        `33 options; an issue has at most ${MAX_OPTIONS_PER_ISSUE} (the limit of option masks and result codes)`,
      ],
    ]);
  });

  test('one firm red line too many', () => {
    const errors = refusal(withRedLines(MAX_FIRM_RED_LINES + 1, 0));
    expect(errors[0]).toEqual([
      'level/too-many-firm-red-lines',
      '$.parties.us.redLines',
      `13 firm red lines; a party has at most ${MAX_FIRM_RED_LINES}, so the computer negotiators stay fast`,
    ]);
    expect(errors).toHaveLength(4);
  });

  test('one red line too many', () => {
    expect(
      refusal(withRedLines(MAX_FIRM_RED_LINES, MAX_RED_LINES - MAX_FIRM_RED_LINES + 1))[0],
    ).toEqual([
      'level/too-many-red-lines',
      '$.parties.us.redLines',
      `${MAX_RED_LINES + 1} red lines; a party has at most ${MAX_RED_LINES} (hard and firm together)`,
    ]);
  });

  test('too many packages', () => {
    // 4^9 = 262,144.
    const [error] = refusal(withPackages(9, 4));
    expect(error?.slice(0, 2)).toEqual(['level/too-many-packages', '$.issues']);
    expect(error?.[2]).toContain(`at most ${MAX_PACKAGES}`);
  });

  test('a deadline over the limit', () => {
    const spec = miniSpec();
    spec.deadline = MAX_DEADLINE + 1;
    expect(refusal(spec)).toEqual([
      ['level/schema', '$.deadline', `deadline must be at most ${MAX_DEADLINE} rounds`],
    ]);
  });

  test('a million options are refused without the schema walking them', () => {
    const spec = miniSpec() as unknown as { issues: { options: unknown[] }[] };
    const option = { id: 'x', name: 'x' };
    spec.issues[0]!.options = new Array<unknown>(1_000_000).fill(option);
    const start = performance.now();
    expect(refusal(spec)[0]?.[0]).toBe('level/too-many-options');
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('numbers are finite and within range (#14)', () => {
  test.each([
    ['$.year', (s: LevelSpec) => (s.year = 1e308)],
    ['$.parties.us.weights.force', (s: LevelSpec) => (s.parties.us.weights.force = 1e308)],
    ['$.pressure.perRound', (s: LevelSpec) => (s.pressure.perRound = 1e308)],
    ['$.stressTest.credibility.force', (s: LevelSpec) => (s.stressTest.credibility.force = 1e308)],
    ['$.stressTest.startYear', (s: LevelSpec) => (s.stressTest.startYear = 1e308)],
  ])('1e308 at %s is refused, not shown as ∞', (path, change) => {
    const spec = miniSpec();
    change(spec);
    const errors = refusal(spec);
    expect([...new Set(errors.map((e) => e[1]))]).toEqual([path]);
    expect(errors[0]![2]).not.toContain('Infinity');
  });

  test('1e400 in the file (Infinity once parsed) is refused', () => {
    const text = readFileSync(MINI_PATH, 'utf8').replace('"year": 2025', '"year": 1e400');
    const result = parseLevel(text, 'big.json');
    expect(result.ok ? [] : result.error.map((e) => e.path)).toEqual(['$.year']);
  });
});

describe('JSON depth is checked before parsing (#14)', () => {
  test('10,000-deep nesting is refused with the limit, no stack overflow', () => {
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const result = parseLevel(text, 'deep.json');
    expect(result.ok ? [] : result.error.map(formatLevelError)).toEqual([
      `deep.json: $: arrays and objects nest more than ${MAX_JSON_DEPTH} deep (at line 1, column ${MAX_JSON_DEPTH + 1})`,
    ]);
  });

  test('brackets inside strings do not count', () => {
    expect(jsonDepth('{"a": "[[[[[[[[\\"[[[[", "b": [1, {"c": 2}]}')).toEqual({ depth: 3, at: -1 });
  });
});

describe('error lines are capped (#14)', () => {
  test('200,000 unknown fields make one short error line', () => {
    const spec = miniSpec() as unknown as Record<string, unknown>;
    for (let k = 0; k < 200_000; k++) spec[`field${k}`] = 1;
    const start = performance.now();
    const result = validateLevel(spec, 'fields.json');
    expect(performance.now() - start).toBeLessThan(5000);
    const lines = result.ok ? [] : result.error.map(formatLevelError);
    expect(lines).toEqual([
      'fields.json: $: unknown fields "field0", "field1", "field2", "field3", "field4" and 199995 more',
    ]);
  }, 20_000);

  test('a huge key is quoted shortened in the path', () => {
    const spec = miniSpec();
    spec.parties.us.weights[`bad key ${'x'.repeat(100_000)}`] = 1;
    const lines = refusal(spec).map((e) => e[1]);
    expect(lines.length).toBeGreaterThan(0);
    for (const path of lines) expect(path.length).toBeLessThan(100);
  });

  test(`at most ${MAX_LEVEL_ERRORS} errors per file`, () => {
    const spec = miniSpec();
    spec.questions = Array.from({ length: 500 }, () => '');
    const result = validateLevel(spec, 'many.json');
    const errors = result.ok ? [] : result.error;
    expect(errors).toHaveLength(MAX_LEVEL_ERRORS);
    expect(errors.at(-1)!.message).toContain('450 more errors not shown');
  });
});

describe('levels:check (#14)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'levels-check-'));
  const mini = readFileSync(MINI_PATH, 'utf8');

  test('refuses an id that differs from the file name', () => {
    const file = join(dir, 'renamed.json');
    writeFileSync(file, mini);
    const result = checkLevelFile(file);
    expect(result.ok ? [] : result.error.map((e) => [e.code, e.path, e.message])).toEqual([
      ['level/id-mismatch', '$.id', 'the id "mini" must equal the file name "renamed"'],
    ]);
  });

  test('the browser level list refuses the same mismatch, as a plain line naming the file', () => {
    const catalog = catalogFrom({
      '../levels/renamed.json': mini,
      '../levels/mini.json': mini,
      '../levels/deep.json': `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    });
    expect([...catalog.levels.keys()]).toEqual(['mini']);
    expect(catalog.problems).toEqual([
      'levels/renamed.json: $.id: the id "mini" must equal the file name "renamed"',
      expect.stringMatching(/^levels\/deep\.json: \$: arrays and objects nest more than 32 deep/),
    ]);
    // One check for both: levels:check words the mismatch the same way.
    const file = join(dir, 'renamed.json');
    writeFileSync(file, mini);
    const cli = checkLevelFile(file);
    expect(cli.ok ? '' : cli.error[0]!.message).toBe(
      'the id "mini" must equal the file name "renamed"',
    );
  });

  test('a file that used to crash it does not stop the files after it', () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    const good = join(dir, 'mini.json');
    writeFileSync(good, mini);
    const run = spawnSync('npx', ['tsx', 'src/cli/levels-check.ts', deep, good], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/deep\.json: \$: arrays and objects nest more than 32 deep/);
    expect(lines[1]).toMatch(/^ok .*mini\.json: 3 issues/);
  }, 30_000);
});
