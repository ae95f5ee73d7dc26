// Where live classes, tables and moves are kept. Every accepted move is appended here before
// anyone hears of it. SQLite (better-sqlite3) under data/ by default; Redis when REDIS_URL is set.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import type { ByParty, Difficulty, Party } from '../src/core/parties';
import type { Move, Seat } from '../src/core/state';

export interface ClassRecord {
  readonly code: string;
  /** sha-256 of the teacher secret, hex. */
  readonly secretHash: string;
  readonly level: string;
  readonly seed: string;
  readonly difficulty: Difficulty;
  /** People per table, 2–4; computers fill the other seats. */
  readonly tableSize: number;
  /** Seconds a seat has for its move in each phase; 0 for no limit. */
  readonly phaseSeconds: number;
  /** A private table among friends: seated people may start it themselves. */
  readonly friends: boolean;
  paused: boolean;
  ended: boolean;
  readonly createdAt: number;
}

export interface PersonRecord {
  readonly name: string;
  /** sha-256 of the seat token, hex. */
  readonly tokenHash: string;
}

export interface TableStatus {
  readonly phase: string;
  readonly round: number;
  readonly waitingFor: readonly Party[];
  readonly outcome: string;
  readonly connected: readonly Party[];
  readonly moves: number;
  readonly resultCode: string;
  readonly stateHash: string;
}

export interface TableRecord {
  readonly id: string;
  readonly classCode: string;
  readonly index: number;
  readonly level: string;
  readonly seed: string;
  readonly difficulty: Difficulty;
  /** Seats open to people, in the order they are filled. */
  humanSeats: Party[];
  people: Partial<ByParty<PersonRecord>>;
  /** Seats fixed when the table starts; null before. */
  seats: ByParty<Seat> | null;
  /** Human seats the server plays for (the teacher put the computer there after the start). */
  autopilot: Party[];
  over: boolean;
  status: TableStatus | null;
}

export interface Store {
  putClass(record: ClassRecord): Promise<void>;
  getClass(code: string): Promise<ClassRecord | null>;
  putTable(record: TableRecord): Promise<void>;
  getTable(id: string): Promise<TableRecord | null>;
  tablesOf(classCode: string): Promise<TableRecord[]>;
  openTables(): Promise<TableRecord[]>;
  /**
   * Appends moves at `index`, `index + 1`, …, all or none: false (nothing written) when any of
   * those places is taken. (Redis also refuses when the list does not end at `index`.)
   */
  appendMoves(tableId: string, index: number, moves: readonly Move[]): Promise<boolean>;
  moves(tableId: string): Promise<Move[]>;
  close(): Promise<void>;
}

/** Thrown inside a savepoint to undo one table's moves when their place is taken. */
const TAKEN = new Error('move index taken');

/** One table's moves waiting for its store's next batched write. */
interface QueuedMoves {
  /** The table's id (SQLite) or the key of its list of moves (Redis). */
  readonly target: string;
  readonly index: number;
  readonly bodies: readonly string[];
  readonly stored: (ok: boolean) => void;
  readonly failed: (e: unknown) => void;
}

/** Queues one table's moves for the batched write that `schedule` arranges; settles after it. */
function queueMoves(
  queue: QueuedMoves[],
  target: string,
  index: number,
  moves: readonly Move[],
  schedule: () => void,
): Promise<boolean> {
  return new Promise<boolean>((stored, failed) => {
    queue.push({ target, index, bodies: moves.map((m) => JSON.stringify(m)), stored, failed });
    schedule();
  });
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  // Prepared once: preparing a statement per call cost as much as running it.
  private readonly sql: Record<
    | 'putClass'
    | 'getClass'
    | 'putTable'
    | 'getTable'
    | 'tablesOf'
    | 'openTables'
    | 'appendMove'
    | 'moves',
    Database.Statement
  >;
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS classes (code TEXT PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS tables (id TEXT PRIMARY KEY, class TEXT NOT NULL, open INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS tables_class ON tables (class);
      CREATE TABLE IF NOT EXISTS moves (tbl TEXT NOT NULL, idx INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tbl, idx));
    `);
    const prepare = (text: string) => this.db.prepare(text);
    this.sql = {
      putClass: prepare('INSERT OR REPLACE INTO classes (code, body) VALUES (?, ?)'),
      getClass: prepare('SELECT body FROM classes WHERE code = ?'),
      putTable: prepare(
        'INSERT OR REPLACE INTO tables (id, class, open, body) VALUES (?, ?, ?, ?)',
      ),
      getTable: prepare('SELECT body FROM tables WHERE id = ?'),
      tablesOf: prepare('SELECT body FROM tables WHERE class = ?'),
      openTables: prepare('SELECT body FROM tables WHERE open = 1'),
      appendMove: prepare('INSERT OR IGNORE INTO moves (tbl, idx, body) VALUES (?, ?, ?)'),
      moves: prepare('SELECT body FROM moves WHERE tbl = ? ORDER BY idx'),
    };
    this.group = this.db.transaction((m: QueuedMoves) =>
      m.bodies.forEach((body, i) => {
        if (this.sql.appendMove.run(m.target, m.index + i, body).changes !== 1) throw TAKEN;
      }),
    );
  }
  putClass(r: ClassRecord) {
    this.sql.putClass.run(r.code, JSON.stringify(r));
    return Promise.resolve();
  }
  getClass(code: string) {
    this.flush();
    const row = this.sql.getClass.get(code) as { body: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.body) as ClassRecord) : null);
  }
  /** Table records to write with the next batch of moves; reads write them first. */
  private tableRows = new Map<string, [string, string, number, string]>();
  putTable(r: TableRecord) {
    // Each table saves its status about once a second: forty tables' saves, one commit each,
    // cost more than their moves. They are written in the next batch's transaction instead.
    this.tableRows.set(r.id, [r.id, r.classCode, r.over ? 0 : 1, JSON.stringify(r)]);
    this.writeSoon();
    return Promise.resolve();
  }
  getTable(id: string) {
    this.flush();
    const row = this.sql.getTable.get(id) as { body: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.body) as TableRecord) : null);
  }
  private bodies(statement: Database.Statement, ...args: unknown[]): TableRecord[] {
    return (statement.all(...args) as { body: string }[]).map(
      (row) => JSON.parse(row.body) as TableRecord,
    );
  }
  tablesOf(classCode: string) {
    this.flush();
    return Promise.resolve(this.bodies(this.sql.tablesOf, classCode));
  }
  openTables() {
    this.flush();
    return Promise.resolve(this.bodies(this.sql.openTables));
  }
  private queued: QueuedMoves[] = [];

  /**
   * Moves appended together (the tables' inboxes are drained in one go, see tableRoom) are
   * written in one transaction, at the end of the current task: one write to the log instead of
   * one each. Each promise settles after the commit, so a move is still stored before anyone
   * hears of it.
   */
  appendMoves(tableId: string, index: number, moves: readonly Move[]) {
    return queueMoves(this.queued, tableId, index, moves, () => this.writeSoon());
  }
  private writing = false;
  private writeSoon() {
    if (this.writing) return;
    this.writing = true;
    queueMicrotask(() => this.flush());
  }
  /** Writes the queued moves and table records in one transaction. */
  private flush() {
    this.writing = false;
    if (this.queued.length === 0 && this.tableRows.size === 0) return;
    const batch = this.queued;
    const rows = [...this.tableRows.values()];
    this.queued = [];
    this.tableRows.clear();
    let results: boolean[];
    try {
      results = this.db.transaction(() => {
        for (const row of rows) this.sql.putTable.run(...row);
        return batch.map((m) => this.writeGroup(m));
      })();
    } catch (e) {
      for (const m of batch) m.failed(e);
      if (batch.length === 0) console.error('live: tables not saved', e);
      return;
    }
    batch.forEach((m, i) => m.stored(results[i]!));
  }
  /** One table's moves, all or none (several go in a savepoint inside the batch's transaction). */
  private writeGroup(m: QueuedMoves): boolean {
    if (m.bodies.length === 1)
      return this.sql.appendMove.run(m.target, m.index, m.bodies[0]).changes === 1;
    try {
      this.group(m);
      return true;
    } catch (e) {
      if (e === TAKEN) return false;
      throw e;
    }
  }
  private readonly group: (m: QueuedMoves) => void;
  moves(tableId: string) {
    this.flush();
    const rows = this.sql.moves.all(tableId) as { body: string }[];
    return Promise.resolve(rows.map((row) => JSON.parse(row.body) as Move));
  }
  close() {
    this.flush();
    this.db.close();
    return Promise.resolve();
  }
}

/** Redis keys under one prefix: class:<code>, table:<id>, tables:<class> (set), open (set), moves:<id> (list). */
export class RedisStore implements Store {
  private readonly redis: Redis;
  constructor(
    url: string,
    private readonly prefix = 'redlines:',
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 3 });
    // For each key in turn, ARGV holds its expected length, its number of moves and the moves:
    // they are appended only when the list is exactly that long. One call per batch, sent by its
    // SHA (EVALSHA), answers 1 (stored) or 0 (taken) per key.
    this.redis.defineCommand('appendEach', {
      lua: `local out, a = {}, 1
for i, key in ipairs(KEYS) do
  local n = tonumber(ARGV[a + 1])
  if redis.call('LLEN', key) == tonumber(ARGV[a]) then
    redis.call('RPUSH', key, unpack(ARGV, a + 2, a + 1 + n))
    out[i] = 1
  else
    out[i] = 0
  end
  a = a + 2 + n
end
return out`,
    });
  }
  private k = (key: string) => this.prefix + key;
  async putClass(r: ClassRecord) {
    await this.redis.set(this.k(`class:${r.code}`), JSON.stringify(r));
  }
  async getClass(code: string) {
    const body = await this.redis.get(this.k(`class:${code}`));
    return body ? (JSON.parse(body) as ClassRecord) : null;
  }
  async putTable(r: TableRecord) {
    const multi = this.redis
      .multi()
      .set(this.k(`table:${r.id}`), JSON.stringify(r))
      .sadd(this.k(`tables:${r.classCode}`), r.id);
    if (r.over) multi.srem(this.k('open'), r.id);
    else multi.sadd(this.k('open'), r.id);
    await multi.exec();
  }
  async getTable(id: string) {
    const body = await this.redis.get(this.k(`table:${id}`));
    return body ? (JSON.parse(body) as TableRecord) : null;
  }
  private async many(ids: string[]): Promise<TableRecord[]> {
    if (ids.length === 0) return [];
    const bodies = await this.redis.mget(ids.map((id) => this.k(`table:${id}`)));
    return bodies.filter((b): b is string => b !== null).map((b) => JSON.parse(b) as TableRecord);
  }
  async tablesOf(classCode: string) {
    return this.many(await this.redis.smembers(this.k(`tables:${classCode}`)));
  }
  async openTables() {
    return this.many(await this.redis.smembers(this.k('open')));
  }
  private queued: QueuedMoves[] = [];
  /**
   * Moves appended in one turn of the event loop (every table drained in it, see tableRoom) go
   * to Redis in one call: each command is a socket write, and on this machine the writes cost
   * more than the moves. Each promise settles when Redis has answered.
   */
  appendMoves(tableId: string, index: number, moves: readonly Move[]) {
    return queueMoves(this.queued, this.k(`moves:${tableId}`), index, moves, () => {
      if (this.queued.length === 1) setImmediate(() => void this.flush());
    });
  }
  private async flush() {
    const batch = this.queued.splice(0);
    if (batch.length === 0) return;
    const redis = this.redis as Redis & {
      appendEach(keys: number, ...args: string[]): Promise<number[]>;
    };
    try {
      const done = await redis.appendEach(
        batch.length,
        ...batch.map((m) => m.target),
        ...batch.flatMap((m) => [String(m.index), String(m.bodies.length), ...m.bodies]),
      );
      batch.forEach((m, i) => m.stored(done[i] === 1));
    } catch (e) {
      for (const m of batch) m.failed(e);
    }
  }
  async moves(tableId: string) {
    const rows = await this.redis.lrange(this.k(`moves:${tableId}`), 0, -1);
    return rows.map((row) => JSON.parse(row) as Move);
  }
  async close() {
    await this.flush();
    await this.redis.quit();
  }
}

export const openStore = (env: { REDIS_URL?: string; LIVE_DB?: string } = process.env): Store =>
  env.REDIS_URL
    ? new RedisStore(env.REDIS_URL)
    : new SqliteStore(env.LIVE_DB ?? 'data/live.sqlite');
