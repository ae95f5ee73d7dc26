// The round machine of DESIGN.md: briefing → proposal → responses → side moves → events, until
// everyone signs or the deadline passes. It only wires the pure helpers of rules.ts together.
import { assertEvent, enqueueActions, setup } from 'xstate';
import type { Level, Package } from './level/level';
import { PARTIES, type Party } from './parties';
import { computerProposal, chooseSideMove, respond } from './negotiator';
import {
  applySideMove,
  checkProposal,
  checkResponse,
  checkSideMove,
  collapseTalks,
  createInitialState,
  deadlineReached,
  endRound,
  everyoneAccepted,
  everyoneMoved,
  everyoneResponded,
  humanResponse,
  recordResponse,
  signDeal,
  startNextRound,
  tableProposal,
  type GameSetup,
} from './rules';
import type { GameState, Move, SideMove } from './state';

export interface GameContext {
  readonly level: Level;
  readonly game: GameState;
}

export type GameInput = { readonly level: Level; readonly setup: GameSetup };

export type GameEvent =
  | { type: 'START' }
  | { type: 'PROPOSE'; party: Party; package: Package }
  | { type: 'RESPOND'; party: Party; accept: boolean }
  | { type: 'SIDE_MOVE'; party: Party; move: SideMove };

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
  | { type: 'round'; round: number };

const isComputer = (game: GameState, party: Party) => game.seats[party] === 'computer';
const moveOf = (event: GameEvent): Move | null =>
  event.type === 'START' ? null : structuredCopy(event);
const structuredCopy = (event: Exclude<GameEvent, { type: 'START' }>): Move =>
  event.type === 'PROPOSE'
    ? { type: 'PROPOSE', party: event.party, package: [...event.package] }
    : event.type === 'RESPOND'
      ? { type: 'RESPOND', party: event.party, accept: event.accept }
      : { type: 'SIDE_MOVE', party: event.party, move: event.move };

export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    input: {} as GameInput,
    events: {} as GameEvent,
    emitted: {} as GameEmitted,
  },
  guards: {
    'proposer is a computer': ({ context }) => isComputer(context.game, context.game.proposer),
    'proposal is allowed': ({ context, event }) => {
      assertEvent(event, 'PROPOSE');
      return (
        !isComputer(context.game, event.party) &&
        checkProposal(context.level, context.game, event.party, event.package).ok
      );
    },
    'response is awaited': ({ context, event }) => {
      assertEvent(event, 'RESPOND');
      return (
        PARTIES.includes(event.party) &&
        !isComputer(context.game, event.party) &&
        checkResponse(context.level, context.game, event.party, event.accept).ok
      );
    },
    'everyone accepted': ({ context }) => everyoneAccepted(context.game),
    'everyone responded': ({ context }) => everyoneResponded(context.game),
    'side move is allowed': ({ context, event }) => {
      assertEvent(event, 'SIDE_MOVE');
      return (
        PARTIES.includes(event.party) &&
        !isComputer(context.game, event.party) &&
        checkSideMove(context.level, context.game, event.party, event.move).ok
      );
    },
    'everyone moved': ({ context }) => everyoneMoved(context.game),
    'deadline reached': ({ context }) => deadlineReached(context.level, context.game),
  },
  actions: {
    'record move': enqueueActions(({ context, event, enqueue }) => {
      const move = moveOf(event);
      if (move) enqueue.assign({ game: { ...context.game, moves: [...context.game.moves, move] } });
    }),
    'table computer proposal': enqueueActions(({ context, enqueue }) => {
      const { level, game } = context;
      enqueue.assign({ game: tableProposal(game, computerProposal(level, game, game.proposer)) });
      enqueue.emit({ type: 'sfx', cue: 'paper' });
    }),
    'table proposal': enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'PROPOSE');
      const says = 'We put this package on the table.';
      enqueue.assign({
        game: tableProposal(context.game, {
          proposer: event.party,
          package: [...event.package],
          says,
        }),
      });
      enqueue.emit({ type: 'sfx', cue: 'paper' });
    }),
    'collect computer responses': enqueueActions(({ context, enqueue }) => {
      const { level } = context;
      let game = context.game;
      let rejected = false;
      let answered = false;
      for (const party of PARTIES) {
        if (!isComputer(game, party) || game.responses[party]) continue;
        const response = respond(level, game, party, game.table!.package);
        rejected ||= !response.accept;
        answered = true;
        game = recordResponse(level, game, party, response);
      }
      enqueue.assign({ game });
      if (answered) enqueue.emit({ type: 'sfx', cue: rejected ? 'reject' : 'accept' });
    }),
    'record response': enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'RESPOND');
      const { level, game } = context;
      const response = humanResponse(level, game, event.party, event.accept);
      enqueue.assign({ game: recordResponse(level, game, event.party, response) });
      enqueue.emit({ type: 'sfx', cue: event.accept ? 'accept' : 'reject' });
    }),
    'make computer side moves': enqueueActions(({ context, enqueue }) => {
      const { level } = context;
      let game = context.game;
      for (const party of PARTIES)
        if (isComputer(game, party))
          game = applySideMove(level, game, party, chooseSideMove(level, game, party));
      enqueue.assign({ game });
    }),
    'apply side move': enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'SIDE_MOVE');
      enqueue.assign({ game: applySideMove(context.level, context.game, event.party, event.move) });
    }),
    'end round': enqueueActions(({ context, enqueue }) => {
      const game = endRound(context.level, context.game);
      enqueue.assign({ game });
      const card = game.history.at(-1)?.event;
      if (card !== null && card !== undefined) {
        enqueue.emit({ type: 'news', card });
        enqueue.emit({ type: 'sfx', cue: 'news' });
      }
    }),
    'start next round': enqueueActions(({ context, enqueue }) => {
      const game = startNextRound(context.level, context.game);
      enqueue.assign({ game });
      enqueue.emit({ type: 'round', round: game.round });
      if (context.level.spec.deadline - game.round < 2) enqueue.emit({ type: 'sfx', cue: 'tick' });
    }),
    'sign deal': enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ game: signDeal(context.level, context.game) });
      enqueue.emit({ type: 'sfx', cue: 'gavel' });
      enqueue.emit({ type: 'sfx', cue: 'signing' });
    }),
    'collapse talks': enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ game: collapseTalks(context.level, context.game) });
      enqueue.emit({ type: 'sfx', cue: 'collapse' });
    }),
  },
}).createMachine({
  id: 'red-lines',
  context: ({ input }) => ({
    level: input.level,
    game: createInitialState(input.level, input.setup),
  }),
  initial: 'briefing',
  states: {
    briefing: { on: { START: 'proposal' } },
    proposal: {
      always: {
        guard: 'proposer is a computer',
        target: 'responses',
        actions: 'table computer proposal',
      },
      on: {
        PROPOSE: {
          guard: 'proposal is allowed',
          target: 'responses',
          actions: ['record move', 'table proposal'],
        },
      },
    },
    responses: {
      entry: 'collect computer responses',
      always: [
        { guard: 'everyone accepted', target: 'signed' },
        { guard: 'everyone responded', target: 'sideMoves' },
      ],
      on: {
        RESPOND: { guard: 'response is awaited', actions: ['record move', 'record response'] },
      },
    },
    sideMoves: {
      entry: 'make computer side moves',
      always: { guard: 'everyone moved', target: 'roundEnd' },
      on: {
        SIDE_MOVE: { guard: 'side move is allowed', actions: ['record move', 'apply side move'] },
      },
    },
    roundEnd: {
      entry: 'end round',
      always: [
        { guard: 'deadline reached', target: 'collapsed' },
        { target: 'proposal', actions: 'start next round' },
      ],
    },
    signed: { type: 'final', entry: 'sign deal' },
    collapsed: { type: 'final', entry: 'collapse talks' },
  },
});

export type Phase =
  'briefing' | 'proposal' | 'responses' | 'sideMoves' | 'roundEnd' | 'signed' | 'collapsed';
