// The CLIs read their arguments with util.parseArgs (issue 9): a bad argument exits 2 and the
// message names it; nothing runs.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { resultCodeFor } from '../../src/core/codes';
import { naiveAccept, playWithStrategies } from '../../src/core/strategies';
import { loadLevel } from '../../src/node/levels';

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command-line arguments (issue 9)', () => {
  test.each([
    ['simulate', ['--gmes', '3'], '--gmes'],
    ['simulate', ['--games'], '--games'],
    ['simulate', ['--level', '--json'], '--level'],
    ['simulate', ['--games', '0'], '--games'],
    ['simulate', ['--difficulty', 'brutal'], '--difficulty'],
    ['simulate', ['--seed', 'not a seed'], '--seed'],
    ['simulate', ['--level', 'atlantis'], '--level'],
    ['simulate', ['stray'], 'stray'],
    ['simulate', ['--level', 'all'], '--level'],
    ['simulate', ['--json', '--markdown'], '--markdown'],
    ['replay', [], 'result code'],
    ['replay', ['--verbose', 'CODE'], '--verbose'],
    ['replay', ['CODE', 'OTHER'], 'OTHER'],
    ['write-schema', ['--out', 'x.json'], '--out'],
  ])('%s %j exits 2 naming %s', (script, args, named) => {
    const { status, stdout, stderr } = run(script, ...args);
    expect(status).toBe(2);
    expect(stderr).toContain(named);
    expect(stderr).toContain('usage:');
    expect(stdout).toBe('');
  });

  test('simulate reads --name value, --name=value and flags', () => {
    const { status, stdout } = run(
      'simulate',
      '--level=coalition-2025',
      '--seed',
      'K7F2Q9XM',
      '--json',
    );
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { level: string; seed: string; games: number };
    expect(report).toMatchObject({ level: 'coalition-2025', seed: 'K7F2Q9XM', games: 1 });
  });

  test('simulate --json reports the top deals and the issue mix of a series', () => {
    const { status, stdout } = run(
      'simulate',
      '--level',
      'tutorial',
      '--seed',
      'K7F2Q9XM',
      '--games',
      '6',
      '--json',
    );
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      deals: number;
      topDeals: { package: Record<string, string>; count: number }[];
      issueMix: Record<string, Record<string, number>>;
    };
    expect(report.topDeals.length).toBeGreaterThan(0);
    expect(report.topDeals.reduce((n, d) => n + d.count, 0)).toBeLessThanOrEqual(report.deals);
    expect(Object.keys(report.topDeals[0]!.package)).toEqual([
      'guarantee',
      'monitors',
      'sanctions',
    ]);
    expect(Object.keys(report.issueMix)).toEqual(['guarantee', 'monitors', 'sanctions']);
    for (const shares of Object.values(report.issueMix))
      expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });

  test('simulate --markdown --level all prints an issue-mix table per level', () => {
    const { status, stdout } = run(
      'simulate',
      '--level',
      'all',
      '--seed',
      'K7F2Q9XM',
      '--games',
      '2',
      '--markdown',
    );
    expect(status).toBe(0);
    expect(stdout).toContain('#### `tutorial`: 2 games, seed K7F2Q9XM');
    expect(stdout).toContain('#### `budapest-1994`');
    expect(stdout).toContain('| issue | options |');
  });

  test('replay of a solo game reports its score beside the same seed played three other ways', () => {
    const loaded = loadLevel('tutorial');
    if (!loaded.ok) throw new Error('tutorial failed to load');
    const game = playWithStrategies(loaded.value, 'K7F2Q9XM', { ukraine: naiveAccept });
    const { status, stdout } = run('replay', resultCodeFor(loaded.value, game));
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      comparison: { seat: string; approaches: { id: string; score: number }[] };
    };
    expect(report.comparison.seat).toBe('ukraine');
    expect(report.comparison.approaches.map((a) => a.id)).toEqual([
      'accept-all',
      'reject-all',
      'principled',
    ]);
    // Accepting every offer is what this game did, so it scores what the game scored.
    expect(report.comparison.approaches[0]!.score).toBe(game.outcome!.scores.ukraine);
  });
});
