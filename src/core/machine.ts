// The game actor: it holds one game, takes people's moves, paces the computers' moves, and emits
// what happened for sound and animation. The rules themselves live in moves.ts and rules.ts; the
// machine only wires them. Its context is plain data, so a snapshot round-trips through JSON.
import { assertEvent, enqueueActions, setup } from 'xstate';
import type { Level } from './level/level';
import {
  checkMove,
  computerDue,
  computerMove,
  isOver,
  playMove,
  stepComputer,
  type MoveError,
} from './moves';
import type { Party } from './parties';
import type { GameState, Move } from './state';

export interface GameContext {
  readonly game: GameState;
  /** Milliseconds before each computer move; 0 makes them all at once (tests, replays, the CLI). */
  readonly computerDelay: number;
}

export interface GameInput {
  readonly game: GameState;
  readonly computerDelay?: number;
}

/** People's moves are the machine's events. */
export type GameEvent = Move;

export const SOUND_CUES = [
  'paper',
  'accept',
  'reject',
  'news',
  'tick',
  'gavel',
  'signing',
  'collapse',
] as const;
export type SoundCue = (typeof SOUND_CUES)[number];

export type GameEmitted =
  | { type: 'sfx'; cue: SoundCue }
  | { type: 'news'; card: number }
  | { type: 'round'; round: number }
  | { type: 'moved'; party: Party; byComputer: boolean }
  | { type: 'refused'; move: Move; error: MoveError };

/** What one move (and what follows from it) means for the senses, as emitted events. */
export function effectsOf(
  level: Level,
  before: GameState,
  after: GameState,
  move: Move,
  byComputer: boolean,
): GameEmitted[] {
  const out: GameEmitted[] = [{ type: 'moved', party: move.party, byComputer }];
  if (move.type === 'PROPOSE') out.push({ type: 'sfx', cue: 'paper' });
  if (move.type === 'RESPOND') out.push({ type: 'sfx', cue: move.accept ? 'accept' : 'reject' });
  if (after.history.length > before.history.length && !after.outcome?.deal) {
    const card = after.history.at(-1)?.event;
    if (card !== null && card !== undefined) {
      out.push({ type: 'news', card });
      out.push({ type: 'sfx', cue: 'news' });
    }
  }
  if (after.round > before.round) {
    out.push({ type: 'round', round: after.round });
    if (level.spec.deadline - after.round < 2) out.push({ type: 'sfx', cue: 'tick' });
  }
  if (after.outcome && !before.outcome) {
    if (after.outcome.deal)
      out.push({ type: 'sfx', cue: 'gavel' }, { type: 'sfx', cue: 'signing' });
    else out.push({ type: 'sfx', cue: 'collapse' });
  }
  return out;
}

const machines = new WeakMap<Level, ReturnType<typeof buildGameMachine>>();

/** The game machine for one level (the level is fixed data, kept out of the snapshot). */
export function createGameMachine(level: Level) {
  let machine = machines.get(level);
  if (!machine) machines.set(level, (machine = buildGameMachine(level)));
  return machine;
}

export type GameMachine = ReturnType<typeof createGameMachine>;

function buildGameMachine(level: Level) {
  /** Computer moves, one after another, each with its emitted effects. */
  const computerSteps = (game: GameState, all: boolean) => {
    const effects: GameEmitted[] = [];
    let next = game;
    for (
      let move = computerMove(level, next);
      move;
      move = all ? computerMove(level, next) : null
    ) {
      const after = stepComputer(level, next);
      effects.push(...effectsOf(level, next, after, move, true));
      next = after;
    }
    return { game: next, effects };
  };

  return setup({
    types: {
      context: {} as GameContext,
      input: {} as GameInput,
      events: {} as GameEvent,
      emitted: {} as GameEmitted,
    },
    guards: {
      'the game is over': ({ context }) => isOver(context.game),
      'a computer is due': ({ context }) => computerDue(context.game) !== null,
      'no computer is due': ({ context }) => computerDue(context.game) === null,
      'computers are paced': ({ context }) => context.computerDelay > 0,
    },
    delays: {
      computerDelay: ({ context }) => context.computerDelay,
    },
    actions: {
      'make every due computer move': enqueueActions(({ context, enqueue }) => {
        const { game, effects } = computerSteps(context.game, true);
        enqueue.assign({ game });
        for (const e of effects) enqueue.emit(e);
      }),
      'make one computer move': enqueueActions(({ context, enqueue }) => {
        const { game, effects } = computerSteps(context.game, false);
        enqueue.assign({ game });
        for (const e of effects) enqueue.emit(e);
      }),
      'apply the move or refuse it': enqueueActions(({ context, event, enqueue }) => {
        assertEvent(event, ['PROPOSE', 'RESPOND', 'SIDE_MOVE']);
        // Computers due before this move answer first, as they do in every replay.
        const flushed = computerSteps(context.game, true);
        const checked = checkMove(level, flushed.game, event);
        for (const e of flushed.effects) enqueue.emit(e);
        if (!checked.ok) {
          enqueue.assign({ game: flushed.game });
          enqueue.emit({ type: 'refused', move: event, error: checked.error });
          return;
        }
        const played = playMove(level, flushed.game, event);
        if (!played.ok) return; // unreachable: checked above
        let game = played.value;
        for (const e of effectsOf(level, flushed.game, game, event, false)) enqueue.emit(e);
        if (context.computerDelay <= 0) {
          const rest = computerSteps(game, true);
          game = rest.game;
          for (const e of rest.effects) enqueue.emit(e);
        }
        enqueue.assign({ game });
      }),
    },
  }).createMachine({
    id: 'red-lines',
    context: ({ input }) => ({ game: input.game, computerDelay: input.computerDelay ?? 0 }),
    initial: 'playing',
    states: {
      playing: {
        initial: 'routing',
        always: { guard: 'the game is over', target: 'over' },
        on: {
          PROPOSE: { target: '.routing', actions: 'apply the move or refuse it' },
          RESPOND: { target: '.routing', actions: 'apply the move or refuse it' },
          SIDE_MOVE: { target: '.routing', actions: 'apply the move or refuse it' },
        },
        states: {
          routing: {
            always: [{ guard: 'a computer is due', target: 'thinking' }, { target: 'waiting' }],
          },
          thinking: {
            entry: enqueueActions(({ check, enqueue }) => {
              // Unpaced (delay 0): every computer answers at once, in the same step.
              if (!check('computers are paced')) enqueue('make every due computer move');
            }),
            always: { guard: 'no computer is due', target: 'waiting' },
            after: {
              computerDelay: {
                target: 'thinking',
                reenter: true,
                actions: 'make one computer move',
              },
            },
          },
          waiting: {},
        },
      },
      // Not final: a move sent after the end is still answered with its reason.
      over: {
        on: {
          PROPOSE: { actions: 'apply the move or refuse it' },
          RESPOND: { actions: 'apply the move or refuse it' },
          SIDE_MOVE: { actions: 'apply the move or refuse it' },
        },
      },
    },
  });
}
