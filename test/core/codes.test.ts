// Result codes, daily seeds and share cards: a code replays the game it came from, and anything
// else (a changed character, a cut-off end, another version, another level) is refused.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  GAME_VERSION,
  MAX_CODE_LENGTH,
  outcomeWord,
  SHARE_MARKS,
  cleanName,
  dailySeed,
  decodeResult,
  encodeResult,
  levelHash,
  resultCodeFor,
  shareCard,
  utcDateOf,
  verifyResult,
  type ResultPayload,
} from '../../src/core/codes';
import { stateHash } from '../../src/core/game';
import { applyMove, newGame, phaseOf, waitingFor } from '../../src/core/moves';
import { gameLink } from '../../src/core/params';
import type { Level } from '../../src/core/level/level';
import type { LevelSpec } from '../../src/core/level/schema';
import { DIFFICULTIES, PARTIES, type Party } from '../../src/core/parties';
import { checkSideMove, seatsFor, type GameSetup } from '../../src/core/rules';
import { SEED_ALPHABET, parseSeed } from '../../src/core/seed';
import type { GameState, Move, SideMove } from '../../src/core/state';
import { LEVELS_DIR, levelFiles, loadLevelFile } from '../../src/node/levels';
import {
  MINI_PATH,
  chooser,
  isFinal,
  levelFrom,
  loadOrThrow,
  mini,
  pickMove,
  playGame,
} from './helpers';

const MAIN = 'coalition-2025';
const MAIN_PATH = `${LEVELS_DIR}/${MAIN}.json`;
const main = (() => {
  let level: Level | undefined;
  return () => (level ??= loadOrThrow(MAIN_PATH));
})();
const catalog = (): Map<string, Level> =>
  new Map([
    [mini().id, mini()],
    [main().id, main()],
  ]);

const seedArb = fc
  .array(fc.constantFrom(...SEED_ALPHABET), { minLength: 4, maxLength: 10 })
  .map((chars) => chars.join(''));
const setupArb: fc.Arbitrary<GameSetup> = fc.record({
  seed: seedArb,
  difficulty: fc.constantFrom(...DIFFICULTIES),
  seats: fc.subarray([...PARTIES], { minLength: 1 }).map((humans) => seatsFor(humans)),
});
const choicesArb = fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 40 });

/** A game with people in `humans` that runs to the deadline: every proposal is rejected and
 * every side move is the longest one to write down (a public commitment). The longest code. */
function longestGame(level: Level, humans: readonly Party[], seed = 'K7F2Q9XM'): GameState {
  let game = newGame(level, { seed, seats: seatsFor(humans), difficulty: 'normal' });
  const choose = chooser([7, 3, 11, 5, 2, 13, 1, 17]);
  for (let guard = 0; !isFinal(game); guard++) {
    if (guard > 1000) throw new Error('the game does not end');
    const party = waitingFor(game)[0]!;
    let move: Move;
    if (phaseOf(game) === 'responses') move = { type: 'RESPOND', party, accept: false };
    else if (phaseOf(game) === 'sideMoves') {
      const commit: SideMove = { kind: 'commitment', issue: choose(level.issues.length) };
      const ok = checkSideMove(level, game, party, commit).ok;
      move = { type: 'SIDE_MOVE', party, move: ok ? commit : { kind: 'pass' } };
    } else move = pickMove(level, game, party, choose);
    const next = applyMove(level, game, move);
    if (!next.ok) throw new Error(next.error.message);
    game = next.value;
  }
  return game;
}

/** A real code with people in two seats, names and all. */
const sampleCode = () => {
  const { game } = playGame(
    main(),
    { seed: 'BCDF2345', seats: seatsFor(['ukraine', 'russia']), difficulty: 'normal' },
    chooser([3, 1, 4, 1, 5, 9, 2, 6]),
  );
  return resultCodeFor(main(), game, 'Ada');
};

const CODE_CHARS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~.',
  '+',
  '$',
  '/',
  ':',
  'é',
];

describe('result codes', () => {
  test.each([
    ['mini.json', MINI_PATH, 60],
    [`${MAIN}.json`, MAIN_PATH, 15],
  ])('a code from any game on %s verifies and reproduces the state hash', (_n, file, runs) => {
    const level = file === MINI_PATH ? mini() : main();
    fc.assert(
      fc.property(
        setupArb,
        choicesArb,
        fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
        (setup, choices, name) => {
          const { game, moves } = playGame(level, setup, chooser(choices));
          const code = resultCodeFor(level, game, name);
          expect(code.length).toBeLessThanOrEqual(MAX_CODE_LENGTH);
          expect(code).toMatch(/^[A-Za-z0-9_~.-]+$/);
          const verified = verifyResult(code, catalog());
          if (!verified.ok) expect.fail(`${verified.error.code}: ${verified.error.message}`);
          expect(verified.value.stateHash).toBe(stateHash(game));
          expect(verified.value.outcome).toBe(game.outcome!.kind);
          expect(verified.value.scores).toEqual(game.outcome!.scores);
          expect(verified.value.payload.moves).toEqual(moves);
          expect(verified.value.payload.seats).toEqual(setup.seats);
          expect(verified.value.payload.difficulty).toBe(setup.difficulty);
          expect(verified.value.payload.seed).toBe(setup.seed);
          expect(verified.value.payload.name).toBe(cleanName(name ?? '') || undefined);
        },
      ),
      { numRuns: runs },
    );
  });

  test('a computer-only game (as `npm run simulate` plays it) verifies too', () => {
    const game = longestGame(main(), []);
    const verified = verifyResult(resultCodeFor(main(), game), catalog());
    expect(verified.ok && verified.value.stateHash).toBe(stateHash(game));
  });

  test('every single-character change of a real code is refused', () => {
    const code = sampleCode();
    expect(decodeResult(code).ok).toBe(true);
    let tried = 0;
    for (let i = 0; i < code.length; i++)
      for (const ch of CODE_CHARS) {
        if (ch === code[i]) continue;
        const changed = code.slice(0, i) + ch + code.slice(i + 1);
        const result = decodeResult(changed);
        if (result.ok) expect.fail(`changing character ${i} to "${ch}" was accepted`);
        tried++;
      }
    expect(tried).toBeGreaterThan(code.length * 60);
  });

  test('every truncation of a real code is refused as truncated', () => {
    const code = sampleCode();
    for (let k = 1; k < code.length; k++) {
      const result = decodeResult(code.slice(0, k));
      expect(result.ok ? 'accepted' : result.error.code, `cut to ${k}`).toBe('code/truncated');
    }
    expect(decodeResult('').ok ? null : 'refused').toBe('refused');
  });

  test('white space inside a code (a line break in an e-mail) does not matter', () => {
    const code = sampleCode();
    const wrapped = `  ${code.slice(0, 20)}\n${code.slice(20, 50)} \r\n${code.slice(50)}\n`;
    const result = decodeResult(wrapped);
    expect(result.ok).toBe(true);
  });

  test('a code from another version is refused as such', () => {
    const decoded = decodeResult(sampleCode());
    if (!decoded.ok) throw new Error('sample code does not decode');
    const foreign = encodeResult({ ...decoded.value, version: '2' });
    const result = verifyResult(foreign, catalog());
    expect(result.ok ? null : result.error.code).toBe('code/version');
    expect(result.ok ? '' : result.error.message).toMatch(
      /made by a newer version of Red Lines \(version 2; .*reload this page to update/,
    );
    // A code from before this version: the player's game is out of date, and they are told how.
    const older = verifyResult(encodeResult({ ...decoded.value, version: '0' }), catalog());
    expect(older.ok ? '' : older.error.message).toMatch(
      /made by an older version of Red Lines \(version 0; .*reload the game to update/,
    );
  });

  test('a code for a level that has since changed is refused', () => {
    const code = sampleCode();
    const spec = JSON.parse(readFileSync(MAIN_PATH, 'utf8')) as LevelSpec & {
      parties: { russia: { reservation: number } };
    };
    spec.parties.russia.reservation = Math.max(0, spec.parties.russia.reservation - 0.01);
    const changed = levelFrom(spec, MAIN_PATH);
    expect(levelHash(changed)).not.toBe(levelHash(main()));
    const result = verifyResult(code, new Map([[MAIN, changed]]));
    expect(result.ok ? null : result.error.code).toBe('code/level-changed');
  });

  test('the level hash ignores $schema and copies of a level hash the same', () => {
    const again = loadOrThrow(MAIN_PATH);
    expect(levelHash(again)).toBe(levelHash(main()));
    expect(levelHash(main())).toMatch(/^[0-9a-f]{12}$/);
    const spec = JSON.parse(readFileSync(MAIN_PATH, 'utf8')) as Record<string, unknown>;
    spec.$schema = './elsewhere.json';
    expect(levelHash(levelFrom(spec, MAIN_PATH))).toBe(levelHash(main()));
  });

  test('a code for a level this game does not have is refused', () => {
    const result = verifyResult(sampleCode(), new Map([[mini().id, mini()]]));
    expect(result.ok ? null : result.error.code).toBe('code/unknown-level');
  });

  describe('codes with a valid checksum but moves the rules refuse', () => {
    const payload = (): ResultPayload => {
      const decoded = decodeResult(sampleCode());
      if (!decoded.ok) throw new Error('sample code does not decode');
      return decoded.value;
    };

    test('a move by a computer seat', () => {
      const p = payload();
      const moves: Move[] = [
        { type: 'SIDE_MOVE', party: 'us', move: { kind: 'pass' } },
        ...p.moves,
      ];
      const result = verifyResult(encodeResult({ ...p, moves }), catalog());
      expect(result.ok ? null : result.error).toMatchObject({ code: 'code/illegal-move', move: 0 });
    });

    test('a move after the end', () => {
      const p = payload();
      const last = p.moves.at(-1)!;
      const result = verifyResult(encodeResult({ ...p, moves: [...p.moves, last] }), catalog());
      expect(result.ok ? null : result.error).toMatchObject({
        code: 'code/illegal-move',
        move: p.moves.length,
      });
    });

    test('a package with a missing issue', () => {
      // The United States opens, so a game with it at a human seat has a person's proposal even
      // when the talks end early (issue 10: counter-proposals and earlier deals).
      const { game } = playGame(
        main(),
        { seed: 'BCDF2345', seats: seatsFor(['us', 'russia']), difficulty: 'normal' },
        chooser([3, 1, 4, 1, 5, 9, 2, 6]),
      );
      const decoded = decodeResult(resultCodeFor(main(), game, 'Ada'));
      if (!decoded.ok) throw new Error('sample code does not decode');
      const p = decoded.value;
      const k = p.moves.findIndex((m) => m.type === 'PROPOSE');
      expect(k).toBeGreaterThanOrEqual(0);
      const moves = p.moves.map((m, i) =>
        i === k && m.type === 'PROPOSE' ? { ...m, package: m.package.slice(1) } : m,
      );
      const result = verifyResult(encodeResult({ ...p, moves }), catalog());
      expect(result.ok ? null : result.error).toMatchObject({ code: 'code/illegal-move', move: k });
    });

    test('a rejection citing a red line with a counter-proposal survives a round trip (issue 10)', () => {
      const p = payload();
      const moves: Move[] = [
        {
          type: 'RESPOND',
          party: 'russia',
          accept: false,
          cite: 1,
          amend: [{ issue: 2, option: 0 }],
        },
        {
          type: 'RESPOND',
          party: 'ukraine',
          accept: false,
          amend: [
            { issue: 0, option: 3 },
            { issue: 7, option: 1 },
          ],
        },
        { type: 'RESPOND', party: 'us', accept: false, cite: 0 },
        ...p.moves,
      ];
      const decoded = decodeResult(encodeResult({ ...p, moves }));
      expect(decoded.ok ? decoded.value.moves.slice(0, 3) : null).toEqual(moves.slice(0, 3));
    });

    test('an unfinished game', () => {
      const p = payload();
      const result = verifyResult(encodeResult({ ...p, moves: p.moves.slice(0, -1) }), catalog());
      expect(result.ok ? null : result.error.code).toBe('code/unfinished');
    });
  });

  test.each([
    ['', 'code/empty'],
    ['   \n ', 'code/empty'],
    ['x'.repeat(MAX_CODE_LENGTH + 1), 'code/too-long'],
    ['hello', 'code/malformed'],
    ['<script>alert(1)</script>', 'code/malformed'],
    ['1.abc.def.ghi', 'code/malformed'],
    ['1..0000000', 'code/malformed'],
    ['1', 'code/truncated'],
    ['1.', 'code/truncated'],
    ['1.abc.12', 'code/truncated'],
    ['9.abc.1234567', 'code/version'],
    ['1.abc.1234567', 'code/checksum'],
  ])('decodeResult(%j) is refused with %s', (input, expected) => {
    const result = decodeResult(input);
    expect(result.ok ? null : result.error.code).toBe(expected);
  });

  test('a valid checksum over content that is not a game is refused as malformed', () => {
    const valid = encodeResult({
      version: GAME_VERSION,
      level: MAIN,
      levelHash: levelHash(main()),
      seed: 'BCDF',
      seats: seatsFor([]),
      difficulty: 'easy',
      moves: [],
    });
    const [version, , check] = valid.split('.');
    expect(check).toHaveLength(7);
    expect(decodeResult(`${version}.AAAA.${check}`).ok).toBe(false);
  });

  test('names are kept as plain text, cleaned and capped at 40 characters', () => {
    const game = longestGame(mini(), []);
    const name = '  Ada\u0000 |Lovelace\u202e <b>x</b> ' + 'z'.repeat(60);
    const decoded = decodeResult(resultCodeFor(mini(), game, name));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.name).toBe('Ada |Lovelace <b>x</b> zzzzzzzzzzzzzzzzz');
    expect([...decoded.value.name!].length).toBeLessThanOrEqual(40);
  });

  test('a full main-level game with every seat played by people fits well under 1,000 characters', () => {
    const game = longestGame(main(), PARTIES);
    expect(game.round).toBe(main().spec.deadline);
    const code = resultCodeFor(main(), game, 'A student with a long name, forty chars');
    expect(code.length).toBeLessThan(1000);
    expect(verifyResult(code, catalog()).ok).toBe(true);
  });

  test.each(
    levelFiles()
      .filter((file) => loadLevelFile(file).ok)
      .map((file) => [file.slice(LEVELS_DIR.length + 1), file]),
  )('the longest game on %s has a code under the length cap', (_name, file) => {
    const level = loadOrThrow(file);
    const code = resultCodeFor(level, longestGame(level, PARTIES));
    expect(code.length).toBeLessThan(MAX_CODE_LENGTH / 2);
  });
});

describe('daily seeds', () => {
  test('the same date always gives the same valid seed', () => {
    const date = { year: 2025, month: 6, day: 1 };
    const seed = dailySeed(date);
    expect(dailySeed({ ...date })).toBe(seed);
    expect(seed).toHaveLength(8);
    expect(parseSeed(seed)).toEqual({ ok: true, value: seed });
  });

  test('every day of a year has its own seed', () => {
    const seeds = new Set<string>();
    for (let d = 0; d < 365; d++) {
      const seed = dailySeed(utcDateOf(new Date(Date.UTC(2026, 0, 1 + d))));
      expect(parseSeed(seed).ok).toBe(true);
      seeds.add(seed);
    }
    expect(seeds.size).toBe(365);
  });

  test('the date is the UTC date, whatever the local time zone', () => {
    expect(utcDateOf(new Date('2025-03-01T23:30:00-05:00'))).toEqual({
      year: 2025,
      month: 3,
      day: 2,
    });
  });
});

describe('share cards', () => {
  const link = gameLink('https://example.org/red-lines/', {
    level: MAIN,
    seed: 'BCDF2345',
    role: 'ukraine',
    difficulty: 'normal',
    mode: 'solo',
    version: GAME_VERSION,
  });

  test.each([
    ['a game that ends in a deal or collapse', [3, 1, 4, 1, 5, 9, 2, 6]],
    ['another game', [1, 1, 1, 0, 2]],
  ])('%s: one line per round, one mark per party, and no terms', (_name, choices) => {
    const level = main();
    const { game } = playGame(
      level,
      { seed: 'BCDF2345', seats: seatsFor(['ukraine']), difficulty: 'normal' },
      chooser(choices),
    );
    const card = shareCard(level, game, link);
    const lines = card.split('\n');
    const marks = Object.values(SHARE_MARKS).join('');
    const rows = lines.filter((line) => new RegExp(`^\\d+ [${marks}]`, 'u').test(line));
    expect(rows).toHaveLength(game.history.length);
    rows.forEach((row, r) => {
      const cells = [...row.replace(/^\d+ /, '')];
      expect(cells).toHaveLength(PARTIES.length);
      const proposer = PARTIES.indexOf(game.history[r]!.proposal.proposer);
      expect(cells[proposer]).toBe(SHARE_MARKS.proposed);
    });
    expect(lines[0]).toContain(level.spec.title);
    expect(card).toContain(outcomeWord(level, game.outcome!.kind));
    expect(lines.at(-1)).toBe(link);
    for (const issue of level.issues) {
      expect(card).not.toContain(issue.name);
      for (const option of issue.options) expect(card).not.toContain(option.name);
    }
  });
});
