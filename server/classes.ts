// The class service: the small HTTP API a teacher and students use before and beside the tables.
//   POST /live/api/class                 create a class (or a friends' table) → { code, secret }
//   POST /live/api/join                  { code, name } → { tableId, token, party }   rate-limited
//   POST /live/api/seat                  { code, token } → { tableId, party }  (where my seat is now)
//   GET  /live/api/class/CODE            the teacher's view of every table (x-teacher-secret)
//   POST /live/api/class/CODE/action     a teacher action (x-teacher-secret)
import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { cleanName } from '../src/core/codes';
import { PARTIES, type Party } from '../src/core/parties';
import { SEED_ALPHABET, deriveSeed } from '../src/core/seed';
import { context, newClassCode, newToken, sha256 } from './context';
import {
  MAX_MESSAGE_BYTES,
  classCodeSchema,
  classOptionsSchema,
  joinRequestSchema,
  teacherActionSchema,
} from './protocol';
import type { ClassRecord, TableRecord } from './store';

/** The order seats are offered to people: a table of two is Ukraine and Russia. */
export const HUMAN_ORDER: readonly Party[] = ['ukraine', 'russia', 'us', 'europe'];

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'request/refused',
  ) {
    super(message);
  }
}

/** A sliding-window limit per address. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}
  allow(key: string, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.hits.clear();
    return true;
  }
}

export const limits = {
  joins: new RateLimiter(Number(process.env.LIVE_JOIN_LIMIT ?? 60), 60_000),
  classes: new RateLimiter(Number(process.env.LIVE_CLASS_LIMIT ?? 30), 60_000),
};

const tableId = (code: string, index: number) => `${code}-${index}`;

/** One join at a time per class in this process, so two students never get the same seat. */
const classLocks = new Map<string, Promise<unknown>>();
function locked<T>(code: string, task: () => Promise<T>): Promise<T> {
  const run = (classLocks.get(code) ?? Promise.resolve()).then(task, task);
  classLocks.set(
    code,
    run.catch(() => undefined),
  );
  return run;
}

async function ensureRoom(id: string) {
  const existing = await matchMaker.query({ roomId: id });
  if (existing.length === 0) await matchMaker.createRoom('table', { tableId: id });
}

async function newTable(cls: ClassRecord, index: number): Promise<TableRecord> {
  const record: TableRecord = {
    id: tableId(cls.code, index),
    classCode: cls.code,
    index,
    level: cls.level,
    seed: index === 1 ? cls.seed : deriveSeed(cls.seed, index),
    difficulty: cls.difficulty,
    humanSeats: HUMAN_ORDER.slice(0, cls.tableSize),
    people: {},
    seats: null,
    autopilot: [],
    over: false,
    status: null,
  };
  await context().store.putTable(record);
  await ensureRoom(record.id);
  return record;
}

export async function createClass(body: unknown) {
  const parsed = classOptionsSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'These class settings cannot be read.');
  const options = parsed.data;
  if (!context().levels.has(options.level)) throw new HttpError(400, 'No such level.');
  const secret = newToken();
  const seed =
    options.seed ??
    Array.from({ length: 8 }, () => SEED_ALPHABET[randomInt(SEED_ALPHABET.length)]).join('');
  let code = newClassCode();
  while (await context().store.getClass(code)) code = newClassCode();
  const record: ClassRecord = {
    code,
    secretHash: sha256(secret),
    level: options.level,
    seed,
    difficulty: options.difficulty,
    tableSize: options.tableSize,
    phaseSeconds: options.phaseSeconds,
    friends: options.friends,
    paused: false,
    ended: false,
    createdAt: Date.now(),
  };
  await context().store.putClass(record);
  await newTable(record, 1);
  return { code, secret, seed };
}

export async function joinClass(body: unknown) {
  const parsed = joinRequestSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'Type the class code and your name.');
  const name = cleanName(parsed.data.name);
  if (name === '') throw new HttpError(400, 'Type your name.');
  const cls = await context().store.getClass(parsed.data.code);
  if (!cls) throw new HttpError(404, 'There is no class with this code.');
  if (cls.ended) throw new HttpError(410, 'This class has ended.');
  const token = newToken();
  const tokenHash = sha256(token);
  return locked(cls.code, async () => {
    const tables = (await context().store.tablesOf(cls.code)).sort((a, b) => a.index - b.index);
    for (const table of tables) {
      if (table.seats || table.over) continue;
      if (!table.humanSeats.some((p) => !table.people[p])) continue;
      await ensureRoom(table.id);
      const party = await matchMaker.remoteRoomCall<Party | null>(table.id, 'seatPerson', [
        name,
        tokenHash,
        null,
      ]);
      if (party) return { tableId: table.id, token, party, name };
    }
    if (cls.friends) throw new HttpError(409, 'This table is full.');
    const table = await newTable(cls, (tables.at(-1)?.index ?? 0) + 1);
    const party = await matchMaker.remoteRoomCall<Party | null>(table.id, 'seatPerson', [
      name,
      tokenHash,
      null,
    ]);
    if (!party) throw new HttpError(500, 'No seat could be found.');
    return { tableId: table.id, token, party, name };
  });
}

export async function findSeat(body: unknown) {
  const code = classCodeSchema.safeParse((body as { code?: unknown } | null)?.code);
  const token = (body as { token?: unknown } | null)?.token;
  if (!code.success || typeof token !== 'string' || token.length > 64)
    throw new HttpError(400, 'This seat cannot be read.');
  const hash = sha256(token);
  for (const table of await context().store.tablesOf(code.data))
    for (const party of PARTIES)
      if (table.people[party]?.tokenHash === hash) {
        if (!table.over) await ensureRoom(table.id);
        return { tableId: table.id, party };
      }
  throw new HttpError(404, 'Your seat is no longer in this class.');
}

async function teacherClass(code: string, secret: string | undefined): Promise<ClassRecord> {
  const cls = classCodeSchema.safeParse(code).success ? await context().store.getClass(code) : null;
  if (!cls) throw new HttpError(404, 'There is no class with this code.');
  if (!secret || sha256(secret) !== cls.secretHash)
    throw new HttpError(403, 'Only the teacher of this class can do this.', 'teacher/forbidden');
  return cls;
}

export async function classView(code: string, secret: string | undefined) {
  const cls = await teacherClass(code, secret);
  const tables = (await context().store.tablesOf(code)).sort((a, b) => a.index - b.index);
  const { secretHash, ...shown } = cls;
  void secretHash;
  return {
    class: shown,
    tables: tables.map((t) => ({
      id: t.id,
      index: t.index,
      seed: t.seed,
      started: t.seats !== null,
      over: t.over,
      seats: PARTIES.map((party) => {
        const human = t.seats ? t.seats[party] === 'human' : t.humanSeats.includes(party);
        const person = t.people[party];
        return {
          party,
          occupant: !human ? 'computer' : person ? 'person' : 'empty',
          name: person?.name ?? '',
          connected: !human || (t.status?.connected ?? []).includes(party),
          autopilot: t.autopilot.includes(party),
        };
      }),
      status: t.status,
    })),
  };
}

export async function teacherAction(code: string, secret: string | undefined, body: unknown) {
  const cls = await teacherClass(code, secret);
  const parsed = teacherActionSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'This action cannot be read.');
  const action = parsed.data;
  const tables = await context().store.tablesOf(code);
  const call = async (id: string, method: string, args: unknown[]) => {
    await ensureRoom(id);
    return (await matchMaker.remoteRoomCall(id, method, args)) as unknown;
  };
  switch (action.type) {
    case 'pause':
    case 'resume':
    case 'end': {
      cls.paused = action.type === 'pause';
      if (action.type === 'end') cls.ended = true;
      await context().store.putClass(cls);
      for (const t of tables) if (!t.over) await call(t.id, 'teacher', [action, cls]);
      return { ok: true };
    }
    case 'startAll':
      for (const t of tables) if (!t.over && !t.seats) await call(t.id, 'teacher', [action, cls]);
      return { ok: true };
    case 'start':
    case 'computer': {
      const id = action.type === 'start' ? action.table : action.seat.table;
      if (!tables.some((t) => t.id === id))
        throw new HttpError(404, 'No such table in this class.');
      await call(id, 'teacher', [action, cls]);
      return { ok: true };
    }
    case 'move': {
      const { from, to } = action;
      if (!tables.some((t) => t.id === from.table) || !tables.some((t) => t.id === to.table))
        throw new HttpError(404, 'No such table in this class.');
      return locked(code, async () => {
        const person = (await call(from.table, 'takePerson', [from.party])) as {
          name: string;
          tokenHash: string;
        } | null;
        if (!person)
          throw new HttpError(409, 'Only students at tables that have not started can move.');
        const seated: unknown = await call(to.table, 'seatPerson', [
          person.name,
          person.tokenHash,
          to.party,
        ]);
        if (!seated) {
          await call(from.table, 'seatPerson', [person.name, person.tokenHash, from.party]);
          throw new HttpError(409, 'That seat is taken or the table has started.');
        }
        return { ok: true };
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, x-teacher-secret',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MESSAGE_BYTES) {
        reject(new HttpError(413, 'This request is too long.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null);
      } catch {
        reject(new HttpError(400, 'This request is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

export const clientAddress = (req: IncomingMessage): string =>
  (process.env.LIVE_TRUST_PROXY
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        ?.trim()
    : '') ||
  req.socket.remoteAddress ||
  'unknown';

/** Handles /live/api/*; returns false for any other path. */
export function handleApi(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://x');
  if (!url.pathname.startsWith('/live/api/')) return false;
  const send = (status: number, body: unknown) => {
    res.writeHead(status, {
      ...CORS,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return true;
  }
  const secretHeader = req.headers['x-teacher-secret'];
  const secret = typeof secretHeader === 'string' ? secretHeader : undefined;
  const path = url.pathname.slice('/live/api/'.length).split('/');
  const run = async (): Promise<unknown> => {
    if (req.method === 'GET' && path[0] === 'health') return { ok: true };
    if (req.method === 'GET' && path[0] === 'class' && path[1] && path.length === 2)
      return classView(path[1], secret);
    if (req.method !== 'POST') throw new HttpError(404, 'Not found.');
    const address = clientAddress(req);
    if (path.join('/') === 'class') {
      if (!limits.classes.allow(address))
        throw new HttpError(429, 'Too many new classes; wait a minute.', 'rate/limited');
      return createClass(await readBody(req));
    }
    if (path.join('/') === 'join') {
      if (!limits.joins.allow(address))
        throw new HttpError(
          429,
          'Too many joins from this address; wait a minute.',
          'rate/limited',
        );
      return joinClass(await readBody(req));
    }
    if (path.join('/') === 'seat') return findSeat(await readBody(req));
    if (path[0] === 'class' && path[1] && path[2] === 'action' && path.length === 3)
      return teacherAction(path[1], secret, await readBody(req));
    throw new HttpError(404, 'Not found.');
  };
  run().then(
    (body) => send(200, body),
    (e: unknown) => {
      if (e instanceof HttpError) send(e.status, { error: e.code, message: e.message });
      else {
        console.error('live api', e);
        send(500, { error: 'server/error', message: 'The live server had a problem.' });
      }
    },
  );
  return true;
}
