// A live table: a Colyseus room that owns one game. Every move goes through the core's move API;
// the synced state is public only, and each seat gets its own seatView by client.send.
import type { Socket } from 'node:net';
import { Room, ServerError, type Client, type Delayed } from '@colyseus/core';
import { resultCodeFor } from '../src/core/codes';
import { stateHash } from '../src/core/game';
import type { Level } from '../src/core/level/level';
import {
  computerDue,
  phaseOf,
  playMove,
  replayMoves,
  settle,
  stepComputer,
  waitingFor,
  type MoveError,
} from '../src/core/moves';
import { computerProposal, respond } from '../src/core/negotiator';
import { PARTIES, byParty, type Party } from '../src/core/parties';
import { createInitialState } from '../src/core/rules';
import { seatView } from '../src/core/seatView';
import type { GameState, Move } from '../src/core/state';
import { seatUpdate, type SentToSeat } from '../src/live/seatUpdate';
import { context, sha256 } from './context';
import { clientMessageSchema, joinOptionsSchema, type TeacherAction } from './protocol';
import { SeatState, TableState } from './schema';
import type { ClassRecord, PersonRecord, TableRecord } from './store';

/** The TCP socket under a WebSocket client (ws keeps it as _socket), to batch several frames. */
const socketOf = (client: Client): Socket | undefined =>
  (client as unknown as { ref?: { _socket?: Socket } }).ref?._socket;

interface Auth {
  party: Party;
}

type Refusal = Omit<MoveError, 'code'> & { code: string };

/** A move to play, and whom to tell how it went. */
interface Played {
  move: Move;
  stored?: (index: number) => void;
  refused?: (error: Refusal) => void;
}

/**
 * Tables with moves in their inbox. The moves that one turn of the event loop read from every
 * socket are played after it, together: each table's in one store write and one round of views,
 * and (the store queues its writes to the end of the turn) every table's in one transaction.
 */
const inboxes = new Set<TableRoom>();
function drainSoon(room: TableRoom) {
  if (inboxes.size === 0)
    setImmediate(() => {
      const rooms = [...inboxes];
      inboxes.clear();
      for (const r of rooms) r.drainInbox();
    });
  inboxes.add(room);
}

export const RECONNECT_SECONDS = 600;
/** How stale the stored status (phase, round, who is connected) may be: the teacher polls every 2 s. */
export const STATUS_SAVE_MS = 1000;
/** How often the public state is patched apart from moves. */
export const PATCH_MS = 200;

export class TableRoom extends Room<TableState, unknown, unknown, Auth> {
  override maxClients = 16;
  override autoDispose = false;

  private record!: TableRecord;
  private cls!: ClassRecord;
  private level!: Level;
  private game: GameState | null = null;
  private readonly seatOf = new Map<string, Party>();
  private readonly lastId = new Map<Party, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private computerTimer: Delayed | null = null;
  private phaseTimer: Delayed | null = null;
  private phaseKey = '';

  override async onCreate(options: { tableId: string }) {
    const { store, levels } = context();
    this.roomId = options.tableId;
    const record = await store.getTable(options.tableId);
    if (!record) throw new ServerError(404, 'No such table.');
    const cls = await store.getClass(record.classCode);
    const level = levels.get(record.level);
    if (!cls || !level) throw new ServerError(404, 'This table belongs to no class or level.');
    this.record = record;
    this.cls = cls;
    this.level = level;
    this.setState(new TableState());
    // Moves patch the public state at once (sendViews); the timer only carries the rest (who is
    // connected, a waiting table's seats) and ticks the room clock, so it need not run often.
    this.patchRate = PATCH_MS;
    this.state.tableId = record.id;
    this.state.classCode = record.classCode;
    this.state.paused = cls.paused;
    for (const party of PARTIES) {
      const seat = new SeatState();
      seat.party = party;
      this.state.seats.set(party, seat);
    }
    if (record.seats) {
      // A restart: the game is its seed and its people's moves, replayed through the core.
      const moves = await store.moves(record.id);
      const setup = { seed: record.seed, seats: record.seats, difficulty: record.difficulty };
      const replayed = replayMoves(level, setup, moves);
      this.game = replayed.ok ? replayed.value : replayed.error.game;
    }
    this.onMessage('*', (client, type, message) => this.receive(client, type, message));
    this.publish();
  }

  // -------------------------------------------------------------------------------------------
  // Who sits where. The seat comes from the token alone, never from what the client says.

  override onAuth(_client: Client, options: unknown): Auth {
    const parsed = joinOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(400, 'A seat token is needed to sit at a table.');
    const hash = sha256(parsed.data.token);
    const party = PARTIES.find((p) => this.record.people[p]?.tokenHash === hash);
    if (!party) throw new ServerError(403, 'This seat link is not valid for this table.');
    return { party };
  }

  override onJoin(client: Client, _options: unknown, auth: Auth) {
    // A second device (or a reload before the first connection dropped) takes the seat over.
    for (const other of this.clients)
      if (other !== client && this.seatOf.get(other.sessionId) === auth.party) {
        this.seatOf.delete(other.sessionId);
        other.leave(4001);
      }
    this.seatOf.set(client.sessionId, auth.party);
    client.send('seat', {
      type: 'seat',
      party: auth.party,
      tableId: this.record.id,
      level: this.record.level,
      seed: this.record.seed,
      difficulty: this.record.difficulty,
      moves: this.game?.moves ?? [],
      // Seated friends may start their own table; in a class the teacher does.
      friends: this.cls.friends,
    });
    this.publish();
    if (this.cls.friends && this.everyoneHere()) this.start();
  }

  override async onLeave(client: Client, consented: boolean) {
    const party = this.seatOf.get(client.sessionId);
    if (party === undefined) return;
    this.publish();
    if (consented) {
      this.seatOf.delete(client.sessionId);
      this.publish();
      return;
    }
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
      this.publish();
    } catch {
      if (this.seatOf.get(client.sessionId) === party) this.seatOf.delete(client.sessionId);
      this.publish();
    }
  }

  private connected(party: Party): boolean {
    for (const client of this.clients)
      if (
        this.seatOf.get(client.sessionId) === party &&
        (client.state as number) !== 3 /* LEAVING */
      )
        return true;
    return false;
  }

  private everyoneHere = () =>
    this.record.humanSeats.length > 0 &&
    this.record.humanSeats.every((p) => this.record.people[p] && this.connected(p));

  // -------------------------------------------------------------------------------------------
  // Messages

  private refuse(client: Client, id: number | null, error: Refusal) {
    client.send('refused', { type: 'refused', id, ...error });
  }

  private receive(client: Client, type: string | number, message: unknown) {
    const party = this.seatOf.get(client.sessionId);
    const parsed = clientMessageSchema.safeParse(
      message !== null && typeof message === 'object' && !Array.isArray(message)
        ? { ...message, type }
        : { type, message },
    );
    if (!parsed.success || party === undefined) {
      const issue = parsed.success ? null : parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      return this.refuse(client, null, {
        code: 'message/malformed',
        message: `The server could not read this message${where}.`,
      });
    }
    const msg = parsed.data;
    if (msg.type === 'start') {
      if (!this.cls.friends)
        return this.refuse(client, null, {
          code: 'table/teacher-starts',
          message: 'The teacher starts this table.',
        });
      this.start();
      return;
    }
    this.inbox.push({ client, party, id: msg.id, move: msg.move });
    drainSoon(this);
  }

  /** Called by drainSoon once per turn of the event loop that brought this table moves. */
  drainInbox() {
    if (!this.drainQueued) {
      this.drainQueued = true;
      this.enqueue(() => this.drain());
    }
  }

  private enqueue(task: () => Promise<void> | void) {
    this.queue = this.queue
      .then(task)
      .catch((e: unknown) => console.error('table', this.roomId, e));
  }

  /** People's moves received and not yet played, in the order they came. */
  private inbox: { client: Client; party: Party; id: number; move: Move }[] = [];
  private drainQueued = false;

  /**
   * Plays every move that came in since the last store write, in order, and stores them in one
   * write. Four seats answering at once used to take four writes and four rounds of views, one
   * turn of the event loop each; now they share one.
   */
  private async drain() {
    this.drainQueued = false;
    const items = this.inbox.splice(0);
    const moves: Played[] = [];
    for (const { client, party, id, move } of items) {
      if (move.party !== party) {
        this.refuse(client, id, {
          code: 'seat/not-yours',
          message: 'You can only move for your own seat.',
        });
        continue;
      }
      if (id <= (this.lastId.get(party) ?? 0)) {
        this.refuse(client, id, {
          code: 'message/replayed',
          message: 'This message was already received; it is not played again.',
        });
        continue;
      }
      this.lastId.set(party, id);
      moves.push({
        move,
        stored: (index) => this.acks.push({ client, id, index }),
        refused: (error) => this.refuse(client, id, error),
      });
    }
    await this.play(moves);
  }

  /**
   * Plays people's moves (or stand-ins for them) in order: each checked against the game the
   * ones before it made, then all stored in one write, then broadcast. A refused move changes
   * nothing; when the store refuses the write, none of them counts.
   */
  private async play(moves: readonly Played[]) {
    if (moves.length === 0) return;
    const refuseAll = (error: Refusal) => moves.forEach((m) => m.refused?.(error));
    if (!this.game || this.state.status !== 'playing')
      return refuseAll({ code: 'table/not-started', message: 'The table has not started yet.' });
    if (this.cls.paused)
      return refuseAll({ code: 'table/paused', message: 'The teacher has paused the game.' });
    const paced = context().config.computerDelayMs > 0;
    let game = this.game;
    const accepted: { played: Played; index: number }[] = [];
    for (const m of moves) {
      const played = playMove(this.level, game, m.move);
      if (!played.ok) {
        m.refused?.(played.error);
        continue;
      }
      accepted.push({ played: m, index: played.value.moves.length - 1 });
      game = paced ? played.value : settle(this.level, played.value);
    }
    if (accepted.length === 0) return;
    const stored = await context().store.appendMoves(
      this.record.id,
      accepted[0]!.index,
      accepted.map((a) => a.played.move),
    );
    if (!stored) {
      for (const a of accepted)
        a.played.refused?.({
          code: 'table/conflict',
          message: 'Another move came first; try again.',
        });
      return;
    }
    this.game = game;
    for (const a of accepted) a.played.stored?.(a.index);
    // The moves reach every seat in its next update (sendViews), with what they changed.
    this.publish();
  }

  // -------------------------------------------------------------------------------------------
  // Starting, pacing, time limits

  start() {
    if (this.record.seats || this.cls.ended) return;
    const seats = byParty((p) =>
      this.record.humanSeats.includes(p) && this.record.people[p] ? 'human' : 'computer',
    );
    this.record.seats = seats;
    const setup = { seed: this.record.seed, seats, difficulty: this.record.difficulty };
    const initial = createInitialState(this.level, setup);
    this.game = context().config.computerDelayMs > 0 ? initial : settle(this.level, initial);
    this.publish();
  }

  /** Brings the synced state, every seat's private view and the stored status up to date. */
  private publish() {
    const game = this.game;
    const s = this.state;
    s.status =
      this.cls.ended && !game?.outcome
        ? 'ended'
        : !game
          ? 'waiting'
          : game.outcome
            ? 'over'
            : 'playing';
    s.paused = this.cls.paused;
    s.phase = game ? phaseOf(game) : '';
    s.round = game?.round ?? 0;
    s.moves = game?.moves.length ?? 0;
    s.outcome = game?.outcome?.kind ?? '';
    const waiting = game && !game.outcome ? waitingFor(game) : [];
    if (s.waitingFor.join() !== waiting.join()) {
      s.waitingFor.clear();
      for (const p of waiting) s.waitingFor.push(p);
    }
    for (const party of PARTIES) {
      const seat = s.seats.get(party)!;
      const person = this.record.people[party];
      const human = this.record.seats
        ? this.record.seats[party] === 'human'
        : this.record.humanSeats.includes(party);
      seat.occupant = !human ? 'computer' : person ? 'person' : 'empty';
      seat.name = person?.name ?? '';
      seat.connected = !human || this.connected(party);
    }
    // Views cost a few milliseconds each: changes made together share one round of them. A
    // microtask, not the next turn of the loop: the moves just stored should not wait behind
    // the next batch of messages.
    if (game && !this.viewsDue) {
      this.viewsDue = true;
      queueMicrotask(() => this.sendViews());
    }
    this.schedule();
    this.save();
  }

  private viewsDue = false;
  /** Stored moves to acknowledge, sent in the same write as the updates that show them. */
  private acks: { client: Client; id: number; index: number }[] = [];
  /** What each connection was last sent; a new or reconnected client starts from nothing. */
  private sent = new WeakMap<Client, SentToSeat>();

  /**
   * One update per seat: the moves it has not had and the parts of its view that changed. The
   * public state's patch goes out first, in the same write on each socket: a write per message
   * per client was a large part of the server's time.
   */
  private sendViews() {
    this.viewsDue = false;
    const game = this.game;
    if (!game) return;
    const sockets = this.clients.map(socketOf);
    for (const socket of sockets) socket?.cork();
    try {
      for (const { client, id, index } of this.acks.splice(0))
        client.send('ack', { type: 'ack', id, index });
      this.broadcastPatch();
      for (const client of this.clients) {
        const party = this.seatOf.get(client.sessionId);
        if (!party) continue;
        const view = seatView(this.level, game, party);
        const update = seatUpdate(this.sent.get(client) ?? null, view, game.moves);
        if (!update) continue;
        this.sent.set(client, { view, moves: game.moves.length });
        client.send('update', update);
      }
    } finally {
      for (const socket of sockets) socket?.uncork();
    }
  }

  /** What a restart needs at once: who sits where, who plays for whom, and whether it is over. */
  private savedShape = '';
  private saveTimer: Delayed | null = null;
  private disposeTimer: Delayed | null = null;
  private final: { game: GameState; resultCode: string; stateHash: string } | null = null;

  /**
   * Keeps the stored record in step. Seats and the end are written at once (a restart rebuilds
   * from them); the status the teacher page polls is written at most every STATUS_SAVE_MS, since
   * writing it after every move cost more than the move itself.
   */
  private save() {
    const game = this.game;
    const over = Boolean(game?.outcome) || this.cls.ended;
    this.record.over = over;
    const shape = JSON.stringify([
      this.record.humanSeats,
      this.record.people,
      this.record.seats,
      this.record.autopilot,
      over,
    ]);
    if (shape !== this.savedShape) {
      this.savedShape = shape;
      this.writeRecord();
    } else if (!this.saveTimer)
      this.saveTimer = this.clock.setTimeout(() => this.writeRecord(), STATUS_SAVE_MS);
    if (over && !this.autoDispose && !this.disposeTimer) {
      // Finished tables stay a while for the debrief, then go.
      this.disposeTimer = this.clock.setTimeout(() => void this.disconnect(), 15 * 60 * 1000);
    }
  }

  private writeRecord() {
    this.saveTimer?.clear();
    this.saveTimer = null;
    const game = this.game;
    // Both cost a little; a finished game needs them once, a running one not at all.
    if (game?.outcome && this.final?.game !== game)
      this.final = {
        game,
        resultCode: resultCodeFor(this.level, game),
        stateHash: stateHash(game),
      };
    const final = game?.outcome ? this.final : null;
    this.record.status = {
      phase: this.state.status === 'playing' ? this.state.phase : this.state.status,
      round: this.state.round,
      waitingFor: [...this.state.waitingFor] as Party[],
      outcome: this.state.outcome,
      connected: PARTIES.filter((p) => this.connected(p)),
      moves: this.state.moves,
      resultCode: final?.resultCode ?? '',
      stateHash: final?.stateHash ?? '',
    };
    void context()
      .store.putTable(this.record)
      .catch((e: unknown) => console.error('table', this.roomId, 'not saved', e));
  }

  override onDispose() {
    if (this.saveTimer) this.writeRecord();
  }

  private schedule() {
    const game = this.game;
    if (!game || game.outcome || this.cls.paused) {
      this.computerTimer?.clear();
      this.phaseTimer?.clear();
      this.computerTimer = this.phaseTimer = null;
      this.phaseKey = '';
      this.state.deadlineAt = 0;
      return;
    }
    const delay = context().config.computerDelayMs;
    if (computerDue(game) && !this.computerTimer) {
      this.computerTimer = this.clock.setTimeout(() => {
        this.computerTimer = null;
        if (!this.game || this.cls.paused) return;
        this.game = stepComputer(this.level, this.game);
        this.publish();
      }, delay);
      return;
    }
    if (computerDue(game)) return;
    // People: those the server plays for move at once; the others get the phase's time.
    const waiting = waitingFor(game);
    const stand = waiting.filter((p) => this.record.autopilot.includes(p));
    if (stand.length > 0) this.enqueue(() => this.standIn(stand));
    const key = `${game.round}/${phaseOf(game)}`;
    if (key === this.phaseKey) return;
    this.phaseKey = key;
    this.phaseTimer?.clear();
    this.phaseTimer = null;
    this.state.deadlineAt = 0;
    if (this.cls.phaseSeconds > 0) {
      const ms = this.cls.phaseSeconds * 1000;
      this.state.deadlineAt = Date.now() + ms;
      this.phaseTimer = this.clock.setTimeout(() => {
        this.phaseTimer = null;
        if (this.game) this.enqueue(() => this.standIn(waitingFor(this.game!), true));
      }, ms);
    }
  }

  /** Moves for seats whose person is away: the computer's proposal or answer; a pass on time. */
  private async standIn(parties: readonly Party[], timedOut = false) {
    for (const party of parties) {
      if (!this.game || this.game.outcome) return;
      const game = settle(this.level, this.game);
      if (!waitingFor(game).includes(party)) continue;
      const phase = phaseOf(game);
      const move: Move =
        phase === 'proposal'
          ? { type: 'PROPOSE', party, package: computerProposal(this.level, game, party).package }
          : phase === 'responses'
            ? {
                type: 'RESPOND',
                party,
                accept: timedOut
                  ? false
                  : respond(this.level, game, party, game.table!.package).accept,
              }
            : { type: 'SIDE_MOVE', party, move: { kind: 'pass' } };
      await this.play([{ move }]);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Called by the class service (matchMaker.remoteRoomCall), after it checked the teacher secret.

  seatPerson(name: string, tokenHash: string, wanted: Party | null): Party | null {
    if (this.record.seats || this.cls.ended) return null;
    const free = this.record.humanSeats.filter((p) => !this.record.people[p]);
    const party = wanted ? (free.includes(wanted) ? wanted : null) : (free[0] ?? null);
    if (!party) return null;
    this.record.people = { ...this.record.people, [party]: { name, tokenHash } };
    this.publish();
    return party;
  }

  takePerson(party: Party): PersonRecord | null {
    const person = this.record.people[party];
    if (this.record.seats || !person) return null;
    const rest = { ...this.record.people };
    delete rest[party];
    this.record.people = rest;
    for (const client of this.clients)
      if (this.seatOf.get(client.sessionId) === party) {
        this.seatOf.delete(client.sessionId);
        client.leave(4002);
      }
    this.publish();
    return person;
  }

  teacher(action: TeacherAction, cls: ClassRecord): boolean {
    this.cls = cls;
    switch (action.type) {
      case 'start':
      case 'startAll':
        this.start();
        break;
      case 'computer': {
        const party = action.seat.party;
        if (!this.record.seats) {
          this.takePerson(party);
          this.record.humanSeats = this.record.humanSeats.filter((p) => p !== party);
        } else if (this.record.seats[party] === 'human' && !this.record.autopilot.includes(party))
          this.record.autopilot = [...this.record.autopilot, party];
        break;
      }
      case 'pause':
      case 'resume':
      case 'end':
        break;
      default:
        return false;
    }
    this.publish();
    if (action.type === 'end') this.clock.setTimeout(() => void this.disconnect(), 5000);
    return true;
  }
}
