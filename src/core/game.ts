// Running games outside a UI: the simulator, replays and tests share these.
import { createActor, type SnapshotFrom } from 'xstate';
import { canonicalJson, hashText } from './hash';
import type { Level } from './level/level';
import { gameMachine, type Phase } from './machine';
import { PARTIES, type Party } from './parties';
import type { GameSetup } from './rules';
import type { GameState, Move } from './state';

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;

/** A hash of everything that decides the game from here on. */
export const stateHash = (game: GameState): string => hashText(canonicalJson(game));

export const phaseOf = (snapshot: GameSnapshot): Phase => snapshot.value;

export const createGame = (level: Level, setup: GameSetup) =>
  createActor(gameMachine, { input: { level, setup } });

/** The human seats that must act before the machine can move on. */
export function waitingFor(snapshot: GameSnapshot): Party[] {
  const { game } = snapshot.context;
  const human = (p: Party) => game.seats[p] === 'human';
  switch (phaseOf(snapshot)) {
    case 'briefing':
      return PARTIES.filter(human);
    case 'proposal':
      return [game.proposer];
    case 'responses':
      return PARTIES.filter((p) => human(p) && !game.responses[p]);
    case 'sideMoves':
      return PARTIES.filter((p) => human(p) && !game.sideMoves[p]);
    default:
      return [];
  }
}

/** Plays a game from its setup and the moves people made; returns the final snapshot. */
export function replayGame(level: Level, setup: GameSetup, moves: readonly Move[]): GameSnapshot {
  const actor = createGame(level, setup);
  actor.start();
  actor.send({ type: 'START' });
  for (const move of moves) actor.send(move);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

/** A game with every seat played by the computer. */
export function playComputerGame(level: Level, setup: Omit<GameSetup, 'seats'>): GameSnapshot {
  return replayGame(
    level,
    {
      ...setup,
      seats: { us: 'computer', europe: 'computer', russia: 'computer', ukraine: 'computer' },
    },
    [],
  );
}
