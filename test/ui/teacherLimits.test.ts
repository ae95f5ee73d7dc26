// Issue 14: the teacher's pasted list cannot freeze the page, and class statistics count only the
// games the class was given (level, seed, difficulty and seat rules).
import { describe, expect, test } from 'vitest';
import { resultCodeFor, verifyResult } from '../../src/core/codes';
import type { Level } from '../../src/core/level/level';
import { MAX_LINE_LENGTH } from '../../src/core/limits';
import type { Difficulty, Party } from '../../src/core/parties';
import { seatsFor } from '../../src/core/rules';
import {
  buildEntries,
  cachedVerifier,
  classCheck,
  classStats,
  isClassGame,
  parseCodeLines,
  replayLink,
  type TeacherSettings,
} from '../../src/ui/teacherData';
import { forgeCode, manyMoves } from '../core/forge';
import { chooser, mini, miniSpec, playGame } from '../core/helpers';
import { validateLevel } from '../../src/core/level/parse';

/** A second level, so that a code can be for another level than the class's. */
const other = (() => {
  const spec = miniSpec();
  spec.id = 'mini-other';
  spec.title = 'Another mini';
  const result = validateLevel(spec, 'mini-other.json');
  if (!result.ok) throw new Error('mini-other failed to load');
  return result.value;
})();
const levels = new Map<string, Level>([
  ['mini', mini()],
  [other.id, other],
]);
const SEED = 'BCDF2345';

const codeOf = (humans: Party[], difficulty: Difficulty = 'normal', seed = SEED, k = 1) => {
  const { game } = playGame(
    mini(),
    { seed, seats: seatsFor(humans), difficulty },
    chooser([k, 2, 3]),
  );
  return resultCodeFor(mini(), game);
};

const settings: TeacherSettings = {
  level: 'mini',
  seed: SEED,
  difficulty: 'normal',
  seating: 'same',
  role: 'ukraine',
  timer: 0,
};

describe('pasted lines (#14)', () => {
  test('a 400,000-character line is refused in well under 200 ms', () => {
    // Many "http://" with no "replay=": the old regex tried every start against every end.
    const text = `Ada: ${'http://'.repeat(57_000)}`;
    const start = performance.now();
    const parsed = parseCodeLines(text);
    const entries = buildEntries(parsed, cachedVerifier(levels));
    expect(performance.now() - start).toBeLessThan(200);
    expect(entries).toHaveLength(1);
    const result = entries[0]!.result;
    expect(result.ok ? null : result.error.message).toContain(`more than ${MAX_LINE_LENGTH}`);
  });

  test('a full box of lines just under the cap is read in under 200 ms', () => {
    const line = `Ada: ${'http://'.repeat(MAX_LINE_LENGTH)}`.slice(0, MAX_LINE_LENGTH);
    const text = Array<string>(66).fill(line).join('\n');
    const start = performance.now();
    const { lines } = parseCodeLines(text);
    expect(performance.now() - start).toBeLessThan(200);
    expect(lines).toHaveLength(66);
  });

  test('replay links are found at the end of a line, with or without a name', () => {
    expect(replayLink('Bo: https://e.org/g/?level=x&replay=1.ab.cd&v=1#top')).toEqual({
      name: 'Bo:',
      code: '1.ab.cd',
    });
    expect(replayLink('http://e.org/?replay=1.a.b')).toEqual({ name: '', code: '1.a.b' });
    expect(replayLink('Cy:https://e.org/?replay=1.a.b')).toEqual({ name: 'Cy:', code: '1.a.b' });
    expect(replayLink('https://e.org/?replay=&x')).toBeNull();
    expect(replayLink('Ada: 1.abc.def')).toBeNull();
  });

  test('100 oversized codes are refused fast', () => {
    const code = forgeCode(manyMoves(640_000));
    const text = Array.from({ length: 100 }, (_, k) => `Student ${k}: ${code}`).join('\n');
    const start = performance.now();
    // No cache: every line is decoded again, as 100 different codes would be.
    const entries = buildEntries(parseCodeLines(text), (c) => verifyResult(c, levels));
    expect(performance.now() - start).toBeLessThan(500);
    expect(entries.map((e) => (e.result.ok ? 'ok' : e.result.error.code))).toEqual(
      Array<string>(100).fill('code/too-long'),
    );
  });
});

describe('class statistics (#14)', () => {
  const own = codeOf(['ukraine']);
  const cases: [string, string, string][] = [
    ['another difficulty', codeOf(['ukraine'], 'hard'), 'another difficulty (hard)'],
    [
      'all four seats played by one person',
      codeOf(['us', 'europe', 'russia', 'ukraine']),
      '4 seats played on one device',
    ],
    ['another seat', codeOf(['russia']), 'played as russia; the class plays ukraine'],
    ['another seed', codeOf(['ukraine'], 'normal', 'K7F2Q9XM'), 'another seed (K7F2Q9XM)'],
    [
      'another level',
      resultCodeFor(
        other,
        playGame(
          other,
          { seed: SEED, seats: seatsFor(['ukraine']), difficulty: 'normal' },
          chooser([1, 2, 3]),
        ).game,
      ),
      'another level (Another mini)',
    ],
  ];

  test.each(cases)('a game at %s is listed apart and not counted', (_what, code, reason) => {
    const entries = buildEntries(parseCodeLines([own, code].join('\n')), cachedVerifier(levels));
    expect(entries.map((e) => e.result.ok)).toEqual([true, true]);
    const v = entries[1]!.result.ok ? entries[1]!.result.value : null;
    expect(classCheck(v!, settings).reasons).toEqual([reason]);
    expect(isClassGame(v!, settings)).toBe(false);
    const stats = classStats(entries, mini(), settings);
    expect(stats.counted).toBe(1);
    expect(stats.apart).toEqual([{ line: 2, reasons: [reason] }]);
    expect(Object.values(stats.outcomes).reduce((a, b) => a + b, 0)).toBe(1);
    expect(stats.seatScores.russia.n).toBe(0);
    expect(stats.seatScores.ukraine.n).toBe(1);
  });

  test('with rotating seats any single seat counts; shared seats only when the class allows', () => {
    const entries = buildEntries(
      parseCodeLines([own, codeOf(['russia']), codeOf(['us', 'ukraine'])].join('\n')),
      cachedVerifier(levels),
    );
    const rotate = { ...settings, seating: 'rotate' as const };
    expect(classStats(entries, mini(), rotate).counted).toBe(2);
    expect(classStats(entries, mini(), { ...rotate, sharedSeats: true }).counted).toBe(3);
    // Without the settings the old behaviour stays: every verified game counts.
    expect(classStats(entries, mini()).counted).toBe(3);
  });
});
