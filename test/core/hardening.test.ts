// Issue 14: result codes and link parameters are capped before any work is done on them, and link
// text is cleaned of bidirectional controls the way names are.
import { describe, expect, test } from 'vitest';
import { GAME_VERSION, cleanName, decodeResult, verifyResult } from '../../src/core/codes';
import type { Level } from '../../src/core/level/level';
import { MAX_CODE_LENGTH, MAX_MOVES, MAX_URL_PARAM_LENGTH } from '../../src/core/limits';
import { parseGameParams } from '../../src/core/params';
import { forgeCode, manyMoves } from './forge';
import { mini } from './helpers';

describe('result codes (#14)', () => {
  test('a code of under 4,000 characters holding 640,000 moves is refused before replay', () => {
    const code = forgeCode(manyMoves(640_000));
    expect(code.length).toBeLessThanOrEqual(MAX_CODE_LENGTH);
    const start = performance.now();
    const result = verifyResult(code, new Map<string, Level>([['mini', mini()]]));
    expect(performance.now() - start).toBeLessThan(100);
    expect(result.ok ? null : result.error).toEqual({
      code: 'code/too-long',
      message: `the code holds more moves than a game can have (a game has at most ${MAX_MOVES} moves)`,
    });
  });

  test(`a code with ${MAX_MOVES + 1} moves is refused; one with ${MAX_MOVES} is read`, () => {
    const over = decodeResult(forgeCode(manyMoves(MAX_MOVES + 1)));
    expect(over.ok ? null : over.error.code).toBe('code/too-long');
    const at = decodeResult(forgeCode(manyMoves(MAX_MOVES)));
    expect(at.ok ? at.value.moves.length : at.error).toBe(MAX_MOVES);
  });

  test('a code far over the length limit is refused without reading it', () => {
    const start = performance.now();
    const result = decodeResult(`1.${'A'.repeat(5_000_000)}.abcdefg`);
    expect(performance.now() - start).toBeLessThan(50);
    expect(result.ok ? null : result.error.message).toBe(
      `a result code has at most ${MAX_CODE_LENGTH} characters`,
    );
  });
});

const context = { knownLevels: ['coalition-2025'], version: GAME_VERSION, dailySeed: 'BCDF' };
const parse = (query: Record<string, string>) =>
  parseGameParams((name) => query[name] ?? null, context);

const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];

describe('link parameters (#14)', () => {
  test.each(BIDI.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase()}`, c]))(
    'a bidirectional control (%s) never reaches a notice',
    (_name, control) => {
      const { notices } = parse({
        level: `${control}evil`,
        seed: `${control}BCDF`,
        role: `x${control}y`,
        difficulty: control,
        mode: control,
        v: `9${control}`,
      });
      expect(notices).toHaveLength(6);
      for (const notice of notices) expect(notice).not.toContain(control);
    },
  );

  test('link values and names are cleaned by the same function', () => {
    const raw = 'a\u202eb\u2066c\u0007d';
    const { notices } = parse({ level: raw });
    expect(notices[0]).toBe(
      `Unknown level ${JSON.stringify(cleanName(raw))}; playing coalition-2025 instead.`,
    );
  });

  test(`a value longer than ${MAX_URL_PARAM_LENGTH} characters is ignored with the limit`, () => {
    const { notices, params } = parse({ seats: 'us,'.repeat(1_000_000), mode: 'hotseat' });
    expect(notices[0]).toBe(
      `The value of "seats" in this link is too long (at most ${MAX_URL_PARAM_LENGTH} characters); it was ignored.`,
    );
    expect(params.mode).toBe('hotseat');
  });
});
