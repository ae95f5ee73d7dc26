// The one way to make a move. Every consumer (the app, replay, result codes, saves, balance, the
// CLIs, the live server and the tests) goes through `applyMove`; a refused move is data with a
// stable code and a plain sentence, never a silently dropped event.
import { z } from 'zod';
import type { Level } from './level/level';
import { computerProposal, chooseSideMove, respond } from './negotiator';
import { PARTIES, type Party } from './parties';
import { err, ok, type Result } from './result';
import {
  applySideMove,
  checkProposal,
  checkResponse,
  checkSideMove,
  breaksDown,
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
import { MAX_AMENDMENTS, type GameState, type Move, type SideMove } from './state';

/** Where a game stands. It is worked out from the state alone, in one place. */
export type Phase = 'proposal' | 'responses' | 'sideMoves' | 'signed' | 'collapsed';
export const FINAL_PHASES: readonly Phase[] = ['signed', 'collapsed'];

export function phaseOf(game: GameState): Phase {
  if (game.outcome) return game.outcome.deal ? 'signed' : 'collapsed';
  if (!game.table) return 'proposal';
  if (!everyoneResponded(game)) return 'responses';
  return 'sideMoves';
}

export const isOver = (game: GameState): boolean => game.outcome !== null;

/** Every seat, person or computer, whose move the game needs before it can go on. */
export function dueSeats(game: GameState): Party[] {
  switch (phaseOf(game)) {
    case 'proposal':
      return [game.proposer];
    case 'responses':
      return PARTIES.filter((p) => game.responses[p] === undefined);
    case 'sideMoves':
      return PARTIES.filter((p) => game.sideMoves[p] === undefined);
    default:
      return [];
  }
}

/** The people the game is waiting for. Computers always move first, so this is all that blocks. */
export const waitingFor = (game: GameState): Party[] =>
  dueSeats(game).filter((p) => game.seats[p] === 'human');

// ---------------------------------------------------------------------------------------------
// The move format, once: the wire and storage shape of a person's move.
// ---------------------------------------------------------------------------------------------

const partySchema = z.enum(PARTIES);
export const sideMoveSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pass') }).strict(),
  z.object({ kind: z.literal('pressure'), target: partySchema }).strict(),
  z.object({ kind: z.literal('incentive'), target: partySchema }).strict(),
  z.object({ kind: z.literal('commitment'), issue: z.number().int().min(0).max(255) }).strict(),
]);
export const moveSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('PROPOSE'),
      party: partySchema,
      package: z.array(z.number().int().min(0).max(255)).max(64),
    })
    .strict(),
  z
    .object({
      type: z.literal('RESPOND'),
      party: partySchema,
      accept: z.boolean(),
      cite: z.number().int().min(0).max(35).optional(),
      amend: z
        .array(
          z
            .object({
              issue: z.number().int().min(0).max(35),
              option: z.number().int().min(0).max(35),
            })
            .strict(),
        )
        .min(1)
        .max(MAX_AMENDMENTS)
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('SIDE_MOVE'), party: partySchema, move: sideMoveSchema }).strict(),
]);

/** Reads a move from outside (a save, a message, a test fixture) into a move or a refusal. */
export function parseMove(value: unknown): Result<Move, MoveError> {
  const parsed = moveSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data as Move);
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return err({
    code: 'move/malformed',
    message: `This is not a move${where}: ${issue?.message ?? 'unreadable'}.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Refusals.
// ---------------------------------------------------------------------------------------------

export type MoveErrorCode =
  | 'move/malformed'
  | 'move/game-over'
  | 'move/computer-seat'
  | 'move/not-your-turn'
  | 'proposal/invalid-package'
  | 'proposal/violates-red-line'
  | 'response/violates-red-line'
  | 'response/bad-cite'
  | 'response/bad-amendment'
  | 'side-move/not-allowed'
  | 'side-move/already-moved'
  | 'side-move/bad-target'
  | 'side-move/lever-used'
  | 'side-move/bad-issue';

export interface MoveError {
  readonly code: MoveErrorCode;
  /** One plain sentence a person can act on. */
  readonly message: string;
  /** The red line behind the refusal, when there is one. */
  readonly redLine?: string;
}

const refuse = (code: MoveErrorCode, message: string, redLine?: string): MoveError =>
  redLine === undefined ? { code, message } : { code, message, redLine };

const nameOf = (level: Level, party: Party) => level.parties[party].spec.name;

const PHASE_OF_MOVE: Record<Move['type'], Phase> = {
  PROPOSE: 'proposal',
  RESPOND: 'responses',
  SIDE_MOVE: 'sideMoves',
};

const WHAT_IS_DUE: Record<Phase, string> = {
  proposal: 'a proposal',
  responses: 'answers to the package on the table',
  sideMoves: 'side moves',
  signed: 'nothing: the deal is signed',
  collapsed: 'nothing: the talks are over',
};

/**
 * Whether `move` may be made now, by its seat, on a game whose due computer moves have been made.
 * Built from the rules' own checks, so a refusal here is the rule that forbids it.
 */
export function checkMove(level: Level, game: GameState, move: Move): Result<Move, MoveError> {
  const phase = phaseOf(game);
  if (isOver(game)) return err(refuse('move/game-over', 'The game is over; no more moves.'));
  const party = move.party;
  if (!PARTIES.includes(party)) return err(refuse('move/malformed', 'No such delegation.'));
  if (game.seats[party] !== 'human')
    return err(
      refuse('move/computer-seat', `${nameOf(level, party)} is played by the computer here.`),
    );
  if (PHASE_OF_MOVE[move.type] !== phase || !dueSeats(game).includes(party)) {
    const who =
      phase === 'proposal' ? ` It is ${nameOf(level, game.proposer)}'s turn to propose.` : '';
    return err(
      refuse(
        'move/not-your-turn',
        `No such move is due from ${nameOf(level, party)} now; the table waits for ${WHAT_IS_DUE[phase]}.${who}`,
      ),
    );
  }
  switch (move.type) {
    case 'PROPOSE': {
      const checked = checkProposal(level, game, party, move.package);
      if (checked.ok) return ok(move);
      const e = checked.error;
      if (e.code === 'proposal/violates-red-line')
        return err(refuse(e.code, sentence(e.message), e.redLine));
      return err(refuse('proposal/invalid-package', sentence(e.message)));
    }
    case 'RESPOND': {
      const checked = checkResponse(level, game, party, move.accept, move.cite, move.amend);
      if (checked.ok) return ok(move);
      const code =
        checked.error.code === 'response/not-awaited' ? 'move/not-your-turn' : checked.error.code;
      return err(refuse(code, sentence(checked.error.message)));
    }
    case 'SIDE_MOVE': {
      const checked = checkSideMove(level, game, party, move.move);
      if (checked.ok) return ok(move);
      return err(refuse(checked.error.code, sentence(checked.error.message)));
    }
  }
}

const sentence = (text: string): string => {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
};

// ---------------------------------------------------------------------------------------------
// Playing moves. People's moves are recorded; computers' are not, because replaying the people's
// moves from the seed makes the computers decide the same again.
// ---------------------------------------------------------------------------------------------

/** What a move does once it is allowed, and what follows on from it by the rules. */
function play(level: Level, game: GameState, move: Move, byComputer: boolean): GameState {
  let next = byComputer ? game : { ...game, moves: [...game.moves, copyMove(move)] };
  switch (move.type) {
    case 'PROPOSE': {
      const proposal = byComputer
        ? computerProposal(level, next, move.party)
        : {
            proposer: move.party,
            package: [...move.package],
            says: 'We put this package on the table.',
          };
      return tableProposal(next, proposal);
    }
    case 'RESPOND': {
      const response = byComputer
        ? respond(level, next, move.party, next.table!.package)
        : humanResponse(level, next, move.party, move.accept, move.cite, move.amend);
      next = recordResponse(level, next, move.party, response);
      if (!everyoneResponded(next)) return next;
      return everyoneAccepted(next) ? signDeal(level, next) : next;
    }
    case 'SIDE_MOVE': {
      next = applySideMove(level, next, move.party, move.move);
      if (!everyoneMoved(next)) return next;
      next = endRound(level, next);
      if (deadlineReached(level, next)) return collapseTalks(level, next);
      return breaksDown(level, next)
        ? collapseTalks(level, next, true)
        : startNextRound(level, next);
    }
  }
}

const copyMove = (move: Move): Move =>
  move.type === 'PROPOSE'
    ? { type: 'PROPOSE', party: move.party, package: [...move.package] }
    : move.type === 'RESPOND'
      ? {
          type: 'RESPOND',
          party: move.party,
          accept: move.accept,
          ...(move.cite !== undefined ? { cite: move.cite } : {}),
          ...(move.amend !== undefined ? { amend: move.amend.map((a) => ({ ...a })) } : {}),
        }
      : { type: 'SIDE_MOVE', party: move.party, move: { ...move.move } };

/** The next computer seat due to move, or null when only people (or nobody) are due. */
export const computerDue = (game: GameState): Party | null =>
  dueSeats(game).find((p) => game.seats[p] === 'computer') ?? null;

/** What the computer at the next due seat does, as a move like a person's. */
export function computerMove(level: Level, game: GameState): Move | null {
  const party = computerDue(game);
  if (party === null) return null;
  switch (phaseOf(game)) {
    case 'proposal':
      return {
        type: 'PROPOSE',
        party,
        package: computerProposal(level, game, party).package,
      };
    case 'responses':
      return {
        type: 'RESPOND',
        party,
        accept: respond(level, game, party, game.table!.package).accept,
      };
    default:
      return { type: 'SIDE_MOVE', party, move: chooseSideMove(level, game, party) };
  }
}

/** Makes one due computer move, if any. */
export function stepComputer(level: Level, game: GameState): GameState {
  const move = computerMove(level, game);
  return move ? play(level, game, move, true) : game;
}

/** Makes every computer move that is due, until a person must act or the game ends. */
export function settle(level: Level, game: GameState): GameState {
  let next = game;
  for (let move = computerMove(level, next); move; move = computerMove(level, next))
    next = play(level, next, move, true);
  return next;
}

/**
 * A person's move on a game that may still have computer moves due: those come first (computers
 * always answer before people in the record), then the person's move. Computer moves that follow
 * are left due, so a paced table can show them one at a time.
 */
export function playMove(level: Level, game: GameState, move: Move): Result<GameState, MoveError> {
  const settled = settle(level, game);
  const checked = checkMove(level, settled, move);
  if (!checked.ok) return checked;
  return ok(play(level, settled, move, false));
}

/** The move API: applies a person's move and every computer move that follows. */
export function applyMove(level: Level, game: GameState, move: Move): Result<GameState, MoveError> {
  const played = playMove(level, game, move);
  return played.ok ? ok(settle(level, played.value)) : played;
}

/** A new game with the computers' opening moves made. */
export const newGame = (level: Level, setup: GameSetup): GameState =>
  settle(level, createInitialState(level, setup));

export interface ReplayError extends MoveError {
  /** Index of the refused move in the list. */
  readonly index: number;
  /** The game just before the refused move. */
  readonly game: GameState;
}

/** Replays people's moves from the seed. The first refused move stops it, with its reason. */
export function replayMoves(
  level: Level,
  setup: GameSetup,
  moves: readonly Move[],
): Result<GameState, ReplayError> {
  let game = newGame(level, setup);
  for (let index = 0; index < moves.length; index++) {
    const next = applyMove(level, game, moves[index]!);
    if (!next.ok) return err({ ...next.error, index, game });
    game = next.value;
  }
  return ok(game);
}

/** A game with every seat played by the computer. */
export const playComputerGame = (level: Level, setup: Omit<GameSetup, 'seats'>): GameState =>
  newGame(level, {
    ...setup,
    seats: { us: 'computer', europe: 'computer', russia: 'computer', ukraine: 'computer' },
  });

/** The side moves a seat may make now, each one legal; empty when none is due. */
export function legalSideMoves(level: Level, game: GameState, party: Party): SideMove[] {
  if (phaseOf(game) !== 'sideMoves' || game.sideMoves[party] !== undefined) return [];
  const candidates: SideMove[] = [{ kind: 'pass' }];
  for (const target of PARTIES) {
    if (target === party) continue;
    candidates.push({ kind: 'pressure', target }, { kind: 'incentive', target });
  }
  level.issues.forEach((_, issue) => candidates.push({ kind: 'commitment', issue }));
  return candidates.filter((m) => checkSideMove(level, game, party, m).ok);
}
