// Issue 12: live tables on Colyseus 0.16, tested through real WebSockets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColyseusTestServer } from '@colyseus/testing';
import { Client, type Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stateHash } from '../../src/core/game';
import { replayMoves, waitingFor } from '../../src/core/moves';
import { seatView } from '../../src/core/seatView';
import type { GameState } from '../../src/core/state';
import { startLiveServer } from '../../server/app';
import { Bot, postJson } from '../../server/bot';
import { RateLimiter, limits } from '../../server/classes';
import { loadLevels } from '../../server/context';
import type { TableRoom } from '../../server/tableRoom';
import { applySeatUpdate, type SeatUpdate } from '../../src/live/seatUpdate';
import type { Party } from '../../src/core/parties';

const levels = loadLevels();
const level = levels.get('coalition-2025')!;
const dir = mkdtempSync(join(tmpdir(), 'redlines-live-'));
let live: Awaited<ReturnType<typeof startLiveServer>>;
let colyseus: ColyseusTestServer;
let url = '';

async function boot(db = join(dir, 'live.sqlite')) {
  live = await startLiveServer({
    port: 0,
    host: '127.0.0.1',
    dbFile: db,
    config: { computerDelayMs: 0 },
  });
  (live.server as unknown as { port: number }).port = live.port;
  colyseus = new ColyseusTestServer(live.server);
  url = `http://127.0.0.1:${live.port}`;
}

beforeAll(() => boot());
afterAll(async () => {
  await live.close();
  rmSync(dir, { recursive: true, force: true });
});

const newClass = (body: Record<string, unknown> = {}) =>
  postJson<{ code: string; secret: string }>(`${url}/live/api/class`, {
    level: 'coalition-2025',
    friends: true,
    tableSize: 4,
    ...body,
  });
const join_ = (code: string, name: string) =>
  postJson<{ tableId: string; token: string; party: string }>(`${url}/live/api/join`, {
    code,
    name,
  });

const gameOf = (tableId: string): GameState =>
  (colyseus.getRoomById(tableId) as unknown as { game: GameState }).game;

/** A colyseus.js room with every message it receives kept as JSON. */
async function rawJoin(tableId: string, token: string) {
  const client = new Client(url.replace('http', 'ws'));
  const room: Room = await client.joinById(tableId, { token });
  const decoded: string[] = [];
  room.onMessage('*', (type: string | number, message: unknown) => {
    decoded.push(JSON.stringify({ type, message }));
  });
  return { client, room, decoded };
}

/** The first message of a type a rawJoin room has received, waiting for it if need be. */
async function received<T>(decoded: readonly string[], type: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    for (const line of decoded) {
      const m = JSON.parse(line) as { type: string; message: T };
      if (m.type === type) return m.message;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${type} message`);
}

const nextMessage = <T>(room: Room, type: string) =>
  new Promise<T>((resolve) => {
    const stop = room.onMessage(type, (m: T) => {
      stop();
      resolve(m);
    }) as () => void;
  });

describe('a live table', () => {
  test('a Ukraine client never receives the US seat’s private numbers', async () => {
    const { code } = await newClass();
    const seats = await Promise.all(['A', 'B', 'C', 'D'].map((n) => join_(code, n)));
    const ukraine = seats.find((s) => s.party === 'ukraine')!;
    // The three others are bots; the spied Ukraine seat is played by a bot of its own too.
    const others = seats.filter((s) => s !== ukraine);
    const bots = others.map(() => new Bot(url, level));
    await Promise.all(
      bots.map(async (bot, k) => {
        const s = others[k]!;
        Object.assign(bot, { party: s.party, tableId: s.tableId, token: s.token });
        await (bot as unknown as { connect: () => Promise<void> }).connect();
      }),
    );
    const player = new Bot(url, level);
    const spy = { decoded: [] as string[], frames: [] as Buffer[] };
    player.log = spy.decoded;
    Object.assign(player, { party: 'ukraine', tableId: ukraine.tableId, token: ukraine.token });
    await (player as unknown as { connect: () => Promise<void> }).connect();
    await Promise.all([...bots, player].map((b) => b.result));
    const game = gameOf(ukraine.tableId);
    expect(game.outcome).not.toBeNull();

    const us = seatView(level, game, 'us').you;
    const mine = seatView(level, game, 'ukraine').you;
    const text = spy.decoded.join('\n');
    const bytes = Buffer.concat(spy.frames);
    expect(spy.decoded.length).toBeGreaterThan(10);
    const float64 = (x: number) => {
      const b = Buffer.alloc(9);
      b[0] = 0xcb;
      b.writeDoubleBE(x, 1);
      return b;
    };
    for (const w of us.weights.filter((w) => !mine.weights.includes(w))) {
      expect(text).not.toContain(String(w));
      expect(bytes.includes(float64(w))).toBe(false);
    }
    if (us.reservation !== mine.reservation)
      expect(text).not.toMatch(new RegExp(`"reservation":${us.reservation}[,}]`));
    for (const row of us.values)
      if (!mine.values.some((r) => r.join() === row.join()))
        expect(text).not.toContain(JSON.stringify(row));
    expect(text).not.toMatch(/"seat":"us"/);
    expect(text).not.toContain(JSON.stringify(us.weights));
    for (const line of us.redLines)
      if (!game.parties.us.known[level.parties.us.redLines.findIndex((l) => l.id === line.id)])
        expect(text).not.toContain(line.says);
  });

  test('forged seats, replayed and malformed messages are refused; the table does not change', async () => {
    const { code } = await newClass({ friends: true, tableSize: 2 });
    const a = await join_(code, 'Ana');
    const b = await join_(code, 'Bo');
    const ra = await rawJoin(a.tableId, a.token);
    const rb = await rawJoin(b.tableId, b.token);
    ra.room.send('start', {});
    await new Promise((r) => setTimeout(r, 150));
    const game = gameOf(a.tableId);
    const due = waitingFor(game)[0]!;
    const [mover, other] = due === a.party ? [ra, rb] : [rb, ra];
    const otherParty = due === a.party ? b.party : a.party;
    // Forged seat: moving for the other person's party.
    const refusedForged = nextMessage<{ code: string }>(other.room, 'refused');
    other.room.send('move', {
      id: 1,
      move: { type: 'PROPOSE', party: due, package: [0, 0, 0, 0, 0] },
    });
    expect((await refusedForged).code).toBe('seat/not-yours');
    // Malformed.
    const refusedBad = nextMessage<{ code: string }>(other.room, 'refused');
    other.room.send('move', { id: 2, move: { type: 'PROPOSE', party: otherParty, package: 'x' } });
    expect((await refusedBad).code).toBe('message/malformed');
    expect(stateHash(gameOf(a.tableId))).toBe(stateHash(game));
    // A real move, then the very same message again.
    const pkg = level.issues.map(() => 0);
    mover.room.send('move', { id: 5, move: { type: 'PROPOSE', party: due, package: pkg } });
    const answer = await Promise.race([
      nextMessage<{ code: string }>(mover.room, 'refused'),
      nextMessage<{ index: number }>(mover.room, 'ack'),
    ]);
    const before = stateHash(gameOf(a.tableId));
    const replayed = nextMessage<{ code: string }>(mover.room, 'refused');
    mover.room.send('move', { id: 5, move: { type: 'PROPOSE', party: due, package: pkg } });
    expect((await replayed).code).toBe('message/replayed');
    expect(stateHash(gameOf(a.tableId))).toBe(before);
    expect(answer).toBeTruthy();
    await ra.room.leave();
    await rb.room.leave();
  });

  test('a 1 MB message closes only its sender; the server and other tables carry on', async () => {
    const { code } = await newClass({ tableSize: 2 });
    const a = await join_(code, 'Big');
    const r = await rawJoin(a.tableId, a.token);
    const closed = new Promise<number>((resolve) => r.room.onLeave(resolve));
    r.room.send('move', { id: 1, junk: 'x'.repeat(1024 * 1024) });
    expect(await closed).not.toBe(4000);
    const health = await fetch(`${url}/live/api/health`);
    expect(health.ok).toBe(true);
    const big = await fetch(`${url}/live/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'x'.repeat(1024 * 1024) }),
    }).catch(() => null);
    expect(big === null || big.status === 413 || big.status === 400).toBe(true);
  });

  test('teacher actions need the teacher secret', async () => {
    const { code, secret } = await newClass({ friends: false, tableSize: 2 });
    const forged = await fetch(`${url}/live/api/class/${code}/action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-teacher-secret': 'not-the-secret-at-all' },
      body: JSON.stringify({ type: 'end' }),
    });
    expect(forged.status).toBe(403);
    const view = await fetch(`${url}/live/api/class/${code}`);
    expect(view.status).toBe(403);
    const real = await fetch(`${url}/live/api/class/${code}`, {
      headers: { 'x-teacher-secret': secret },
    });
    expect(real.status).toBe(200);
  });

  test('a flood of joins from one address is rate-limited', async () => {
    const saved = limits.joins;
    limits.joins = new RateLimiter(20, 60_000);
    try {
      const { code } = await newClass({ friends: false, tableSize: 4 });
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          fetch(`${url}/live/api/join`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ code, name: `S${i}` }),
          }).then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    } finally {
      limits.joins = saved;
    }
  });

  test('a student who loses the connection gets the same seat and state back', async () => {
    const { code } = await newClass({ tableSize: 2 });
    const a = await join_(code, 'Re');
    const b = await join_(code, 'Co');
    const ra = await rawJoin(a.tableId, a.token);
    const rb = await rawJoin(b.tableId, b.token);
    ra.room.send('start', {});
    await new Promise((r) => setTimeout(r, 150));
    const token = ra.room.reconnectionToken;
    // Drop the socket without a goodbye, as a closed lid does.
    (
      ra.room.connection as unknown as { transport: { ws: { close: (c: number) => void } } }
    ).transport.ws.close(4999);
    await new Promise((r) => setTimeout(r, 150));
    const room = colyseus.getRoomById(a.tableId) as unknown as TableRoom;
    expect(room.state.seats.get(a.party)!.connected).toBe(false);
    const firstUpdate = (r: Room) => nextMessage<SeatUpdate>(r, 'update');
    const back = await ra.client.reconnect(token);
    // The reconnected client is sent its whole view again: the same state as the table's.
    const update = await firstUpdate(back);
    const game = gameOf(a.tableId);
    expect(applySeatUpdate(null, update)).toEqual(
      JSON.parse(JSON.stringify(seatView(level, game, a.party as Party))),
    );
    expect(update.from).toBe(0);
    expect(update.moves).toEqual(game.moves);
    await new Promise((r) => setTimeout(r, 100));
    expect(room.state.seats.get(a.party)!.connected).toBe(true);
    // A fresh device with the seat token also gets the seat.
    const again = await rawJoin(a.tableId, a.token);
    const seat = await received<{ party: string }>(again.decoded, 'seat');
    expect(seat.party).toBe(a.party);
    await again.room.leave();
    await rb.room.leave();
  });
});

describe('a server restart', () => {
  test('rebuilds open tables from their moves with the same stateHash, and play goes on', async () => {
    // A fixed seed whose talks last for rounds, and the bots stop after their first moves: the
    // table must still be open when the server restarts.
    const { code } = await newClass({ tableSize: 2, seed: 'K7F2Q9XM' });
    const a = await join_(code, 'Ka');
    const b = await join_(code, 'Lu');
    const bots = [new Bot(url, level, 40), new Bot(url, level, 40)];
    for (const [k, s] of [a, b].entries()) {
      Object.assign(bots[k]!, { party: s.party, tableId: s.tableId, token: s.token });
      await (bots[k] as unknown as { connect: () => Promise<void> }).connect();
    }
    bots[0]!.room!.send('start', {});
    for (let i = 0; i < 200 && bots.reduce((n, b) => n + b.acked.length, 0) < 2; i++)
      await new Promise((r) => setTimeout(r, 10));
    for (const bot of bots) Object.assign(bot, { done: true });
    await new Promise((r) => setTimeout(r, 100));
    const before = gameOf(a.tableId);
    expect(before.moves.length).toBeGreaterThan(0);
    for (const bot of bots) {
      Object.assign(bot, { done: true });
      void bot.room?.leave();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(gameOf(a.tableId).outcome).toBeNull();
    const moves = await live.store.moves(a.tableId);
    const hashBefore = stateHash(
      replayMoves(
        level,
        { seed: before.seed, seats: before.seats, difficulty: before.difficulty },
        moves,
      ).ok
        ? (
            replayMoves(
              level,
              { seed: before.seed, seats: before.seats, difficulty: before.difficulty },
              moves,
            ) as { value: GameState }
          ).value
        : before,
    );
    // The running table and its stored moves agree before the restart…
    expect(stateHash(gameOf(a.tableId))).toBe(hashBefore);
    await live.close();
    await boot();
    // …and the rebuilt table is the same game.
    const rebuilt = gameOf(a.tableId);
    expect(rebuilt).toBeTruthy();
    expect(stateHash(rebuilt)).toBe(hashBefore);
    const again = await rawJoin(a.tableId, a.token);
    const seat = await received<{ party: string; moves: unknown[] }>(again.decoded, 'seat');
    expect(seat.party).toBe(a.party);
    expect(seat.moves).toHaveLength(moves.length);
    await again.room.leave();
  });
});
