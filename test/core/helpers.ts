// Shared helpers for the rules-core tests: loading levels, building small in-test levels, and
// playing games with moves picked from a list of choices (so fast-check can generate them).
import { readFileSync } from 'node:fs';
import { packageAt, type Level } from '../../src/core/level/level';
import { formatLevelError, validateLevel } from '../../src/core/level/parse';
import type { LevelSpec } from '../../src/core/level/schema';
import { applyMove, newGame, phaseOf, waitingFor, type Phase } from '../../src/core/moves';
import { PARTIES, type Party } from '../../src/core/parties';
import {
  checkProposal,
  checkResponse,
  checkSideMove,
  createInitialState,
  seatsFor,
  type GameSetup,
} from '../../src/core/rules';
import { deriveSeed } from '../../src/core/seed';
import type { GameState, Move, SideMove } from '../../src/core/state';
import { loadLevelFile } from '../../src/node/levels';

export const MINI_PATH = 'test/fixtures/levels/mini.json';

/** Loads a level file, failing the test with the formatted errors when it does not parse. */
export function loadOrThrow(file: string): Level {
  const result = loadLevelFile(file);
  if (!result.ok) throw new Error(result.error.map(formatLevelError).join('\n'));
  return result.value;
}

/**
 * The first seed of a fixed series whose first chair (drawn by lot from the seed) is `party`: for
 * tests that need to know who proposes first.
 */
export function seedWithChair(level: Level, party: Party): string {
  for (let k = 0; k < 200; k++) {
    const seed = deriveSeed('BCDF', k);
    const opening = createInitialState(level, { seed, difficulty: 'normal', seats: seatsFor([]) });
    if (opening.proposer === party) return seed;
  }
  throw new Error(`no seed in the series gives ${party} the first chair of ${level.id}`);
}

let miniLevel: Level | undefined;
/** mini.json, parsed once per test file. */
export const mini = (): Level => (miniLevel ??= loadOrThrow(MINI_PATH));

/** A fresh, mutable copy of mini.json's data, to derive small in-test levels from. */
export const miniSpec = (): LevelSpec => JSON.parse(readFileSync(MINI_PATH, 'utf8')) as LevelSpec;

/** Validates and builds a level from in-test data; throws with the errors if it is refused. */
export function levelFrom(spec: unknown, file = 'in-test level'): Level {
  const result = validateLevel(spec, file);
  if (!result.ok) throw new Error(result.error.map(formatLevelError).join('\n'));
  return result.value;
}

/** Phases a game can rest in between events (the others are passed through at once). */
export const RESTING_PHASES: readonly Phase[] = [
  'proposal',
  'responses',
  'sideMoves',
  'signed',
  'collapsed',
];
export const FINAL_PHASES: readonly Phase[] = ['signed', 'collapsed'];

export const isFinal = (game: GameState): boolean => FINAL_PHASES.includes(phaseOf(game));

/** Cycles through a list of non-negative integers; an empty list always yields 0. */
export function chooser(choices: readonly number[]): (bound: number) => number {
  let k = 0;
  return (bound) => {
    const value = choices.length === 0 ? 0 : choices[k++ % choices.length]!;
    return bound <= 0 ? 0 : value % bound;
  };
}

/**
 * A legal move for `party` in the current phase. A proposal starts at a chosen package and takes
 * the first one from there that `checkProposal` allows.
 */
export function pickMove(
  level: Level,
  game: GameState,
  party: Party,
  choose: (bound: number) => number,
): Move {
  switch (phaseOf(game)) {
    case 'proposal': {
      const start = choose(level.packageCount);
      for (let k = 0; k < level.packageCount; k++) {
        const pkg = packageAt(level, (start + k) % level.packageCount);
        if (checkProposal(level, game, party, pkg).ok)
          return { type: 'PROPOSE', party, package: pkg };
      }
      throw new Error(`${party} has no package it may table`);
    }
    case 'responses': {
      // A seat may not accept what crosses its own hard red line; then it rejects.
      const accept = choose(2) === 1 && checkResponse(level, game, party, true).ok;
      return { type: 'RESPOND', party, accept };
    }
    case 'sideMoves': {
      const others = PARTIES.filter((p) => p !== party);
      const kind = choose(4);
      const wanted: SideMove =
        kind === 1
          ? { kind: 'pressure', target: others[choose(others.length)]! }
          : kind === 2
            ? { kind: 'incentive', target: others[choose(others.length)]! }
            : kind === 3
              ? { kind: 'commitment', issue: choose(level.issues.length) }
              : { kind: 'pass' };
      // A lever already used on that target this round is refused: pass instead.
      const move = checkSideMove(level, game, party, wanted).ok
        ? wanted
        : { kind: 'pass' as const };
      return { type: 'SIDE_MOVE', party, move };
    }
    default:
      throw new Error(`no move in phase ${phaseOf(game)}`);
  }
}

export interface PlayedGame {
  /** The game at its end. */
  readonly game: GameState;
  readonly moves: readonly Move[];
  /** Every state the game rested in, oldest first. */
  readonly trail: readonly GameState[];
}

/**
 * Plays a game through `applyMove`: whenever the game waits, one of the seats it waits for makes a
 * legal move picked by `choose`. Fails with the rules' reason if a move is refused, or if the game
 * does not end in time.
 */
export function playGame(
  level: Level,
  setup: GameSetup,
  choose: (bound: number) => number,
  maxMoves = 400,
): PlayedGame {
  let game = newGame(level, setup);
  const moves: Move[] = [];
  const trail: GameState[] = [game];
  while (!isFinal(game)) {
    const waiting = waitingFor(game);
    if (waiting.length === 0)
      throw new Error(`the game waits for nobody in phase ${phaseOf(game)}`);
    if (moves.length >= maxMoves) throw new Error(`no end after ${maxMoves} moves`);
    const move = pickMove(level, game, waiting[choose(waiting.length)]!, choose);
    const next = applyMove(level, game, move);
    if (!next.ok) throw new Error(`a legal move was refused: ${next.error.message}`);
    game = next.value;
    moves.push(move);
    trail.push(game);
  }
  return { game, moves, trail };
}
