// Running games as actors (the app, the live server) and hashing them. Pure games without an actor
// (the simulator, replays, balance, tests) use moves.ts directly.
import { createActor, type SnapshotFrom } from 'xstate';
import { canonicalJson, hashText } from './hash';
import type { Level } from './level/level';
import { createGameMachine, type GameMachine } from './machine';
import { createInitialState, type GameSetup } from './rules';
import type { GameState } from './state';

export type GameSnapshot = SnapshotFrom<GameMachine>;

/** A hash of everything that decides the game from here on. */
export const stateHash = (game: GameState): string => hashText(canonicalJson(game));

export interface ActorOptions {
  /** Milliseconds between computer moves, so a table can show them one at a time; 0 by default. */
  readonly computerDelay?: number;
  /** A game to continue, e.g. from a replay; a new game from `setup` otherwise. */
  readonly game?: GameState;
}

/**
 * A game actor. A new game starts before the computers' opening moves, so that the actor makes
 * them (and emits their cues) once started, paced or at once.
 */
export const createGame = (level: Level, setup: GameSetup, options: ActorOptions = {}) =>
  createActor(createGameMachine(level), {
    input: {
      game: options.game ?? createInitialState(level, setup),
      computerDelay: options.computerDelay ?? 0,
    },
  });

/** A game actor restored from a persisted snapshot (`actor.getPersistedSnapshot()` via JSON). */
export const restoreGame = (level: Level, snapshot: GameSnapshot) =>
  createActor(createGameMachine(level), { snapshot, input: snapshot.context });
