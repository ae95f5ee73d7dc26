// Levels go through one door: every file in levels/ must parse, the committed JSON Schema must be
// current, and a broken level is refused with an error naming the file and the path inside it.
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { levelJsonSchemaText } from '../../src/core/level/json-schema';
import { packageAt } from '../../src/core/level/level';
import { formatLevelError, validateLevel } from '../../src/core/level/parse';
import { PARTIES } from '../../src/core/parties';
import { LEVELS_DIR, levelFiles, loadLevelFile } from '../../src/node/levels';
import { MINI_PATH, miniSpec } from './helpers';

const files = levelFiles();

describe('levels/', () => {
  test('holds at least one level', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((file) => [relative(process.cwd(), file), file]))(
    '%s parses with no errors',
    (_name, file) => {
      const result = loadLevelFile(file);
      expect(result.ok ? [] : result.error.map(formatLevelError)).toEqual([]);
    },
  );

  test.each(files.map((file) => [relative(process.cwd(), file), file]))(
    '%s has the id of its file name, so loadLevel(id) finds it',
    (_name, file) => {
      const result = loadLevelFile(file);
      if (!result.ok) return; // reported by the test above
      expect(result.value.id).toBe(basename(file, '.json'));
    },
  );

  test.each(files.map((file) => [relative(process.cwd(), file), file]))(
    '%s: the precomputed vetoes and firm-line masks agree with every red line on every package',
    (_name, file) => {
      const result = loadLevelFile(file);
      if (!result.ok) return;
      const level = result.value;
      for (let n = 0; n < level.packageCount; n++) {
        const pkg = packageAt(level, n);
        for (const party of PARTIES) {
          const lines = level.parties[party].redLines.filter((line) => line.crosses(pkg));
          const veto = lines.some((line) => line.hard) ? 1 : 0;
          const mask = lines.reduce((m, line) => (line.hard ? m : m | (1 << line.firmBit)), 0);
          if (level.hardVeto[party][n] !== veto || level.firmMask[party][n] !== mask)
            expect.fail(`package ${n} (${pkg.join(',')}), ${party}`);
        }
      }
      let feasible = 0;
      for (let n = 0; n < level.packageCount; n++)
        if (PARTIES.every((p) => level.hardVeto[p][n] === 0))
          expect(level.feasible[feasible++]).toBe(n);
      expect(feasible).toBe(level.feasibleCount);
    },
  );

  test('levels/schema.json is the current JSON Schema of a level', () => {
    const committed = readFileSync(join(LEVELS_DIR, 'schema.json'), 'utf8');
    expect(
      committed === levelJsonSchemaText(),
      'levels/schema.json is stale: run `npm run levels:schema` and commit the result',
    ).toBe(true);
  });
});

describe('broken levels are refused with the file and the JSON path', () => {
  const dir = 'test/fixtures/broken';
  const cases: [defect: string, file: string, expected: string][] = [
    [
      'invalid JSON (a comment), with line and column',
      'invalid-json.json',
      '$: invalid JSON at line 8, column 3: comments are not allowed',
    ],
    ['a missing field', 'missing-field.json', '$.title: missing required field (expected string)'],
    [
      'a mistyped field (a string for a number)',
      'mistyped-field.json',
      '$.deadline: expected number',
    ],
    [
      'an unknown issue in a red line',
      'unknown-issue.json',
      '$.parties.russia.redLines[0].issue: unknown issue "forces"',
    ],
    [
      'an unknown option in a red line',
      'unknown-option.json',
      '$.parties.russia.redLines[0].options[0]: unknown option "brigade-x" for issue "force"',
    ],
    [
      'a duplicate option id',
      'duplicate-option.json',
      '$.issues[0].options[3].id: duplicate option id "brigade" in issue "force"',
    ],
    [
      'a weight of zero',
      'non-positive-weight.json',
      '$.parties.us.weights.force: weight must be positive',
    ],
    [
      'an option value of 120',
      'value-out-of-range.json',
      '$.parties.us.values.force.brigade: option value must be between 0 and 100',
    ],
    [
      'a deadline of 0 rounds',
      'deadline-zero.json',
      '$.deadline: deadline must be at least 1 round',
    ],
    [
      'an event softening an unknown red line',
      'unknown-red-line-in-event.json',
      '$.events[1].effects[1].redLine: unknown red line "no-treaties" for russia',
    ],
    [
      'a firm red line without a penalty',
      'firm-without-penalty.json',
      '$.parties.russia.redLines[1]: a firm red line needs a penalty',
    ],
    [
      'every package crossing a hard red line',
      'no-feasible-package.json',
      '$.parties: every package crosses some hard red line, so no deal is possible',
    ],
  ];

  test.each(cases)('refuses %s (%s)', (_defect, name, expected) => {
    const file = `${dir}/${name}`;
    const result = loadLevelFile(file);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.error.map(formatLevelError)).toEqual([`${file}: ${expected}`]);
  });

  test('names a file it cannot read', () => {
    const result = loadLevelFile(`${dir}/no-such-level.json`);
    expect(result.ok ? [] : result.error.map(formatLevelError)).toEqual([
      `${dir}/no-such-level.json: $: cannot read the file (ENOENT)`,
    ]);
  });

  test('every broken fixture differs from mini.json', () => {
    const original = readFileSync(MINI_PATH, 'utf8');
    for (const [, name] of cases) expect(readFileSync(`${dir}/${name}`, 'utf8')).not.toBe(original);
  });

  test('mini.json itself is accepted (the fixtures break it on purpose)', () => {
    const result = loadLevelFile(MINI_PATH);
    expect(result.ok ? [] : result.error.map(formatLevelError)).toEqual([]);
  });

  test('refuses a turn order that names a party twice and leaves another out', () => {
    // With turnOrder [us, europe, russia, russia] Ukraine never proposes and Russia proposes
    // every round from the third on.
    const result = loadLevelFile(`${dir}/turn-order-repeats-a-party.json`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.some((e) => e.path.startsWith('$.turnOrder'))).toBe(true);
  });

  test('refuses a level with too many packages to enumerate instead of throwing', () => {
    const spec = miniSpec();
    for (let k = 0; k < 12; k++) {
      const id = `extra-${k}`;
      spec.issues.push({
        id,
        name: `Extra ${k}`,
        options: ['a', 'b', 'c'].map((o) => ({ id: o, name: o })),
      });
      for (const party of PARTIES) {
        spec.parties[party].weights[id] = 1;
        spec.parties[party].values[id] = { a: 0, b: 50, c: 100 };
      }
    }
    let result: ReturnType<typeof validateLevel> | undefined;
    expect(() => (result = validateLevel(spec, 'huge.json'))).not.toThrow();
    expect(result?.ok).toBe(false);
    if (result && !result.ok)
      expect(result.error.map((e) => [e.code, e.path])).toEqual([
        ['level/too-many-packages', '$.issues'],
      ]);
  });
});
