// The app machine: which screen shows, and the game actor it spawns. Screens are states:
// menu → briefing → play ⇄ handover → debrief, and the replay viewer. The rules stay in the core;
// this machine only decides what the device shows and to whom.
import { assertEvent, assign, enqueueActions, setup, type ActorRefFrom } from 'xstate';
import type { VerifiedResult } from '../core/codes';
import type { Level } from '../core/level/level';
import { createGameMachine, type GameMachine } from '../core/machine';
import type { GameParams } from '../core/params';
import type { Party } from '../core/parties';
import { createInitialState, seatsFor } from '../core/rules';
import type { GameState } from '../core/state';
import { needsHandover, seatToShow } from './seats';

export type GameRef = ActorRefFrom<GameMachine>;

export interface ReplayData {
  readonly result: VerifiedResult;
  /** The game at the end of each round. */
  readonly rounds: readonly GameState[];
  readonly shown: number;
}

/** A start whose params carry the seed the game uses. */
export type StartParams = GameParams & { readonly seed: string };

export interface AppContext {
  readonly levels: ReadonlyMap<string, Level>;
  /** Milliseconds per computer move. */
  readonly pace: number;
  readonly params: GameParams;
  readonly level: Level | null;
  readonly game: GameRef | null;
  /** The seat whose screen shows; null while the device waits to be handed over. */
  readonly onScreen: Party | null;
  readonly replay: ReplayData | null;
}

export interface AppInput {
  readonly levels: ReadonlyMap<string, Level>;
  readonly params: GameParams;
  readonly pace: number;
}

export type AppEvent =
  | {
      readonly type: 'START';
      readonly params: StartParams;
      /** A game to go on from (a resumed save, a fork from the replay viewer). */
      readonly game?: GameState;
    }
  | { readonly type: 'BEGIN' }
  | { readonly type: 'READY' }
  | { readonly type: 'GAME_CHANGED' }
  | { readonly type: 'MENU' }
  | { readonly type: 'OPEN_REPLAY'; readonly replay: ReplayData }
  | { readonly type: 'SHOW_ROUND'; readonly index: number };

export const gameOf = (context: AppContext): GameState | null =>
  context.game?.getSnapshot().context.game ?? null;

export const appMachine = setup({
  types: {
    context: {} as AppContext,
    input: {} as AppInput,
    events: {} as AppEvent,
  },
  guards: {
    'the game is over': ({ context }) => gameOf(context)?.outcome != null,
    'it goes on from a saved position': ({ event }) =>
      event.type === 'START' && event.game !== undefined,
    'another person is due': ({ context }) => {
      const game = gameOf(context);
      return game !== null && needsHandover(game, context.params.humans, context.onScreen);
    },
  },
  actions: {
    'stop the game': enqueueActions(({ context, enqueue }) => {
      if (context.game) enqueue.stopChild(context.game);
      enqueue.assign({ game: null, onScreen: null });
    }),
    'start the game': assign(({ context, event, spawn }) => {
      assertEvent(event, 'START');
      const params = event.params;
      const level = context.levels.get(params.level)!;
      const setupOf = {
        seed: params.seed,
        difficulty: params.difficulty,
        seats: seatsFor(params.humans),
      };
      const game = spawn(createGameMachine(level), {
        input: {
          game: event.game ?? createInitialState(level, setupOf),
          computerDelay: context.pace,
        },
      });
      return {
        params,
        level,
        game,
        replay: null,
        onScreen: params.mode === 'hotseat' ? null : params.role,
      };
    }),
    'hand the screen over': assign(({ context }) => {
      const game = gameOf(context);
      return {
        onScreen: game ? seatToShow(game, context.params.humans, context.onScreen) : null,
      };
    }),
    'open the replay': assign(({ context, event }) => {
      assertEvent(event, 'OPEN_REPLAY');
      const { result } = event.replay;
      return {
        replay: event.replay,
        level: result.level,
        params: { ...context.params, level: result.level.id, seed: result.payload.seed },
      };
    }),
    'show a round': assign(({ context, event }) => {
      assertEvent(event, 'SHOW_ROUND');
      const replay = context.replay;
      if (!replay) return {};
      const shown = Math.max(0, Math.min(replay.rounds.length - 1, event.index));
      return { replay: { ...replay, shown } };
    }),
  },
}).createMachine({
  id: 'app',
  context: ({ input }) => ({
    levels: input.levels,
    pace: input.pace,
    params: input.params,
    level: null,
    game: null,
    onScreen: null,
    replay: null,
  }),
  initial: 'menu',
  on: {
    MENU: { target: '.menu', actions: 'stop the game' },
    OPEN_REPLAY: { target: '.replay', actions: ['stop the game', 'open the replay'] },
    START: [
      {
        guard: 'it goes on from a saved position',
        target: '.play',
        actions: ['stop the game', 'start the game'],
      },
      { target: '.briefing', actions: ['stop the game', 'start the game'] },
    ],
  },
  states: {
    menu: {},
    briefing: {
      on: { BEGIN: 'play' },
    },
    play: {
      always: [
        { guard: 'the game is over', target: 'debrief' },
        { guard: 'another person is due', target: 'handover' },
      ],
      on: {
        GAME_CHANGED: [
          { guard: 'the game is over', target: 'debrief' },
          { guard: 'another person is due', target: 'handover' },
        ],
      },
    },
    handover: {
      on: {
        READY: { target: 'play', actions: 'hand the screen over' },
        GAME_CHANGED: { guard: 'the game is over', target: 'debrief' },
      },
    },
    debrief: {},
    replay: {
      on: { SHOW_ROUND: { actions: 'show a round' } },
    },
  },
});

export type AppMachine = typeof appMachine;
