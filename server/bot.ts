// A bot player over a real WebSocket, for the bench and the tests: it joins a class like a
// student, keeps its own copy of the game from the public moves, and plays its seat the way the
// computer would. It survives a server restart by joining its seat again with its token.
import { Client, type Room } from 'colyseus.js';
import type { Level } from '../src/core/level/level';
import { applyMove, replayMoves, waitingFor } from '../src/core/moves';
import { chooseSideMove, computerProposal, respond } from '../src/core/negotiator';
import { PARTIES, byParty, type Party } from '../src/core/parties';
import type { SeatView } from '../src/core/seatView';
import { applySeatMoves, applySeatUpdate, type SeatUpdate } from '../src/live/seatUpdate';
import type { Difficulty } from '../src/core/parties';
import type { GameState, Move } from '../src/core/state';
import { stateHash } from '../src/core/game';

export interface BotResult {
  party: Party;
  tableId: string;
  acked: { index: number; move: Move }[];
  /** Per acknowledged move: send → ack, in ms. */
  latencies: number[];
  /** Per acknowledged move: send → the first update that shows it to this seat, in ms. */
  shown: number[];
  /** performance.now() at each send, in the order of `latencies`. */
  sentAt: number[];
  errors: string[];
  finalHash: string;
  moves: Move[];
}

export async function postJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const data = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new Error(`${res.status} ${data.message ?? ''}`);
  return data;
}

// The bench runs 160 bots in one process, and the bots of a table replay the same moves: they
// share those replays (and the final hash) so the bench measures the server, not its own copies.
// Each step is still the core's applyMove on the moves this bot received.
const sharedReplays = new Map<string, GameState>();
const sharedSteps = new WeakMap<GameState, Map<string, GameState>>();
const sharedHashes = new WeakMap<GameState, string>();

function nextState(level: Level, game: GameState, move: Move): GameState | null {
  const key = JSON.stringify(move);
  let steps = sharedSteps.get(game);
  const known = steps?.get(key);
  if (known) return known;
  const next = applyMove(level, game, move);
  if (!next.ok) return null;
  if (!steps) sharedSteps.set(game, (steps = new Map<string, GameState>()));
  steps.set(key, next.value);
  return next.value;
}

function hashOf(game: GameState): string {
  let hash = sharedHashes.get(game);
  if (hash === undefined) sharedHashes.set(game, (hash = stateHash(game)));
  return hash;
}

// The bench runs many bots in one process, where a real class has a device per student. Each
// bot decides in its own turn of the event loop, so the messages that reach other bots meanwhile
// are read (and their arrival timed) between two decisions, not after a queue of them: a student's
// device does not wait for other students to think before it shows the table.
const decisions: (() => void)[] = [];
let pumping = false;
function decideSoon(act: () => void) {
  decisions.push(act);
  if (!pumping) {
    pumping = true;
    setImmediate(pump);
  }
}
function pump() {
  decisions.shift()?.();
  if (decisions.length > 0) setImmediate(pump);
  else pumping = false;
}

export class Bot {
  party!: Party;
  tableId!: string;
  token!: string;
  room: Room | null = null;
  private client: Client;
  private setup: { seed: string; difficulty: Difficulty } | null = null;
  private moves: Move[] = [];
  private seq = 0;
  private pending: { id: number; at: number; move: Move } | null = null;
  private done = false;
  private finished!: (r: BotResult) => void;
  readonly result: Promise<BotResult>;
  readonly acked: { index: number; move: Move }[] = [];
  readonly latencies: number[] = [];
  readonly shown: number[] = [];
  readonly sentAt: number[] = [];
  /** Acknowledged moves whose update has not come yet. */
  private unseen: { index: number; at: number }[] = [];
  readonly errors: string[] = [];

  constructor(
    private readonly url: string,
    private readonly level: Level,
    private readonly thinkMs = 0,
  ) {
    this.client = new Client(url.replace(/^http/, 'ws'));
    this.result = new Promise((resolve) => (this.finished = resolve));
  }

  async join(code: string, name: string) {
    const seat = await postJson<{ tableId: string; token: string; party: Party }>(
      `${this.url}/live/api/join`,
      { code, name },
    );
    this.party = seat.party;
    this.tableId = seat.tableId;
    this.token = seat.token;
    await this.connect();
  }

  private async connect() {
    const room = await this.client.joinById(this.tableId, { token: this.token });
    this.room = room;
    const log = this.log;
    if (log) {
      // Tests read every message this seat receives.
      const on = room.onMessage.bind(room);
      room.onMessage = ((type: string, fn: (m: unknown) => void) =>
        // eslint-disable-next-line @typescript-eslint/no-unsafe-return
        on(type, (m: unknown) => {
          log.push(JSON.stringify({ type, m }));
          fn(m);
        })) as typeof room.onMessage;
    }
    this.pending = null;
    // A new connection is sent its whole view again.
    this.lastView = null;
    room.onMessage('seat', (m: { moves: Move[]; seed: string; difficulty: Difficulty }) => {
      this.moves = [...m.moves];
      this.setup = { seed: m.seed, difficulty: m.difficulty };
    });
    room.onMessage('update', (update: SeatUpdate) => {
      this.moves = applySeatMoves(this.moves, update);
      const now = performance.now();
      while (this.unseen[0] && this.unseen[0].index < update.from + update.moves.length)
        this.shown.push(now - this.unseen.shift()!.at);
      const view = applySeatUpdate(this.lastView, update);
      if (view) this.onView(view);
    });
    room.onMessage('ack', (m: { id: number; index: number }) => {
      if (this.pending?.id === m.id) {
        this.latencies.push(performance.now() - this.pending.at);
        this.sentAt.push(this.pending.at);
        this.unseen.push({ index: m.index, at: this.pending.at });
        this.acked.push({ index: m.index, move: this.pending.move });
        this.moves[m.index] = this.pending.move;
        this.pending = null;
        if (this.lastView) this.onView(this.lastView);
      }
    });
    room.onMessage('refused', (m: { id: number | null; code: string; message: string }) => {
      // Two seats may pick the same lever at once; the second is refused by the rules, and passes.
      if (m.code.startsWith('side-move/')) this.passNext = true;
      else if (m.code !== 'table/paused') this.errors.push(`${m.code}: ${m.message}`);
      if (this.pending?.id === m.id) this.pending = null;
      if (this.lastView) this.onView(this.lastView);
    });
    room.onLeave((code) => {
      if (!this.done && code !== 4000) void this.rejoin();
    });
  }

  private async rejoin() {
    this.room = null;
    const until = Date.now() + 60_000;
    while (Date.now() < until && !this.done) {
      try {
        await this.connect();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    if (!this.done) this.errors.push('could not rejoin');
  }

  private cache: { game: GameState; count: number; seats: string } | null = null;

  /** The bot's own copy of the game, brought up to date move by move. */
  private game(): GameState | null {
    if (!this.setup || !this.room) return null;
    const seatsKey = PARTIES.map(
      (p) =>
        (this.room!.state as { seats: Map<string, { occupant: string }> }).seats.get(p)?.occupant,
    ).join();
    const c = this.cache;
    if (c && c.seats === seatsKey && c.count <= this.moves.length) {
      let game = c.game;
      for (let i = c.count; i < this.moves.length; i++) {
        const m = this.moves[i];
        if (!m) return null;
        const next = nextState(this.level, game, m);
        if (!next) return null;
        game = next;
      }
      this.cache = { game, count: this.moves.length, seats: seatsKey };
      return game;
    }
    const seats = byParty((p) =>
      (this.room!.state as { seats: Map<string, { occupant: string }> }).seats.get(p)?.occupant ===
      'person'
        ? ('human' as const)
        : ('computer' as const),
    );
    if (this.moves.some((m) => !m)) return null;
    const key = JSON.stringify([this.tableId, this.setup, seats, this.moves]);
    let game = sharedReplays.get(key);
    if (!game) {
      const replayed = replayMoves(this.level, { ...this.setup, seats }, this.moves);
      if (!replayed.ok) return null;
      game = replayed.value;
      if (sharedReplays.size > 1000) sharedReplays.clear();
      sharedReplays.set(key, game);
    }
    this.cache = { game, count: this.moves.length, seats: seatsKey };
    return game;
  }

  private lastView: SeatView | null = null;
  /** When set, every message received is appended here as JSON. */
  log: string[] | null = null;

  private onView(view: SeatView) {
    this.lastView = view;
    if (view.outcome) {
      if (this.done) return;
      this.done = true;
      const game = this.game();
      this.finished({
        party: this.party,
        tableId: this.tableId,
        acked: this.acked,
        latencies: this.latencies,
        shown: this.shown,
        sentAt: this.sentAt,
        errors: this.errors,
        finalHash: game ? hashOf(game) : '',
        moves: this.moves,
      });
      void this.room?.leave(true);
      return;
    }
    if (this.pending || !view.waitingFor.includes(this.party)) return;
    const act = () => {
      if (this.pending || this.done) return;
      const game = this.game();
      if (!game || !waitingFor(game).includes(this.party)) return;
      const move = this.decide(game);
      this.pending = { id: ++this.seq, at: performance.now(), move };
      this.room?.send('move', { id: this.pending.id, move });
    };
    if (this.thinkMs > 0) setTimeout(() => decideSoon(act), this.thinkMs);
    else decideSoon(act);
  }

  private passNext = false;
  refusedByRules = 0;

  private decide(game: GameState): Move {
    const party = this.party;
    if (this.passNext && game.table && PARTIES.every((p) => game.responses[p] !== undefined)) {
      this.passNext = false;
      this.refusedByRules++;
      return { type: 'SIDE_MOVE', party, move: { kind: 'pass' } };
    }
    if (!game.table) {
      return { type: 'PROPOSE', party, package: computerProposal(this.level, game, party).package };
    }
    if (PARTIES.some((p) => game.responses[p] === undefined) && game.responses[party] === undefined)
      return {
        type: 'RESPOND',
        party,
        accept: respond(this.level, game, party, game.table.package).accept,
      };
    return { type: 'SIDE_MOVE', party, move: chooseSideMove(this.level, game, party) };
  }
}
