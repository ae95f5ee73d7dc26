// Shared helpers for the rules-core tests: loading levels, building small in-test levels, and
// playing games with moves picked from a list of choices (so fast-check can generate them).
import { readFileSync } from 'node:fs';
import { createGame, phaseOf, waitingFor, type GameSnapshot } from '../../src/core/game';
import { packageAt, type Level } from '../../src/core/level/level';
import { formatLevelError, validateLevel } from '../../src/core/level/parse';
import type { LevelSpec } from '../../src/core/level/schema';
import type { Phase } from '../../src/core/machine';
import { PARTIES, type Party } from '../../src/core/parties';
import { checkProposal, checkResponse, checkSideMove, type GameSetup } from '../../src/core/rules';
import type { Move, SideMove } from '../../src/core/state';
import { loadLevelFile } from '../../src/node/levels';

export const MINI_PATH = 'test/fixtures/levels/mini.json';

/** Loads a level file, failing the test with the formatted errors when it does not parse. */
export function loadOrThrow(file: string): Level {
  const result = loadLevelFile(file);
  if (!result.ok) throw new Error(result.error.map(formatLevelError).join('\n'));
  return result.value;
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
  'briefing',
  'proposal',
  'responses',
  'sideMoves',
  'signed',
  'collapsed',
];
export const FINAL_PHASES: readonly Phase[] = ['signed', 'collapsed'];

export const isFinal = (snapshot: GameSnapshot): boolean =>
  FINAL_PHASES.includes(phaseOf(snapshot));

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
  snapshot: GameSnapshot,
  party: Party,
  choose: (bound: number) => number,
): Move {
  const { game } = snapshot.context;
  switch (phaseOf(snapshot)) {
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
      throw new Error(`no move in phase ${phaseOf(snapshot)}`);
  }
}

export interface PlayedGame {
  readonly snapshot: GameSnapshot;
  readonly moves: readonly Move[];
  /** Every snapshot the game rested in, oldest first. */
  readonly trail: readonly GameSnapshot[];
}

/**
 * Plays a game on a real actor: whenever the machine waits, one of the seats it waits for makes a
 * legal move picked by `choose`. Fails if a move is refused or the game does not end in time.
 */
export function playGame(
  level: Level,
  setup: GameSetup,
  choose: (bound: number) => number,
  maxMoves = 400,
): PlayedGame {
  const actor = createGame(level, setup);
  actor.start();
  actor.send({ type: 'START' });
  const moves: Move[] = [];
  const trail: GameSnapshot[] = [actor.getSnapshot()];
  while (!isFinal(actor.getSnapshot())) {
    const snapshot = actor.getSnapshot();
    const waiting = waitingFor(snapshot);
    if (waiting.length === 0)
      throw new Error(`the game waits for nobody in phase ${phaseOf(snapshot)}`);
    if (moves.length >= maxMoves) throw new Error(`no end after ${maxMoves} moves`);
    const move = pickMove(level, snapshot, waiting[choose(waiting.length)]!, choose);
    actor.send(move);
    if (actor.getSnapshot().context.game.moves.length !== moves.length + 1)
      throw new Error(`a legal move was not taken: ${JSON.stringify(move)}`);
    moves.push(move);
    trail.push(actor.getSnapshot());
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { snapshot, moves, trail };
}
